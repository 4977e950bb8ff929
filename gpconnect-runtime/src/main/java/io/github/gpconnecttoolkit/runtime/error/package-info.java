/**
 * Errors from providers and the Spine Secure Proxy (specification section 5): {@code OperationOutcome} bodies with a
 * code of {@code Spine-ErrorOrWarningCode-1}, read into a {@link io.github.gpconnecttoolkit.runtime.error.GpConnectException}
 * a program can act on.
 */
package io.github.gpconnecttoolkit.runtime.error;
