package org.incidentlearning.query.artifact;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Markdown, HTML or (where offered) JSON carrying the Markdown, by the request's {@code Accept} header; Markdown when
 * the client does not mind.
 */
enum ArtifactFormat {
    MARKDOWN(new MediaType("text", "markdown", StandardCharsets.UTF_8)),
    HTML(new MediaType("text", "html", StandardCharsets.UTF_8)),
    JSON(MediaType.APPLICATION_JSON);

    static final String MARKDOWN_VALUE = "text/markdown";
    static final String HTML_VALUE = "text/html";

    private final MediaType mediaType;

    ArtifactFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** Spring has already refused (406) an {@code Accept} that allows no offered format. */
    static ArtifactFormat chosenBy(String accept, boolean jsonOffered) {
        if (accept == null || accept.isBlank()) {
            return MARKDOWN;
        }
        List<MediaType> accepted;
        try {
            accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            return MARKDOWN;
        }
        MimeTypeUtils.sortBySpecificity(accepted);
        accepted.sort((a, b) -> Double.compare(b.getQualityValue(), a.getQualityValue()));
        for (MediaType type : accepted) {
            if (type.getQualityValue() <= 0) {
                continue;
            }
            if (type.includes(HTML.mediaType) && !type.includes(MARKDOWN.mediaType)) {
                return HTML;
            }
            if (type.includes(MARKDOWN.mediaType)) {
                return MARKDOWN;
            }
            if (jsonOffered && type.includes(JSON.mediaType)) {
                return JSON;
            }
        }
        return MARKDOWN;
    }
}
