package io.github.gpconnecttoolkit.generator.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.ConceptValidationOptions;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import java.util.Set;
import org.hl7.fhir.dstu3.model.ValueSet;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Stands in for the terminology servers we do not have (SNOMED CT, dm+d, Read, LOINC, ICD-10): a code from one of
 * these systems is accepted, unchecked, when validated against a ValueSet that includes the system whole or through a
 * filter ({@code is-a}, {@code in}...), which cannot be expanded without the code system.
 *
 * <p>ValueSets that enumerate their codes from such a system are still checked, by the in-memory terminology service
 * further down the chain. Without this module HAPI 8.8.1 reports an ERROR for every SNOMED code under a required
 * binding to a filtered ValueSet ("Unable to expand ValueSet: cannot apply filters ... because CodeSystem
 * 'http://snomed.info/sct' is ignored/not-present"), and the deprecated UnknownCodeSystemWarningValidationSupport does
 * not help there. Must come before InMemoryTerminologyServerValidationSupport in the chain.
 */
final class ExternalTerminologySupport implements IValidationSupport {

    static final Set<String> EXTERNAL_SYSTEMS = Set.of(
            "http://snomed.info/sct",
            "https://dmd.nhs.uk",
            "http://read.info/readv2",
            "http://read.info/ctv3",
            "http://loinc.org",
            "http://hl7.org/fhir/sid/icd-10");

    private final FhirContext context;

    ExternalTerminologySupport(FhirContext context) {
        this.context = context;
    }

    @Override
    public FhirContext getFhirContext() {
        return context;
    }

    @Override
    public String getName() {
        return "External code systems (accepted unchecked)";
    }

    /*
     * Not isCodeSystemSupported: claiming SNOMED there makes the in-memory service look codes up in it (and fail)
     * even for ValueSets that enumerate their SNOMED codes. HAPI already knows SNOMED's URL (a content=not-present
     * stub), so codes checked against the bare system raise no unknown-system issue.
     */

    @Override
    public boolean isValueSetSupported(ValidationSupportContext supportContext, String valueSetUrl) {
        // Asked for every ValueSet; answers only for codes from an external system, otherwise passes (null).
        return true;
    }

    @Override
    public CodeValidationResult validateCode(ValidationSupportContext supportContext,
            ConceptValidationOptions options, String system, String code, String display, String valueSetUrl) {
        if (!isExternal(system) || valueSetUrl == null || valueSetUrl.isBlank()) {
            return null;
        }
        IBaseResource valueSet = supportContext.getRootValidationSupport().fetchValueSet(valueSetUrl);
        return valueSet == null || cannotCheckLocally(valueSet, system) ? unchecked(system, code) : null;
    }

    @Override
    public CodeValidationResult validateCodeInValueSet(ValidationSupportContext supportContext,
            ConceptValidationOptions options, String system, String code, String display, IBaseResource valueSet) {
        if (!isExternal(system)) {
            return null;
        }
        return cannotCheckLocally(valueSet, system) ? unchecked(system, code) : null;
    }

    /** True unless every include of {@code system} in the ValueSet lists its concepts explicitly. */
    private static boolean cannotCheckLocally(IBaseResource valueSet, String system) {
        if (!(valueSet instanceof ValueSet stu3)) {
            return true;
        }
        return stu3.getCompose().getInclude().stream()
                .filter(include -> system.equals(include.getSystem()))
                .anyMatch(include -> include.getConcept().isEmpty() || !include.getFilter().isEmpty());
    }

    private static boolean isExternal(String system) {
        if (system == null) {
            return false;
        }
        int bar = system.indexOf('|');
        return EXTERNAL_SYSTEMS.contains(bar < 0 ? system : system.substring(0, bar));
    }

    private static CodeValidationResult unchecked(String system, String code) {
        return new CodeValidationResult()
                .setCode(code)
                .setSeverity(IssueSeverity.INFORMATION)
                .setMessage("Code " + system + "#" + code + " not checked: no terminology server for " + system);
    }
}
