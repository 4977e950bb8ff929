/**
 * The Spine Secure Proxy headers of specification section 3.1: {@code Ssp-TraceID}, {@code Ssp-From}, {@code Ssp-To}
 * and {@code Ssp-InteractionID}.
 */
package io.github.gpconnecttoolkit.runtime.ssp;
