#!/usr/bin/env bash
# Figures for issue 7: time and peak memory of `analyze` on 40,000 synthetic attempts with the
# released file's shape (gzip JSON array, every task description different so the attack map
# embeds 40,000 distinct texts), under a 2 GiB heap.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
java -cp "$jar" org.redteam4j.core.format.SyntheticAttemptsFile 40000 "$work/attempts.json.gz" 38961 unique
/usr/bin/time -f "analyze 40,000 attempts: wall %e s, peak RSS %M KB (-Xmx2g)" \
  java -Xmx2g -jar "$jar" analyze --input "$work/attempts.json.gz" --out "$work/report" 2>&1 | tail -2
