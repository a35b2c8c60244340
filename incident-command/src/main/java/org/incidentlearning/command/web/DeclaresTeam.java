package org.incidentlearning.command.web;

/** A request made in a team's name; until authentication exists, that team is the actor its events record. */
public interface DeclaresTeam {

    String team();
}
