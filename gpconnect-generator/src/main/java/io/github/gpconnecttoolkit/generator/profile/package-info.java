/** FHIR conformance resources (profiles, operations, value sets, code systems): indexed cheaply, parsed on demand. */
package io.github.gpconnecttoolkit.generator.profile;
