#!/usr/bin/env bash
# Issue 8's figure: the Spark ScoreJob in local mode against the single-machine `redteam4j score`
# on the same synthetic attempts, as a ratio of wall times measured in one run.
#   bench/spark-score-40k.sh            40,000 attempts, lexical-only preference head (both sides)
#   SCORER=pm N=2000 bench/spark-score-40k.sh   the shipped ONNX model (about 60 turns/s a side on 2 cores)
# The job runs from the shaded job jar on a classpath made of Spark's own jars, as spark-submit
# would run it; MASTER (default local[2]) sets the Spark master.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
count=${N:-40000}
master=${MASTER:-local[2]}
cd "$root"

./mvnw -q -B -pl spark -am package -DskipTests
# What a Spark installation provides: Spark's jars (provided scope), and the Jackson, SLF4J and
# Log4j that the job jar leaves out because Spark ships them.
./mvnw -q -B -pl spark dependency:build-classpath -Dmdep.includeScope=provided -Dmdep.outputFile="$work/provided.cp"
./mvnw -q -B -pl spark dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$work/compile.cp"
shipped=$(tr ':' '\n' < "$work/compile.cp" | grep -E '/(com/fasterxml/jackson|org/slf4j|org/apache/logging/log4j)/' | paste -sd: -)
spark_cp="$(cat "$work/provided.cp"):$shipped:$root/spark/target/redteam4j-spark.jar"
opens=$(sed -n 's:.*<spark.java.options>\(.*\)</spark.java.options>.*:\1:p' spark/pom.xml)

input="$work/attempts.json"
java -cp "$jar" org.redteam4j.core.format.SyntheticAttemptsFile "$count" "$input" 7
if [ "${SCORER:-lexical}" = lexical ]; then
  java -jar "$jar" train-pm --data ../shared/data/hh-rlhf/harmless-base-dev.jsonl.gz --embedders none \
    --out "$work/lexical.json" >/dev/null 2>&1
  scorer="pm:$work/lexical.json"
else
  scorer=pm
fi
java -jar "$jar" import -q "$input" --db "$work/bench.db"
printf 'input: %s attempts, scorer %s, Spark master %s\n' "$count" "$scorer" "$master"

seconds() { date +%s.%N; }
start=$(seconds)
java -jar "$jar" score -q --db "$work/bench.db" --scorer "$scorer" --rescore
single=$(echo "$(seconds) - $start" | bc)

start=$(seconds)
# shellcheck disable=SC2086
java $opens -Xmx4g -cp "$spark_cp" org.redteam4j.spark.ScoreJob --master "$master" --input "file://$input" \
  --output "file://$work/scored" --scorer "$scorer" 2> "$work/spark.log" || { tail -20 "$work/spark.log"; exit 1; }
spark=$(echo "$(seconds) - $start" | bc)
grep '^Scored' "$work/spark.log"

printf 'single-machine score: %.1f s\nSpark ScoreJob (%s): %.1f s\nratio Spark/single: %.2f\n' \
  "$single" "$master" "$spark" "$(echo "$spark / $single" | bc -l)"
