package io.github.gpconnecttoolkit.testkit.junit;

import io.github.gpconnecttoolkit.testkit.GpConnectTestProvider;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts one fake GP Connect provider for the annotated test class, clears its recorded requests before each test
 * and closes it after the last; test and lifecycle methods receive it as a
 * {@link io.github.gpconnecttoolkit.testkit.GpConnectTestProvider} parameter.
 *
 * <pre>
 * &#64;GpConnectProviderTest(spec = "1.2.7")
 * class MyConsumerTest {
 *     &#64;Test
 *     void readsAPatient(GpConnectTestProvider provider) { ... provider.baseUrl() ... provider.requests() ... }
 * }
 * </pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(GpConnectProviderExtension.class)
public @interface GpConnectProviderTest {

    /** The specification version served: {@code 1.2.7} or {@code 1.6.2} (any 1.2.x or 1.6.x). */
    String spec() default "1.6.2";

    /** Whether broken SHOULD rules reject requests with 400. */
    boolean strict() default false;

    /** The provider's ASID, expected in {@code Ssp-To}. */
    String asid() default GpConnectTestProvider.DEFAULT_PROVIDER_ASID;

    /** The practice's ODS code, first segment of the service roots. */
    String odsCode() default GpConnectTestProvider.DEFAULT_ODS_CODE;

    /** Whether to serve HTTPS; needs {@link #keystore()} (and {@link #truststore()} when requiring client certs). */
    boolean tls() default false;

    /** PKCS12 file with the provider's key and certificate (TLS only). */
    String keystore() default "";

    /** Password of {@link #keystore()}. */
    String keystorePassword() default "";

    /** Trusted client certificate authorities: PEM bundle or PKCS12 (TLS only). */
    String truststore() default "";

    /** Password of a PKCS12 {@link #truststore()}. */
    String truststorePassword() default "";

    /** Whether the TLS handshake requires a client certificate (GP Connect requires mutual TLS). */
    boolean requireClientCert() default true;
}
