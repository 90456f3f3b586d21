#!/usr/bin/env bash
# Runs every benchmark of the project, one after the other, and writes bench/results.md: one
# table with each figure, how it was measured, and the goal where an issue set one.
#   ./mvnw -q -pl bench exec:exec@all      (or bash bench/all.sh)
#   bash bench/all.sh --table              rewrites the table from the logs of the last run
# Set REDTEAM4J_BENCH_POSTGRES to a JDBC URL of an empty database to include PostgreSQL imports.
# About 15 minutes on 2 cores. The machine should be otherwise idle: the figures are wall times.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
logs="$root/bench/logs"
mkdir -p "$logs"
run() { # name, then the command; its output goes to bench/logs/NAME.txt
  local name=$1; shift
  echo "== $name: $*" >&2
  "$@" > "$logs/$name.txt" 2>&1 || { echo "$name failed; see $logs/$name.txt" >&2; exit 1; }
}
mvn_bench() { ./mvnw -q -B -pl bench exec:java@"$1" ${2:+-Dexec.args="$2"}; }

if [ "${1:-}" != "--table" ]; then
./mvnw -q -B install -DskipTests
run import bash bench/import-40k.sh ${REDTEAM4J_BENCH_POSTGRES:+"$REDTEAM4J_BENCH_POSTGRES"}
run analyze bash bench/analyze-40k.sh
run resilience mvn_bench resilience
run campaign mvn_bench campaign
run llm-campaign mvn_bench llm-campaign
run scoring mvn_bench scoring
run pm-designs mvn_bench pm-designs
run spark bash bench/spark-score-40k.sh
run workbench mvn_bench workbench "200 3 300"
fi

pick() { grep -m1 -E "$2" "$logs/$1.txt" || echo "(not found in bench/logs/$1.txt)"; }
field() { pick "$1" "$2" | sed -E "s/$3/\\1/"; }

{
  echo "# Benchmark results"
  echo
  echo "Written by \`./mvnw -q -pl bench exec:exec@all\` on $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores,"
  echo "$(java -version 2>&1 | head -1). Full outputs: \`bench/logs/\`. Ratios compare runs made in the same"
  echo "invocation, one after the other; the machines are shared, so single figures vary by 10–20% between runs."
  echo
  echo "| figure | result | goal | how it was measured |"
  echo "|---|---|---|---|"
  echo "| import 40,000 attempts (105 MB JSON) into SQLite | $(field import '^sqlite:' 'sqlite: (.*)') | memory flat in file size | \`bench/import-40k.sh\` |"
  if grep -q '^postgresql:' "$logs/import.txt"; then
    echo "| import 40,000 attempts into PostgreSQL | $(field import '^postgresql:' 'postgresql: (.*)') | | \`bench/import-40k.sh URL\` |"
  fi
  echo "| analyze 40,000 attempts with the attack map | $(field analyze '^analyze' 'analyze 40,000 attempts: (.*)') | | \`bench/analyze-40k.sh\` |"
  echo "| resilience layer (retry, bulkhead, rate limiter) per HTTP call | $(field resilience 'ratio resilient/bare' '.*(ratio resilient\/bare = [0-9.]+).*') | | \`exec:java@resilience\`: 20 alternated blocks × 200 loopback calls |"
  echo "| campaign throughput, in-memory ledger | $(field campaign '^in-memory ledger' '.*: +([0-9.]+ req\/s = [0-9.]+ of ideal [0-9]+\/s).*') | ≥ 0.90 of ideal | \`exec:java@campaign\`: 2,000 attacks, 50 ms server, concurrency 32 |"
  echo "| campaign throughput, every attack committed to SQLite | $(field campaign '^SQLite ledger' '.*: +([0-9.]+ req\/s = [0-9.]+ of ideal [0-9]+\/s).*') | ≥ 0.90 of ideal | same |"
  echo "| LLM-judged campaign end to end (\`attack\` subprocess, JVM start included) | $(field llm-campaign '^redteam4j: ' 'redteam4j: end-to-end fraction of ideal (.*) \\(goal.*') | ≥ 0.8 of ideal | \`exec:java@llm-campaign\`: 4,000 attacks + 4,000 judge calls, 50 ms server, concurrency 32; promptfoo on the same server when \`PROMPTFOO\` is set: $(field llm-campaign '^promptfoo [0-9]' 'promptfoo [^:]*: end-to-end fraction of ideal ([0-9.]+).*') |"
  echo "| \`score\` against raw ONNX embedding throughput | $(grep -E '^round' "$logs/scoring.txt" | sed -E 's/round ([0-9]): raw embeddings ([0-9.]+) turns\/s, score ([0-9.]+) turns\/s, ratio ([0-9.]+).*/round \1: \3 vs \2 turns\/s, ratio \4/' | paste -sd';' - | sed 's/;/; /g') | ratio ≥ 0.70 | \`exec:java@scoring\`: 400 dev conversations, 1,007 assistant turns, two rounds; round 1 carries the warm-up; that \`score\` beat the raw embeddings it contains in round 2 is not explained (its cache embeds a repeated text once, the raw side every time) |"
  echo "| shipped preference model, accuracy on 400 unseen pairs | $(grep -F 'all-minilm-l6-v2-q (reply, context+reply) + bge-small-en-v1.5-q (reply, context+reply) + lexical' "$logs/pm-designs.txt" | head -1 | sed -E 's/.*test ([^|]*)\|.*CV on training pairs ([0-9.]+%).*/test \1, 5-fold CV \2/') | | \`exec:java@pm-designs\` |"
  echo "| Spark ScoreJob (local[2]) against \`score\`, 40,000 attempts | $(field spark '^ratio' 'ratio Spark\/single: ([0-9.]+)') (Spark $(field spark '^Spark ScoreJob' '.*: ([0-9.]+ s)'), single $(field spark '^single' '.*: ([0-9.]+ s)')) | | \`bench/spark-score-40k.sh\`, lexical head |"
  echo "| workbench: 200 members, 5 minutes, sim targets | $(field workbench 'simulated members' '.*: ([0-9.]+ s, [0-9,]+ attempts finished, [0-9]+ failed)') | no errors | \`exec:java@workbench -Dexec.args=\"200 3 300\"\` |"
  echo "| workbench: server time per request, all requests | $(field workbench '^all requests' 'all requests: (.*)') | p99 reported | same |"
  echo "| workbench: heap after collections, last minute / first minute | $(pick workbench 'first minute' | sed -E 's/.*first minute \(after 10 s\) ([0-9.]+ MiB), last minute ([0-9.]+ MiB), ratio last\/first ([0-9.]+).*/\3 (\1 → \2)/') | flat (≈ 1.0) | same |"
} > "$root/bench/results.md"
echo "wrote bench/results.md" >&2
