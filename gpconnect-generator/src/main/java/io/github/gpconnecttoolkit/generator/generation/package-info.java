/** The generator's entry point: selection, profile checks, incremental state and atomic writing of the output. */
package io.github.gpconnecttoolkit.generator.generation;
