package org.incidentlearning.query.rebuild;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.List;

/**
 * One processing group's views as a rebuild sees them: the tables they live in, and the group's event handlers
 * writing through a given connection. A rebuild runs those same handlers, so it gives exactly the views that live
 * processing gives.
 */
public interface RebuildableViews {

    /** The processing group whose handlers these are. */
    String processingGroup();

    /** Every table the group's handlers write, and nothing else writes. */
    List<String> tables();

    /** New instances of the group's event handlers, reading and writing only through {@code jdbc}. */
    List<Object> handlersWritingTo(NamedParameterJdbcTemplate jdbc);
}
