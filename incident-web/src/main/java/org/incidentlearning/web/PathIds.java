package org.incidentlearning.web;

/** What an identifier in a path may look like, on the command side and the query side alike. */
public final class PathIds {

    public static final String PATTERN = "^[A-Za-z0-9._:-]{1,100}$";

    private PathIds() {
    }
}
