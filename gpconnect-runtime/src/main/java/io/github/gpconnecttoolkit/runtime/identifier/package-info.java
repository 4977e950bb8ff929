/**
 * Identifier systems and the identifier values GP Connect checks: NHS number (Modulus 11), ODS code, SDS ids and FHIR
 * logical ids.
 */
package io.github.gpconnecttoolkit.runtime.identifier;
