package io.github.gpconnecttoolkit.runtime.error;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.StrictErrorHandler;
import io.github.gpconnecttoolkit.runtime.FhirContexts;
import io.github.gpconnecttoolkit.runtime.testsupport.SharedReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hl7.fhir.dstu3.model.CodeSystem;
import org.hl7.fhir.dstu3.model.CodeSystem.ConceptDefinitionComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SpineErrorCode} against the CodeSystem files of GP Connect FHIR releases 1.5.0 and 1.2.7 in {@code ../shared}:
 * every concept has a constant with the identical code and display, and no constant is missing from 1.5.0.
 */
class SpineErrorCodeTest {

    private static final String RELEASE_150 =
            "gpconnect-fhir/release-1.5.0/CodeSystems/CodeSystem-Spine-ErrorOrWarningCode-1.xml";
    private static final String RELEASE_127 =
            "gpconnect-fhir/release-1.2.7/CodeSystems/CodeSystem-Spine-ErrorOrWarningCode-1.xml";

    @ParameterizedTest
    @ValueSource(strings = {RELEASE_150, RELEASE_127})
    void everyConceptOfTheCodeSystemHasAConstantWithTheSameCodeAndDisplay(String relative) throws IOException {
        CodeSystem codeSystem = read(relative);

        assertThat(codeSystem.getUrl()).isEqualTo(SpineErrorCode.SYSTEM);
        assertThat(codeSystem.getConcept()).isNotEmpty();
        for (ConceptDefinitionComponent concept : codeSystem.getConcept()) {
            SpineErrorCode constant = SpineErrorCode.fromCode(concept.getCode()).orElse(null);

            assertThat(constant).as("constant for %s in %s", concept.getCode(), relative).isNotNull();
            assertThat(constant.code()).as("code, not an alias").isEqualTo(concept.getCode());
            assertThat(constant.display()).as("display of %s", concept.getCode()).isEqualTo(concept.getDisplay());
            assertThat(concept.getConcept()).as("no nested concepts under %s", concept.getCode()).isEmpty();
        }
    }

    @Test
    void theEnumHoldsExactlyTheCodesOfRelease150() throws IOException {
        Map<String, String> release150 = concepts(read(RELEASE_150));
        Map<String, String> constants = Arrays.stream(SpineErrorCode.values())
                .collect(Collectors.toMap(SpineErrorCode::code, SpineErrorCode::display, (a, b) -> a,
                        LinkedHashMap::new));

        assertThat(constants).hasSize(SpineErrorCode.values().length);
        assertThat(constants).containsExactlyInAnyOrderEntriesOf(release150);
        assertThat(release150).hasSize(44);
    }

    @Test
    void release127IsASubsetOfRelease150WithTheSameDisplays() throws IOException {
        Map<String, String> release127 = concepts(read(RELEASE_127));
        Map<String, String> release150 = concepts(read(RELEASE_150));

        assertThat(release127).hasSize(39);
        assertThat(release150).containsAllEntriesOf(release127);
        Set<String> added = new TreeSet<>(release150.keySet());
        added.removeAll(release127.keySet());
        assertThat(added).containsExactly("DEPRECATED", "NO_LONGER_SUPPORTED", "RESOURCE_UPDATED",
                "UNSUPPORTED_MEDIA_TYPE", "WITHDRAWN");
    }

    @Test
    void aliasesAreTheSpecificationPagesSpellings() {
        assertThat(SpineErrorCode.fromCode("ACCESS_DENIED")).contains(SpineErrorCode.ACCESS_DENIED);
        assertThat(SpineErrorCode.fromCode("ACCESS DENIED")).contains(SpineErrorCode.ACCESS_DENIED);
        assertThat(SpineErrorCode.ACCESS_DENIED.aliases()).containsExactly("ACCESS_DENIED");
        assertThat(SpineErrorCode.fromCode("NO_ORGANISATION_CONSENT"))
                .contains(SpineErrorCode.NO_ORGANISATIONAL_CONSENT);
        assertThat(SpineErrorCode.NO_ORGANISATIONAL_CONSENT.aliases()).containsExactly("NO_ORGANISATION_CONSENT");
        assertThat(SpineErrorCode.PATIENT_NOT_FOUND.aliases()).isEmpty();
    }

    @Test
    void noAliasShadowsACode() {
        Set<String> codes = Arrays.stream(SpineErrorCode.values()).map(SpineErrorCode::code)
                .collect(Collectors.toSet());

        for (SpineErrorCode value : SpineErrorCode.values()) {
            assertThat(value.aliases()).as("aliases of %s", value).doesNotContainAnyElementsOf(codes);
        }
    }

    @Test
    void unknownMissingAndDifferentlyCasedCodesHaveNoConstant() {
        assertThat(SpineErrorCode.fromCode("NOT_AUTHORISED")).isEmpty();
        assertThat(SpineErrorCode.fromCode("patient_not_found")).isEmpty();
        assertThat(SpineErrorCode.fromCode("403")).isEmpty();
        assertThat(SpineErrorCode.fromCode("")).isEmpty();
        assertThat(SpineErrorCode.fromCode(null)).isEmpty();
    }

    @Test
    void systemAndValueSetUrls() {
        assertThat(SpineErrorCode.SYSTEM).isEqualTo("https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1");
        assertThat(SpineErrorCode.VALUE_SET).isEqualTo("https://fhir.nhs.uk/STU3/ValueSet/Spine-ErrorOrWarningCode-1");
    }

    // ---------------------------------------------------------------- helpers

    private static CodeSystem read(String relative) throws IOException {
        Path file = SharedReference.file(relative);
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        if (xml.startsWith("\uFEFF")) {
            xml = xml.substring(1);
        }
        return FhirContexts.dstu3().newXmlParser().setParserErrorHandler(new StrictErrorHandler())
                .parseResource(CodeSystem.class, xml);
    }

    private static Map<String, String> concepts(CodeSystem codeSystem) {
        Map<String, String> concepts = new LinkedHashMap<>();
        for (ConceptDefinitionComponent concept : codeSystem.getConcept()) {
            assertThat(concepts.put(concept.getCode(), concept.getDisplay())).as("duplicate %s", concept.getCode())
                    .isNull();
        }
        return concepts;
    }
}
