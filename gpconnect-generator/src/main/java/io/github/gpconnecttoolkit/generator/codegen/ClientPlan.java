package io.github.gpconnecttoolkit.generator.codegen;

import com.palantir.javapoet.ClassName;
import io.github.gpconnecttoolkit.generator.catalogue.Capability;
import io.github.gpconnecttoolkit.generator.catalogue.InteractionDefinition;
import io.github.gpconnecttoolkit.runtime.SpecVersion;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import io.github.gpconnecttoolkit.generator.body.BodyPlan;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What to generate and every name in it, fixed once so that all emitters agree: the selected interactions, their
 * classes, their constant names, and the profile, operation and system constants.
 */
public final class ClientPlan {

    static final String CONSTANTS = "GpConnectConstants";
    static final String CLIENT = "GpConnectClient";
    static final String GENERATOR_NAME = "gpconnect-maven-plugin";

    private final String specVersion;
    private final SpecVersion specLine;
    private final String packageName;
    private final List<InteractionDefinition> interactions;
    private final BodyPlan bodies;
    private final Map<String, String> interactionConstants = new HashMap<>();
    private final Map<String, String> profileConstants = new TreeMap<>();
    private final Map<String, String> operationConstants = new TreeMap<>();
    private final Map<String, String> systemConstants = new TreeMap<>();

    /**
     * @param specVersion the spec version ({@code 1.2.7}, {@code 1.6.2})
     * @param packageName the base package of the generated code
     * @param interactions the selected interactions, in catalogue order
     */
    public ClientPlan(String specVersion, String packageName, List<InteractionDefinition> interactions) {
        this(specVersion, packageName, interactions, BodyPlan.none());
    }

    /**
     * @param specVersion the spec version ({@code 1.2.7}, {@code 1.6.2})
     * @param packageName the base package of the generated code
     * @param interactions the selected interactions, in catalogue order
     * @param bodies the typed request bodies planned from the profiles
     */
    public ClientPlan(String specVersion, String packageName, List<InteractionDefinition> interactions,
            BodyPlan bodies) {
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.specVersion = Objects.requireNonNull(specVersion, "specVersion");
        this.specLine = SpecVersion.parse("specVersion", specVersion);
        this.packageName = Objects.requireNonNull(packageName, "packageName");
        this.interactions = List.copyOf(interactions);
        Map<String, Integer> stemCounts = new HashMap<>();
        for (InteractionDefinition interaction : this.interactions) {
            stemCounts.merge(JavaNames.upperSnake(interaction.javaName()), 1, Integer::sum);
        }
        for (InteractionDefinition interaction : this.interactions) {
            String stem = JavaNames.upperSnake(interaction.javaName());
            String constant = stemCounts.get(stem) > 1
                    ? JavaNames.upperSnake(interaction.capability().key()) + "_" + stem : stem;
            interactionConstants.put(interaction.id(), constant);
            interaction.body().ifPresent(body -> {
                body.profileUrl().ifPresent(this::addProfile);
                body.operationUrl().ifPresent(url -> operationConstants.put(url,
                        JavaNames.upperSnake(JavaNames.lastSegment(url))));
            });
            interaction.response().profileUrl().ifPresent(this::addProfile);
            interaction.parameters().forEach(parameter -> parameter.systemValue().ifPresent(system ->
                    systemConstants.put(system, JavaNames.upperSnake(JavaNames.lastSegment(system)))));
        }
        checkUnique(profileConstants, "profile");
        checkUnique(operationConstants, "operation");
        checkUnique(systemConstants, "system");
    }

    private void addProfile(String url) {
        profileConstants.put(url, JavaNames.upperSnake(JavaNames.lastSegment(url)));
    }

    private static void checkUnique(Map<String, String> constants, String kind) {
        Map<String, String> seen = new HashMap<>();
        for (Map.Entry<String, String> entry : constants.entrySet()) {
            String clash = seen.putIfAbsent(entry.getValue(), entry.getKey());
            if (clash != null) {
                throw new io.github.gpconnecttoolkit.generator.GenerationException("the " + kind + " URLs " + clash
                        + " and " + entry.getKey() + " would both become constant " + entry.getValue()
                        + "; rename one in the interaction files");
            }
        }
    }

    /** The typed request bodies; empty without profiles. */
    BodyPlan bodies() {
        return bodies;
    }

    /** The spec version label. */
    public String specVersion() {
        return specVersion;
    }

    /** The runtime spec line. */
    SpecVersion specLine() {
        return specLine;
    }

    /** The base package. */
    public String packageName() {
        return packageName;
    }

    /** The selected interactions. */
    public List<InteractionDefinition> interactions() {
        return interactions;
    }

    /** The capabilities with at least one selected interaction, in enum order. */
    List<Capability> capabilities() {
        return List.copyOf(new TreeSet<>(interactions.stream().map(InteractionDefinition::capability).toList()));
    }

    /** The selected interactions of one capability. */
    List<InteractionDefinition> interactions(Capability capability) {
        List<InteractionDefinition> result = new ArrayList<>();
        for (InteractionDefinition interaction : interactions) {
            if (interaction.capability() == capability) {
                result.add(interaction);
            }
        }
        return result;
    }

    /** Interactions grouped by capability. */
    Map<Capability, List<InteractionDefinition>> byCapability() {
        Map<Capability, List<InteractionDefinition>> result = new EnumMap<>(Capability.class);
        for (Capability capability : capabilities()) {
            result.put(capability, interactions(capability));
        }
        return result;
    }

    ClassName constants() {
        return ClassName.get(packageName, CONSTANTS);
    }

    ClassName constantsNested(String nested) {
        return constants().nestedClass(nested);
    }

    ClassName client() {
        return ClassName.get(packageName, CLIENT);
    }

    String capabilityPackage(Capability capability) {
        return packageName + "." + capability.key();
    }

    ClassName facade(Capability capability) {
        return ClassName.get(capabilityPackage(capability), facadeName(capability));
    }

    static String facadeName(Capability capability) {
        return switch (capability) {
            case FOUNDATIONS -> "FoundationsClient";
            case APPOINTMENTS -> "AppointmentsClient";
            case STRUCTURED -> "StructuredClient";
            case DOCUMENTS -> "DocumentsClient";
        };
    }

    ClassName requestClass(InteractionDefinition interaction) {
        return ClassName.get(capabilityPackage(interaction.capability()), interaction.javaName() + "Request");
    }

    String interactionConstant(InteractionDefinition interaction) {
        return interactionConstants.get(interaction.id());
    }

    Map<String, String> profileConstants() {
        return profileConstants;
    }

    Map<String, String> operationConstants() {
        return operationConstants;
    }

    Map<String, String> systemConstants() {
        return systemConstants;
    }

    /** Javadoc text naming the spec section: "section 1.1 (Foundations) of GP Connect 1.6.2". */
    String sectionText(InteractionDefinition interaction) {
        String section = interaction.specSection().isEmpty() ? "" : "section " + interaction.specSection() + " ";
        return section + "(" + interaction.capability().title() + ") of the GP Connect " + specVersion
                + " specification";
    }
}
