package io.github.gpconnecttoolkit.generator.body;

import ca.uhn.fhir.model.api.annotation.Child;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.dstu3.model.BackboneElement;
import org.hl7.fhir.dstu3.model.Enumeration;
import org.hl7.fhir.dstu3.model.PrimitiveType;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * What the generator needs to know of HAPI's STU3 model classes, read by reflection from their {@code @Child}
 * annotations. HAPI's {@code FhirContext} would tell the same, but building it costs over a second in a fresh JVM,
 * which every Maven build is; reading a few annotated classes costs a fraction of that.
 */
final class HapiModel {

    private static final String MODEL_PACKAGE = "org.hl7.fhir.dstu3.model.";

    /**
     * What an element of a HAPI class is: its Java class, for codes HAPI models as enums the enum, and for repeating
     * elements the getter of HAPI's list ({@code getIdentifier}), which a single-valued setter clears first.
     */
    record ElementClass(Class<?> elementClass, Class<?> enumClass, String listGetter) {

        boolean isBackbone() {
            return BackboneElement.class.isAssignableFrom(elementClass);
        }
    }

    private final Map<String, Optional<Class<?>>> classes = new HashMap<>();
    private final Map<Class<?>, Map<String, ElementClass>> elements = new HashMap<>();

    /** The HAPI class of a resource or complex datatype ({@code Appointment}, {@code HumanName}). */
    Optional<Class<?>> complexType(String fhirType) {
        if (fhirType.isEmpty() || !Character.isUpperCase(fhirType.charAt(0))) {
            return Optional.empty();
        }
        return classes.computeIfAbsent(fhirType, type -> {
            try {
                Class<?> found = Class.forName(MODEL_PACKAGE + type, false, HapiModel.class.getClassLoader());
                return PrimitiveType.class.isAssignableFrom(found) ? Optional.empty() : Optional.of(found);
            } catch (ClassNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    /** Whether a type code names an STU3 resource ({@code Patient}, or {@code Resource} itself). */
    boolean isResource(String fhirType) {
        return complexType(fhirType).filter(Resource.class::isAssignableFrom).isPresent();
    }

    /** An element of a HAPI class by its FHIR name ({@code participant}, {@code deceased[x]}). */
    Optional<ElementClass> element(Class<?> owner, String name) {
        String plain = name.endsWith("[x]") ? name.substring(0, name.length() - 3) : name;
        return Optional.ofNullable(elements.computeIfAbsent(owner, HapiModel::readElements).get(plain));
    }

    private static Map<String, ElementClass> readElements(Class<?> owner) {
        Map<String, ElementClass> result = new HashMap<>();
        for (Class<?> type = owner; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                Child child = field.getAnnotation(Child.class);
                if (child != null) {
                    result.putIfAbsent(child.name(), elementClass(field));
                }
            }
        }
        return result;
    }

    /** {@code List<X>} and {@code X} give {@code X}; {@code Enumeration<E>} also gives its enum {@code E}. */
    private static ElementClass elementClass(Field field) {
        Type item = field.getGenericType();
        String listGetter = null;
        if (item instanceof ParameterizedType list && list.getRawType() == java.util.List.class) {
            item = list.getActualTypeArguments()[0];
            // HAPI names the getter after the field: identifier gives getIdentifier, class_ gives getClass_
            listGetter = "get" + Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
        }
        if (item instanceof ParameterizedType parameterized && parameterized.getRawType() == Enumeration.class
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> enumClass) {
            return new ElementClass(Enumeration.class, enumClass, listGetter);
        }
        if (item instanceof ParameterizedType parameterized) {
            return new ElementClass((Class<?>) parameterized.getRawType(), null, listGetter);
        }
        return new ElementClass((Class<?>) item, null, listGetter);
    }
}
