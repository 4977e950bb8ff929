package io.github.gpconnecttoolkit.examples.runtimedemo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The demo's command line: {@code --name value} pairs, checked against the known names. */
final class DemoOptions {

    static final String USAGE = String.join("\n",
            "Usage: java -jar gpconnect-runtime-demo.jar --base-url URL --ssp-from ASID --ssp-to ASID",
            "         [--ssp-url URL] [--structured-url URL] [--spec 1.2.7|1.6.2]",
            "         [--request find-patient|read-metadata|structured-record|all] [--nhs-number N]",
            "         [--identity FILE.properties]",
            "Mints the requests and prints each as one JSON line (bearer token redacted, audit JWT decoded);",
            "nothing is sent.");

    private static final List<String> NAMES = List.of("--base-url", "--ssp-from", "--ssp-to", "--ssp-url",
            "--structured-url", "--spec", "--request", "--nhs-number", "--identity");

    private final Map<String, String> values;

    private DemoOptions(Map<String, String> values) {
        this.values = values;
    }

    /** @throws IllegalArgumentException naming the option that is unknown, repeated or lacks a value */
    static DemoOptions parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("Unknown option '" + name + "'; known options are " + NAMES);
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException("Option " + name + " needs a value");
            }
            if (values.put(name, args[++i]) != null) {
                throw new IllegalArgumentException("Option " + name + " is given twice");
            }
        }
        return new DemoOptions(values);
    }

    /** @throws IllegalArgumentException naming the missing option and what it is */
    String required(String name, String meaning) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Missing " + name + " (" + meaning + ")");
        }
        return value;
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name));
    }
}
