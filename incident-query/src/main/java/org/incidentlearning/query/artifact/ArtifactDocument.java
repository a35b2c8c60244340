package org.incidentlearning.query.artifact;

import java.util.ArrayList;
import java.util.List;

/**
 * An artifact before it is written out: a title and blocks of plain text. Markdown and HTML are both written from
 * it, so the two formats always say the same thing.
 */
public record ArtifactDocument(String title, List<Block> blocks) {

    public ArtifactDocument {
        blocks = List.copyOf(blocks);
    }

    public sealed interface Block permits Heading, Paragraph, Items, Facts, Links {
    }

    /** A section heading; level 2 for sections, 3 inside them. */
    public record Heading(int level, String text) implements Block {
    }

    public record Paragraph(String text) implements Block {
    }

    public record Items(List<String> items) implements Block {
        public Items {
            items = List.copyOf(items);
        }
    }

    /** Labelled values, such as when an incident started. */
    public record Facts(List<Fact> facts) implements Block {
        public Facts {
            facts = List.copyOf(facts);
        }
    }

    public record Fact(String label, String value) {
    }

    public record Links(List<Link> links) implements Block {
        public Links {
            links = List.copyOf(links);
        }
    }

    public record Link(String label, String href) {
    }

    /** Collects blocks in order; a section with nothing to say is left out rather than shown empty. */
    public static final class Builder {

        private final String title;
        private final List<Block> blocks = new ArrayList<>();

        public Builder(String title) {
            this.title = title;
        }

        public Builder heading(String text) {
            blocks.add(new Heading(2, text));
            return this;
        }

        public Builder subheading(String text) {
            blocks.add(new Heading(3, text));
            return this;
        }

        public Builder paragraph(String text) {
            if (text != null && !text.isBlank()) {
                blocks.add(new Paragraph(text));
            }
            return this;
        }

        public Builder items(List<String> items) {
            if (!items.isEmpty()) {
                blocks.add(new Items(items));
            }
            return this;
        }

        public Builder facts(List<Fact> facts) {
            List<Fact> present = facts.stream().filter(fact -> fact.value() != null && !fact.value().isBlank())
                    .toList();
            if (!present.isEmpty()) {
                blocks.add(new Facts(present));
            }
            return this;
        }

        public Builder links(List<Link> links) {
            if (!links.isEmpty()) {
                blocks.add(new Links(links));
            }
            return this;
        }

        public ArtifactDocument build() {
            return new ArtifactDocument(title, blocks);
        }
    }
}
