package io.github.gpconnecttoolkit.examples.consumer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The example's command line: {@code --name value} pairs and {@code --dry-run}, checked against the known names. */
final class ConsumerOptions {

    static final String USAGE = String.join("\n",
            "Usage: java -jar gpconnect-consumer-example.jar --base-url URL --ssp-from ASID --ssp-to ASID",
            "         [--ssp-url URL] [--structured-url URL] [--documents-url URL] [--spec 1.2.7|1.6.2]",
            "         [--interactions all|ID,ID...] [--nhs-number N] [--ods-code C] [--sds-user-id U]",
            "         [--register-nhs-number N] [--identity FILE.properties] [--report FILE.json]",
            "         [--client-pkcs12 FILE --client-password-env VAR] [--trust-pem FILE] [--dry-run]",
            "Walks the GP Connect interactions against a provider and prints one line per interaction;",
            "with --dry-run sends nothing and prints each request as one JSON line.");

    private static final List<String> VALUED = List.of("--base-url", "--ssp-from", "--ssp-to", "--ssp-url",
            "--structured-url", "--documents-url", "--spec", "--interactions", "--nhs-number", "--ods-code",
            "--sds-user-id", "--register-nhs-number", "--identity", "--report", "--client-pkcs12",
            "--client-password-env", "--trust-pem");
    private static final List<String> FLAGS = List.of("--dry-run", "--help");

    private final Map<String, String> values;

    private ConsumerOptions(Map<String, String> values) {
        this.values = values;
    }

    /** @throws IllegalArgumentException naming the option that is unknown, repeated or lacks a value */
    static ConsumerOptions parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value;
            if (FLAGS.contains(name)) {
                value = "true";
            } else if (VALUED.contains(name)) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException("Option " + name + " needs a value");
                }
                value = args[++i];
            } else {
                throw new IllegalArgumentException("Unknown option '" + name + "'; known options are " + VALUED
                        + " and " + FLAGS);
            }
            if (values.put(name, value) != null) {
                throw new IllegalArgumentException("Option " + name + " is given twice");
            }
        }
        return new ConsumerOptions(values);
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

    boolean flag(String name) {
        return values.containsKey(name);
    }
}
