package org.incidentlearning.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;

/**
 * Rebuilding every projection from the first event, timed from the replay request until every projection has read
 * the whole store again; and the store itself, generated once and kept between runs.
 */
final class Replay {

    record Figures(long events, double seconds, double initialBuildSeconds) {

        double eventsPerSecond() {
            return events / seconds;
        }
    }

    private Replay() {
    }

    /** Imports the generated store into the service's empty dataset; the time the views took to build from it. */
    static double importGenerated(ServiceClient client, GeneratedStore store) throws InterruptedException {
        long start = System.nanoTime();
        ServiceClient.Answer answer = client.postStream("/api/import", "application/x-ndjson", store::stream);
        if (answer.status() != 200 && answer.status() != 201) {
            throw new IllegalStateException("The import answered " + answer.status() + ": " + answer.body());
        }
        long imported = answer.json().path("events").asLong();
        if (imported != store.events()) {
            throw new IllegalStateException("Imported " + imported + " events, generated " + store.events());
        }
        Report.say("imported %,d events in %.1f s; the views build from them", imported,
                (System.nanoTime() - start) / 1e9);
        long built = System.nanoTime();
        awaitCaughtUp(client, Duration.ofHours(2));
        return (System.nanoTime() - built) / 1e9;
    }

    static Figures replayAll(ServiceClient client, long events, double initialBuildSeconds)
            throws InterruptedException {
        awaitCaughtUp(client, Duration.ofHours(2));
        long start = System.nanoTime();
        ServiceClient.Answer started = client.post("/api/admin/projections/replay");
        if (started.status() != 202) {
            throw new IllegalStateException("The replay answered " + started.status() + ": " + started.body());
        }
        awaitReplayed(client, Duration.ofHours(2));
        return new Figures(events, (System.nanoTime() - start) / 1e9, initialBuildSeconds);
    }

    /** Every projection's replay has read up to where the store's head was when it started. */
    private static void awaitReplayed(ServiceClient client, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode projections = client.get("/api/admin/projections").json();
            boolean done = projections.path("items").size() > 0;
            for (JsonNode projection : projections.path("items")) {
                JsonNode replay = projection.path("replay");
                if (replay.hasNonNull("error")) {
                    throw new IllegalStateException("A replay failed: " + replay.path("error").asText());
                }
                done &= replay.path("progress").asDouble() >= 1.0;
            }
            if (done) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("The replay did not finish within " + timeout);
    }

    /** Every projection has read up to the store's head. */
    static void awaitCaughtUp(ServiceClient client, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (caughtUp(client.get("/api/admin/projections").json())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The projections did not catch up within " + timeout);
    }

    private static boolean caughtUp(JsonNode projections) {
        for (JsonNode projection : projections.path("items")) {
            JsonNode replay = projection.path("replay");
            if (replay.hasNonNull("error")) {
                throw new IllegalStateException("A replay failed: " + replay.path("error").asText());
            }
            if (projection.path("lag").asLong(-1) != 0 || projection.path("position").asLong()
                                                            < projection.path("head").asLong()) {
                return false;
            }
            // A segment stays "replaying" after a replay until an event newer than the reset arrives: not a lag.
            for (JsonNode segment : projection.path("segments")) {
                if (!segment.path("caughtUp").asBoolean()) {
                    return false;
                }
            }
        }
        return projections.path("items").size() > 0;
    }
}
