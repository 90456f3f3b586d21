#!/usr/bin/env bash
# End-to-end figures for issue 2: time and peak memory of importing 40,000 synthetic attempts
# (the size of the released red_team_attempts file) into SQLite and, when given, PostgreSQL.
#   bench/import-40k.sh [jdbc:postgresql://HOST/DB?user=...&password=...]
# The PostgreSQL database must be empty (or hold other data): records already there count as duplicates.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
heap=${HEAP:-256m}

input="$work/attempts.json"
java -cp "$jar" org.redteam4j.core.format.SyntheticAttemptsFile 40000 "$input"
printf 'input: %s records, %s MB of JSON\n' 40000 "$(( $(stat -c %s "$input") / 1048576 ))"

measure() {
  local label=$1 db=$2
  /usr/bin/time -f "$label: wall %e s, peak RSS %M KB (-Xmx$heap)" \
    java "-Xmx$heap" -jar "$jar" import -q "$input" --db "$db" 2>&1 \
    | grep -E "^(Imported|$label)"
}
measure sqlite "$work/bench.db"
if [ $# -ge 1 ]; then measure postgresql "$1"; fi
