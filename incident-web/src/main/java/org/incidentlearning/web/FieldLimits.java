package org.incidentlearning.web;

/**
 * Size limits of fields, in one place so the DTOs, the answers built from what they recorded and the OpenAPI
 * document agree.
 */
public final class FieldLimits {

    public static final int NAME = 100;
    public static final int TITLE = 200;
    public static final int TEXT = 10_000;
    public static final int LIST = 50;
    /** The longest end of an imported link (a component as a post-mortem names it); the map keeps this much. */
    public static final int LINK_END = 500;
    /** The longest document the service renders: an artifact or a team digest, in any of its formats. */
    public static final int RENDERED_DOCUMENT = 10_000_000;
    public static final String ID_PATTERN = PathIds.PATTERN;
    /** An ETag the service answers: an incident's version, a long (at most 19 digits), in quotes. */
    public static final String VERSION_TAG_PATTERN = "^\"\\d{1,19}\"$";
    public static final int VERSION_TAG_LENGTH = 19 + 2;

    private FieldLimits() {
    }
}
