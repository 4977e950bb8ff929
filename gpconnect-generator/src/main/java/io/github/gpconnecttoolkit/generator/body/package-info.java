/**
 * Models of typed request bodies, derived from StructureDefinition snapshots, OperationDefinitions, ValueSets and
 * CodeSystems: which builders to generate, their setters, and the constraints their {@code build()} checks.
 */
package io.github.gpconnecttoolkit.generator.body;
