/**
 * The Maven face of the GP Connect toolkit. Its goals are thin: parameters in, the plain-Java generator core out. For
 * now it has the {@code help} goal; {@code generate} and {@code postman} follow with the generator.
 */
package io.github.gpconnecttoolkit.maven;
