package org.redteam4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API is its documented packages: nothing public in them shows a type of the engine
 * (core, models, config, store) or of {@code .internal}, so those can change without breaking users.
 */
class ApiSurfaceTest {

    @Test
    void thePublicApiShowsOnlyItsOwnTypesAndTheJdks() throws Exception {
        List<Class<?>> api = classesUnder(Path.of(Campaign.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : api) {
            if (!Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()) {
                    check(type, method, method.getGenericReturnType(), leaks);
                    parameters(type, method, leaks);
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (Modifier.isPublic(constructor.getModifiers())) {
                    parameters(type, constructor, leaks);
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isPublic(field.getModifiers())) {
                    check(type, field, field.getGenericType(), leaks);
                }
            }
        }
        assertThat(api).extracting(Class::getSimpleName).contains("Campaign", "CampaignResult", "ChatTarget", "TargetAdapter");
        assertThat(leaks).isEmpty();
    }

    private static void parameters(Class<?> type, Executable executable, List<String> leaks) {
        for (Type parameter : executable.getGenericParameterTypes()) {
            check(type, executable, parameter, leaks);
        }
    }

    private static void check(Class<?> owner, Object member, Type type, List<String> leaks) {
        if (type instanceof ParameterizedType parameterized) {
            check(owner, member, parameterized.getRawType(), leaks);
            for (Type argument : parameterized.getActualTypeArguments()) {
                check(owner, member, argument, leaks);
            }
        } else if (type instanceof WildcardType wildcard) {
            Stream.of(wildcard.getUpperBounds()).forEach(bound -> check(owner, member, bound, leaks));
        } else if (type instanceof Class<?> c) {
            Class<?> element = c.isArray() ? c.getComponentType() : c;
            String name = element.getName();
            boolean allowed = element.isPrimitive() || name.startsWith("java.")
                    || name.startsWith("org.redteam4j.api.") && !name.startsWith("org.redteam4j.api.internal.");
            if (!allowed) {
                leaks.add(owner.getName() + ": " + member + " shows " + name);
            }
        }
    }

    /** The API packages' classes, read from the module's class folder. */
    private static List<Class<?>> classesUnder(Path root) throws IOException, ClassNotFoundException {
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("org/redteam4j/api"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (!name.startsWith("org.redteam4j.api.internal.")) {
                    classes.add(Class.forName(name));
                }
            }
        }
        return classes;
    }
}
