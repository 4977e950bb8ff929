/** The fake provider's HTTP(S) server: routing, the Spine Secure Proxy prefix, content negotiation, serialisation. */
package io.github.gpconnecttoolkit.testkit.server;
