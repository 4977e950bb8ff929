package io.github.gpconnecttoolkit.generator.body;

import java.util.List;

/**
 * The codes of a ValueSet that could be listed completely from the profile set, generated as a Java enum.
 *
 * @param javaName   the enum's simple name
 * @param valueSet   the ValueSet canonical URL
 * @param version    the ValueSet version, or {@code null}
 * @param title      the ValueSet title or name, for Javadoc
 * @param codes      the codes in ValueSet order
 */
public record CodeSet(String javaName, String valueSet, String version, String title, List<Code> codes) {

    /** One code: its system, code, display (may be {@code null}) and the Java constant name. */
    public record Code(String constant, String system, String code, String display) {
    }
}
