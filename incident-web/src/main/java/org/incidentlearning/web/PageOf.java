package org.incidentlearning.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The one shape of every list answer: {@code {"items": [...], "page": 0, "size": 50, "total": N}}. */
public record PageOf<T>(@ArraySchema(maxItems = MAX_SIZE) List<T> items,
                        @Schema(minimum = "0", maximum = "" + MAX_PAGE) int page,
                        @Schema(minimum = "1", maximum = "" + MAX_SIZE) int size,
                        @Schema(minimum = "0") long total) {

    public static final int MAX_SIZE = 500;
    public static final int DEFAULT_SIZE = 50;
    /** The highest page number a list is asked for. */
    public static final int MAX_PAGE = 1_000_000;
}
