#!/usr/bin/env bash
# Every benchmark of docs/performance.md, one after another, on this machine's PostgreSQL
# (127.0.0.1:5432, trust auth) and in-memory H2. Each part prints its markdown table; the whole
# output goes to target/bench-all.md. Takes about an hour on the 2-core development machine.
#
#   bash bench/all.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
OUT=target/bench-all.md
./mvnw -q -B -DskipTests package
{
  echo "# bench/all.sh, $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD)"
  echo
  echo "## Lifecycle (bench/lifecycle.py)"
  python3 bench/lifecycle.py
  echo
  echo "## Intake at 50/s (bench/intake.py)"
  python3 bench/intake.py 50 60 pg,default,h2
  echo
  echo "## Timer storm (bench/timer-storm.py)"
  python3 bench/timer-storm.py
  echo
  echo "## Tasklist filters and footprint (bench/tasklist.py)"
  python3 bench/tasklist.py
  echo
  echo "## SLA reports (bench/sla-reports.sh)"
  bash bench/sla-reports.sh 1000000 30
  echo
  echo "## Idle timer (bench/idle-timer.sh)"
  bash bench/idle-timer.sh 3
} 2>&1 | tee "$OUT"
