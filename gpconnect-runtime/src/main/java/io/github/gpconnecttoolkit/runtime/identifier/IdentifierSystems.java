package io.github.gpconnecttoolkit.runtime.identifier;

/** The identifier systems GP Connect consumers send (specification sections 1.1 and 2.2). */
public final class IdentifierSystems {

    /** NHS number, used by Find a patient and the structured record. */
    public static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    /** ODS organisation code, used in the audit JWT and by Find an organisation. */
    public static final String ODS_ORGANIZATION_CODE = "https://fhir.nhs.uk/Id/ods-organization-code";
    /** ODS site code, accepted by Find an organisation. */
    public static final String ODS_SITE_CODE = "https://fhir.nhs.uk/Id/ods-site-code";
    /** SDS user id (smartcard), used in the audit JWT and by Find a practitioner. */
    public static final String SDS_USER_ID = "https://fhir.nhs.uk/Id/sds-user-id";
    /** SDS role profile id, used in the audit JWT. */
    public static final String SDS_ROLE_PROFILE_ID = "https://fhir.nhs.uk/Id/sds-role-profile-id";

    private IdentifierSystems() {
    }
}
