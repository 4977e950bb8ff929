package io.github.gpconnecttoolkit.testkit.validation;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.github.gpconnecttoolkit.runtime.request.FhirFormat;
import io.github.gpconnecttoolkit.testkit.interaction.KnownInteraction;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The body of a POST or PUT: it must parse strictly as STU3 in the {@code Content-Type}'s format and be the
 * interaction's resource type. What the resource says (booking rules, parameters) is the behaviours' business.
 */
final class BodyRules {

    private BodyRules() {
    }

    /**
     * The parsed body, or {@code null} for a GET (a GET's body, if any, is ignored as HTTP says).
     *
     * @param format the {@code Content-Type}'s format, which {@link MediaTypeRules} requires of a POST or PUT
     */
    static IBaseResource check(IncomingRequest request, KnownInteraction interaction, FhirFormat format,
            Checks checks) {
        if (!interaction.method().equals("POST") && !interaction.method().equals("PUT")) {
            return null;
        }
        Class<? extends IBaseResource> expected =
                interaction.shape() == KnownInteraction.Shape.TYPE_OPERATION ? Parameters.class : Appointment.class;
        String expectedName = expected.getSimpleName();
        String expectedWithArticle = (expectedName.startsWith("A") ? "an " : "a ") + expectedName;
        if (request.bodyLength() == 0) {
            checks.fail(Rule.BODY_STRICT_STU3, "The request body is empty; " + interaction.id() + " needs "
                    + expectedWithArticle + " resource");
        }
        String text;
        try {
            text = strictUtf8(request.bodyUnsafe());
        } catch (CharacterCodingException e) {
            throw checks.fail(Rule.BODY_STRICT_STU3, "The request body is not UTF-8 text");
        }
        IParser parser = format.newParser().setParserErrorHandler(new StrictErrorHandler());
        IBaseResource resource;
        try {
            resource = parser.parseResource(text);
        } catch (DataFormatException | IllegalArgumentException | ClassCastException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw checks.fail(Rule.BODY_STRICT_STU3, "The request body is not a valid FHIR STU3 resource in "
                    + format.mimeType() + ": " + (message.length() > 400 ? message.substring(0, 400) + "..."
                    : message));
        }
        if (!expected.isInstance(resource)) {
            checks.fail(Rule.BODY_RESOURCE_TYPE, "The request body is a " + resource.fhirType() + " but "
                    + interaction.id() + " needs " + expectedWithArticle);
        }
        return resource;
    }

    /**
     * Decodes UTF-8 text, refusing malformed input (a new decoder reports it rather than replacing it).
     *
     * @throws CharacterCodingException when {@code bytes} are not UTF-8
     */
    static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    }
}
