package org.incidentlearning.web.security;

/** What a principal may do; a principal holds one or more. */
public enum Role {
    /** Records in its own team's name and reads the views. */
    TEAM,
    /** Records for any team (runs the post-incident analysis) and reads the views. */
    FACILITATOR,
    /** Reads everything, raw events, export and verification included; changes nothing. */
    AUDITOR,
    /** Reads the views only. */
    DASHBOARD,
    /** Runs imports and projection replays, manages API keys, reads operational metrics. */
    ADMIN;

    /** The authority Spring Security checks for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
