/**
 * A command-line demonstration of {@code gpconnect-runtime} used by hand: it mints GP Connect requests for a consumer
 * identity and prints them.
 */
package io.github.gpconnecttoolkit.examples.runtimedemo;
