package org.redteam4j.app.list;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.redteam4j.app.cli.ExitCodes;
import org.redteam4j.app.cli.FrameworksJson;
import org.redteam4j.core.attack.Template;
import org.redteam4j.core.catalogue.FrameworkMapping;
import org.redteam4j.core.catalogue.Catalogue;
import org.redteam4j.core.catalogue.Entry;
import org.redteam4j.core.catalogue.Kind;
import org.redteam4j.core.catalogue.Need;
import org.redteam4j.core.failure.BadInput;
import org.redteam4j.core.format.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "list",
        mixinStandardHelpOptions = true,
        description = {
            "List what campaigns and commands can name: strategies, converters, templates, judges and runtimes, each "
                    + "with its id, what it does, what it needs and how a campaign file writes it.",
            "Needs: attacker (calls the campaign's attacker model), refusal-detector, scorer (the preference model), "
                    + "network (talks to a server). What an entry spends is counted when it runs.",
            "Each strategy and judge also shows where its findings land in OWASP Top 10 for LLM Applications 2025 "
                    + "and MITRE ATLAS (templates and converters by their strategy's family)."})
public final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "KIND", arity = "0..1",
            description = "strategies, converters, templates, payloads, judges or runtimes (default: all).")
    String kind;

    @Option(names = "--json", description = "Print [{\"kind\", \"id\", \"description\", \"needs\": [...], \"example\", "
            + "\"owasp\": [...], \"atlas\": [...]}] on stdout; a template also has its \"family\".")
    boolean json;

    @Override
    public Integer call() {
        List<Entry> entries = kind == null ? Catalogue.all() : Catalogue.of(kind(kind));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode array = Json.mapper().createArrayNode();
            for (Entry entry : entries) {
                ObjectNode node = array.addObject().put("kind", entry.kind().label()).put("id", entry.id())
                        .put("description", entry.description());
                ArrayNode needs = node.putArray("needs");
                entry.needs().stream().sorted().map(Need::label).forEach(needs::add);
                node.put("example", entry.example());
                if (entry.kind() == Kind.TEMPLATE) {
                    node.put("family", Template.byId(entry.id()).family());
                }
                if (FrameworkMapping.maps(entry.kind())) {
                    FrameworksJson.put(node, FrameworkMapping.builtin().entry(entry));
                }
            }
            out.println(array);
        } else {
            out.print(CatalogueText.render(entries));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Kind kind(String name) {
        return Arrays.stream(Kind.values()).filter(k -> k.plural().equals(name) || k.label().equals(name)).findFirst()
                .orElseThrow(() -> new BadInput("unknown kind '" + name + "'; expected one of "
                        + Arrays.stream(Kind.values()).map(Kind::plural).toList()));
    }
}
