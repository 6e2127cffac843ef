#!/usr/bin/env bash
# Start-up time and resident memory after boot of the packaged application (H2 file, demo profile).
# The first start seeds the demo data; the second start is the one reported as "restart".
# Usage: scripts/measure-startup.sh   (builds the jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls target/audit-engagement-manager-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then ./mvnw -B -q package -DskipTests; jar=$(ls target/audit-engagement-manager-*.jar | grep -v original | head -1); fi
work=$(mktemp -d)
port=18089
for run in first restart; do
  log="$work/$run.log"
  (cd "$work" && exec java -jar "$OLDPWD/$jar" --server.port=$port >"$log" 2>&1) &
  pid=$!
  for _ in $(seq 1 240); do
    if grep -q 'Started AuditManagerApplication' "$log"; then break; fi
    sleep 0.5
  done
  # let the demo seeding (first run) and lazy initialisation settle before reading memory
  curl -s -o /dev/null "http://localhost:$port/login"; sleep 2
  started=$(grep -o 'Started AuditManagerApplication in [0-9.]* seconds' "$log" | grep -o '[0-9.]*' | head -1)
  rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  echo "$run: started in ${started} s, RSS after boot $((rss_kb / 1024)) MiB"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
rm -rf "$work"
