package org.incidentlearning.query.learning;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class LearningLensTest {

    @Test
    void anExcerptCutsAroundTheFirstPhraseWithAnEllipsisAtEachCut() {
        String text = "x".repeat(100) + " the operator made a human error during the failover " + "y".repeat(200);

        String excerpt = LearningLens.excerpt(text, LanguageUse.lower(text), LanguageUse.BLAME);

        assertThat(excerpt).startsWith("…").endsWith("…").contains("human error");
        assertThat(excerpt).hasSizeLessThanOrEqualTo(LearningLens.EXCERPT_LENGTH);
    }

    @Test
    void textThatGrowsWhenLowerCasedStillGivesAnExcerpt() {
        // Each İ lower-cases to two characters, so the phrase sits further into the lower-cased text than the text.
        String text = "İ".repeat(300) + " blame";

        String excerpt = LearningLens.excerpt(text, LanguageUse.lower(text), LanguageUse.BLAME);

        assertThat(text.toLowerCase(Locale.ROOT).indexOf("blame")).isGreaterThan(text.length());
        assertThat(excerpt).startsWith("…").endsWith(" blame");
    }
}
