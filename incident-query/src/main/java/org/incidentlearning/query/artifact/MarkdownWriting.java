package org.incidentlearning.query.artifact;

import org.incidentlearning.query.artifact.ArtifactDocument.Block;
import org.incidentlearning.query.artifact.ArtifactDocument.Facts;
import org.incidentlearning.query.artifact.ArtifactDocument.Heading;
import org.incidentlearning.query.artifact.ArtifactDocument.Items;
import org.incidentlearning.query.artifact.ArtifactDocument.Links;
import org.incidentlearning.query.artifact.ArtifactDocument.Paragraph;

/**
 * Writes an artifact as CommonMark. What teams recorded is text, not markup: characters Markdown would read as
 * formatting are escaped, so a recorded "*" or "<script>" shows as typed.
 */
public final class MarkdownWriting {

    private MarkdownWriting() {
    }

    public static String write(ArtifactDocument document) {
        StringBuilder out = new StringBuilder("# ").append(escape(document.title())).append('\n');
        for (Block block : document.blocks()) {
            out.append('\n');
            if (block instanceof Heading heading) {
                out.append("#".repeat(heading.level())).append(' ').append(escape(heading.text())).append('\n');
            } else if (block instanceof Paragraph paragraph) {
                out.append(escape(paragraph.text())).append('\n');
            } else if (block instanceof Items items) {
                items.items().forEach(item -> out.append("- ").append(escape(item)).append('\n'));
            } else if (block instanceof Facts facts) {
                facts.facts().forEach(fact -> out.append("- **").append(escape(fact.label())).append(":** ")
                        .append(escape(fact.value())).append('\n'));
            } else if (block instanceof Links links) {
                links.links().forEach(link -> out.append("- [").append(escape(link.label())).append("](<")
                        .append(link.href().replace("<", "%3C").replace(">", "%3E")).append(">)\n"));
            }
        }
        return out.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (String line : text.strip().split("\\R", -1)) {
            if (!out.isEmpty()) {
                out.append("  \n"); // a hard line break keeps the text's own lines inside one block
            }
            String trimmed = line.stripLeading();
            // Only at a line's start do these open a heading, list or quote; a number followed by . or ) a list.
            if (!trimmed.isEmpty() && ("#-+=".indexOf(trimmed.charAt(0)) >= 0
                                       || trimmed.matches("\\d+[.)].*"))) {
                int digits = 0;
                while (Character.isDigit(trimmed.charAt(digits))) {
                    digits++;
                }
                out.append(trimmed, 0, digits).append('\\');
                trimmed = trimmed.substring(digits);
            }
            for (char c : trimmed.toCharArray()) {
                if ("\\`*_[]<>|~&".indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
