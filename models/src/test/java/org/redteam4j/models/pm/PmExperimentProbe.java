package org.redteam4j.models.pm;

import java.io.*;
import java.nio.file.*;
import java.util.*;
import java.util.function.*;
import org.junit.jupiter.api.Test;
import org.redteam4j.core.attempt.PreferencePair;
import org.redteam4j.core.format.Datasets;
import org.redteam4j.core.format.RecordReader;
import org.redteam4j.core.scoring.ReplyInContext;

/** Exploration only (not committed): feature blocks cached in /tmp/pmfeat, 5-fold CV on the training pairs. */
class PmExperimentProbe {
    static BradleyTerryTrainer.Settings SETTINGS = new BradleyTerryTrainer.Settings(1, 0.15,
        Arrays.stream(System.getProperty("l2", "0.1,0.3,1,3,10").split(",")).mapToDouble(Double::parseDouble).toArray(), 600, 40, 0.02);
    static List<TrainingPair> pairs = new ArrayList<>();
    static List<Boolean> test = new ArrayList<>();
    static List<ReplyInContext> sides = new ArrayList<>();

    static double[][] block(String name, Supplier<double[][]> make) {
        Path file = Path.of("/tmp/pmfeat/" + name + ".bin");
        if (Files.exists(file)) {
            try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                return (double[][]) in.readObject();
            } catch (Exception e) { throw new RuntimeException(e); }
        }
        long t = System.nanoTime();
        double[][] rows = make.get();
        System.out.printf("block %s: %.1f s%n", name, (System.nanoTime() - t) / 1e9);
        try (ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeObject(rows);
        } catch (IOException e) { throw new UncheckedIOException(e); }
        return rows;
    }

    static double[][] rows(List<float[]> vectors) {
        return vectors.stream().map(v -> { double[] d = new double[v.length]; for (int i = 0; i < v.length; i++) d[i] = v[i]; return d; }).toArray(double[][]::new);
    }

    static List<TrainingPair> extras(String which) {
        List<TrainingPair> out = new ArrayList<>();
        try {
            if (which.equals("jbb")) {
                Map<String, List<String>> refused = new TreeMap<>(), broken = new TreeMap<>();
                List<Path> files; try (var w = Files.walk(Path.of("/work/shared/data/jailbreakbench/attack-artifacts"))) { files = w.filter(f -> f.toString().endsWith(".json")).sorted().toList(); }
                for (Path f : files) {
                    var root = org.redteam4j.core.format.Json.mapper().readTree(f.toFile());
                    for (var j : root.path("jailbreaks")) {
                        if (j.path("response").isNull() || j.path("response").asText().isBlank() || j.path("prompt").isNull()) continue;
                        (j.path("jailbroken").asBoolean() ? broken : refused).computeIfAbsent(j.path("goal").asText(), g -> new ArrayList<>()).add(j.path("response").asText());
                    }
                }
                for (var e : broken.entrySet()) {
                    List<String> r = refused.getOrDefault(e.getKey(), List.of());
                    if (r.isEmpty()) continue;
                    List<org.redteam4j.core.transcript.Turn> ctx = List.of(org.redteam4j.core.transcript.Turn.human(e.getKey()));
                    for (int i = 0; i < e.getValue().size(); i++)
                        out.add(new TrainingPair(new ReplyInContext(ctx, r.get(i % r.size())), new ReplyInContext(ctx, e.getValue().get(i))));
                }
            } else {
                Map<String, String> prompt = new TreeMap<>(); Map<String, List<String>> refusal = new TreeMap<>(), comply = new TreeMap<>();
                for (String m : List.of("gpt4", "llama2new", "mistralinstruct")) {
                    try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                            .parse(Files.newBufferedReader(Path.of("/work/shared/data/xstest/xstest_v2_completions_" + m + ".csv")))) {
                        for (var rec : parser) {
                            if (!rec.get("type").startsWith("contrast")) continue;
                            prompt.put(rec.get("id"), rec.get("prompt"));
                            String label = rec.get("final_label");
                            if (label.startsWith("2")) refusal.computeIfAbsent(rec.get("id"), k -> new ArrayList<>()).add(rec.get("completion"));
                            if (label.startsWith("1")) comply.computeIfAbsent(rec.get("id"), k -> new ArrayList<>()).add(rec.get("completion"));
                        }
                    }
                }
                for (var e : comply.entrySet()) {
                    List<String> r = refusal.getOrDefault(e.getKey(), List.of());
                    if (r.isEmpty()) continue;
                    List<org.redteam4j.core.transcript.Turn> ctx = List.of(org.redteam4j.core.transcript.Turn.human(prompt.get(e.getKey())));
                    for (String c : e.getValue()) out.add(new TrainingPair(new ReplyInContext(ctx, r.get(0)), new ReplyInContext(ctx, c)));
                }
            }
        } catch (IOException e) { throw new UncheckedIOException(e); }
        System.out.println("extra pairs " + which + ": " + out.size());
        return out;
    }

    static Map<String, double[][]> features(String prefix, List<ReplyInContext> sides) {
        Map<String, double[][]> blocks = new LinkedHashMap<>();
        for (Embedder.Kind kind : List.of(Embedder.Kind.MINILM, Embedder.Kind.BGE_SMALL)) {
            String k = kind == Embedder.Kind.MINILM ? "m" : kind == Embedder.Kind.BGE_SMALL ? "b" : "e";
            Embedder e = Embedder.shared(kind);
            blocks.put(k + "R", block(prefix + k + "R", () -> rows(e.embed(sides.stream().map(ReplyInContext::reply).toList()))));
            blocks.put(k + "J", block(prefix + k + "J", () -> rows(e.embed(sides.stream().map(s -> "Human: " + s.lastHuman() + "\nAssistant: " + s.reply()).toList()))));
            List<Embedder.InContext>[] ic = new List[1];
            blocks.put(k + "C", block(prefix + k + "C", () -> { ic[0] = e.embedInContext(sides); return rows(ic[0].stream().map(Embedder.InContext::whole).toList()); }));
            blocks.put(k + "CR", block(prefix + k + "CR", () -> rows((ic[0] != null ? ic[0] : e.embedInContext(sides)).stream().map(Embedder.InContext::reply).toList())));
        }
        for (Embedder.Kind kind : Embedder.Kind.values()) {
            String k = kind == Embedder.Kind.MINILM ? "m" : kind == Embedder.Kind.BGE_SMALL ? "b" : "e";
            Embedder e = Embedder.shared(kind);
            List<ReplyInContext> last = sides.stream().map(s -> new ReplyInContext(List.of(org.redteam4j.core.transcript.Turn.human(s.lastHuman())), s.reply())).toList();
            List<Embedder.InContext>[] ic = new List[1];
            blocks.put(k + "W", block(prefix + k + "W", () -> { ic[0] = e.embedInContext(last); return rows(ic[0].stream().map(Embedder.InContext::whole).toList()); }));
            blocks.put(k + "WR", block(prefix + k + "WR", () -> rows((ic[0] != null ? ic[0] : e.embedInContext(last)).stream().map(Embedder.InContext::reply).toList())));
        }
        if (Boolean.getBoolean("e5")) {
            Embedder e = Embedder.shared(Embedder.Kind.E5_SMALL);
            List<ReplyInContext> last = sides.stream().map(s -> new ReplyInContext(List.of(org.redteam4j.core.transcript.Turn.human(s.lastHuman())), s.reply())).toList();
            blocks.put("eW", block(prefix + "eW", () -> rows(e.embedInContext(last).stream().map(Embedder.InContext::whole).toList())));
        }
        blocks.put("S", block(prefix + "S", () -> sides.stream().map(s -> Sentences.of(s.reply())).toArray(double[][]::new)));
        blocks.put("L", block(prefix + "L", () -> sides.stream().map(s -> LexicalFeatures.of(s.reply(), s.lastHuman())).toArray(double[][]::new)));
        blocks.put("Lnl", Arrays.stream(blocks.get("L")).map(r -> Arrays.copyOfRange(r, 1, r.length)).toArray(double[][]::new));
        return blocks;
    }

    static double[][] extraX = new double[0][];

    static double[][] assemble(Map<String, double[][]> blocks, String design) {
        List<double[][]> parts = Arrays.stream(design.split(",")).map(blocks::get).toList();
        double[][] x = new double[parts.get(0).length][];
        for (int i = 0; i < x.length; i++) {
            int d = 0; for (double[][] p : parts) d += p[i].length;
            x[i] = new double[d]; int at = 0;
            for (double[][] p : parts) { System.arraycopy(p[i], 0, x[i], at, p[i].length); at += p[i].length; }
        }
        return x;
    }

    @Test
    void explore() {
        try (RecordReader<PreferencePair> reader = Datasets.preferencePairs(Path.of("/work/shared/data/hh-rlhf/harmless-base-dev.jsonl.gz"))) {
            for (PreferencePair pair = reader.read(); pair != null; pair = reader.read()) {
                TrainingPair p = TrainingPair.of(pair);
                if (p == null) continue;
                pairs.add(p); test.add(TrainingPair.inTestSplit(pair, 0.25));
                sides.add(p.chosen()); sides.add(p.rejected());
            }
        }
        Map<String, double[][]> blocks = features("", sides);
        String designs = System.getProperty("designs", "L;mR,mJ,bR,bJ,L;mC,L;mCR,L;mC,mCR,L;bC,L;bCR,L;bC,bCR,L;mC,mCR,bC,bCR,L;mR,mC,bR,bC,L;mJ,bJ,L");
        for (String design : designs.split(";")) {
            List<double[][]> parts = Arrays.stream(design.split(",")).map(blocks::get).toList();
            double[][] x = new double[sides.size()][];
            for (int i = 0; i < x.length; i++) {
                int d = 0; for (double[][] p : parts) d += p[i].length;
                x[i] = new double[d]; int at = 0;
                for (double[][] p : parts) { System.arraycopy(p[i], 0, x[i], at, p[i].length); at += p[i].length; }
            }
            String extra = System.getProperty("extras", "");
            List<double[]> ex = new ArrayList<>();
            for (String which : extra.isEmpty() ? new String[0] : extra.split(",")) {
                List<TrainingPair> ep = extras(which);
                List<ReplyInContext> es = new ArrayList<>();
                for (TrainingPair p : ep) { es.add(p.chosen()); es.add(p.rejected()); }
                ex.addAll(Arrays.asList(assemble(features(which + "-", es), design)));
            }
            extraX = ex.toArray(double[][]::new);
            cv(design + " extras=" + extra, x);
        }
    }

    static void cv(String design, double[][] x) {
        List<Integer> train = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) if (!test.get(i)) train.add(i);
        int right = 0, longer = 0, longerRight = 0, shorterRight = 0;
        long t = System.nanoTime();
        int repeats = Integer.getInteger("repeats", 1);
        for (int rep = 0; rep < repeats; rep++) {
        int[] foldOf = new int[train.size()];
        { SplittableRandom rnd = new SplittableRandom(100 + rep); for (int j = 0; j < foldOf.length; j++) foldOf[j] = rep == 0 ? j % 5 : rnd.nextInt(5); }
        for (int fold = 0; fold < 5; fold++) {
            List<Integer> in = new ArrayList<>(), out = new ArrayList<>();
            for (int j = 0; j < train.size(); j++) (foldOf[j] == fold ? out : in).add(train.get(j));
            List<double[]> cl = new ArrayList<>(in.stream().map(i -> x[2 * i]).toList());
            List<double[]> rl = new ArrayList<>(in.stream().map(i -> x[2 * i + 1]).toList());
            for (int e = 0; e + 1 < extraX.length; e += 2) { cl.add(extraX[e]); rl.add(extraX[e + 1]); }
            double[][] c = cl.toArray(double[][]::new), r = rl.toArray(double[][]::new);
            java.util.function.ToDoubleFunction<double[]> scorer;
            int hidden = Integer.getInteger("hidden", 0);
            { BradleyTerryTrainer.Linear fit = new BradleyTerryTrainer(SETTINGS).fit(c, r); scorer = fit::score; }
            for (int i : out) {
                boolean ok = scorer.applyAsDouble(x[2 * i]) > scorer.applyAsDouble(x[2 * i + 1]);
                boolean isLonger = pairs.get(i).chosen().reply().length() > pairs.get(i).rejected().reply().length();
                if (ok) right++;
                if (isLonger) { longer++; if (ok) longerRight++; } else if (ok) shorterRight++;
            }
        }
        }
        int n = train.size() * repeats;
        System.out.printf("%-32s CV %.1f%%  chosen longer %.1f%% (n=%d)  shorter %.1f%%  [%.0f s]%n", design, 100.0 * right / n,
                100.0 * longerRight / longer, longer, 100.0 * shorterRight / (n - longer), (System.nanoTime() - t) / 1e9);
    }
}
