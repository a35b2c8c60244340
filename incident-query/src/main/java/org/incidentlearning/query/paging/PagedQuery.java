package org.incidentlearning.query.paging;

import org.incidentlearning.web.PageOf;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.List;

/** One page of a filtered read, with the total the filter matches: the shape every list answer has. */
public final class PagedQuery {

    private PagedQuery() {
    }

    /**
     * @param from    the FROM clause with its joins and WHERE, shared by the count and the page
     * @param columns the selected columns
     * @param orderBy a total order, so pages neither skip nor repeat rows
     */
    public static <T> PageOf<T> page(NamedParameterJdbcTemplate jdbc, String from, String columns, String orderBy,
                                     MapSqlParameterSource params, int page, int size, RowMapper<T> rows) {
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM " + from, params, Long.class);
        MapSqlParameterSource paged = new MapSqlParameterSource(params.getValues())
                .addValue("limit", size).addValue("offset", (long) page * size);
        List<T> items = jdbc.query("SELECT " + columns + " FROM " + from + " ORDER BY " + orderBy
                                   + " LIMIT :limit OFFSET :offset", paged, rows);
        return new PageOf<>(items, page, size, total == null ? 0 : total);
    }
}
