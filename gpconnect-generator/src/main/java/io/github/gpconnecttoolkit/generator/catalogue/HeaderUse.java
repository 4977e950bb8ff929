package io.github.gpconnecttoolkit.generator.catalogue;

import java.util.Arrays;
import java.util.Optional;

/** Whether an extra header ({@code If-Match}, {@code Prefer}) is part of an interaction. */
public enum HeaderUse {
    /** Not sent; no setter. */
    NONE("none"),
    /** A setter; sent when set. */
    OPTIONAL("optional"),
    /** A setter that must be called before the request is built. */
    REQUIRED("required");

    private final String key;

    HeaderUse(String key) {
        this.key = key;
    }

    /** The value used in catalogue files. */
    public String key() {
        return key;
    }

    /** The use with this key, if any. */
    public static Optional<HeaderUse> fromKey(String key) {
        return Arrays.stream(values()).filter(use -> use.key.equals(key)).findFirst();
    }
}
