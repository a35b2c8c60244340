package org.incidentlearning.query.artifact;

import org.incidentlearning.query.artifact.ArtifactDocument.Block;
import org.incidentlearning.query.artifact.ArtifactDocument.Facts;
import org.incidentlearning.query.artifact.ArtifactDocument.Heading;
import org.incidentlearning.query.artifact.ArtifactDocument.Items;
import org.incidentlearning.query.artifact.ArtifactDocument.Links;
import org.incidentlearning.query.artifact.ArtifactDocument.Paragraph;

import java.util.Locale;

/** Writes an artifact as a standalone HTML page, every recorded text escaped. */
public final class HtmlWriting {

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;"
                                        + "padding:0 1rem;line-height:1.5;color:#1b1b1b}h1{font-size:1.6rem}"
                                        + "h2{font-size:1.25rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}"
                                        + "h3{font-size:1.05rem}p,li{white-space:pre-line}";

    private HtmlWriting() {
    }

    public static String write(ArtifactDocument document) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(document.title())).append("</title>\n<style>").append(STYLE)
                .append("</style>\n</head>\n<body>\n<article>\n<h1>").append(escape(document.title()))
                .append("</h1>\n");
        for (Block block : document.blocks()) {
            if (block instanceof Heading heading) {
                out.append("<h").append(heading.level()).append('>').append(escape(heading.text())).append("</h")
                        .append(heading.level()).append(">\n");
            } else if (block instanceof Paragraph paragraph) {
                out.append("<p>").append(escape(paragraph.text())).append("</p>\n");
            } else if (block instanceof Items items) {
                out.append("<ul>\n");
                items.items().forEach(item -> out.append("<li>").append(escape(item)).append("</li>\n"));
                out.append("</ul>\n");
            } else if (block instanceof Facts facts) {
                out.append("<dl>\n");
                facts.facts().forEach(fact -> out.append("<dt>").append(escape(fact.label())).append("</dt><dd>")
                        .append(escape(fact.value())).append("</dd>\n"));
                out.append("</dl>\n");
            } else if (block instanceof Links links) {
                out.append("<ul>\n");
                links.links().forEach(link -> out.append("<li><a href=\"").append(escape(safeHref(link.href())))
                        .append("\">").append(escape(link.label())).append("</a></li>\n"));
                out.append("</ul>\n");
            }
        }
        return out.append("</article>\n</body>\n</html>\n").toString();
    }

    /** Only web links and the service's own paths become links; anything else (javascript:, data:) is shown inert. */
    private static String safeHref(String href) {
        String lower = href.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("/") ? href.strip()
                : "#" + href;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.strip().toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
