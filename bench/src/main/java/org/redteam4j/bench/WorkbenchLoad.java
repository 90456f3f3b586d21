package org.redteam4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.redteam4j.app.web.WebApp;
import org.redteam4j.app.workbench.Workbench;
import org.redteam4j.config.Environment;
import org.redteam4j.core.format.Json;
import org.redteam4j.models.pm.EmbeddedPreferenceModel;
import org.redteam4j.store.Database;

/**
 * Drives simulated red team members against a workbench over HTTP at a human pace and prints the
 * server's own handling time per request kind at p50/p99, taken from the server's request timer.
 * Each member waits 1–3 s (uniform, seeded) before every action, as a person reads and types, and
 * keeps doing attempts until the time is up. The campaign's targets are half plain and half
 * rejection sampling with k = 4, all {@code sim} with no latency, so every millisecond measured is
 * the server's (model and scorer included, as members feel it). The heap in use after each
 * collection is sampled every 10 s and the first and last minute compared (flat = within ±10%).
 *   WorkbenchLoad [MEMBERS] [TURNS] [SECONDS] [SEED]     (default 200 3 300 1)
 */
public final class WorkbenchLoad {

    private static final String PASSWORD = "load-test-password";
    private static final String TARGETS = """
            targets:
              - {name: sim-plain, model: sim, intervention: plain, sim: {latency_ms: 0}}
              - {name: sim-rs, model: sim, intervention: rejection-sampling, samples: 4, sim: {latency_ms: 0}}
            """;

    private WorkbenchLoad() {
    }

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int turns = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long seconds = args.length > 2 ? Long.parseLong(args[2]) : 300;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        Path dir = Files.createTempDirectory("redteam4j-load");
        Database database = Database.open(dir.resolve("load.db").toString());
        EmbeddedPreferenceModel pm = EmbeddedPreferenceModel.loadDefault();
        Map<String, List<Float>> timings = new ConcurrentHashMap<>();
        try (Workbench workbench = new Workbench(database, Environment.fromSystem().withPreferenceModel(() -> pm), Clock.systemUTC())) {
            workbench.accounts().createAdmin("admin", PASSWORD);
            WebApp app = new WebApp(workbench, (path, millis) ->
                    timings.computeIfAbsent(path, key -> new CopyOnWriteArrayList<>()).add(millis)).start("127.0.0.1", 0);
            String base = "http://127.0.0.1:" + app.port();
            Client admin = new Client(base).login("admin");
            long campaign = admin.post("/api/admin/campaigns", Json.mapper().createObjectNode().put("name", "load")
                    .put("daily_cap", 1_000_000).put("attempts_per_task", 1_000_000).put("targets_yaml", TARGETS))
                    .get("campaign_id").asLong();
            // members join and log in two at a time (bcrypt twice each): the setup is not measured, only shortened
            ExecutorService joining = Executors.newFixedThreadPool(2);
            List<Future<Client>> joined = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                String name = "m" + i;
                joined.add(joining.submit(() -> {
                    String path = admin.post("/api/admin/invites", Json.mapper().createObjectNode().put("role", "member"))
                            .get("invite_path").asText();
                    new Client(base).form(path, "name=" + name + "&password=" + PASSWORD);
                    return new Client(base).login(name);
                }));
            }
            List<Client> people = new ArrayList<>();
            for (Future<Client> person : joined) {
                people.add(person.get());
            }
            joining.shutdown();
            timings.clear(); // measure the red-team task only
            AtomicInteger failures = new AtomicInteger();
            AtomicLong attempts = new AtomicLong();
            long started = System.nanoTime();
            long deadline = started + seconds * 1_000_000_000L;
            HeapSampler heap = HeapSampler.start(10);
            ExecutorService pool = Executors.newFixedThreadPool(members);
            List<Future<?>> runs = new ArrayList<>();
            SplittableRandom seeds = new SplittableRandom(seed);
            for (Client person : people) {
                SplittableRandom pace = seeds.split(); // each member's own reading and typing times, reproducible
                runs.add(pool.submit(() -> {
                    try {
                        think(pace);
                        person.post("/api/warning", Json.mapper().createObjectNode());
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        return;
                    }
                    while (System.nanoTime() < deadline) {
                        try {
                            think(pace);
                            long id = person.post("/api/attempts", Json.mapper().createObjectNode().put("campaign_id", campaign)
                                    .put("task_description", "Get the assistant to help me cheat")).get("id").asLong();
                            for (int t = 0; t < turns; t++) { // an attempt begun is finished, past the deadline too
                                think(pace);
                                person.post("/api/attempts/" + id + "/messages", Json.mapper().createObjectNode().put("text", "turn " + t));
                                think(pace);
                                person.post("/api/attempts/" + id + "/choice", Json.mapper().createObjectNode().put("label", "A"));
                            }
                            think(pace);
                            person.post("/api/attempts/" + id + "/finish", Json.mapper().createObjectNode().put("rating", 2));
                            attempts.incrementAndGet();
                        } catch (InterruptedException e) {
                            return;
                        } catch (Exception e) {
                            if (failures.incrementAndGet() == 1) {
                                System.out.println("first failure: " + e.getMessage());
                            }
                        }
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            pool.shutdown();
            double elapsed = (System.nanoTime() - started) / 1e9;
            List<Float> all = new ArrayList<>();
            timings.values().forEach(all::addAll);
            Collections.sort(all);
            System.out.printf("%d simulated members (1-3 s between actions, seed %d), %d turns an attempt, targets plain and "
                    + "rejection sampling k=4 on sim (latency 0): %.1f s, %,d attempts finished, %d failed, %,d requests = %.1f "
                    + "requests/s (95%% CI %.1f–%.1f)%n", members, seed, turns, elapsed, attempts.get(), failures.get(), all.size(),
                    all.size() / elapsed, (all.size() - 1.96 * Math.sqrt(all.size())) / elapsed,
                    (all.size() + 1.96 * Math.sqrt(all.size())) / elapsed);
            heap.stop();
            System.out.println(heap.report());
            System.out.printf("all requests: n=%,d  p50 %s  p99 %s  max %.1f ms%n", all.size(), quantile(all, 0.50),
                    quantile(all, 0.99), all.get(all.size() - 1));
            System.out.println("server handling time per request in ms (95% CI of each quantile in brackets):");
            new TreeMap<>(timings).forEach((path, values) -> {
                List<Float> sorted = new ArrayList<>(values);
                Collections.sort(sorted);
                System.out.printf("  %-40s n=%6d  p50 %-22s  p99 %-22s  max %7.1f%n", path, sorted.size(), quantile(sorted, 0.50),
                        quantile(sorted, 0.99), sorted.get(sorted.size() - 1));
            });
            app.stop();
        }
    }

    /** A person reading the replies and typing: 1 to 3 s, uniform. */
    private static void think(SplittableRandom pace) throws InterruptedException {
        Thread.sleep(1000 + pace.nextInt(2001));
    }

    /**
     * The quantile with its distribution-free 95% interval: the order statistics whose ranks bound
     * the binomial count of values below the quantile (normal approximation), requests taken as
     * independent draws.
     */
    private static String quantile(List<Float> sorted, double p) {
        int n = sorted.size();
        double spread = 1.96 * Math.sqrt(n * p * (1 - p));
        int low = Math.max(0, (int) Math.floor(n * p - spread) - 1);
        int high = Math.min(n - 1, (int) Math.ceil(n * p + spread));
        return String.format("%.1f [%.1f–%.1f]", percentile(sorted, p), sorted.get(low), sorted.get(high));
    }

    private static float percentile(List<Float> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** One person: own cookies, own CSRF token. */
    private static final class Client {
        private final String base;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private String csrf = "";

        Client(String base) {
            this.base = base;
        }

        Client login(String name) throws Exception {
            csrf = post("/api/login", Json.mapper().createObjectNode().put("name", name).put("password", PASSWORD))
                    .get("csrf_token").asText();
            return this;
        }

        JsonNode post(String path, ObjectNode body) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json").header("X-CSRF-Token", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return Json.mapper().readTree(response.body());
        }

        void form(String path, String body) throws Exception {
            http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
