package org.incidentlearning.command.web;

/** The body of every command answer: what it is about and the incident's version after it. */
public record CommandAnswer(String id, long version) {
}
