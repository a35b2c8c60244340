package org.incidentlearning.web;

import java.util.List;

/** The one shape of every list answer: {@code {"items": [...], "page": 0, "size": 50, "total": N}}. */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 500;
    public static final int DEFAULT_SIZE = 50;
}
