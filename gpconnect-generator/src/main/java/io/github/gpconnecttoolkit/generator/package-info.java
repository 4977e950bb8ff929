/**
 * The GP Connect generator core, free of Maven: {@link io.github.gpconnecttoolkit.generator.generation.Generator}
 * takes a plain request and writes the client.
 */
package io.github.gpconnecttoolkit.generator;
