package org.incidentlearning.command.web;

import java.util.List;

/** A request naming the teams involved: a principal writing as a team must be one of them. */
public interface InvolvesTeams {

    List<String> teams();
}
