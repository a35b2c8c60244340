package org.incidentlearning.query.learning;

import java.util.List;
import java.util.Locale;

/**
 * The phrases the learning lens counts: "root cause" language and blame language. The article found developers say
 * "root cause" twice as often as security engineers; these counts let an organisation see its own pattern.
 */
public final class LanguageUse {

    public static final List<String> ROOT_CAUSE = List.of("root cause", "root-cause");
    public static final List<String> BLAME = List.of("human error", "operator error", "should have",
            "should not have", "shouldn't have", "failed to", "careless", "negligen", "fault of", "blame", "sloppy",
            "did not follow", "didn't follow");

    private LanguageUse() {
    }

    public static int rootCause(String lowerText) {
        return occurrences(lowerText, ROOT_CAUSE);
    }

    public static int blame(String lowerText) {
        return occurrences(lowerText, BLAME);
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static int occurrences(String text, List<String> phrases) {
        int count = 0;
        for (String phrase : phrases) {
            for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length())) {
                count++;
            }
        }
        return count;
    }
}
