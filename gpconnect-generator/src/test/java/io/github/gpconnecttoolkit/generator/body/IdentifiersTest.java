package io.github.gpconnecttoolkit.generator.body;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void acronymsAreLoweredAndPunctuationSplitsWords() {
        assertThat(Identifiers.type("CareConnect-GPC-Patient")).isEqualTo("CareConnectGpcPatient");
        assertThat(Identifiers.type("NHSNumberVerificationStatus")).isEqualTo("NhsNumberVerificationStatus");
        assertThat(Identifiers.member("patientNHSNumber")).isEqualTo("patientNhsNumber");
        assertThat(Identifiers.member("patient-birthTime")).isEqualTo("patientBirthTime");
    }

    @Test
    void keywordsAndLeadingDigitsStayLegalJava() {
        assertThat(Identifiers.member("class")).isEqualTo("class_");
        assertThat(Identifiers.constant("01")).isEqualTo("_01");
        assertThat(Identifiers.constant("Number present and verified")).isEqualTo("NUMBER_PRESENT_AND_VERIFIED");
        assertThat(Identifiers.constant("In-person")).isEqualTo("IN_PERSON");
    }
}
