/**
 * What generated resource builders call to make a request body: {@link
 * io.github.gpconnecttoolkit.runtime.body.FhirValues} turns Java values into FHIR primitives in the forms GP Connect
 * sends, {@link io.github.gpconnecttoolkit.runtime.body.CodedValue} is implemented by generated ValueSet enums, and
 * {@link io.github.gpconnecttoolkit.runtime.body.ProfileConstraints} holds the rules of one StructureDefinition or
 * OperationDefinition, which {@link io.github.gpconnecttoolkit.runtime.body.ProfiledResourceBuilder#build()} checks,
 * naming every broken rule at once in an {@link io.github.gpconnecttoolkit.runtime.body.InvalidBodyException}.
 */
package io.github.gpconnecttoolkit.runtime.body;
