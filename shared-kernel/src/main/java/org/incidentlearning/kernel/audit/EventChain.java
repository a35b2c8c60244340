package org.incidentlearning.kernel.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The tamper-evidence hash of a stored event: SHA-256 over the previous event's hash of the same incident and every
 * column of the stored row, each length-prefixed so no two different rows hash alike. Written when the event is
 * appended and recomputed by the verification, it shows any later change to a stored event or to its order.
 */
public final class EventChain {

    /** The "previous hash" of an incident's first event. */
    public static final int HASH_LENGTH = 64;
    /** A hash as stored and answered: SHA-256 in lower-case hex. */
    public static final String HASH_PATTERN = "^[0-9a-f]{" + HASH_LENGTH + "}$";
    public static final String GENESIS = "0".repeat(HASH_LENGTH);

    private EventChain() {
    }

    public static String hash(String previousHash, String eventId, String aggregateId, long sequence, String type,
                              String timestamp, String payloadType, String payloadRevision, byte[] payload,
                              byte[] metaData) {
        MessageDigest digest = sha256();
        for (String part : new String[]{previousHash, eventId, aggregateId, Long.toString(sequence), type, timestamp,
                payloadType, payloadRevision}) {
            update(digest, part == null ? null : part.getBytes(StandardCharsets.UTF_8));
        }
        update(digest, payload);
        update(digest, metaData);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The running digest of the global feed: each event's hash folded into the digest of all events before it. */
    public static String fold(String digestSoFar, String eventHash) {
        MessageDigest digest = sha256();
        update(digest, digestSoFar.getBytes(StandardCharsets.UTF_8));
        update(digest, eventHash.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, byte[] bytes) {
        if (bytes == null) {
            digest.update(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
