package org.incidentlearning.query.incident;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BatchedIncidentViewsTest {

    /** The database side, recording what reaches it. */
    private static final class RecordedViews extends IncidentViews {
        final Map<String, IncidentView> rows = new HashMap<>();
        final List<String> calls = new ArrayList<>();

        RecordedViews() {
            super(null);
        }

        @Override
        public Optional<IncidentView> find(String incidentId) {
            calls.add("find " + incidentId);
            return Optional.ofNullable(rows.get(incidentId));
        }

        @Override
        public void insert(IncidentView view) {
            calls.add("insert " + view.id + " v" + view.version);
            rows.put(view.id, view);
        }

        @Override
        public void update(IncidentView view, List<String> teamsBefore, List<String> componentsBefore) {
            calls.add("update " + view.id + " v" + view.version + " from teams " + teamsBefore);
            rows.put(view.id, view);
        }
    }

    @Test
    void aBatchReadsEachViewOnceAndWritesItOnceWhenItCommits() {
        RecordedViews database = new RecordedViews();
        database.rows.put("b", view("b", 3, "ops"));
        BatchedIncidentViews views = new BatchedIncidentViews(database);

        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        views.insert(view("a", 1, "dev"));
        for (int version = 2; version <= 4; version++) {
            IncidentView a = views.find("a").orElseThrow();
            a.version = version;
            views.update(a, List.copyOf(a.teams), List.of());
        }
        for (int version = 4; version <= 5; version++) {
            IncidentView b = views.find("b").orElseThrow();
            b.teams.add("dev");
            b.version = version;
            views.update(b, List.copyOf(b.teams), List.of());
        }
        assertThat(database.calls).containsExactly("find b");
        batch.commit();

        assertThat(database.calls).containsExactly("find b", "insert a v4", "update b v5 from teams [ops]");
    }

    @Test
    void aBatchThatRollsBackWritesNothing() {
        RecordedViews database = new RecordedViews();
        BatchedIncidentViews views = new BatchedIncidentViews(database);
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        views.insert(view("a", 1, "dev"));
        batch.rollback();
        assertThat(database.calls).isEmpty();
        assertThat(database.rows).isEmpty();
    }

    @Test
    void outsideABatchEveryCallReachesTheDatabase() {
        RecordedViews database = new RecordedViews();
        BatchedIncidentViews views = new BatchedIncidentViews(database);
        views.insert(view("a", 1, "dev"));
        IncidentView a = views.find("a").orElseThrow();
        a.version = 2;
        views.update(a, List.of("dev"), List.of());
        assertThat(database.calls).containsExactly("insert a v1", "find a", "update a v2 from teams [dev]");
    }

    private static IncidentView view(String id, long version, String team) {
        IncidentView view = new IncidentView();
        view.id = id;
        view.version = version;
        view.teams = new ArrayList<>(List.of(team));
        view.components = new ArrayList<>();
        return view;
    }
}
