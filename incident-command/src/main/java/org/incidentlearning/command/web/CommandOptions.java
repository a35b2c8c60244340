package org.incidentlearning.command.web;

/**
 * What the HTTP request says about how to run a command, besides its body: the {@code If-Match} version it expects,
 * its {@code Idempotency-Key}, the method and path the key is bound to, the {@code X-Actor} it names (null: the
 * body's team) and its correlation id ({@code X-Correlation-Id}, or one made up for it).
 */
public record CommandOptions(Long expectedVersion, String idempotencyKey, String method, String path, String actor,
                             String correlationId) {
}
