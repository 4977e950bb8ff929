package io.github.gpconnecttoolkit.runtime.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.gpconnecttoolkit.runtime.body.TestProfiles.DeliveryChannel;
import io.github.gpconnecttoolkit.runtime.body.TestProfiles.VerificationStatus;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.junit.jupiter.api.Test;

class CodedValueTest {

    @Test
    void aCodingCarriesSystemCodeAndDisplay() {
        Coding coding = DeliveryChannel.TELEPHONE.toCoding();

        assertThat(coding.getSystem()).isEqualTo("https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-DeliveryChannel-2");
        assertThat(coding.getCode()).isEqualTo("Telephone");
        assertThat(coding.getDisplay()).isEqualTo("Telephone");
    }

    @Test
    void aCodeWithoutDisplayHasNone() {
        assertThat(VerificationStatus.TRACE_REQUIRED.toCoding().hasDisplay()).isFalse();
    }

    @Test
    void aCodeableConceptHasExactlyThatCoding() {
        CodeableConcept concept = VerificationStatus.TRACE_REQUIRED.toCodeableConcept();

        assertThat(concept.getCoding()).singleElement()
                .satisfies(coding -> assertThat(coding.equalsDeep(VerificationStatus.TRACE_REQUIRED.toCoding()))
                        .isTrue());
        assertThat(concept.hasText()).isFalse();
    }

    @Test
    void aCodeIsLookedUpAmongTheValuesAndAnUnknownOneNamesTheValueSet() {
        assertThat(CodedValue.fromCode(DeliveryChannel.values(), "Telephone", "https://example.org/vs"))
                .isEqualTo(DeliveryChannel.TELEPHONE);
        assertThatThrownBy(() -> CodedValue.fromCode(DeliveryChannel.values(), "Carrier pigeon", "https://example.org/vs"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'Carrier pigeon' is not a code of https://example.org/vs");
    }
}
