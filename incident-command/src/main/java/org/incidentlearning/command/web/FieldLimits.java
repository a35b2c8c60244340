package org.incidentlearning.command.web;

import org.incidentlearning.web.PathIds;

/** Size limits of request fields, in one place so the DTOs and the OpenAPI document agree. */
public final class FieldLimits {

    public static final int NAME = 100;
    public static final int TITLE = 200;
    public static final int TEXT = 10_000;
    public static final int LIST = 50;
    public static final String ID_PATTERN = PathIds.PATTERN;

    private FieldLimits() {
    }
}
