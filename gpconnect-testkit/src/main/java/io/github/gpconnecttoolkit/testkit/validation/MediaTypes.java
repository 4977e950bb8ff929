package io.github.gpconnecttoolkit.testkit.validation;

import io.github.gpconnecttoolkit.runtime.request.FhirFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The media types GP Connect 1.x servers speak (reference section 6): exactly {@code application/fhir+json} and
 * {@code application/fhir+xml}. The DSTU2 {@code application/json+fhir} and plain {@code application/json} are not
 * FHIR STU3 types and are refused, as the reference provider refuses them.
 */
public final class MediaTypes {

    private MediaTypes() {
    }

    /** The format a media type (parameters ignored, case-insensitive) names, when it is one of the two. */
    public static Optional<FhirFormat> fhirFormat(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String type = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        for (FhirFormat format : FhirFormat.values()) {
            if (format.mimeType().equals(type)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The {@code charset} parameter of a media type, unquoted, when present. */
    static Optional<String> charset(String mediaType) {
        String[] parts = mediaType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                return Optional.of(pair[1].strip().replace("\"", ""));
            }
        }
        return Optional.empty();
    }

    /**
     * The entries of an {@code Accept} value with a non-zero quality, best first (stable for equal qualities).
     */
    static List<String> acceptedTypes(List<String> acceptHeaders) {
        record Entry(String type, double quality, int position) {
        }
        List<Entry> entries = new ArrayList<>();
        for (String header : acceptHeaders) {
            for (String item : header.split(",")) {
                String trimmed = item.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                double quality = quality(trimmed.split(";"));
                if (quality > 0) {
                    entries.add(new Entry(trimmed, quality, entries.size()));
                }
            }
        }
        entries.sort((a, b) -> a.quality() != b.quality() ? Double.compare(b.quality(), a.quality())
                : Integer.compare(a.position(), b.position()));
        return entries.stream().map(Entry::type).toList();
    }

    /** The format of the first of {@code mediaTypes} that names one of the two FHIR types. */
    static Optional<FhirFormat> firstFhirFormat(List<String> mediaTypes) {
        return mediaTypes.stream().map(MediaTypes::fhirFormat).flatMap(Optional::stream).findFirst();
    }

    /**
     * The format to answer in when the request may be invalid (errors before or during negotiation): a valid
     * {@code _format}, else the first FHIR type in {@code Accept}, else the {@code Content-Type}'s, else JSON, the
     * format every GP Connect server SHALL support and the specification's default.
     *
     * @param headers request headers, names in lower case
     * @param rawQuery the percent-encoded query, or {@code null}
     */
    public static FhirFormat lenientResponseFormat(Map<String, List<String>> headers, String rawQuery) {
        return firstFhirFormat(PercentDecoding.lenientValues(rawQuery, "_format"))
                .or(() -> firstFhirFormat(acceptedTypes(headers.getOrDefault("accept", List.of()))))
                .or(() -> firstFhirFormat(headers.getOrDefault("content-type", List.of())))
                .orElse(FhirFormat.JSON);
    }

    /** Whether an {@code Accept-Encoding} value offers gzip with a non-zero quality. */
    public static boolean offersGzip(List<String> acceptEncodingHeaders) {
        for (String header : acceptEncodingHeaders) {
            for (String item : header.split(",")) {
                String[] parts = item.strip().split(";");
                boolean refused = quality(parts) <= 0;
                if (parts[0].strip().equalsIgnoreCase("gzip") && !refused) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The {@code q} parameter among {@code parts[1..]} (the last one if repeated), 1 when absent, 0 when unreadable
     * (an unreadable quality counts as "not acceptable").
     */
    private static double quality(String[] parts) {
        double quality = 1.0;
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].split("=", 2);
            if (pair.length == 2 && pair[0].strip().equals("q")) {
                try {
                    quality = Double.parseDouble(pair[1].strip());
                } catch (NumberFormatException e) {
                    quality = 0;
                }
            }
        }
        return quality;
    }
}
