package org.incidentlearning.command.incident;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecentIncidentsTest {

    @Test
    void keepsAtMostItsSizeAndTheIncidentInConstantUse() {
        RecentIncidents recent = new RecentIncidents(100);
        for (int i = 0; i < 1_000; i++) {
            recent.put("incident-" + i, "state " + i);
            recent.get("incident-0");
        }
        assertThat(recent.size()).isEqualTo(100);
        assertThat(recent.<String, String>get("incident-0")).isEqualTo("state 0");
    }

    @Test
    void anIncidentRemovedIsLoadedAfreshNextTime() {
        RecentIncidents recent = new RecentIncidents(10);
        recent.put("a", "v1");
        assertThat(recent.putIfAbsent("a", "v2")).isFalse();
        assertThat(recent.<String, String>get("a")).isEqualTo("v1");
        assertThat(recent.remove("a")).isTrue();
        assertThat(recent.containsKey("a")).isFalse();
        assertThat(recent.<String, String>get("a")).isNull();
        assertThat(recent.remove("a")).isFalse();
        recent.computeIfPresent("a", value -> "never");
        assertThat(recent.containsKey("a")).isFalse();
        assertThat(recent.putIfAbsent("a", "v3")).isTrue();
        recent.<String>computeIfPresent("a", value -> value + "+");
        assertThat(recent.<String, String>get("a")).isEqualTo("v3+");
    }

    @Test
    void listenersHearWhatHappensUntilTheyUnregister() {
        RecentIncidents recent = new RecentIncidents(10);
        List<String> heard = new ArrayList<>();
        Registration registration = recent.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }
        });
        recent.put("a", 1);
        recent.put("a", 2);
        recent.remove("a");
        registration.cancel();
        recent.put("b", 1);
        assertThat(heard).containsExactly("created a", "updated a", "removed a");
    }
}
