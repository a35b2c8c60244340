package org.incidentlearning.command.web;

/**
 * A request recorded in one team's name that is not an incident's entry (a template): a principal writing as a team
 * may send it for its own team only. An entry's team comes from its definition instead.
 */
public interface DeclaresTeam {

    String team();
}
