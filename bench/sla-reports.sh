#!/usr/bin/env bash
# Benchmark of the SLA reports (issue 7's rule: every report answers in under 1 s on 1,000,000
# SLA events). Seeds a fresh PostgreSQL database with N completed deadlines (default 1,000,000,
# spread over the last 12 months, two companies, five processes, ~14 % late, ~1 % drills) plus
# 10,000 open ones, starts the packaged app on it, signs in to Cockpit and times every report
# endpoint as a Shenzhen manager (one company) and as the group centre (both).
#
#   ./mvnw -DskipTests package && bash bench/sla-reports.sh [events] [repetitions]
#
# Prints a Markdown table (p50/p99/max in ms per report and caller) for docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS="${1:-1000000}"
REPS="${2:-30}"
PORT=8095
DB=casedesk_bench
JAR="${CASEDESK_JAR:-target/casedesk-0.1.0-SNAPSHOT.jar}"
WORK=$(mktemp -d)
source .ci/postgres.sh
ensure_postgres >/dev/null
recreate_database "$DB"

echo "starting CaseDesk on $DB (port $PORT)" >&2
CASEDESK_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" CASEDESK_DB_USER=postgres CASEDESK_DB_PASSWORD= \
  java -jar "$JAR" --spring.profiles.active=postgres,demo --server.port=$PORT > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://localhost:$PORT/actuator/health" && break; sleep 1; done

echo "seeding $EVENTS SLA events" >&2
SEED_START=$(date +%s)
psql -h 127.0.0.1 -U postgres -d "$DB" -v ON_ERROR_STOP=1 -q <<SQL
CREATE TEMP TABLE steps (n INT, process_key TEXT, step_id TEXT, step_name TEXT, grp TEXT);
INSERT INTO steps VALUES
  (0, 'complaint-handling', 'UserTask_ReplyToOwner', '回复业主', 'frontdesk'),
  (1, 'complaint-handling', 'UserTask_HandleComplaint', '处理投诉', 'engineering'),
  (2, 'complaint-handling', 'UserTask_CallbackOwner', '回访业主', 'frontdesk'),
  (3, 'home-repair', 'UserTask_DispatchTechnician', '派工', 'repair-dispatch'),
  (4, 'home-repair', 'UserTask_RepairOnSite', '上门维修', 'repair-tech'),
  (5, 'home-repair', 'UserTask_CallBackOwner', '维修回访', 'frontdesk'),
  (6, 'defect-rectification', 'UserTask_AssignContractor', '指派施工单位', 'rectification'),
  (7, 'defect-rectification', 'UserTask_VerifyRectification', '工程验收', 'engineering'),
  (8, 'unit-handover', 'UserTask_JointInspection', '联合验房', 'frontdesk'),
  (9, 'mass-complaint', 'UserTask_AssembleTeam', '组建应急小组', 'cs-manager');
INSERT INTO sla_event (task_id, case_number, company_code, project_code, process_key, process_instance_id, step_id,
    step_name, responsible_group, done_by, due_at, done_at, breached, breach_minutes, drill)
SELECT 'bench-' || g,
       'TS-B' || lpad((g / 4)::text, 8, '0'),
       CASE WHEN g % 2 = 0 THEN 'sz' ELSE 'sh' END,
       (ARRAY['sz-sjhc', 'sh-jyhf', 'sz-dha', 'sh-lqsf'])[1 + g % 4],
       s.process_key, 'pi-' || (g / 4), s.step_id, s.step_name, s.grp,
       (ARRAY['sz-frontdesk', 'sh-frontdesk', 'sz-supervisor', 'sh-supervisor', 'sz-engineering', 'sh-tech'])[1 + (g / 3) % 6],
       t.done - CASE WHEN g % 7 = 0 THEN ((g % 600) + 1) * INTERVAL '1 minute' ELSE - INTERVAL '1 hour' END,
       t.done,
       g % 7 = 0,
       CASE WHEN g % 7 = 0 THEN (g % 600) + 1 ELSE 0 END,
       g % 97 = 0
FROM generate_series(1, $EVENTS) AS g
JOIN steps s ON s.n = g % 10
CROSS JOIN LATERAL (SELECT LOCALTIMESTAMP - (g % 525600) * INTERVAL '1 minute' AS done) t;
INSERT INTO sla_open_deadline (task_id, case_number, company_code, project_code, process_key, process_instance_id,
    step_id, step_name, responsible_group, assignee, due_at, created_at, drill)
SELECT 'bench-open-' || g, 'TS-O' || lpad(g::text, 8, '0'), CASE WHEN g % 2 = 0 THEN 'sz' ELSE 'sh' END,
       (ARRAY['sz-sjhc', 'sh-jyhf', 'sz-dha', 'sh-lqsf'])[1 + g % 4], s.process_key, 'pio-' || g, s.step_id,
       s.step_name, s.grp, NULL, LOCALTIMESTAMP + ((g % 2000) - 1000) * INTERVAL '1 hour', LOCALTIMESTAMP - INTERVAL '3 days', FALSE
FROM generate_series(1, 10000) AS g JOIN steps s ON s.n = g % 10;
ANALYZE sla_event;
ANALYZE sla_open_deadline;
SQL
echo "seeded in $(( $(date +%s) - SEED_START )) s" >&2

login() { # user -> cookie jar
  local jar="$WORK/$1.cookies"
  curl -s -c "$jar" -b "$jar" -o /dev/null "http://localhost:$PORT/camunda/app/cockpit/default/"
  local token
  token=$(awk '/XSRF-TOKEN/ {print $7}' "$jar")
  curl -s -c "$jar" -b "$jar" -o /dev/null -H "X-XSRF-TOKEN: $token" -d "username=$1&password=demo" \
    "http://localhost:$PORT/camunda/api/admin/auth/user/default/login/cockpit"
  echo "$jar"
}

YEAR_AGO=$(date -d '-365 days' +%F)
MONTH=$(date +%Y-%m)
REPORTS=(
  "dashboard"
  "breaches"
  "breaches?from=$YEAR_AGO&sort=late"
  "breaches?from=$YEAR_AGO&process=complaint-handling&step=UserTask_HandleComplaint&page=10"
  "aggregates?from=$YEAR_AGO&by=step"
  "aggregates?from=$YEAR_AGO&by=person"
  "trend?from=$YEAR_AGO&granularity=month"
  "trend?from=$YEAR_AGO&granularity=week"
  "diagram?process=complaint-handling"
  "inventory"
  "monthly/categories?month=$MONTH"
  "breaches?from=$YEAR_AGO&format=csv&process=home-repair&step=UserTask_RepairOnSite"
)
echo "| report | caller | p50 ms | p99 ms | max ms | status |"
echo "|---|---|---:|---:|---:|---|"
for user in sz-manager crc; do
  jar=$(login "$user")
  for report in "${REPORTS[@]}"; do
    url="http://localhost:$PORT/camunda/api/cockpit/plugin/casedesk-sla/default/reports/$report"
    for _ in 1 2 3; do curl -s -o /dev/null -b "$jar" "$url"; done
    : > "$WORK/times"
    status=""
    for _ in $(seq 1 "$REPS"); do
      out=$(curl -s -o /dev/null -b "$jar" -w "%{http_code} %{time_total}" "$url")
      status="${out%% *}"
      echo "${out##* }" >> "$WORK/times"
    done
    python3 - "$report" "$user" "$status" "$WORK/times" <<'PY'
import sys, math
report, user, status, path = sys.argv[1:]
times = sorted(float(line) * 1000 for line in open(path) if line.strip())
def pct(p):
    return times[min(len(times) - 1, math.ceil(p / 100 * len(times)) - 1)]
print(f"| `{report}` | {user} | {pct(50):.0f} | {pct(99):.0f} | {times[-1]:.0f} | {status} |")
PY
  done
done
