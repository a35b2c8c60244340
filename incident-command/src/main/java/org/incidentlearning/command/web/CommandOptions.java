package org.incidentlearning.command.web;

import org.incidentlearning.web.security.IncidentPrincipal;

/**
 * What the HTTP request says about how to run a command, besides its body: the {@code If-Match} version it expects,
 * its {@code Idempotency-Key}, the method and path the key is bound to, the authenticated principal who asks (the
 * events' actor) and its correlation id ({@code X-Correlation-Id}, or one made up for it).
 */
public record CommandOptions(Long expectedVersion, String idempotencyKey, String method, String path,
                             IncidentPrincipal principal, String correlationId) {
}
