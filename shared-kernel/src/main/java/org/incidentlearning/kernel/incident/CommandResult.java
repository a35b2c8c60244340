package org.incidentlearning.kernel.incident;

/**
 * What a handled command answers: the identifier of the thing it is about, the incident's version (its number of
 * stored events) after the command, and whether the command stored anything new.
 */
public record CommandResult(String id, long version, boolean changed) {
}
