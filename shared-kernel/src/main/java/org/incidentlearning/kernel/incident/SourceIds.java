package org.incidentlearning.kernel.incident;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An imported incident's id is derived from its source id, so the same source always names the same incident and
 * any source id (whatever characters it holds) becomes a URL-safe identifier.
 */
public final class SourceIds {

    private SourceIds() {
    }

    public static String incidentIdFor(String sourceId) {
        return UUID.nameUUIDFromBytes(("incident-source:" + sourceId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
