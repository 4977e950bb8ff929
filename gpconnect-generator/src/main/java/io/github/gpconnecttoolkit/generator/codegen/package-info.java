/** The JavaPoet emitters: request builders, capability facades, the client entry point and the constants class. */
package io.github.gpconnecttoolkit.generator.codegen;
