package org.incidentlearning.command.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.incidentlearning.web.PathIds;

/** The body of every command answer: what it is about and the incident's version after it. */
public record CommandAnswer(@Schema(pattern = PathIds.PATTERN, description = "The incident's or the entry's id")
                            String id,
                            @Schema(minimum = "1") long version) {
}
