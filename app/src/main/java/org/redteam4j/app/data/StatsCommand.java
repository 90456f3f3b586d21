package org.redteam4j.app.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.redteam4j.app.ExitCodes;
import org.redteam4j.store.Database;
import org.redteam4j.store.stats.StatsQueries;
import org.redteam4j.store.stats.StoreStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "stats",
        mixinStandardHelpOptions = true,
        description = {
            "Summarise the database: attempts by model type and size (Table 1 of Ganguli et al. 2022), "
                    + "the distribution and mean of the members' ratings, and the members by recruitment source."})
public final class StatsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Option(names = "--json", description = "Print one JSON document on stdout instead of tables.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        Database db = database.open();
        StoreStats stats = db.inTransaction(handle -> new StatsQueries(handle).compute());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(StatsJson.render(stats));
        } else {
            out.print(new StatsText(stats, db.location().toString()).render());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
