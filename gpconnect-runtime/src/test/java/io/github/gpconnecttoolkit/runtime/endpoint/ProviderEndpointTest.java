package io.github.gpconnecttoolkit.runtime.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import io.github.gpconnecttoolkit.runtime.ssp.Asid;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Request URLs: direct and through the Spine Secure Proxy (specification section 3.2), service root checks, and RFC 3986
 * percent-encoding of query values with repeated names kept in order.
 */
class ProviderEndpointTest {

    private static final String ROOT = "https://provider.example/A12345/STU3/1/gpconnect";
    private static final String PROVIDER_ASID = "918999198738";
    private static final String URL_RULE =
            "an absolute https:// or http:// URL with a host and no query, fragment or user info";
    private static final RelativeUrl FIND_PATIENT = RelativeUrl.of(UrlTemplate.parse("Patient"), Map.of(),
            List.of(new QueryParameter("identifier", "https://fhir.nhs.uk/Id/nhs-number|9690937286")));

    @Test
    void directUrlIsServiceRootSlashRelativeUrlWithTheBarEncoded() {
        ProviderEndpoint endpoint = ProviderEndpoint.of(ROOT, PROVIDER_ASID);

        assertThat(endpoint.resolve(FIND_PATIENT)).isEqualTo(URI.create(
                "https://provider.example/A12345/STU3/1/gpconnect/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C9690937286"));
        assertThat(endpoint.serviceRoot()).isEqualTo(URI.create(ROOT));
        assertThat(endpoint.providerAsid()).isEqualTo(Asid.of(PROVIDER_ASID));
        assertThat(endpoint.sspUrl()).isEmpty();
        assertThat(endpoint).hasToString(ROOT + " (ASID 918999198738)");
    }

    @Test
    void throughTheProxyTheServiceRootKeepsItsOwnScheme() {
        ProviderEndpoint endpoint = ProviderEndpoint.of(ROOT, PROVIDER_ASID).viaSsp("https://proxy.example");

        assertThat(endpoint.resolve(FIND_PATIENT).toString()).isEqualTo("https://proxy.example/"
                + "https://provider.example/A12345/STU3/1/gpconnect/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C9690937286");
        assertThat(endpoint.serviceRoot()).as("the JWT audience stays the service root").isEqualTo(URI.create(ROOT));
        assertThat(endpoint.sspUrl()).contains(URI.create("https://proxy.example"));
        assertThat(endpoint).hasToString("https://proxy.example/" + ROOT + " (ASID 918999198738)");
    }

    @Test
    void operationUrlThroughTheProxy() {
        ProviderEndpoint endpoint = ProviderEndpoint
                .of("https://pcs.thirdparty.example/T99999/STU3/1/gpconnect/structured", "999999999999")
                .viaSsp("https://testspineproxy.example/");

        URI uri = endpoint.resolve(RelativeUrl.of(UrlTemplate.parse("Patient/$gpc.getstructuredrecord"), Map.of(),
                List.of()));

        assertThat(uri.toString()).isEqualTo("https://testspineproxy.example/https://pcs.thirdparty.example/T99999"
                + "/STU3/1/gpconnect/structured/Patient/$gpc.getstructuredrecord");
    }

    @Test
    void trailingSlashesAndSurroundingSpacesAreRemoved() {
        ProviderEndpoint endpoint = ProviderEndpoint.of(" " + ROOT + "// ", PROVIDER_ASID)
                .viaSsp("https://proxy.example/ssp///");

        assertThat(endpoint.serviceRoot()).isEqualTo(URI.create(ROOT));
        assertThat(endpoint.sspUrl()).contains(URI.create("https://proxy.example/ssp"));
        assertThat(endpoint.resolve(RelativeUrl.of(UrlTemplate.parse("metadata"), Map.of(), List.of())).toString())
                .isEqualTo("https://proxy.example/ssp/" + ROOT + "/metadata");
    }

    @Test
    void keepsPortAndHttpVerbatim() {
        // The proxy compares the embedded root with SDS character for character, so nothing is normalised away.
        ProviderEndpoint endpoint = ProviderEndpoint.of("http://provider.example:8080/B82617/STU3/1/gpconnect",
                PROVIDER_ASID);

        assertThat(endpoint.resolve(RelativeUrl.of(UrlTemplate.parse("metadata"), Map.of(), List.of())).toString())
                .isEqualTo("http://provider.example:8080/B82617/STU3/1/gpconnect/metadata");
    }

    @Test
    void aBlankOrNullProxyMeansDirect() {
        ProviderEndpoint proxied = ProviderEndpoint.of(ROOT, PROVIDER_ASID).viaSsp("https://proxy.example");

        assertThat(proxied.viaSsp(null).sspUrl()).isEmpty();
        assertThat(proxied.viaSsp("  ").sspUrl()).isEmpty();
        assertThat(proxied.viaSsp(null)).isEqualTo(ProviderEndpoint.of(ROOT, PROVIDER_ASID));
    }

    @Test
    void withServiceRootKeepsTheProxyAndAsid() {
        ProviderEndpoint foundations = ProviderEndpoint.of(ROOT, PROVIDER_ASID).viaSsp("https://proxy.example");

        ProviderEndpoint structured = foundations.withServiceRoot(ROOT + "/structured/");

        assertThat(structured.serviceRoot()).isEqualTo(URI.create(ROOT + "/structured"));
        assertThat(structured.providerAsid()).isEqualTo(Asid.of(PROVIDER_ASID));
        assertThat(structured.sspUrl()).contains(URI.create("https://proxy.example"));
        assertThat(structured).isNotEqualTo(foundations);
        assertThat(structured.withServiceRoot(ROOT)).isEqualTo(foundations).hasSameHashCodeAs(foundations);
        assertThatThrownBy(() -> foundations.withServiceRoot("ftp://provider.example/x"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("serviceRoot: 'ftp://provider.example/x' is not valid; expected " + URL_RULE);
    }

    @Test
    void aRejectedUrlNeverEchoesItsUserInfo() {
        assertThatThrownBy(() -> ProviderEndpoint.of("https://user:s3cret@provider.example/A12345/STU3/1/gpconnect",
                PROVIDER_ASID))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("serviceRoot: 'https://***@provider.example/A12345/STU3/1/gpconnect' is not valid;"
                        + " expected " + URL_RULE);
        assertThatThrownBy(() -> ProviderEndpoint.of("https://user@provider.example/A12345", PROVIDER_ASID))
                .hasMessage("serviceRoot: 'https://***@provider.example/A12345' is not valid; expected " + URL_RULE);
        assertThatThrownBy(() -> ProviderEndpoint.of(ROOT, PROVIDER_ASID).viaSsp("https://u:p4ss@proxy.example"))
                .hasMessageStartingWith("sspUrl: 'https://***@proxy.example' is not valid")
                .hasMessageNotContaining("p4ss");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://provider.example/A12345/STU3/1/gpconnect?x=1",
            "https://provider.example/A12345/STU3/1/gpconnect#part",
            "ftp://provider.example/A12345/STU3/1/gpconnect",
            "provider.example/A12345/STU3/1/gpconnect",
            "https:///A12345/STU3/1/gpconnect",
            "https://provider example/A12345",
            "urn:oid:1.2.3"})
    void rejectsServiceRootsThatAreNotPlainWebUrls(String value) {
        InvalidValueException e = catchThrowableOfType(InvalidValueException.class,
                () -> ProviderEndpoint.of(value, PROVIDER_ASID));

        assertThat(e.field()).isEqualTo("serviceRoot");
        assertThat(e).hasMessage("serviceRoot: '" + value + "' is not valid; expected " + URL_RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://proxy.example/?via=1", "https://proxy.example/#x", "ftp://proxy.example",
            "proxy.example"})
    void rejectsProxyUrlsThatAreNotPlainWebUrls(String value) {
        ProviderEndpoint endpoint = ProviderEndpoint.of(ROOT, PROVIDER_ASID);

        assertThatThrownBy(() -> endpoint.viaSsp(value))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("sspUrl: '" + value + "' is not valid; expected " + URL_RULE);
    }

    @Test
    void rejectsMissingServiceRootAndBadAsid() {
        assertThatThrownBy(() -> ProviderEndpoint.of(null, PROVIDER_ASID))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("serviceRoot: no value is not valid; expected " + URL_RULE);
        assertThatThrownBy(() -> ProviderEndpoint.of("", PROVIDER_ASID))
                .hasMessage("serviceRoot: a blank value is not valid; expected " + URL_RULE);
        assertThatThrownBy(() -> ProviderEndpoint.of(ROOT, "9189991987380"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("providerAsid: '9189991987380' is not valid; expected an ASID of 1 to 12 digits"
                        + " (e.g. 200000000115)");
    }

    @Test
    void endpointsAreValues() {
        ProviderEndpoint a = ProviderEndpoint.of(ROOT, PROVIDER_ASID).viaSsp("https://proxy.example");
        ProviderEndpoint b = ProviderEndpoint.of(ROOT + "/", PROVIDER_ASID).viaSsp("https://proxy.example/");

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(ProviderEndpoint.of(ROOT, PROVIDER_ASID));
        assertThat(a).isNotEqualTo(ProviderEndpoint.of(ROOT, "200000000115").viaSsp("https://proxy.example"));
        assertThat(a).isNotEqualTo(ROOT);
    }

    // ---------------------------------------------------------------- percent-encoding

    static Stream<Arguments> queryValues() {
        return Stream.of(
                Arguments.of("https://fhir.nhs.uk/Id/nhs-number|9690937286",
                        "https://fhir.nhs.uk/Id/nhs-number%7C9690937286"),
                Arguments.of("ge2019-03-29T12:00:00+00:00", "ge2019-03-29T12:00:00%2B00:00"),
                Arguments.of("two words", "two%20words"),
                Arguments.of("Schedule:actor:Practitioner", "Schedule:actor:Practitioner"),
                Arguments.of("user@example", "user@example"),
                Arguments.of("a/b", "a/b"),
                Arguments.of("AZaz09-._~", "AZaz09-._~"),
                Arguments.of("D\u00f3naill", "D%C3%B3naill"),
                Arguments.of("\u00e9\u20ac\uD83D\uDE91", "%C3%A9%E2%82%AC%F0%9F%9A%91"),
                Arguments.of("a&b=c", "a%26b%3Dc"),
                Arguments.of("50%", "50%25"),
                Arguments.of("q?#[]", "q%3F%23%5B%5D"),
                Arguments.of("!$'()*,;", "%21%24%27%28%29%2A%2C%3B"),
                Arguments.of("\"<>\\^`{}", "%22%3C%3E%5C%5E%60%7B%7D"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("queryValues")
    void encodesQueryValuesPerRfc3986KeepingColonSlashAndAt(String value, String encoded) {
        assertThat(PercentEncoding.encodeQueryValue(value)).isEqualTo(encoded);
    }

    @Test
    void encodesControlCharactersAndTheEmptyValue() {
        assertThat(PercentEncoding.encodeQueryValue("a\tb\nc\u007f")).isEqualTo("a%09b%0Ac%7F");
        assertThat(PercentEncoding.encodeQueryValue("")).isEmpty();
        assertThat(new QueryParameter("description", "").encoded()).isEqualTo("description=");
    }

    @Test
    void everyNonUnreservedAsciiCharacterOtherThanColonSlashAtIsEncoded() {
        for (char c = 0; c < 128; c++) {
            String encoded = PercentEncoding.encodeQueryValue(String.valueOf(c));
            boolean kept = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || "-._~:/@".indexOf(c) >= 0;
            assertThat(encoded).as("U+%04X", (int) c)
                    .isEqualTo(kept ? String.valueOf(c) : String.format("%%%02X", (int) c));
        }
    }

    @Test
    void repeatedQueryNamesAreKeptInOrder() {
        ProviderEndpoint endpoint = ProviderEndpoint.of(ROOT, PROVIDER_ASID);
        RelativeUrl slots = RelativeUrl.of(UrlTemplate.parse("Slot"), Map.of(), List.of(
                new QueryParameter("start", "ge2017-09-22"),
                new QueryParameter("end", "le2017-09-26"),
                new QueryParameter("status", "free"),
                new QueryParameter("_include", "Slot:schedule"),
                new QueryParameter("_include:recurse", "Schedule:actor:Practitioner"),
                new QueryParameter("_include:recurse", "Schedule:actor:Location"),
                new QueryParameter("searchFilter", "https://fhir.nhs.uk/Id/ods-organization-code|X99999")));

        assertThat(endpoint.resolve(slots).toString()).isEqualTo(ROOT + "/Slot?start=ge2017-09-22&end=le2017-09-26"
                + "&status=free&_include=Slot:schedule&_include:recurse=Schedule:actor:Practitioner"
                + "&_include:recurse=Schedule:actor:Location"
                + "&searchFilter=https://fhir.nhs.uk/Id/ods-organization-code%7CX99999");

        RelativeUrl appointments = RelativeUrl.of(UrlTemplate.parse("Patient/{id}/Appointment"), Map.of("id", "2"),
                List.of(new QueryParameter("start", "ge2017-07-11"), new QueryParameter("start", "le2017-09-14")));
        assertThat(appointments.encoded()).isEqualTo("Patient/2/Appointment?start=ge2017-07-11&start=le2017-09-14");
    }

    @Test
    void relativeUrlsCopyTheirQuery() {
        List<QueryParameter> query = new ArrayList<>(List.of(new QueryParameter("a", "1")));
        RelativeUrl url = new RelativeUrl("metadata", query);
        query.add(new QueryParameter("b", "2"));

        assertThat(url.query()).containsExactly(new QueryParameter("a", "1"));
        assertThat(url.encoded()).isEqualTo("metadata?a=1");
        assertThatThrownBy(() -> url.query().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new RelativeUrl("metadata", List.of()).encoded()).isEqualTo("metadata");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "1abc", "a=b", "a&b", "-x", "na\u00efve", "a/b", "a?b"})
    void rejectsQueryNamesThatAreNotSearchParameterNames(String name) {
        assertThatThrownBy(() -> new QueryParameter(name, "v"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Query parameter name '" + name
                        + "' is not valid; expected letters, digits, '_', '.', ':' or '-'");
    }

    @Test
    void acceptsFhirSearchParameterNamesAndRequiresAValue() {
        assertThat(new QueryParameter("_revinclude:recurse", "PractitionerRole:practitioner").encoded())
                .isEqualTo("_revinclude:recurse=PractitionerRole:practitioner");
        assertThat(new QueryParameter("service.identifier", "x").encoded()).isEqualTo("service.identifier=x");
        assertThat(new QueryParameter("_format", "application/fhir+json").encoded())
                .isEqualTo("_format=application/fhir%2Bjson");
        assertThatThrownBy(() -> new QueryParameter(null, "v"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Query parameter name 'null' is not valid; expected letters, digits, '_', '.', ':' or '-'");
        assertThatThrownBy(() -> new QueryParameter("identifier", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("value of query parameter identifier");
    }
}
