package io.github.gpconnecttoolkit.generator.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.gpconnecttoolkit.generator.GenerationException;
import io.github.gpconnecttoolkit.generator.catalogue.HeaderUse;
import io.github.gpconnecttoolkit.generator.catalogue.InteractionDefinition;
import io.github.gpconnecttoolkit.generator.catalogue.ParameterDefinition;
import io.github.gpconnecttoolkit.generator.catalogue.ParameterLocation;
import io.github.gpconnecttoolkit.generator.catalogue.ParameterType;
import io.github.gpconnecttoolkit.generator.catalogue.RangeConstraint;
import io.github.gpconnecttoolkit.generator.catalogue.RequestBodyDefinition;
import io.github.gpconnecttoolkit.runtime.InvalidValueException;
import io.github.gpconnecttoolkit.runtime.body.InvalidBodyException;
import io.github.gpconnecttoolkit.runtime.endpoint.ProviderEndpoint;
import io.github.gpconnecttoolkit.runtime.endpoint.UrlTemplate;
import io.github.gpconnecttoolkit.runtime.identifier.LogicalId;
import io.github.gpconnecttoolkit.runtime.identifier.NhsNumber;
import io.github.gpconnecttoolkit.runtime.identifier.OdsCode;
import io.github.gpconnecttoolkit.runtime.identifier.SdsUserId;
import io.github.gpconnecttoolkit.runtime.jwt.ReasonForRequest;
import io.github.gpconnecttoolkit.runtime.jwt.RequestedScope;
import io.github.gpconnecttoolkit.runtime.request.GpConnectRequest;
import io.github.gpconnecttoolkit.runtime.request.HttpMethod;
import io.github.gpconnecttoolkit.runtime.request.Interaction;
import io.github.gpconnecttoolkit.runtime.request.SearchDate;
import io.github.gpconnecttoolkit.runtime.transport.GpConnectTransport;
import io.github.gpconnecttoolkit.runtime.transport.AbstractInteractionRequest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/** Emits one request builder per interaction: typed setters, {@code toRequest()}, {@code prepare()}, {@code execute()}. */
final class RequestBuilderEmitter {

    private static final String FHIR_MODEL = "org.hl7.fhir.dstu3.model";
    private static final ClassName PARAMETERS = ClassName.get(FHIR_MODEL, "Parameters");
    private static final ClassName PARAMETER_COMPONENT = PARAMETERS.nestedClass("ParametersParameterComponent");

    private final ClientPlan plan;
    private final InteractionDefinition interaction;
    private final ClassName self;
    /** The generated body builder when the profiles are configured; body parameters then live in it. */
    private final ClassName typedBody;

    private RequestBuilderEmitter(ClientPlan plan, InteractionDefinition interaction) {
        this.plan = plan;
        this.interaction = interaction;
        this.self = plan.requestClass(interaction);
        this.typedBody = plan.bodies().bodyOf(interaction.id()).map(builder -> BodyEmitter.builderClass(
                plan.packageName(), builder.javaName())).orElse(null);
    }

    /** The parameters this builder has setters for: body parameters move into a typed body builder. */
    private List<ParameterDefinition> ownParameters() {
        return interaction.parameters().stream().filter(parameter -> typedBody == null
                || parameter.location() != ParameterLocation.BODY).toList();
    }

    static JavaFile emit(ClientPlan plan, InteractionDefinition interaction) {
        return new RequestBuilderEmitter(plan, interaction).emit();
    }

    /** The HAPI STU3 model class of a resource type; a type HAPI does not know is a catalogue error. */
    static ClassName resourceClass(String resourceType, InteractionDefinition interaction, String field) {
        try {
            Class.forName(FHIR_MODEL + "." + resourceType, false, RequestBuilderEmitter.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new GenerationException(interaction.source() + ": interaction '" + interaction.id() + "': field '"
                    + field + "': '" + resourceType + "' is not an STU3 resource type");
        }
        return ClassName.get(FHIR_MODEL, resourceType);
    }

    private JavaFile emit() {
        ClassName responseType = resourceClass(interaction.response().resourceType(), interaction,
                "response.resourceType");
        TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(ClassName.get(AbstractInteractionRequest.class), responseType))
                .addJavadoc(classJavadoc(responseType));
        type.addField(FieldSpec.builder(Interaction.class, "INTERACTION", Modifier.PUBLIC, Modifier.STATIC,
                        Modifier.FINAL)
                .addJavadoc("The interaction: ID, method, URL template, requested scope and reason for request.\n")
                .initializer("new $T($T.$L, $T.$L, $T.parse($S), $T.parse($S), $T.$L)", Interaction.class,
                        plan.constantsNested("InteractionIds"), plan.interactionConstant(interaction),
                        HttpMethod.class, interaction.method().name(), UrlTemplate.class, interaction.urlTemplate(),
                        RequestedScope.class, interaction.scope(), ReasonForRequest.class,
                        ReasonForRequest.fromClaimValue(interaction.reason()).name())
                .build());
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                .addJavadoc("A request sent with {@code transport} to {@code endpoint}, the $L service root.\n",
                        interaction.capability().title())
                .addJavadoc("\n@param transport the transport that prepares and sends it\n")
                .addJavadoc("@param endpoint the provider's service root for this capability\n")
                .addParameter(GpConnectTransport.class, "transport")
                .addParameter(ProviderEndpoint.class, "endpoint")
                .addStatement("super(transport, endpoint, INTERACTION, $T.class)", responseType)
                .build());

        for (ParameterDefinition parameter : ownParameters()) {
            if (parameter.type() == ParameterType.FIXED) {
                continue;
            }
            if (parameter.type() == ParameterType.CODE) {
                type.addType(codeEnum(parameter));
            }
            type.addField(parameterField(parameter));
            parameterSetters(parameter).forEach(type::addMethod);
        }
        interaction.body().ifPresent(body -> addBody(type, body));
        if (interaction.ifMatch() != HeaderUse.NONE) {
            type.addField(String.class, "ifMatch", Modifier.PRIVATE);
            type.addMethod(MethodSpec.methodBuilder("ifMatch").addModifiers(Modifier.PUBLIC).returns(self)
                    .addJavadoc("The version being changed, for {@code If-Match}: the read's {@code ETag}"
                            + " ({@code W/\"3\"}) or its {@code meta.versionId} ({@code 3})$L.\n",
                            interaction.ifMatch() == HeaderUse.REQUIRED ? "; required" : "")
                    .addJavadoc("\n@param etagOrVersionId the ETag or version id\n@return this builder\n")
                    .addParameter(String.class, "etagOrVersionId")
                    .addStatement("this.ifMatch = $T.requireNonNull(etagOrVersionId, $S)", Objects.class,
                            "etagOrVersionId")
                    .addStatement("return this").build());
        }
        if (interaction.prefer() != HeaderUse.NONE) {
            type.addField(GpConnectRequest.Prefer.class, "prefer", Modifier.PRIVATE);
            type.addMethod(MethodSpec.methodBuilder("prefer").addModifiers(Modifier.PUBLIC).returns(self)
                    .addJavadoc("The {@code Prefer} header; without it the provider returns the resource.\n")
                    .addJavadoc("\n@param prefer the preference\n@return this builder\n")
                    .addParameter(GpConnectRequest.Prefer.class, "prefer")
                    .addStatement("this.prefer = $T.requireNonNull(prefer, $S)", Objects.class, "prefer")
                    .addStatement("return this").build());
        }
        if (interaction.confidentiality()) {
            type.addField(RequestedScope.Confidentiality.class, "confidentiality", Modifier.PRIVATE);
            type.addMethod(MethodSpec.methodBuilder("confidentiality").addModifiers(Modifier.PUBLIC).returns(self)
                    .addJavadoc("Appends {@code conf/N} or {@code conf/R} to the requested scope (absent means"
                            + " {@code conf/N}); {@code conf/R} asks for sensitive information.\n")
                    .addJavadoc("\n@param confidentiality the confidentiality\n@return this builder\n")
                    .addParameter(RequestedScope.Confidentiality.class, "confidentiality")
                    .addStatement("this.confidentiality = $T.requireNonNull(confidentiality, $S)", Objects.class,
                            "confidentiality")
                    .addStatement("return this").build());
        }
        type.addMethod(toRequest());
        if (typedBody == null) {
            interaction.body().ifPresent(body -> type.addMethod(body.operation() != null ? operationBody()
                    : profiledBody(body)));
        }
        addHelpers(type);
        return JavaFile.builder(self.packageName(), type.build()).skipJavaLangImports(true).indent("    ").build();
    }

    private CodeBlock classJavadoc(ClassName responseType) {
        CodeBlock.Builder doc = CodeBlock.builder()
                .add("$L: {@code $L $L}.\n", interaction.name(), interaction.method(),
                        escapeJavadoc(interaction.urlTemplate()))
                .add("\n<p>Interaction {@code $L}; $L.\n", interaction.id(), plan.sectionText(interaction))
                .add("Requested scope {@code $L}, reason for request {@code $L}. ", escapeJavadoc(interaction.scope()),
                        interaction.reason())
                .add("Success: {@code $L} {@link $T}", interaction.response().status(), responseType);
        interaction.response().profileUrl().ifPresent(profile -> doc.add(" with profile {@code $L}", profile));
        doc.add(".\n");
        interaction.body().ifPresent(body -> {
            doc.add("Request body: {@code $L}", body.resourceType());
            body.profileUrl().ifPresent(profile -> doc.add(" with profile {@code $L}", profile));
            body.operationUrl().ifPresent(operation -> doc.add(" of OperationDefinition {@code $L}", operation));
            doc.add(".\n");
        });
        return doc.add("\n<p>Set the parameters, then call {@link #execute()}, {@link #send()} or"
                + " {@link #prepare()}. Generated by $L; do not edit.\n", ClientPlan.GENERATOR_NAME).build();
    }

    /** A {@code *}{@code /} in catalogue text would end the Javadoc comment. */
    private static String escapeJavadoc(String text) {
        return text.replace("*/", "*&#47;");
    }

    private TypeName valueType(ParameterDefinition parameter) {
        return switch (parameter.type()) {
            case LOGICAL_ID -> ClassName.get(LogicalId.class);
            case NHS_NUMBER -> ClassName.get(NhsNumber.class);
            case ODS_CODE -> ClassName.get(OdsCode.class);
            case SDS_USER_ID -> ClassName.get(SdsUserId.class);
            case CODE -> self.nestedClass(JavaNames.upperCamel(parameter.name()));
            case STRING -> ClassName.get(String.class);
            case DATE -> ClassName.get(LocalDate.class);
            case DATE_OR_DATE_TIME -> ClassName.get(SearchDate.class);
            case BOOLEAN -> ClassName.get(Boolean.class);
            case FLAG -> TypeName.BOOLEAN;
            case FIXED -> throw new IllegalStateException("fixed parameters have no field");
        };
    }

    private boolean isList(ParameterDefinition parameter) {
        return parameter.repeatable() && parameter.type() != ParameterType.FLAG;
    }

    private FieldSpec parameterField(ParameterDefinition parameter) {
        TypeName value = valueType(parameter);
        if (isList(parameter)) {
            return FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), value), parameter.name(),
                    Modifier.PRIVATE, Modifier.FINAL).initializer("new $T<>()", ArrayList.class).build();
        }
        return FieldSpec.builder(value, parameter.name(), Modifier.PRIVATE).build();
    }

    private List<MethodSpec> parameterSetters(ParameterDefinition parameter) {
        List<MethodSpec> setters = new ArrayList<>();
        String name = parameter.name();
        TypeName value = valueType(parameter);
        CodeBlock asGiven = CodeBlock.of("$T.requireNonNull($L, $S)", Objects.class, name, name);
        switch (parameter.type()) {
            case LOGICAL_ID, NHS_NUMBER, ODS_CODE, SDS_USER_ID -> {
                setters.add(setter(parameter, value, asGiven, "value"));
                setters.add(setter(parameter, ClassName.get(String.class),
                        CodeBlock.of("$T.of($S, $L)", value, name, name), "text"));
            }
            case CODE, DATE -> setters.add(setter(parameter, value, asGiven, "value"));
            case STRING -> setters.add(setter(parameter, value, CodeBlock.of("requireText($S, $L)", name, name),
                    "value"));
            case DATE_OR_DATE_TIME -> {
                setters.add(setter(parameter, value, asGiven, "value"));
                setters.add(setter(parameter, ClassName.get(LocalDate.class),
                        CodeBlock.of("$T.of($L)", SearchDate.class, name), "date"));
                setters.add(setter(parameter, ClassName.get(OffsetDateTime.class),
                        CodeBlock.of("$T.of($L)", SearchDate.class, name), "dateTime"));
            }
            case BOOLEAN -> setters.add(setter(parameter, TypeName.BOOLEAN, CodeBlock.of("$L", name), "value"));
            case FLAG -> setters.add(setter(parameter, TypeName.BOOLEAN, CodeBlock.of("$L", name), "flag"));
            case FIXED -> throw new IllegalStateException("fixed parameters have no setter");
        }
        return setters;
    }

    private MethodSpec setter(ParameterDefinition parameter, TypeName argumentType, CodeBlock converted,
            String form) {
        String name = parameter.name();
        MethodSpec.Builder method = MethodSpec.methodBuilder(isList(parameter) ? "add" + JavaNames.upperCamel(name)
                        : name)
                .addModifiers(Modifier.PUBLIC).returns(self).addParameter(argumentType, name)
                .addJavadoc(parameterJavadoc(parameter))
                .addJavadoc("\n@param $L the $L\n@return this builder\n", name, argumentDescription(form));
        if (parameter.type().allowedLocations().contains(ParameterLocation.QUERY)
                && argumentType.equals(ClassName.get(String.class)) && parameter.type() != ParameterType.STRING) {
            method.addJavadoc("@throws $T when the text breaks the value's rule\n", InvalidValueException.class);
        }
        if (isList(parameter)) {
            method.addStatement("this.$L.add($L)", name, converted);
        } else {
            method.addStatement("this.$L = $L", name, converted);
        }
        return method.addStatement("return this").build();
    }

    private static String argumentDescription(String form) {
        return switch (form) {
            case "text" -> "value as text, checked";
            case "date" -> "whole date";
            case "dateTime" -> "date-time, with its UTC offset";
            case "flag" -> "switch; {@code true} sends the parameter";
            default -> "value";
        };
    }

    private CodeBlock parameterJavadoc(ParameterDefinition parameter) {
        CodeBlock.Builder doc = CodeBlock.builder();
        doc.add("$L", parameter.description().isEmpty() ? "The " + parameter.name() + " parameter."
                : parameter.description());
        doc.add(" Sent as $L", wireDescription(parameter));
        doc.add(parameter.required() ? "; required.\n" : "; optional.\n");
        return doc.build();
    }

    private String wireDescription(ParameterDefinition parameter) {
        String value = switch (parameter.type()) {
            case FLAG -> parameter.value();
            case NHS_NUMBER, ODS_CODE, SDS_USER_ID, CODE -> parameter.system() + "|{value}";
            default -> "{value}";
        };
        return switch (parameter.location()) {
            case PATH -> "{@code {" + parameter.wireName() + "}} in the URL";
            case QUERY -> "{@code " + parameter.wireName() + "=" + parameter.prefixValue().orElse("") + value
                    + "}";
            case BODY -> "the {@code " + parameter.wireName() + "} parameter of the body";
        };
    }

    private TypeSpec codeEnum(ParameterDefinition parameter) {
        ClassName enumName = self.nestedClass(JavaNames.upperCamel(parameter.name()));
        TypeSpec.Builder codes = TypeSpec.enumBuilder(enumName).addModifiers(Modifier.PUBLIC)
                .addJavadoc("The codes of {@code $L} allowed for {@code $L}.\n", parameter.system(),
                        parameter.wireName());
        for (String allowed : parameter.allowedValues()) {
            int bar = allowed.indexOf('|');
            String code = bar < 0 ? allowed : allowed.substring(0, bar);
            String display = bar < 0 ? code : allowed.substring(bar + 1);
            codes.addEnumConstant(JavaNames.upperSnake(code), TypeSpec.anonymousClassBuilder("$S, $S", code, display)
                    .addJavadoc("{@code $L}: $L.\n", code, display).build());
        }
        codes.addField(String.class, "code", Modifier.PRIVATE, Modifier.FINAL)
                .addField(String.class, "display", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addParameter(String.class, "code")
                        .addParameter(String.class, "display")
                        .addStatement("this.code = code").addStatement("this.display = display").build())
                .addMethod(MethodSpec.methodBuilder("system").addModifiers(Modifier.PUBLIC).returns(String.class)
                        .addJavadoc("The code system.\n\n@return the system URL\n")
                        .addStatement("return $T.$L", plan.constantsNested("Systems"),
                                plan.systemConstants().get(parameter.system())).build())
                .addMethod(MethodSpec.methodBuilder("code").addModifiers(Modifier.PUBLIC).returns(String.class)
                        .addJavadoc("The code.\n\n@return the code\n").addStatement("return code").build())
                .addMethod(MethodSpec.methodBuilder("display").addModifiers(Modifier.PUBLIC).returns(String.class)
                        .addJavadoc("The display text.\n\n@return the display\n").addStatement("return display")
                        .build());
        return codes.build();
    }

    private void addBody(TypeSpec.Builder type, RequestBodyDefinition body) {
        if (typedBody != null) {
            String field = body.operation() != null ? "parameters" : "body";
            type.addField(typedBody, field, Modifier.PRIVATE);
            type.addMethod(MethodSpec.methodBuilder(field).addModifiers(Modifier.PUBLIC).returns(self)
                    .addJavadoc("The $L, built with the generated {@link $T}; required. It is built and checked"
                            + " against its $L when the request is built.\n", body.operation() != null
                                    ? "operation's {@code Parameters}" : "{@code " + body.resourceType() + "}",
                            typedBody, body.operation() != null ? "OperationDefinition" : "profile")
                    .addJavadoc("\n@param $L the builder (later changes to it are sent too)\n@return this builder\n",
                            field)
                    .addParameter(typedBody, field)
                    .addStatement("this.$L = $T.requireNonNull($L, $S)", field, Objects.class, field, field)
                    .addStatement("return this").build());
            return;
        }
        if (body.operation() != null) {
            boolean typed = !interaction.parameters(ParameterLocation.BODY).isEmpty();
            type.addField(PARAMETERS, "parameters", Modifier.PRIVATE);
            type.addMethod(MethodSpec.methodBuilder("parameters").addModifiers(Modifier.PUBLIC).returns(self)
                    .addJavadoc(typed ? "Further {@code Parameters.parameter} entries sent after the typed ones;"
                            + " optional.\n" : "The operation's {@code Parameters}; required.\n")
                    .addJavadoc("\n@param parameters the parameters (copied when the request is built)\n")
                    .addJavadoc("@return this builder\n")
                    .addParameter(PARAMETERS, "parameters")
                    .addStatement("this.parameters = $T.requireNonNull(parameters, $S)", Objects.class, "parameters")
                    .addStatement("return this").build());
            return;
        }
        ClassName resource = resourceClass(body.resourceType(), interaction, "requestBody.resourceType");
        type.addField(resource, "body", Modifier.PRIVATE);
        MethodSpec.Builder setter = MethodSpec.methodBuilder("body").addModifiers(Modifier.PUBLIC).returns(self)
                .addJavadoc("The {@code $L} to send; required.", body.resourceType());
        body.profileUrl().ifPresent(profile -> setter.addJavadoc(" A copy with {@code meta.profile} $L is sent when"
                + " the resource does not already claim it.", profile));
        type.addMethod(setter.addJavadoc("\n\n@param body the resource\n@return this builder\n")
                .addParameter(resource, "body")
                .addStatement("this.body = $T.requireNonNull(body, $S)", Objects.class, "body")
                .addStatement("return this").build());
    }

    private MethodSpec toRequest() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("toRequest").addModifiers(Modifier.PUBLIC)
                .addAnnotation(Override.class)
                .returns(GpConnectRequest.class)
                .addJavadoc("Builds the runtime request.\n\n@return the request\n")
                .addJavadoc("@throws $T naming every required value that is missing\n", IllegalStateException.class);
        if (typedBody != null) {
            method.addJavadoc("@throws $T naming every way the body breaks its $L\n", InvalidBodyException.class,
                    interaction.body().orElseThrow().operation() != null ? "OperationDefinition" : "profile");
        }
        if (typedBody != null && interaction.method() == HttpMethod.PUT && !checksValuesFor(interaction)) {
            method.addJavadoc("@throws $T when the body's id is not the id of the URL\n", InvalidValueException.class);
        }
        if (checksValuesFor(interaction)) {
            method.addJavadoc("@throws $T when a date range or a repeat count breaks its rule\n",
                    InvalidValueException.class);
        }
        method.addStatement("$T<$T> missing = new $T<>()", List.class, String.class, ArrayList.class);
        for (ParameterDefinition parameter : ownParameters()) {
            if (!parameter.required()) {
                continue;
            }
            if (isList(parameter)) {
                method.beginControlFlow("if ($L.isEmpty())", parameter.name());
            } else {
                method.beginControlFlow("if ($L == null)", parameter.name());
            }
            method.addStatement("missing.add($S)", parameter.name()).endControlFlow();
        }
        interaction.body().ifPresent(body -> {
            String field = body.operation() != null ? "parameters" : "body";
            boolean required = typedBody != null || body.operation() == null
                    || interaction.parameters(ParameterLocation.BODY).isEmpty();
            if (required) {
                method.beginControlFlow("if ($L == null)", field).addStatement("missing.add($S)", field)
                        .endControlFlow();
            }
        });
        if (interaction.ifMatch() == HeaderUse.REQUIRED) {
            method.beginControlFlow("if (ifMatch == null)").addStatement("missing.add($S)", "ifMatch")
                    .endControlFlow();
        }
        method.addStatement("requireNoneMissing(missing)");
        for (ParameterDefinition parameter : interaction.parameters()) {
            if (isList(parameter) && parameter.max() != ParameterDefinition.UNBOUNDED) {
                method.beginControlFlow("if ($L.size() > $L)", parameter.name(), parameter.max())
                        .addStatement("throw new $T($S, $T.valueOf($L.size()), $S)", InvalidValueException.class,
                                parameter.name(), String.class, parameter.name(),
                                "at most " + parameter.max() + " values")
                        .endControlFlow();
            }
        }
        for (RangeConstraint range : interaction.ranges()) {
            method.beginControlFlow("if ($L != null && $L != null)", range.from(), range.to())
                    .addStatement("$T.checkRange($S, $L, $S, $L, $L)", SearchDate.class, range.from(),
                            searchDate(range.from()), range.to(), searchDate(range.to()), range.maxDays())
                    .endControlFlow();
        }
        method.addStatement("$T.Builder request = newRequest()", GpConnectRequest.class);
        for (ParameterDefinition parameter : interaction.parameters(ParameterLocation.PATH)) {
            method.addStatement("request.pathParameter($S, $L)", parameter.wireName(),
                    wireValue(parameter, parameter.name()));
        }
        for (ParameterDefinition parameter : interaction.parameters(ParameterLocation.QUERY)) {
            addQuery(method, parameter);
        }
        if (interaction.ifMatch() != HeaderUse.NONE) {
            method.beginControlFlow("if (ifMatch != null)").addStatement("request.ifMatch(ifMatch)").endControlFlow();
        }
        if (interaction.prefer() != HeaderUse.NONE) {
            method.beginControlFlow("if (prefer != null)").addStatement("request.prefer(prefer)").endControlFlow();
        }
        if (interaction.confidentiality()) {
            method.beginControlFlow("if (confidentiality != null)")
                    .addStatement("request.confidentiality(confidentiality)").endControlFlow();
        }
        Optional<ParameterDefinition> urlId = interaction.method() == HttpMethod.PUT ? interaction
                .parameters(ParameterLocation.PATH).stream().filter(parameter -> parameter.type()
                        == ParameterType.LOGICAL_ID).findFirst() : Optional.empty();
        interaction.body().ifPresent(body -> {
            if (typedBody != null && body.operation() == null && urlId.isPresent()) {
                // FHIR update: the resource sent must carry the id of the URL it is sent to
                String id = urlId.get().name();
                ClassName resource = resourceClass(body.resourceType(), interaction, "requestBody.resourceType");
                method.addStatement("$T resource = body.build()", resource)
                        .beginControlFlow("if (resource.getIdElement().getIdPart() == null)")
                        .addStatement("resource.setId($L.value())", id)
                        .nextControlFlow("else if (!resource.getIdElement().getIdPart().equals($L.value()))", id)
                        .addStatement("throw new $T($S, resource.getIdElement().getIdPart(), $S + $L.value())",
                                InvalidValueException.class, "body.id", "the id of the URL, ", id)
                        .endControlFlow()
                        .addStatement("request.body(resource)");
                return;
            }
            method.addStatement("request.body($L)", typedBody != null
                    ? (body.operation() != null ? "parameters" : "body") + ".build()"
                    : body.operation() != null ? "parametersBody()" : "profiledBody()");
        });
        return method.addStatement("return request.build()").build();
    }

    /** Whether {@code toRequest()} checks date ranges or repeat counts. */
    private boolean checksValuesFor(InteractionDefinition interaction) {
        return !interaction.ranges().isEmpty() || interaction.parameters().stream()
                .anyMatch(parameter -> isList(parameter) && parameter.max() != ParameterDefinition.UNBOUNDED);
    }

    private CodeBlock searchDate(String parameterName) {
        ParameterDefinition parameter = interaction.parameter(parameterName).orElseThrow();
        return parameter.type() == ParameterType.DATE
                ? CodeBlock.of("$T.of($L)", SearchDate.class, parameterName) : CodeBlock.of("$L", parameterName);
    }

    private void addQuery(MethodSpec.Builder method, ParameterDefinition parameter) {
        String wire = parameter.wireName();
        switch (parameter.type()) {
            case FIXED -> method.addStatement("request.query($S, $S)", wire, parameter.value());
            case FLAG -> method.beginControlFlow("if ($L)", parameter.name())
                    .addStatement("request.query($S, $S)", wire, parameter.value()).endControlFlow();
            default -> {
                if (isList(parameter)) {
                    method.beginControlFlow("for ($T value : $L)", valueType(parameter), parameter.name())
                            .addStatement("request.query($S, $L)", wire, wireValue(parameter, "value"))
                            .endControlFlow();
                } else {
                    method.beginControlFlow("if ($L != null)", parameter.name())
                            .addStatement("request.query($S, $L)", wire, wireValue(parameter, parameter.name()))
                            .endControlFlow();
                }
            }
        }
    }

    private CodeBlock wireValue(ParameterDefinition parameter, String variable) {
        String prefix = parameter.prefixValue().orElse("");
        return switch (parameter.type()) {
            case LOGICAL_ID -> CodeBlock.of("$L.value()", variable);
            case NHS_NUMBER, ODS_CODE, SDS_USER_ID -> CodeBlock.of("$T.$L + $S + $L.value()",
                    plan.constantsNested("Systems"), plan.systemConstants().get(parameter.system()), "|", variable);
            case CODE -> CodeBlock.of("$L.system() + $S + $L.code()", variable, "|", variable);
            case STRING -> CodeBlock.of("$L", variable);
            case DATE -> CodeBlock.of("$S + $L", prefix, variable);
            case DATE_OR_DATE_TIME -> CodeBlock.of("$S + $L.text()", prefix, variable);
            case BOOLEAN -> CodeBlock.of("$T.toString($L)", Boolean.class, variable);
            case FIXED, FLAG -> CodeBlock.of("$S", parameter.value());
        };
    }

    private MethodSpec profiledBody(RequestBodyDefinition body) {
        ClassName resource = resourceClass(body.resourceType(), interaction, "requestBody.resourceType");
        MethodSpec.Builder method = MethodSpec.methodBuilder("profiledBody").addModifiers(Modifier.PRIVATE)
                .returns(resource);
        if (body.profile() == null) {
            return method.addStatement("return body").build();
        }
        CodeBlock profile = CodeBlock.of("$T.$L", plan.constantsNested("Profiles"),
                plan.profileConstants().get(body.profile()));
        // meta.profile SHALL be set on sent resources (reference 6); never change the caller's object.
        return method.beginControlFlow("if (body.getMeta().hasProfile($L))", profile)
                .addStatement("return body").endControlFlow()
                .addStatement("$T copy = body.copy()", resource)
                .addStatement("copy.getMeta().addProfile($L)", profile)
                .addStatement("return copy").build();
    }

    private MethodSpec operationBody() {
        MethodSpec.Builder method = MethodSpec.methodBuilder("parametersBody").addModifiers(Modifier.PRIVATE)
                .returns(PARAMETERS)
                .addStatement("$T body = new $T()", PARAMETERS, PARAMETERS);
        List<String> typedNames = new ArrayList<>();
        for (ParameterDefinition parameter : interaction.parameters(ParameterLocation.BODY)) {
            typedNames.add(parameter.wireName());
            CodeBlock value = switch (parameter.type()) {
                case NHS_NUMBER -> CodeBlock.of("new $T().setSystem($T.$L).setValue($L.value())",
                        ClassName.get(FHIR_MODEL, "Identifier"), plan.constantsNested("Systems"),
                        plan.systemConstants().get(parameter.system()), parameter.name());
                case BOOLEAN -> CodeBlock.of("new $T($L)", ClassName.get(FHIR_MODEL, "BooleanType"),
                        parameter.name());
                case DATE -> CodeBlock.of("new $T($L.toString())", ClassName.get(FHIR_MODEL, "DateType"),
                        parameter.name());
                default -> throw new GenerationException(parameter.source() + ": parameter '" + parameter.name()
                        + "' of type " + parameter.type().key() + " cannot be a body parameter");
            };
            method.beginControlFlow("if ($L != null)", parameter.name())
                    .addStatement("body.addParameter().setName($S).setValue($L)", parameter.wireName(), value)
                    .endControlFlow();
        }
        method.beginControlFlow("if (parameters != null)")
                .beginControlFlow("for ($T parameter : parameters.getParameter())", PARAMETER_COMPONENT);
        if (!typedNames.isEmpty()) {
            CodeBlock clash = typedNames.stream().map(name -> CodeBlock.of("$S.equals(parameter.getName())", name))
                    .collect(CodeBlock.joining(" || "));
            method.beginControlFlow("if ($L)", clash)
                    .addStatement("throw new $T($S + parameter.getName() + $S)", IllegalArgumentException.class,
                            "parameters: '", "' is set by its typed setter; remove it from the extra Parameters")
                    .endControlFlow();
        }
        return method.addStatement("body.addParameter(parameter.copy())").endControlFlow().endControlFlow()
                .addStatement("return body").build();
    }

    private void addHelpers(TypeSpec.Builder type) {
        if (interaction.parameters().stream().anyMatch(parameter -> parameter.type() == ParameterType.STRING)) {
            type.addMethod(MethodSpec.methodBuilder("requireText").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .returns(String.class).addParameter(String.class, "name").addParameter(String.class, "value")
                    .beginControlFlow("if (value == null || value.isBlank())")
                    .addStatement("throw new $T(name, value, $S)", InvalidValueException.class, "non-blank text")
                    .endControlFlow().addStatement("return value").build());
        }
    }
}
