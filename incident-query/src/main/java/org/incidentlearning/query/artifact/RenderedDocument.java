package org.incidentlearning.query.artifact;

import org.incidentlearning.kernel.artifact.Audience;
import org.incidentlearning.kernel.artifact.TemplateDefinition;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One rendering and what it was made of. The content hash is the SHA-256 of the Markdown: the form a knowledge base
 * keeps, and the one {@code ArtifactPublished} records.
 */
public record RenderedDocument(String incidentId, TemplateDefinition template, Audience audience,
                               long incidentVersion, Instant renderedAsOf, ArtifactDocument document) {

    public String markdown() {
        return MarkdownWriting.write(document);
    }

    public String html() {
        return HtmlWriting.write(document);
    }

    public String contentHash() {
        return sha256(markdown());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
