package io.github.gpconnecttoolkit.generator.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.dstu3.model.OperationDefinition;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Test harness around HAPI's instance validator: validates STU3 resources against the StructureDefinitions, ValueSets
 * and CodeSystems found in one or more folders. OperationDefinitions there are read too, but HAPI cannot validate a
 * Parameters body against them; they are only made available through {@link #operationDefinitions()}.
 *
 * <p>Building the validation support and warming the validator up takes seconds, so instances are cached per folder
 * set for the life of the JVM; {@link #forFolders(Path...)} returns the same instance for the same folders.
 *
 * <p>Terminology: codes from SNOMED CT, dm+d, Read, LOINC and ICD-10 are accepted unchecked where they would need a
 * terminology server ({@link ExternalTerminologySupport}), and "CodeSystem is unknown" is never worse than a warning
 * ({@link #severity}), so only structural and local-terminology violations are errors. Unknown extensions are allowed
 * (reported as information); a profile that cannot be found is an error.
 */
public final class ProfileValidator {

    private static final FhirContext CONTEXT = FhirContext.forDstu3Cached();

    private static final Map<List<Path>, ProfileValidator> CACHE = new ConcurrentHashMap<>();

    private static final String UNKNOWN_CODE_SYSTEM = "CodeSystem is unknown and can't be validated";

    private static final List<String> LOADED_TYPES =
            List.of("StructureDefinition", "ValueSet", "CodeSystem");

    private final List<Path> folders;
    private final Map<Path, String> skipped;
    private final Map<String, Integer> loadedCounts;
    private final Map<String, OperationDefinition> operations;
    private final Duration buildTime;
    private final IValidationSupport support;
    private final FhirValidator validator;
    private volatile Duration firstValidationTime;

    private ProfileValidator(List<Path> folders) {
        long started = System.nanoTime();
        this.folders = folders;
        Map<Path, String> skippedFiles = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, OperationDefinition> operationsByUrl = new LinkedHashMap<>();
        PrePopulatedValidationSupport local = new PrePopulatedValidationSupport(CONTEXT);
        for (Path folder : folders) {
            for (Path file : conformanceFiles(folder)) {
                IBaseResource resource;
                try {
                    resource = parser(file).parseResource(Files.readString(file, StandardCharsets.UTF_8));
                } catch (DataFormatException | IOException e) {
                    skippedFiles.put(file, firstLine(e.getMessage()));
                    continue;
                }
                String type = CONTEXT.getResourceType(resource);
                if (resource instanceof OperationDefinition operation) {
                    // PrePopulatedValidationSupport.addResource silently drops OperationDefinitions; keep them here.
                    operationsByUrl.put(operation.getUrl(), operation);
                    counts.merge(type, 1, Integer::sum);
                } else if (LOADED_TYPES.contains(type)) {
                    // A later file with the same canonical URL replaces an earlier one for look-ups by URL.
                    local.addResource(resource);
                    counts.merge(type, 1, Integer::sum);
                }
            }
        }
        this.skipped = Collections.unmodifiableMap(skippedFiles);
        this.loadedCounts = Collections.unmodifiableMap(counts);
        this.operations = Collections.unmodifiableMap(operationsByUrl);

        // In 8.8.1 the chain has its own cache (CacheConfiguration); CachingValidationSupport is deprecated there.
        ValidationSupportChain chain = new ValidationSupportChain(
                ValidationSupportChain.CacheConfiguration.defaultValues(),
                local,
                new DefaultProfileValidationSupport(CONTEXT),
                new CommonCodeSystemsTerminologyService(CONTEXT),
                new ExternalTerminologySupport(CONTEXT),
                new InMemoryTerminologyServerValidationSupport(CONTEXT),
                new SnapshotGeneratingValidationSupport(CONTEXT));
        this.support = chain;

        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        module.setAnyExtensionsAllowed(true);
        module.setNoTerminologyChecks(false);
        module.setErrorForUnknownProfiles(true);
        this.validator = CONTEXT.newValidator().setValidateAgainstStandardSchema(false)
                .setValidateAgainstStandardSchematron(false).registerValidatorModule(module);
        this.buildTime = Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * The validator for these folders (searched recursively), built on first use and then shared. Files that are not
     * well-formed XML or JSON are skipped and listed by {@link #skippedFiles()}.
     */
    public static ProfileValidator forFolders(Path... folders) {
        if (folders.length == 0) {
            throw new IllegalArgumentException("At least one folder is needed");
        }
        List<Path> key = Arrays.stream(folders).map(f -> f.toAbsolutePath().normalize()).toList();
        for (Path folder : key) {
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("Not a folder: " + folder);
            }
        }
        return CACHE.computeIfAbsent(key, ProfileValidator::new);
    }

    /** The shared STU3 context the validator and its loaded resources use. */
    public static FhirContext context() {
        return CONTEXT;
    }

    /**
     * The ERROR and FATAL messages of validating {@code resource} against {@code profileUrl} (and against any
     * profiles the resource declares in {@code meta.profile}), each as {@code "location: message"}.
     */
    public List<String> errors(IBaseResource resource, String profileUrl) {
        return messages(resource, profileUrl, ResultSeverityEnum.ERROR);
    }

    /**
     * Like {@link #errors}, for every message at {@code minimum} severity or worse, each prefixed with its severity
     * when {@code minimum} is below ERROR. Severities are as {@link #severity} gives them.
     */
    public List<String> messages(IBaseResource resource, String profileUrl, ResultSeverityEnum minimum) {
        boolean prefix = minimum.ordinal() < ResultSeverityEnum.ERROR.ordinal();
        List<String> messages = new ArrayList<>();
        for (SingleValidationMessage message : validate(resource, profileUrl).getMessages()) {
            ResultSeverityEnum severity = severity(message);
            if (severity.ordinal() >= minimum.ordinal()) {
                messages.add((prefix ? severity.name() + " " : "") + format(message));
            }
        }
        return messages;
    }

    /**
     * The severity this harness gives a message: HAPI's, except that "CodeSystem is unknown" is at most a WARNING.
     * HAPI 8.8.1 reports an unknown code system as an ERROR under a required binding; a code that is really outside
     * the bound ValueSet still gets its own ERROR ("None of the codings provided are in the value set"). This is what
     * HAPI's server-side ValidationMessageUnknownCodeSystemProcessingInterceptor does, which replaces the deprecated
     * UnknownCodeSystemWarningValidationSupport but cannot be used with a plain FhirValidator.
     */
    public static ResultSeverityEnum severity(SingleValidationMessage message) {
        ResultSeverityEnum severity = message.getSeverity();
        String text = message.getMessage();
        if (severity.ordinal() > ResultSeverityEnum.WARNING.ordinal() && text != null
                && text.startsWith(UNKNOWN_CODE_SYSTEM)) {
            return ResultSeverityEnum.WARNING;
        }
        return severity;
    }

    /** The full HAPI result of validating {@code resource} against {@code profileUrl}. */
    public ValidationResult validate(IBaseResource resource, String profileUrl) {
        ValidationOptions options = new ValidationOptions();
        if (profileUrl != null) {
            options.addProfile(profileUrl);
        }
        long started = System.nanoTime();
        ValidationResult result = validator.validateWithResult(resource, options);
        if (firstValidationTime == null) {
            firstValidationTime = Duration.ofNanos(System.nanoTime() - started);
        }
        return result;
    }

    /** Parses a JSON or XML resource with the validator's context, e.g. an example request body. */
    public static IBaseResource parse(Path file) {
        try {
            return parser(file).parseResource(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folders this validator was built from. */
    public List<Path> folders() {
        return folders;
    }

    /** Files under the folders that could not be parsed (not well-formed), with the parser's first line. */
    public Map<Path, String> skippedFiles() {
        return skipped;
    }

    /** How many StructureDefinitions, ValueSets, CodeSystems and OperationDefinitions were read, by type. */
    public Map<String, Integer> loadedCounts() {
        return loadedCounts;
    }

    /**
     * The OperationDefinitions found, by canonical URL. HAPI cannot validate a Parameters body against them (it looks
     * a profile URL up as a StructureDefinition only), so they are kept for tests to check parameters by hand.
     */
    public Map<String, OperationDefinition> operationDefinitions() {
        return operations;
    }

    /** How long loading the folders and building the validator took (the first validation is slower still). */
    public Duration buildTime() {
        return buildTime;
    }

    /** How long the first validation took (HAPI builds its caches then), or null before any. */
    public Duration firstValidationTime() {
        return firstValidationTime;
    }

    /** The validation support chain: folders first, then HAPI's base STU3 definitions and terminology. */
    public IValidationSupport support() {
        return support;
    }

    private static String format(SingleValidationMessage message) {
        String location = message.getLocationString() == null ? "(no location)" : message.getLocationString();
        return location + ": " + message.getMessage();
    }

    private static IParser parser(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") ? CONTEXT.newJsonParser() : CONTEXT.newXmlParser();
    }

    private static List<Path> conformanceFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                        return name.endsWith(".xml") || name.endsWith(".json");
                    })
                    .sorted()
                    .collect(Collectors.toCollection(ArrayList::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "(no message)";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
