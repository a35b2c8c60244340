package org.incidentlearning.web.security;

import java.util.List;

/**
 * Paths a deployable serves beyond the service's own, authorized like commands: TEAM and FACILITATOR may
 * {@code POST} them, through the same chain (credential, rate limit, headers) as every command. A deployable
 * declares them as a bean; the service's own deployables declare none, so everything not listed stays denied.
 */
public record AdditionalCommandPaths(List<String> paths) {
}
