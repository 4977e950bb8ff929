package io.github.gpconnecttoolkit.generator;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Suggestions for a mistyped name or URL: the known values closest by edit distance. */
public final class Nearest {

    private Nearest() {
    }

    /** Up to {@code limit} of {@code known}, closest to {@code wanted} first (ties in natural order). */
    public static List<String> to(String wanted, Collection<String> known, int limit) {
        String target = wanted.toLowerCase(Locale.ROOT);
        return known.stream().distinct()
                .sorted(Comparator.comparingInt((String candidate) -> distance(target,
                        candidate.toLowerCase(Locale.ROOT))).thenComparing(Comparator.naturalOrder()))
                .limit(limit).toList();
    }

    /** Levenshtein distance, two rows at a time. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
