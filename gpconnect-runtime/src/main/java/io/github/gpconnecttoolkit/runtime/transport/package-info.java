/**
 * Sending GP Connect requests: a thread-safe client on {@link java.net.http.HttpClient} with TLS mutual
 * authentication, timeouts, bounded concurrency, gzip, sync and {@link java.util.concurrent.CompletableFuture} calls,
 * responses parsed into HAPI STU3 resources, and errors split into
 * {@link io.github.gpconnecttoolkit.runtime.error.GpConnectException} (the provider answered) and
 * {@link io.github.gpconnecttoolkit.runtime.transport.GpConnectTransportException} (it could not be reached).
 */
package io.github.gpconnecttoolkit.runtime.transport;
