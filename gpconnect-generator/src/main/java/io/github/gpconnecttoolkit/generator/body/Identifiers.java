package io.github.gpconnecttoolkit.generator.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.SourceVersion;

/** Java names from FHIR names: words split at punctuation and case changes, acronyms lowered ({@code NHS} → Nhs). */
public final class Identifiers {

    private Identifiers() {
    }

    /** {@code CareConnect-GPC-Patient} becomes {@code CareConnectGpcPatient}. */
    public static String type(String text) {
        StringBuilder result = new StringBuilder();
        for (String word : words(text)) {
            result.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        String name = result.toString();
        // a bare underscore is a keyword since Java 9; a name must start with a letter
        return name.isEmpty() ? "Unnamed" : Character.isJavaIdentifierStart(name.charAt(0)) ? name : "_" + name;
    }

    /** {@code nhsNumber} stays, {@code NHSCommunication} becomes {@code nhsCommunication}; keywords get a {@code _}. */
    public static String member(String text) {
        String type = type(text);
        String name = type.startsWith("_") ? type : type.substring(0, 1).toLowerCase(Locale.ROOT) + type.substring(1);
        return SourceVersion.isKeyword(name) ? name + "_" : name;
    }

    /** {@code Number present and verified} becomes {@code NUMBER_PRESENT_AND_VERIFIED}. */
    public static String constant(String text) {
        String name = String.join("_", words(text)).toUpperCase(Locale.ROOT);
        // a bare underscore is a keyword since Java 9: a code with no letters or digits becomes CODE
        return name.isEmpty() ? "CODE" : Character.isJavaIdentifierStart(name.charAt(0)) ? name : "_" + name;
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String part : text.split("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                words.add(part);
            }
        }
        return words;
    }
}
