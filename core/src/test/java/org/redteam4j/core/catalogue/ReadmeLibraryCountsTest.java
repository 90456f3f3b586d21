package org.redteam4j.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.attack.BuiltinSeeds;
import org.redteam4j.core.attack.BuiltinTemplates;
import org.redteam4j.core.attack.Converters;
import org.redteam4j.core.attack.Seed;
import org.redteam4j.core.attack.injection.InjectionStrategy;
import org.redteam4j.core.attack.injection.Payloads;
import org.redteam4j.core.attempt.Tags;

/**
 * README, "The attack library": every number it states is what the catalogue and the shipped
 * resources hold, so {@code redteam4j list} prints the same.
 */
class ReadmeLibraryCountsTest {

    /** Entries that are another strategy under a second name; they do not count as distinct ways of attacking. */
    private static final Map<String, String> ALIASES = Map.of("crescendo", "multi_turn", "templates", "template");

    private static String library;

    @BeforeAll
    static void readTheSection() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("#### The attack library");
        assertThat(start).as("README has the section").isNotNegative();
        library = readme.substring(start, readme.indexOf("\n\n", readme.indexOf("\n\n", start) + 2)).replaceAll("\\s+", " ");
    }

    private static int stated(String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(library);
        assertThat(matcher.find()).as("README says: " + regex + " in: " + library).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    @Test
    void strategiesAndTheDistinctWaysOfAttacking() {
        List<String> strategies = Catalogue.ids(Kind.STRATEGY);
        assertThat(strategies).containsAll(ALIASES.keySet()).containsAll(ALIASES.values()).containsAll(InjectionStrategy.FAMILIES);
        long distinct = strategies.stream().filter(id -> !ALIASES.containsKey(id) && !InjectionStrategy.FAMILIES.contains(id)).count();

        assertThat(stated("\\*\\*(\\d+) strategies\\*\\*")).isEqualTo(strategies.size());
        assertThat(stated("(\\d+) distinct ways of attacking")).isEqualTo((int) distinct);
        assertThat(stated("the (\\w+) prompt-injection strategies", Map.of("four", 4))).isEqualTo(InjectionStrategy.FAMILIES.size());
        assertThat(stated("with their (\\d+) payloads")).isEqualTo(Payloads.all().size());
    }

    @Test
    void convertersTemplatesAndTheirFamilies() throws IOException {
        assertThat(stated("\\*\\*(\\d+) converters\\*\\*")).isEqualTo(Catalogue.of(Kind.CONVERTER).size());
        assertThat(stated("converters\\*\\* in (\\w+) families", Map.of("seven", 7))).isEqualTo(converterFamilies().size());
        assertThat(stated("\\*\\*(\\d+) templates\\*\\*")).isEqualTo(BuiltinTemplates.all().size());
        assertThat(stated("templates\\*\\* in (\\d+) families")).isEqualTo(BuiltinTemplates.families().size());
    }

    @Test
    void builtInSeedsPerContentTag() {
        List<Seed> seeds = BuiltinSeeds.all();
        Map<String, Long> perTag = seeds.stream().collect(Collectors.groupingBy(seed -> seed.tags().get(0), Collectors.counting()));
        Set<Long> counts = new LinkedHashSet<>(perTag.values());
        assertThat(counts).as("the same number for every tag").hasSize(1);

        assertThat(stated("\\*\\*(\\d+) built-in seeds\\*\\*")).isEqualTo(seeds.size());
        assertThat(stated("built-in seeds\\*\\*, (\\d+) for each")).isEqualTo(counts.iterator().next().intValue());
        assertThat(stated("the paper's (\\d+) content tags")).isEqualTo(perTag.size());
        assertThat(perTag.keySet()).containsExactlyInAnyOrderElementsOf(Tags.ALL.stream()
                .filter(tag -> !tag.equals("Other") && !tag.startsWith("N/A")).toList());
    }

    /** The families of the README's converter table, which has a row per converter ({@code ConverterRegistryTest}). */
    private static Set<String> converterFamilies() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Set<String> families = new LinkedHashSet<>();
        for (String id : Converters.ids()) {
            Matcher row = Pattern.compile("\\n\\| ([a-z-]+) \\| `" + Pattern.quote(id) + "` \\|").matcher(readme);
            assertThat(row.find()).as(id).isTrue();
            families.add(row.group(1));
        }
        return families;
    }

    private static int stated(String regex, Map<String, Integer> words) {
        Matcher matcher = Pattern.compile(regex).matcher(library);
        assertThat(matcher.find()).as("README says: " + regex).isTrue();
        String value = matcher.group(1);
        return words.containsKey(value) ? words.get(value) : Integer.parseInt(value);
    }
}
