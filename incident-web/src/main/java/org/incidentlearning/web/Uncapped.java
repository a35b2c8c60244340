package org.incidentlearning.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a list or text of an answer that the service does not cap: it grows with what was recorded, or quotes what a
 * client sent. The OpenAPI document gives it the most a Java list or string can hold ({@link #LIMIT}) and says why;
 * it is not a limit anyone chose.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Uncapped {

    int LIMIT = Integer.MAX_VALUE;

    /** Why there is no cap, e.g. "it grows with the team's incidents"; it is the value's whole description. */
    String value();
}
