package io.github.gpconnecttoolkit.generator.catalogue;

import io.github.gpconnecttoolkit.runtime.request.HttpMethod;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One GP Connect interaction as the catalogue defines it: everything the generated request builder fixes.
 *
 * @param id the {@code Ssp-InteractionID}
 * @param name the specification's name for it ("Read a patient")
 * @param javaName the Java type stem ({@code ReadPatient} gives {@code ReadPatientRequest})
 * @param capability the capability (facade and package)
 * @param specVersions the specification versions that define it ({@code 1.2.7}, {@code 1.6.2})
 * @param specSection the section of the implementation reference that describes it
 * @param method the HTTP method
 * @param urlTemplate the URL relative to the capability's service root, with {@code {name}} path parameters
 * @param parameters path, query and body parameters in declaration order
 * @param requestBody the body, or {@code null} for none
 * @param response the success response
 * @param scope the {@code requested_scope} ({@code patient/*.read}, ...)
 * @param reason the {@code reason_for_request} ({@code directcare} or {@code migration})
 * @param ifMatch whether {@code If-Match} is sent
 * @param prefer whether {@code Prefer} may be set
 * @param confidentiality whether the caller may add {@code conf/N} or {@code conf/R} to the scope (1.6.x)
 * @param ranges date-range constraints between parameters
 * @param source where it was defined
 */
public record InteractionDefinition(String id, String name, String javaName, Capability capability,
        List<String> specVersions, String specSection, HttpMethod method, String urlTemplate,
        List<ParameterDefinition> parameters, RequestBodyDefinition requestBody, ResponseDefinition response,
        String scope, String reason, HeaderUse ifMatch, HeaderUse prefer, boolean confidentiality,
        List<RangeConstraint> ranges, SourceLocation source) {

    /** Checks required parts and copies the lists. */
    public InteractionDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(method, "method");
        specVersions = List.copyOf(specVersions);
        parameters = List.copyOf(parameters);
        ranges = List.copyOf(ranges);
    }

    /** The body, if any. */
    public Optional<RequestBodyDefinition> body() {
        return Optional.ofNullable(requestBody);
    }

    /** The parameters in one location. */
    public List<ParameterDefinition> parameters(ParameterLocation location) {
        return parameters.stream().filter(parameter -> parameter.location() == location).toList();
    }

    /** The parameter with this Java-facing name, if any. */
    public Optional<ParameterDefinition> parameter(String parameterName) {
        return parameters.stream().filter(parameter -> parameter.name().equals(parameterName)).findFirst();
    }

    /** Whether the given spec version defines this interaction. */
    public boolean inVersion(String specVersion) {
        return specVersions.contains(specVersion);
    }
}
