package io.github.gpconnecttoolkit.generator.profile;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * Orders business versions such as {@code 1.12}, {@code 1.16.0} and {@code 1.0.0-beta}: dotted parts compared
 * numerically (so {@code 1.12 > 1.9}), missing parts counting as zero, a part's non-numeric suffix ranking below the
 * bare number (a pre-release below its release), and no version below any version.
 */
final class Versions {

    /** Lowest first; {@code null} (no version) lowest of all. */
    static final Comparator<String> ORDER = Versions::compare;

    private Versions() {
    }

    static int compare(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        String[] left = a.trim().split("\\.", -1);
        String[] right = b.trim().split("\\.", -1);
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int order = comparePart(i < left.length ? left[i] : "0", i < right.length ? right[i] : "0");
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static int comparePart(String a, String b) {
        int digitsA = leadingDigits(a);
        int digitsB = leadingDigits(b);
        // A part without a number ("beta") sorts below any numbered part.
        if (digitsA == 0 || digitsB == 0) {
            if (digitsA != digitsB) {
                return digitsA == 0 ? -1 : 1;
            }
        } else {
            int order = new BigInteger(a.substring(0, digitsA)).compareTo(new BigInteger(b.substring(0, digitsB)));
            if (order != 0) {
                return order;
            }
        }
        String suffixA = a.substring(digitsA);
        String suffixB = b.substring(digitsB);
        if (suffixA.isEmpty() || suffixB.isEmpty()) {
            // "0" is the release of "0-beta": the bare number ranks higher.
            return suffixA.isEmpty() ? (suffixB.isEmpty() ? 0 : 1) : -1;
        }
        return suffixA.compareTo(suffixB);
    }

    private static int leadingDigits(String part) {
        int i = 0;
        while (i < part.length() && part.charAt(i) >= '0' && part.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
