package io.github.gpconnecttoolkit.runtime.testsupport;

import io.github.gpconnecttoolkit.runtime.identity.ConsumerIdentity;

/** Consumer identities for tests: the values of the specification's minimal payload (reference section 2.3). */
public final class TestIdentities {

    /** The consumer ASID used by test identities. */
    public static final String CONSUMER_ASID = "200000000115";
    /** The provider ASID of the public reference provider. */
    public static final String PROVIDER_ASID = "918999198738";

    private TestIdentities() {
    }

    /** A builder holding a complete, valid identity; change one field to test it. */
    public static ConsumerIdentity.Builder validBuilder() {
        return ConsumerIdentity.builder()
                .issuer("https://consumer.example-trust.nhs.uk/")
                .practitionerId("user-0042")
                .practitionerSdsUserId("UNK")
                .practitionerSdsRoleProfileId("UNK")
                .practitionerFamilyName("Smith")
                .practitionerGivenNames("Alex")
                .practitionerPrefixes("Dr")
                .practitionerUserIdentifier("https://consumer.example-trust.nhs.uk/Id/user-guid",
                        "0f6c7a4e-9d1b-4f43-8a55-3e2b1c9d7e10")
                .organisationOdsCode("X99999")
                .organisationName("Example Hospital Trust")
                .deviceIdentifier("https://consumer.example-trust.nhs.uk/Id/device-identifier", "ward-pc-07")
                .deviceModel("Example Consumer")
                .deviceVersion("2.1.0")
                .consumerAsid(CONSUMER_ASID);
    }

    /** The valid identity. */
    public static ConsumerIdentity valid() {
        return validBuilder().build();
    }
}
