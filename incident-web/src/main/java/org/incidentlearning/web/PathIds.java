package org.incidentlearning.web;

/** What an identifier in a path may look like, on the command side and the query side alike. */
public final class PathIds {

    public static final int MAX_LENGTH = 100;
    /** An id as one segment of a longer pattern. */
    public static final String SEGMENT = "[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}";
    public static final String PATTERN = "^" + SEGMENT + "$";

    private PathIds() {
    }
}
