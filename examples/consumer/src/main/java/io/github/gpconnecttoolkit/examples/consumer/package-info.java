/**
 * An example GP Connect consumer built on the client that gpconnect-maven-plugin generates into
 * {@code io.github.gpconnecttoolkit.examples.consumer.gpconnect}.
 */
package io.github.gpconnecttoolkit.examples.consumer;
