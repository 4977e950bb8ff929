package io.github.gpconnecttoolkit.runtime.endpoint;

import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding of query values, as the GP Connect general API guidance requires. Tomcat-based providers
 * answer a raw {@code |} with an HTML 400 page, and a raw {@code +} in a time zone offset reads as a space, so both are
 * always encoded ({@code %7C}, {@code %2B}).
 */
public final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    /**
     * Encodes every byte of the UTF-8 form of {@code value} except the RFC 3986 unreserved characters and {@code :},
     * {@code /} and {@code @}, which a query may carry as they are (they keep URLs such as identifier systems
     * readable).
     */
    public static String encodeQueryValue(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isKept(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0x0F]);
            }
        }
        return out.toString();
    }

    private static boolean isKept(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == ':' || c == '/' || c == '@';
    }
}
