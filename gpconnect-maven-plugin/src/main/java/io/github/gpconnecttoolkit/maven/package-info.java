/**
 * The Maven face of the GP Connect toolkit. Its goals are thin: parameters in, the plain-Java generator core
 * ({@code gpconnect-generator}) out.
 */
package io.github.gpconnecttoolkit.maven;
