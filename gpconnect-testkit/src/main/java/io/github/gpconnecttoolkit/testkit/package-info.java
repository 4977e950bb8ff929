/** An embeddable fake GP Connect provider for consumer tests; start with {@link GpConnectTestProvider}. */
package io.github.gpconnecttoolkit.testkit;
