package io.github.gpconnecttoolkit.runtime.tls;

import java.util.List;

/**
 * The TLS protocol and cipher suites of specification section 4: {@code TLSv1.2} only (TLS 1.0, 1.1, SSLv2 and SSLv3
 * SHALL NOT be used) and the OpenSSL cipher list {@code AESGCM+EECDH:AESGCM+EDH:AES256+EECDH:AES256+EDH}, written
 * here as the JSSE suite names it expands to, in that order of preference.
 */
public final class GpConnectTlsPolicy {

    /** The protocol versions. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.2");

    /** The cipher suites, most preferred first. */
    public static final List<String> CIPHER_SUITES = List.of(
            // AESGCM+EECDH
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            // AESGCM+EDH
            "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_DHE_DSS_WITH_AES_256_GCM_SHA384",
            "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256",
            // AES256+EECDH (the GCM ones are listed above)
            "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
            // AES256+EDH
            "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256",
            "TLS_DHE_DSS_WITH_AES_256_CBC_SHA256",
            "TLS_DHE_RSA_WITH_AES_256_CBC_SHA",
            "TLS_DHE_DSS_WITH_AES_256_CBC_SHA");

    private GpConnectTlsPolicy() {
    }
}
