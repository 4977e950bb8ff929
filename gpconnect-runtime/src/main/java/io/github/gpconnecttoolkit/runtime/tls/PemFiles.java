package io.github.gpconnecttoolkit.runtime.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * PEM reading through BouncyCastle: certificate chains and bundles, and private keys in PKCS#8 ({@code PRIVATE KEY},
 * {@code ENCRYPTED PRIVATE KEY}) or PKCS#1 / SEC1 ({@code RSA PRIVATE KEY}, {@code EC PRIVATE KEY}, optionally
 * OpenSSL-encrypted) form. The BouncyCastle provider is used as an instance and never registered, so the JVM's
 * provider list is left alone.
 */
final class PemFiles {

    private static final BouncyCastleProvider BOUNCY_CASTLE = new BouncyCastleProvider();

    private PemFiles() {
    }

    /** Every certificate in {@code file}, in file order. */
    static List<X509Certificate> certificates(Path file, String role) {
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (Object object : objects(file, role)) {
            if (object instanceof X509CertificateHolder holder) {
                try {
                    certificates.add(converter.getCertificate(holder));
                } catch (CertificateException e) {
                    throw new TlsConfigurationException(file, "The " + role + " " + file
                            + " holds a certificate that cannot be read: " + e.getMessage(), e);
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new TlsConfigurationException(file, "The " + role + " " + file
                    + " holds no PEM certificate (expected -----BEGIN CERTIFICATE-----)");
        }
        return certificates;
    }

    /** The one private key in {@code file}, decrypted with {@code password} when it is encrypted. */
    static PrivateKey privateKey(Path file, char[] password) {
        String role = "client private key";
        List<Object> objects = objects(file, role);
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        List<PrivateKey> keys = new ArrayList<>();
        for (Object object : objects) {
            try {
                if (object instanceof PrivateKeyInfo info) {
                    keys.add(converter.getPrivateKey(info));
                } else if (object instanceof PEMKeyPair pair) {
                    keys.add(converter.getKeyPair(pair).getPrivate());
                } else if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    requirePassword(file, password);
                    keys.add(converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(
                            new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(password))));
                } else if (object instanceof PEMEncryptedKeyPair encrypted) {
                    requirePassword(file, password);
                    keys.add(converter.getKeyPair(encrypted.decryptKeyPair(
                            new JcePEMDecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(password)))
                            .getPrivate());
                }
            } catch (PKCSException | OperatorCreationException | IOException e) {
                throw new TlsConfigurationException(file, "Cannot decrypt the " + role + " in " + file
                        + ": the password is wrong or the encryption is not supported (" + e.getMessage() + ")", e);
            }
        }
        if (keys.size() != 1) {
            throw new TlsConfigurationException(file, "The " + role + " file " + file + " holds " + keys.size()
                    + " private keys; expected exactly one (PEM PRIVATE KEY, ENCRYPTED PRIVATE KEY, RSA PRIVATE KEY"
                    + " or EC PRIVATE KEY)");
        }
        return keys.get(0);
    }

    private static void requirePassword(Path file, char[] password) {
        if (password == null) {
            throw new TlsConfigurationException(file, "The client private key in " + file
                    + " is encrypted; give its password");
        }
    }

    private static List<Object> objects(Path file, String role) {
        TlsSettings.requireReadableFile(file, role);
        List<Object> objects = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             PEMParser parser = new PEMParser(reader)) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException e) {
            throw new TlsConfigurationException(file, "The " + role + " " + file + " is not valid PEM: "
                    + e.getMessage(), e);
        }
        return objects;
    }
}
