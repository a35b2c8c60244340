package org.incidentlearning.query.team;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.incidentlearning.kernel.error.IncidentRejection;
import org.incidentlearning.kernel.remediation.RemediationState;
import org.incidentlearning.query.incident.IncidentSummary;
import org.incidentlearning.query.incident.IncidentView;
import org.incidentlearning.query.incident.IncidentViews;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A team's context read from its rows: each list a page, most recent first, continued by keyset (a cursor after the
 * last item shown), so the first page costs the same whether the team took part in ten incidents or in ten
 * thousand.
 */
@Component
public class TeamLists {

    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_PAGE = 500;
    /** The longest cursor: a moment, an incident id and an entry id of at most 100 characters each, in base64. */
    public static final int CURSOR_LENGTH = 4 * ((32 + 2 + 200 + 2) / 3);

    /** A further page of one list: its items and the cursor to the next, null where the list ends. */
    public record TeamListPage(@Schema(maxLength = 100) String team, TeamList list,
                               @ArraySchema(maxItems = MAX_PAGE, schema = @Schema(description = "An item of the list, "
                                       + "as the team's context shows it", anyOf = {TeamContext.IncidentRef.class,
                                       TeamContext.MentalModel.class, TeamContext.Divergence.class,
                                       TeamContext.Context.class, TeamContext.Coordination.class,
                                       TeamContext.Remediation.class, TeamContext.Linkage.class})) List<Object> items,
                               @Nullable @Schema(maxLength = CURSOR_LENGTH) String next) {
    }

    private final IncidentViews views;

    public TeamLists(IncidentViews views) {
        this.views = views;
    }

    /** Every list's first page as the live views hold it, with how many items each has and where it goes on. */
    public TeamContext firstPage(String team, int size) {
        return firstPage(team, new LiveTeamRows(views, team), size);
    }

    /** Every list's first page as the team's incidents stood at a past moment (their views as of then). */
    public TeamContext firstPageAsOf(String team, List<IncidentView> past, int size) {
        return firstPage(team, new PastTeamRows(team, past), size);
    }

    /** One page of one list as the live views hold it. */
    public TeamListPage page(String team, TeamList list, String after, int size) {
        return page(team, new LiveTeamRows(views, team), list, after, size);
    }

    /** One page of one list as the team's incidents stood at a past moment. */
    public TeamListPage pageAsOf(String team, List<IncidentView> past, TeamList list, String after, int size) {
        return page(team, new PastTeamRows(team, past), list, after, size);
    }

    private static TeamContext firstPage(String team, TeamRows rows, int size) {
        Map<TeamList, TeamListPage> pages = new EnumMap<>(TeamList.class);
        for (TeamList list : TeamList.values()) {
            pages.put(list, page(team, rows, list, null, size));
        }
        IncidentViews.TeamTally tally = rows.tally();
        Map<TeamList, Long> counts = new TreeMap<>();
        for (TeamList list : TeamList.values()) {
            counts.put(list, list.kind() == null ? tally.incidents()
                    : tally.entries().getOrDefault(list.kind(), 0L));
        }
        Map<TeamList, String> next = new TreeMap<>();
        pages.forEach((list, page) -> {
            if (page.next() != null) {
                next.put(list, page.next());
            }
        });
        Map<RemediationState, Long> byState = new TreeMap<>();
        for (RemediationState state : RemediationState.values()) {
            byState.put(state, tally.states().getOrDefault(state, 0L));
        }
        return new TeamContext(team, items(pages, TeamList.INCIDENTS), items(pages, TeamList.MENTAL_MODELS),
                items(pages, TeamList.DIVERGENCES), items(pages, TeamList.CONTEXTS),
                items(pages, TeamList.COORDINATIONS), items(pages, TeamList.REMEDIATIONS), byState,
                items(pages, TeamList.LINKAGES), counts, next);
    }

    /** One page of one list, after {@code after} (a cursor a page answered), at most {@code size} items. */
    private static TeamListPage page(String team, TeamRows rows, TeamList list, String after, int size) {
        IncidentViews.After from = after == null ? null : cursor(after);
        List<Object> items = new ArrayList<>();
        String next;
        if (list.kind() == null) {
            List<IncidentViews.TeamItem<IncidentSummary>> found = rows.incidents(from, size + 1);
            found.stream().limit(size).forEach(item -> items.add(new TeamContext.IncidentRef(item.value().id(),
                    item.value().title(), item.value().severity(), item.value().status(), item.value().startedAt())));
            next = found.size() > size ? cursor(found.get(size - 1)) : null;
        } else {
            List<IncidentViews.TeamItem<IncidentView.Entry>> found = rows.entries(list.kind(), from, size + 1);
            List<IncidentViews.TeamItem<IncidentView.Entry>> shown = found.stream().limit(size).toList();
            if (list == TeamList.REMEDIATIONS) {
                attachRecurrences(rows, shown);
            }
            shown.forEach(item -> items.add(item(team, list, item)));
            next = found.size() > size ? cursor(found.get(size - 1)) : null;
        }
        return new TeamListPage(team, list, items, next);
    }

    private static Object item(String team, TeamList list, IncidentViews.TeamItem<IncidentView.Entry> item) {
        String incident = item.incidentId();
        return switch (list) {
            case MENTAL_MODELS -> TeamContext.MentalModel.of(incident, (IncidentView.MentalModel) item.value());
            case DIVERGENCES -> TeamContext.Divergence.of(team, incident, (IncidentView.Divergence) item.value());
            case CONTEXTS -> TeamContext.Context.of(incident, (IncidentView.Context) item.value());
            case COORDINATIONS -> TeamContext.Coordination.of(incident, (IncidentView.Coordination) item.value());
            case REMEDIATIONS -> TeamContext.Remediation.of(incident, (IncidentView.Remediation) item.value());
            case LINKAGES -> TeamContext.Linkage.of(incident, (IncidentView.Linkage) item.value());
            case INCIDENTS -> throw new IllegalArgumentException("Incidents are not entries");
        };
    }

    private static void attachRecurrences(TeamRows rows, List<IncidentViews.TeamItem<IncidentView.Entry>> remediations) {
        Set<String> incidents = remediations.stream().map(IncidentViews.TeamItem::incidentId)
                .collect(Collectors.toSet());
        List<IncidentView.Recurrence> recurrences = rows.recurrencesOf(incidents);
        for (IncidentViews.TeamItem<IncidentView.Entry> item : remediations) {
            IncidentView.Remediation remediation = (IncidentView.Remediation) item.value();
            recurrences.stream().filter(r -> r.ofIncidentId.equals(item.incidentId())
                                             && r.remediationId.equals(remediation.id))
                    .sorted((a, b) -> a.linkedAt.compareTo(b.linkedAt))
                    .forEach(remediation.recurrences::add);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> items(Map<TeamList, TeamListPage> pages, TeamList list) {
        return (List<T>) (List<?>) pages.get(list).items();
    }

    private static String cursor(IncidentViews.TeamItem<?> last) {
        String raw = last.at().getEpochSecond() + "." + last.at().getNano() + "~" + last.incidentId() + "~"
                     + last.partId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static IncidentViews.After cursor(String after) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split("~", 3);
            String[] moment = parts[0].split("\\.", 2);
            return new IncidentViews.After(Instant.ofEpochSecond(Long.parseLong(moment[0]),
                    Long.parseLong(moment[1])), parts[1], parts[2]);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw IncidentRejection.invalid("'after' is not a cursor this list answered");
        }
    }
}
