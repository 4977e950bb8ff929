/** Interaction definitions: the catalogue file format, its reader and validator, and the built-in catalogues. */
package io.github.gpconnecttoolkit.generator.catalogue;
