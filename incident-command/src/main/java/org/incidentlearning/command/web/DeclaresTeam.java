package org.incidentlearning.command.web;

/** A request recorded in one team's name: a principal writing as a team may send it for its own team only. */
public interface DeclaresTeam {

    String team();
}
