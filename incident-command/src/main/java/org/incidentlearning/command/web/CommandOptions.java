package org.incidentlearning.command.web;

/**
 * What the HTTP request says about how to run a command, besides its body: the {@code If-Match} version it expects,
 * its {@code Idempotency-Key}, and the method and path the key is bound to.
 */
public record CommandOptions(Long expectedVersion, String idempotencyKey, String method, String path) {
}
