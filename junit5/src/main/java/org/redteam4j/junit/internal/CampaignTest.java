package org.redteam4j.junit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;
import org.redteam4j.api.Campaign;
import org.redteam4j.api.CampaignResult;
import org.redteam4j.api.OverRefusal;
import org.redteam4j.api.TargetSummary;
import org.redteam4j.api.Targets;
import org.redteam4j.junit.RedTeam;
import org.redteam4j.junit.RedTeamTarget;

/** One {@link RedTeam} test: its campaign with the class's targets and the run's settings. */
public final class CampaignTest {

    static final String FAIL_ABOVE = "redteam4j.failAbove";
    static final String FAIL_REFUSAL_ABOVE = "redteam4j.failRefusalAbove";
    static final String DATABASE = "redteam4j.db";
    static final String MAX_REQUESTS = "redteam4j.maxRequests";
    static final String REPORTS = "redteam4j.reportsDirectory";
    static final long DEFAULT_MAX_REQUESTS = 1_000;
    /** Which test of this JVM wrote each report file first. */
    private static final java.util.concurrent.ConcurrentMap<Path, String> REPORT_OWNERS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final RedTeam annotation;
    private final ExtensionContext context;

    private CampaignTest(RedTeam annotation, ExtensionContext context) {
        this.annotation = annotation;
        this.context = context;
    }

    public static CampaignTest of(ExtensionContext context) {
        RedTeam annotation = context.getRequiredTestMethod().getAnnotation(RedTeam.class);
        if (annotation == null) {
            throw new ExtensionConfigurationException("RedTeamExtension runs on methods annotated @RedTeam");
        }
        return new CampaignTest(annotation, context);
    }

    /** The campaign's result and the gates it is held to. */
    public record Ran(CampaignResult result, double failAbove, OptionalDouble failRefusalAbove) {

        /** Fails with the summary table when a target is above a gate, or has no rate to compare with it. */
        public void gate() {
            List<String> failures = new ArrayList<>();
            List<TargetSummary> above = result.above(failAbove);
            if (!above.isEmpty()) {
                failures.add(String.format(Locale.ROOT, "red-team campaign '%s': %d of %d targets above the gate of %.1f%% "
                        + "(by judge %s):", result.campaign(), above.size(), result.targets().size(), 100 * failAbove,
                        result.firstJudge()));
                for (TargetSummary target : above) {
                    failures.add("  " + target.target() + ": " + target.rate().map(rate -> String.format(Locale.ROOT,
                            "%s, %d hits of %d judged", rate, target.hits(), target.judged()))
                            .orElse(String.format(Locale.ROOT, "no rate: none of its %d attacks was judged (%d errors, "
                                    + "%d not run)", target.attacks(), target.errors(), target.notRun())));
                }
            }
            if (failRefusalAbove.isPresent()) {
                double gate = failRefusalAbove.getAsDouble();
                List<TargetSummary> refusing = result.overRefusingAbove(gate);
                if (!refusing.isEmpty()) {
                    failures.add(String.format(Locale.ROOT, "red-team campaign '%s': %d of %d targets refuse benign prompts "
                            + "above the gate of %.1f%%:", result.campaign(), refusing.size(), result.targets().size(), 100 * gate));
                    for (TargetSummary target : refusing) {
                        OverRefusal benign = target.overRefusal().orElseThrow();
                        failures.add("  " + target.target() + ": " + (benign.notRun() > 0
                                ? benign.notRun() + " of " + benign.prompts() + " benign prompts not run"
                                : benign.rate().map(rate -> String.format(Locale.ROOT, "%s, %d of %d refused", rate,
                                        benign.refused(), benign.judged()))
                                        .orElse("none of its " + benign.prompts() + " benign prompts was judged")));
                    }
                }
            }
            if (!failures.isEmpty()) {
                throw new AssertionFailedError(String.join("\n", failures) + "\n\n" + result.table());
            }
        }
    }

    public Ran run() {
        double failAbove = gate(FAIL_ABOVE, "failAbove", annotation.failAbove());
        // a negative annotation value sets no over-refusal gate; the parameter always sets one
        OptionalDouble failRefusalAbove = annotation.failRefusalAbove() < 0 && parameter(FAIL_REFUSAL_ABOVE).isEmpty()
                ? OptionalDouble.empty()
                : OptionalDouble.of(gate(FAIL_REFUSAL_ABOVE, "failRefusalAbove", annotation.failRefusalAbove()));
        Campaign campaign = campaign().withDefaultMaxRequests(parameter(MAX_REQUESTS).map(CampaignTest::budget)
                .orElse(DEFAULT_MAX_REQUESTS));
        for (Method method : targetMethods(context.getRequiredTestClass())) {
            RedTeamTarget target = method.getAnnotation(RedTeamTarget.class);
            campaign = campaign.withTarget(target.value().isEmpty() ? method.getName() : target.value(),
                    Targets.from(call(method, context.getTestInstance().orElse(null))));
        }
        if (annotation.targets() == RedTeam.Targets.REPLACE) {
            campaign = campaign.replacingFileTargets();
        }
        Optional<String> database = parameter(DATABASE).or(() -> Optional.ofNullable(System.getenv("REDTEAM4J_DB")))
                .filter(value -> !value.isBlank());
        if (database.isPresent()) {
            campaign = campaign.database(database.get()).resuming(); // a run killed half-way goes on in the next
        }
        CampaignResult result = campaign.run();
        System.out.printf("red-team campaign '%s': %d attacks run now, %d done before, %d not run (budget)%n%s",
                result.campaign(), result.runNow(), result.alreadyDone(), result.notRun(), result.table());
        result.writeJunitXml(reportFile(result.campaign()));
        if (failRefusalAbove.isPresent() && result.targets().stream().allMatch(t -> t.overRefusal().isEmpty())) {
            throw new ExtensionConfigurationException("failRefusalAbove gates the false refusal rate on benign prompts, but "
                    + "campaign '" + result.campaign() + "' has no 'benign:' section");
        }
        return new Ran(result, failAbove, failRefusalAbove);
    }

    /** A gate: the configuration parameter's rate when given, else the annotation's; either must lie in 0–1. */
    private double gate(String parameter, String attribute, double annotated) {
        Optional<String> given = parameter(parameter);
        double gate = given.map(value -> number(parameter, value)).orElse(annotated);
        if (!(gate >= 0 && gate <= 1)) {
            throw new ExtensionConfigurationException((given.isPresent() ? parameter : "@RedTeam " + attribute)
                    + " is a rate between 0 and 1, was " + gate);
        }
        return gate;
    }

    /**
     * A path from the project folder, else a class path resource: read as a file where it is one (a
     * test resources folder), so its relative seed and calibration paths are read beside it.
     */
    private Campaign campaign() {
        Path file = Path.of(annotation.campaign());
        if (Files.isRegularFile(file)) {
            return Campaign.fromYaml(file);
        }
        String resource = annotation.campaign().startsWith("/") ? annotation.campaign().substring(1) : annotation.campaign();
        URL url = context.getRequiredTestClass().getClassLoader().getResource(resource);
        if (url == null) {
            throw new ExtensionConfigurationException("@RedTeam campaign '" + annotation.campaign() + "': no such file in "
                    + Path.of("").toAbsolutePath() + " and no such class path resource");
        }
        if (url.getProtocol().equals("file")) {
            try {
                return Campaign.fromYaml(Path.of(url.toURI()));
            } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                // not a plain file after all: read as text below
            }
        }
        try (InputStream in = url.openStream()) {
            return Campaign.fromYamlText(new String(in.readAllBytes(), StandardCharsets.UTF_8), url.toString());
        } catch (IOException e) {
            throw new ExtensionConfigurationException("@RedTeam campaign " + url + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The class's @RedTeamTarget methods and its superclasses', each without parameters: static, or of
     * the test instance — after other extensions prepared it, so a Spring test's injected
     * {@code ChatClient} can be the target.
     */
    private static List<Method> targetMethods(Class<?> type) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (!method.isAnnotationPresent(RedTeamTarget.class)) {
                    continue;
                }
                if (method.getParameterCount() != 0 || method.getReturnType() == void.class) {
                    throw new ExtensionConfigurationException("@RedTeamTarget " + c.getName() + "." + method.getName()
                            + ": a target method takes no parameters and returns the target");
                }
                methods.add(method);
            }
        }
        methods.sort(java.util.Comparator.comparing(Method::getName));
        return methods;
    }

    private static Object call(Method method, Object testInstance) {
        try {
            method.setAccessible(true);
            Object target = method.invoke(Modifier.isStatic(method.getModifiers()) ? null : testInstance);
            if (target == null) {
                throw new ExtensionConfigurationException("@RedTeamTarget " + method.getName() + " returned null");
            }
            return target;
        } catch (IllegalAccessException e) {
            throw new ExtensionConfigurationException("@RedTeamTarget " + method.getName() + " cannot be called: " + e, e);
        } catch (InvocationTargetException e) {
            throw new ExtensionConfigurationException("@RedTeamTarget " + method.getName() + " threw " + e.getCause(),
                    e.getCause());
        }
    }

    /** Beside surefire's reports (or Gradle's), so CI shows the attacks with the tests. */
    private Path reportsDirectory() {
        Path directory = parameter(REPORTS).map(Path::of).orElseGet(() -> Files.exists(Path.of("build.gradle"))
                || Files.exists(Path.of("build.gradle.kts")) ? Path.of("build", "test-results", "test")
                : Path.of("target", "surefire-reports"));
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new ExtensionConfigurationException("cannot make the reports directory " + directory + ": " + e.getMessage(), e);
        }
    }

    private Optional<String> parameter(String name) {
        return context.getConfigurationParameter(name).filter(value -> !value.isBlank());
    }

    private static double number(String name, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new ExtensionConfigurationException(name + " is a number, was '" + value + "'");
        }
    }

    private static long budget(String value) {
        double requests = number(MAX_REQUESTS, value);
        if (!(requests >= 0 && requests == Math.rint(requests) && requests <= Long.MAX_VALUE)) {
            throw new ExtensionConfigurationException(MAX_REQUESTS + " is a whole number of requests, 0 or more (0: no "
                    + "budget), was '" + value + "'");
        }
        return (long) requests;
    }

    /**
     * {@code TEST-redteam4j.CAMPAIGN.xml}; when another test of this JVM wrote that file already (two
     * tests of one campaign), {@code TEST-redteam4j.CAMPAIGN.CLASS.METHOD.xml}, so neither is lost.
     */
    private Path reportFile(String campaign) {
        Path directory = reportsDirectory();
        Path plain = directory.resolve("TEST-redteam4j." + fileName(campaign) + ".xml").toAbsolutePath().normalize();
        String test = context.getUniqueId();
        String owner = REPORT_OWNERS.putIfAbsent(plain, test);
        if (owner == null || owner.equals(test)) {
            return plain;
        }
        return directory.resolve("TEST-redteam4j." + fileName(campaign) + "." + context.getRequiredTestClass().getName() + "."
                + context.getRequiredTestMethod().getName() + ".xml");
    }

    private static String fileName(String campaign) {
        return campaign.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
