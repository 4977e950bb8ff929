/**
 * TLS mutual authentication as specification section 4 requires: TLSv1.2 only, the GP Connect cipher suites in their
 * order of preference, a client certificate from PKCS12 or PEM, trust from a PEM bundle or PKCS12, hostname
 * verification on.
 */
package io.github.gpconnecttoolkit.runtime.tls;
