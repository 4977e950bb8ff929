/**
 * Where a request goes: the provider's service root per capability (specification section 6), the provider ASID, the
 * optional Spine Secure Proxy prefix (section 3.2), relative URL templates with checked path ids, and RFC 3986
 * percent-encoding of query values.
 */
package io.github.gpconnecttoolkit.runtime.endpoint;
