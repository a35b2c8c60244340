package org.incidentlearning.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;

/**
 * What teams post during and after incidents, as the benchmark sends it: declarations, timeline entries, mental
 * models, divergences between recorded models, contexts and remediations, over incidents chosen with a Zipf-like
 * skew (a few incidents are busy, most are quiet), recorded for teams and about components that are skewed too.
 */
final class CommandMix {

    /** One command: where it goes, its body, and what kind it is (for the answer's bookkeeping). */
    record Command(String kind, String incidentId, String path, Map<String, Object> body) {
    }

    static final List<String> TEAMS = names("team", 30);
    static final List<String> COMPONENTS = names("service", 60);
    /** Which team records, and which component is named: skewed alike in the mix and in the generated store. */
    static final Zipf TEAM_SKEW = new Zipf(TEAMS.size(), 1.0);
    static final Zipf COMPONENT_SKEW = new Zipf(COMPONENTS.size(), 1.0);
    private static final String[] SUBJECTS = {"netlib", "deploy pipeline", "feature flags", "DNS", "TLS",
            "connection pool", "cache", "rate limiter", "queue", "schema migration"};
    private static final String[] CLAIMS = {"is not affected by the change", "fails over within a minute",
            "is only used by one team", "has no retry storm", "is safe to restart", "was removed last quarter"};

    private final List<String> incidents = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> mentalModels = new ConcurrentHashMap<>();
    private final Zipf incidentChoice;

    CommandMix(List<String> incidentIds, double exponent) {
        incidents.addAll(incidentIds);
        incidentChoice = new Zipf(incidentIds.size(), exponent);
    }

    static Map<String, Object> declaration(RandomGenerator random, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("severity", List.of("SEV1", "SEV2", "SEV3", "SEV4").get(random.nextInt(4)));
        body.put("startedAt", Instant.parse("2024-01-01T00:00:00Z").plusSeconds(random.nextLong(3L * 365 * 86_400))
                .toString());
        body.put("summary", "Customers saw errors while " + SUBJECTS[random.nextInt(SUBJECTS.length)] + " changed");
        body.put("teams", distinct(random, TEAM_SKEW, TEAMS, 1 + random.nextInt(3)));
        body.put("components", distinct(random, COMPONENT_SKEW, COMPONENTS, 1 + random.nextInt(3)));
        return body;
    }

    static Command declaration(RandomGenerator random, long number) {
        return new Command("declare", null, "/api/incidents", declaration(random, "Benchmark incident " + number));
    }

    /** The next command of the mix for an incident chosen by the skew. */
    Command next(RandomGenerator random, long number) {
        String incident = incidents.get(incidentChoice.sample(random));
        return on(incident, random, number);
    }

    /** The next command of the mix on the given incident; one in twenty declares a new incident instead. */
    Command on(String incident, RandomGenerator random, long number) {
        int roll = random.nextInt(100);
        String base = "/api/incidents/" + incident;
        String team = TEAMS.get(TEAM_SKEW.sample(random));
        List<String> models = mentalModels.getOrDefault(incident, List.of());
        if (roll < 5) {
            return declaration(random, number);
        } else if (roll < 50) {
            return new Command("timeline", incident, base + "/timeline-entries", Map.of(
                    "occurredAt", Instant.parse("2024-01-01T00:00:00Z").plusSeconds(number).toString(),
                    "team", team, "kind", List.of("OBSERVATION", "ACTION", "COMMUNICATION", "DECISION")
                            .get(random.nextInt(4)),
                    "text", "Entry " + number + ": " + team + " saw " + COMPONENTS.get(COMPONENT_SKEW.sample(random))
                            + " " + CLAIMS[random.nextInt(CLAIMS.length)]));
        } else if (roll < 70 || models.size() < 2) {
            String subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
            return new Command("mental-model", incident, base + "/mental-models", Map.of("team", team,
                    "subject", subject, "belief", "We believed " + subject + " " + CLAIMS[random.nextInt(CLAIMS.length)]));
        } else if (roll < 80) {
            String first = models.get(random.nextInt(models.size()));
            String second = models.get(random.nextInt(models.size()));
            if (first.equals(second)) {
                second = models.get((models.indexOf(first) + 1) % models.size());
            }
            return new Command("divergence", incident, base + "/divergences", Map.of(
                    "mentalModelIds", List.of(first, second),
                    "description", "The two teams held different beliefs (" + number + ")",
                    "effect", "The response waited for the wrong team for a while"));
        } else if (roll < 90) {
            return new Command("context", incident, base + "/contexts", Map.of("team", team,
                    "kind", List.of("PRESSURE", "INCENTIVE", "CONSTRAINT", "PRIORITY", "CIRCUMSTANCE")
                            .get(random.nextInt(5)),
                    "description", "A release had to ship before an event (" + number + ")"));
        }
        return new Command("remediation", incident, base + "/remediations", Map.of("team", team,
                "description", "Make " + COMPONENTS.get(COMPONENT_SKEW.sample(random)) + " tell its callers ("
                               + number + ")"));
    }

    /** Keeps what later commands refer to: the ids of recorded mental models. */
    void answered(Command command, String id) {
        if (command.kind().equals("mental-model") && id != null) {
            mentalModels.computeIfAbsent(command.incidentId(), key -> new CopyOnWriteArrayList<>()).add(id);
        }
    }

    private static List<String> distinct(RandomGenerator random, Zipf skew, List<String> names, int count) {
        List<String> chosen = new ArrayList<>();
        for (int tries = 0; chosen.size() < count && tries < 20; tries++) {
            String name = names.get(skew.sample(random));
            if (!chosen.contains(name)) {
                chosen.add(name);
            }
        }
        return chosen;
    }

    private static List<String> names(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add(prefix + "-" + i);
        }
        return List.copyOf(names);
    }
}
