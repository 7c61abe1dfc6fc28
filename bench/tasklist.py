#!/usr/bin/env python3
"""Tasklist at 100,000 open tasks, and the app's footprint (issue 10, "Tasklist query" and "Footprint").

What it does, in one run, on PostgreSQL (database `casedesk_bench_tasklist`, recreated):

1. Starts the packaged app (profiles postgres,demo, port 18281) on the empty database with
   `--casedesk.engine.extra-indexes=false` (the first start creates the engine's schema), stops it
   and starts it again: start-up time on the empty database.
2. Registers `--seeds` real complaints (default 400, half Shenzhen `sz`, half Shanghai `sh`, seven units
   of four projects, no project with more than two households so that the mass-complaint early
   warning stays quiet; categories property/engineering/design/other, so the handling task goes to
   property-service, engineering or cs-supervisor) through POST /api/complaints as `owner-app`,
   and waits until every async continuation has run: each complaint then has its two open user tasks,
   回复业主 (UserTask_ReplyToOwner, candidate group frontdesk, unassigned: the channel account is not
   a first-contact owner) and 处理投诉 (UserTask_HandleComplaint, candidate group of the department).
3. Stops the app and clones those instances in SQL (one transaction, generate_series) until there are
   `--tasks` open tasks (default 100,000 = 50,000 open complaints). Clone number g of seed instance P
   gets the id md5(old id || '/' || g) formatted as a UUID for every id that belongs to the instance,
   so references between the cloned rows stay consistent. Cloned, row for row, with the seed's columns
   unless said otherwise:
     ACT_RU_EXECUTION      every execution of the instance (process instance, the concurrent and scope
                           executions of the two sub-processes, the two task executions); ID_,
                           PROC_INST_ID_, ROOT_PROC_INST_ID_, PARENT_ID_, SUPER_EXEC_ mapped,
                           ACT_INST_ID_ keeps its "<activity>:" prefix with a new id,
                           BUSINESS_KEY_ = the clone's new case number
     ACT_RU_TASK           both tasks; ID_, EXECUTION_ID_, PROC_INST_ID_ mapped; CREATE_TIME_ = the
                           clone's registration time; DUE_DATE_ = its reply / resolution deadline
     ACT_RU_IDENTITYLINK   the tasks' candidate-group links (TASK_ID_ mapped)
     ACT_RU_AUTHORIZATION  the per-task grants Camunda writes for a candidate group (RESOURCE_TYPE_ 7,
                           RESOURCE_ID_ = the new task id, READ + TASK_WORK)
     ACT_RU_VARIABLE       all process variables (34 per complaint); caseNumber, replyDue, replyDueText,
                           resolutionDue, resolutionDueText, gmEscalationDue, groupEscalationDue follow
                           the clone's case number and deadlines
     ACT_GE_BYTEARRAY      the byte arrays those variables reference (none for today's complaints)
     ACT_RU_EVENT_SUBSCR   the two message subscriptions (MassIncidentLinked, MassIncidentResolved)
     case_file, complaint_case, sla_open_deadline   CaseDesk's own rows, with the new case number
                           (TS-<day>-<n> continuing case_number_counter, which is raised accordingly),
                           process instance, task ids and deadlines
   NOT cloned: ACT_RU_JOB (the reply-overdue timer and the three handling-escalation timers of each
   instance: left out, so that no escalation fires during the measurement; the seeds keep theirs),
   the history (ACT_HI_*: Tasklist's queries do not read it; Cockpit's history of the clones is
   missing), api_idempotency, early_warning_lock.
   Registration times: 70 % of the complaints registered within the last 23.5 h, 20 % 24.5-70 h ago
   (reply past due), 10 % 73 h-10 days ago (reply and handling past due): 20 % of the tasks are past due.
   Then VACUUM ANALYZE of the cloned tables.
4. Camunda out of the box: drops CaseDesk's indexes and statistics on ACT_* tables (casedesk_*), starts
   the app with `--casedesk.engine.extra-indexes=false --casedesk.engine.task-query-authorization=camunda`
   (the engine's own task-query mapping) and PostgreSQL's default session settings (jit on,
   plan_cache_mode auto): start-up time with 50,000 open cases; then, per user and filter, what
   Tasklist sends: POST /engine-rest/filter/{id}/list ?firstResult=0&maxResults=15 (Accept:
   application/hal+json, body as Tasklist sends it: sorted by created desc, active; the filter's
   variables caseNumber/contactName/unitCode are embedded by the server) and GET
   /engine-rest/filter/{id}/count, sequentially on one keep-alive connection, `--warmup` then
   `--measured` times each; heap used after a full GC (jcmd GC.run, GC.heap_info).
5. Stops it, starts it as shipped (identity/TaskQueryMapping's Task.xml; EngineIndexes runs
   db/engine/*.sql and db/engine/postgresql/*.sql, building the indexes and statistics on the 100,000
   tasks at this start; the session settings of application-postgres.yaml), measures the same,
   restarts once more for the start-up time with the indexes in place. Then prints Markdown tables.

A call not answered within --timeout seconds ends its series: its statement is cancelled in
PostgreSQL (pg_cancel_backend, this database only) and the table says "no answer".

Users: sz-frontdesk (Shenzhen front desk), sh-frontdesk (Shanghai), sz-property (Shenzhen handling
department, property-service), crc (group centre, member of both companies' tenants).
Filters: 本组待办 (candidate group in my groups, unassigned) and 已逾期 (assigned to me or candidate
group in my groups, due before now).

  ./mvnw -DskipTests package && python3 bench/tasklist.py
  (what was run for docs/performance.md: --warmup 3 --budget 20 --timeout 30)

Needs PostgreSQL on 127.0.0.1:5432 (trust auth, user postgres), psql, jcmd, port 18281.
Options: --seeds N, --tasks N, --warmup N, --measured N, --keep (leave the database).
--footprint-only --tasks 200000: the footprint at 100,000 open cases (seeds, clones, then only the
start-up times and the heap as shipped, after each user's filters ran, and after a restart).
With --log-slow MS the database logs statements slower than MS ms (log_min_duration_statement) while
the app runs, into PostgreSQL's server log.
"""
import argparse
import base64
import http.client
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import faults  # noqa: E402
from faults import Intake, Node, log, recreate_database, scalar, sql  # noqa: E402

DB = "casedesk_bench_tasklist"
PORT = 18281
PASSWORD = faults.DEMO_PASSWORD
FILTERS = ("本组待办", "已逾期")
USERS = ("sz-frontdesk", "sh-frontdesk", "sz-property", "crc")
REPLY, HANDLE = "UserTask_ReplyToOwner", "UserTask_HandleComplaint"
STATISTICS = "casedesk_authorization_perms"  # db/engine/postgresql/authorization-statistics.sql

# unit, owner's phone: at most two households per project, so five households never complain about
# one category in one project (the mass-complaint early warning)
UNITS = {"sz": [("sz-sjhc-01-0801", "13800000001"), ("sz-sjhc-01-1202", "13800000002"),
                ("sz-dha-a-2101", "13800000004"), ("sz-dha-a-2102", "13800000005")],
         "sh": [("sh-jyhf-03-0602", "13900000006"), ("sh-jyhf-05-1101", "13900000007"),
                ("sh-lqsf-12-0101", "13900000008")]}
# (category, subcategory, description): none of the major-complaint words of complaint-classification.dmn
TOPICS = [("property", "cleaning", "电梯厅和楼道连续几天没有清洁，垃圾桶满了也没人清理"),
          ("property", "security", "夜间小区门岗无人值守，外来人员随意进出"),
          ("property", "parking", "地下车库车位被长期占用，物业不处理"),
          ("engineering", "leakage", "卫生间天花板渗水，墙面起皮发霉"),
          ("property", "cleaning", "楼下绿化带杂物堆放很久没有清运"),
          ("engineering", "doors-windows", "入户门关不严，窗户密封条脱落漏风"),
          ("design", "layout", "阳台排水口位置不合理，下雨积水"),
          ("property", "security", "单元门禁坏了一周还没修好"),
          ("other", "other", "小区公告栏信息长期不更新"),
          ("engineering", "lift", "电梯运行时有异响，停靠不平")]
NAMES = ["张伟", "李娜", "王强", "刘洋", "陈静", "杨帆", "赵敏", "孙磊", "周婷", "吴昊"]


# ---------------------------------------------------------------- seeding

class Complaints(Intake):
    """Real complaints through the API, spread over both companies, units and departments."""

    def body(self, n):
        company = "sz" if n % 2 == 0 else "sh"
        unit, phone = UNITS[company][(n // 2) % len(UNITS[company])]
        category, subcategory, text = TOPICS[(n // 7) % len(TOPICS)]
        return json.dumps({"channel": "app", "unitCode": unit, "contactName": NAMES[n % len(NAMES)],
                           "contactPhone": phone, "category": category, "subcategory": subcategory,
                           "description": f"{text}（基准测试 {self.run} 第{n}件）"}).encode()


def psql_script(script):
    subprocess.run(faults.PG + ["-d", DB, "-c", script], check=True, stdout=subprocess.DEVNULL)


def insert_clone(table, join, overrides, where=""):
    """INSERT INTO table SELECT <its columns, some rewritten> FROM table t <join> [where]."""
    columns = [r[0] for r in sql(DB, f"""SELECT column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = '{table}' ORDER BY ordinal_position""")]
    unknown = set(overrides) - set(columns)
    if unknown:
        raise SystemExit(f"{table} has no column {unknown}")
    select = ", ".join(overrides.get(c, f"t.{c}") for c in columns)
    return f"INSERT INTO {table} ({', '.join(columns)})\nSELECT {select}\nFROM {table} t {join} {where};\n"


def ms(expr):
    return f"(extract(epoch FROM {expr}) * 1000)::bigint"


def shanghai_text(expr):
    return f"to_char({expr} + interval '8 hours', 'YYYY-MM-DD HH24:MI')"


def clone(target_tasks):
    seeds = int(scalar(DB, """SELECT count(*) FROM act_ru_execution e JOIN act_re_procdef d ON d.id_ = e.proc_def_id_
                              WHERE e.parent_id_ IS NULL AND d.key_ = 'complaint-handling'"""))
    tasks = int(scalar(DB, "SELECT count(*) FROM act_ru_task"))
    per_instance = tasks / seeds
    clones = int(round((target_tasks - tasks) / per_instance))
    log(f"clone: {seeds} seed instances with {tasks} open tasks; {clones} clones")
    nid = "pg_temp.nid"
    script = f"""
BEGIN;
CREATE FUNCTION pg_temp.nid(x text, g int) RETURNS text LANGUAGE sql IMMUTABLE
  AS $$ SELECT CASE WHEN x IS NULL THEN NULL ELSE md5(x || '/' || g)::uuid::text END $$;
CREATE FUNCTION pg_temp.actinst(x text, g int) RETURNS text LANGUAGE sql IMMUTABLE
  AS $$ SELECT CASE WHEN x IS NULL THEN NULL WHEN position(':' IN x) = 0 THEN pg_temp.nid(x, g)
             ELSE split_part(x, ':', 1) || ':' || pg_temp.nid(x, g) END $$;
CREATE TEMP TABLE seed AS
  SELECT e.id_ AS pi, row_number() OVER (ORDER BY e.id_) AS s
  FROM act_ru_execution e JOIN act_re_procdef d ON d.id_ = e.proc_def_id_
  WHERE e.parent_id_ IS NULL AND d.key_ = 'complaint-handling';
SELECT setseed(0.20261126);
-- one row per clone: its seed, its number g, its age (70 % < 23.5 h, 20 % 24.5-70 h, 10 % 73-241 h)
CREATE TEMP TABLE clone_age AS
  SELECT g, seed.pi,
         CASE WHEN r < 0.7 THEN interval '1 minute' + random() * interval '23.5 hours'
              WHEN r < 0.9 THEN interval '24.5 hours' + random() * interval '45.5 hours'
              ELSE interval '73 hours' + random() * interval '168 hours' END AS age
  FROM (SELECT g, random() AS r FROM generate_series(1, {clones}) g) x JOIN seed ON seed.s = 1 + (x.g - 1) % {seeds};
CREATE TEMP TABLE clone AS
  SELECT g, pi, {nid}(pi, g) AS npi, localtimestamp - age AS registered_at,
         localtimestamp - age + interval '24 hours' AS reply_due,
         localtimestamp - age + interval '72 hours' AS resolution_due,
         localtimestamp - age + interval '96 hours' AS gm_due,
         localtimestamp - age + interval '120 hours' AS group_due,
         (localtimestamp - age + interval '8 hours')::date AS case_day
  FROM clone_age;
ALTER TABLE clone ADD COLUMN case_number varchar(32);
UPDATE clone c SET case_number = 'TS-' || to_char(n.case_day, 'YYYYMMDD') || '-'
       || CASE WHEN n.seq < 10000 THEN lpad(n.seq::text, 4, '0') ELSE n.seq::text END
  FROM (SELECT g, case_day, row_number() OVER (PARTITION BY case_day ORDER BY registered_at)
               + coalesce((SELECT last_value FROM case_number_counter k WHERE k.case_type = 'TS'
                           AND k.case_day = c2.case_day), 0) AS seq
        FROM clone c2) n WHERE n.g = c.g;
CREATE INDEX ON clone (pi);
ANALYZE clone;

""" + insert_clone("act_ge_bytearray", "JOIN act_ru_variable v ON v.bytearray_id_ = t.id_ JOIN clone c ON c.pi = v.proc_inst_id_", {
        "id_": f"{nid}(t.id_, c.g)", "root_proc_inst_id_": f"{nid}(t.root_proc_inst_id_, c.g)"}) \
        + insert_clone("act_ru_execution", "JOIN clone c ON c.pi = t.proc_inst_id_", {
            "id_": f"{nid}(t.id_, c.g)", "root_proc_inst_id_": f"{nid}(t.root_proc_inst_id_, c.g)",
            "proc_inst_id_": "c.npi", "parent_id_": f"{nid}(t.parent_id_, c.g)",
            "super_exec_": f"{nid}(t.super_exec_, c.g)", "act_inst_id_": "pg_temp.actinst(t.act_inst_id_, c.g)",
            "business_key_": "CASE WHEN t.parent_id_ IS NULL THEN c.case_number ELSE t.business_key_ END"}) \
        + insert_clone("act_ru_task", "JOIN clone c ON c.pi = t.proc_inst_id_", {
            "id_": f"{nid}(t.id_, c.g)", "execution_id_": f"{nid}(t.execution_id_, c.g)", "proc_inst_id_": "c.npi",
            "create_time_": "c.registered_at + (t.create_time_ - (SELECT min(create_time_) FROM act_ru_task s WHERE s.proc_inst_id_ = t.proc_inst_id_))",
            "due_date_": f"CASE t.task_def_key_ WHEN '{REPLY}' THEN c.reply_due WHEN '{HANDLE}' THEN c.resolution_due ELSE t.due_date_ END"}) \
        + insert_clone("act_ru_identitylink", "JOIN act_ru_task s ON s.id_ = t.task_id_ JOIN clone c ON c.pi = s.proc_inst_id_", {
            "id_": f"{nid}(t.id_, c.g)", "task_id_": f"{nid}(t.task_id_, c.g)"}) \
        + insert_clone("act_ru_authorization", "JOIN act_ru_task s ON s.id_ = t.resource_id_ JOIN clone c ON c.pi = s.proc_inst_id_", {
            "id_": f"{nid}(t.id_, c.g)", "resource_id_": f"{nid}(t.resource_id_, c.g)",
            "root_proc_inst_id_": f"{nid}(t.root_proc_inst_id_, c.g)"}, "WHERE t.resource_type_ = 7") \
        + insert_clone("act_ru_variable", "JOIN clone c ON c.pi = t.proc_inst_id_", {
            "id_": f"{nid}(t.id_, c.g)", "execution_id_": f"{nid}(t.execution_id_, c.g)", "proc_inst_id_": "c.npi",
            "task_id_": f"{nid}(t.task_id_, c.g)", "bytearray_id_": f"{nid}(t.bytearray_id_, c.g)",
            "var_scope_": f"{nid}(t.var_scope_, c.g)",
            "long_": f"""CASE t.name_ WHEN 'replyDue' THEN {ms('c.reply_due')} WHEN 'resolutionDue' THEN {ms('c.resolution_due')}
                         WHEN 'gmEscalationDue' THEN {ms('c.gm_due')} WHEN 'groupEscalationDue' THEN {ms('c.group_due')}
                         ELSE t.long_ END""",
            "text_": f"""CASE t.name_ WHEN 'caseNumber' THEN c.case_number WHEN 'replyDueText' THEN {shanghai_text('c.reply_due')}
                         WHEN 'resolutionDueText' THEN {shanghai_text('c.resolution_due')} ELSE t.text_ END"""}) \
        + insert_clone("act_ru_event_subscr", "JOIN clone c ON c.pi = t.proc_inst_id_", {
            "id_": f"{nid}(t.id_, c.g)", "execution_id_": f"{nid}(t.execution_id_, c.g)", "proc_inst_id_": "c.npi",
            "created_": "c.registered_at"}) \
        + insert_clone("case_file", "JOIN clone c ON c.pi = t.process_instance_id", {
            "case_number": "c.case_number", "process_instance_id": "c.npi", "created_at": "c.registered_at"}) \
        + insert_clone("complaint_case", "JOIN clone c ON c.pi = t.process_instance_id", {
            "case_number": "c.case_number", "process_instance_id": "c.npi", "registered_at": "c.registered_at",
            "reply_due": "c.reply_due", "resolution_due": "c.resolution_due", "updated_at": "c.registered_at"}) \
        + insert_clone("sla_open_deadline", "JOIN clone c ON c.pi = t.process_instance_id", {
            "task_id": f"{nid}(t.task_id, c.g)", "case_number": "c.case_number", "process_instance_id": "c.npi",
            "due_at": f"CASE t.step_id WHEN '{REPLY}' THEN c.reply_due WHEN '{HANDLE}' THEN c.resolution_due ELSE t.due_at END",
            "created_at": "c.registered_at"}) \
        + """
INSERT INTO case_number_counter (case_type, case_day, last_value)
  SELECT 'TS', case_day, max(split_part(case_number, '-', 3)::int) FROM clone GROUP BY case_day
  ON CONFLICT (case_type, case_day) DO UPDATE SET last_value = greatest(case_number_counter.last_value, excluded.last_value);
COMMIT;
"""
    began = time.time()
    psql_script(script)
    took = time.time() - began
    began = time.time()
    for table in ("act_ru_execution", "act_ru_task", "act_ru_identitylink", "act_ru_authorization", "act_ru_variable",
                  "act_ge_bytearray", "act_ru_event_subscr", "case_file", "complaint_case", "sla_open_deadline"):
        subprocess.run(faults.PG + ["-d", DB, "-c", f"VACUUM ANALYZE {table}"], check=True)
    log(f"clone: {took:.0f} s, VACUUM ANALYZE {time.time() - began:.0f} s")


def census():
    row = sql(DB, """SELECT (SELECT count(*) FROM act_ru_execution WHERE parent_id_ IS NULL),
        (SELECT count(*) FROM act_ru_task), (SELECT count(*) FROM act_ru_task WHERE due_date_ < localtimestamp),
        (SELECT count(*) FROM act_ru_task WHERE tenant_id_ = 'sz'), (SELECT count(*) FROM act_ru_task WHERE tenant_id_ = 'sh'),
        (SELECT count(*) FROM act_ru_identitylink), (SELECT count(*) FROM act_ru_authorization),
        (SELECT count(*) FROM act_ru_variable), (SELECT count(*) FROM act_ru_execution),
        (SELECT count(*) FROM act_ru_job), (SELECT pg_size_pretty(pg_database_size(current_database())))""")[0]
    keys = ["process instances", "open tasks", "tasks past due", "tasks sz", "tasks sh", "identity links",
            "authorizations", "variables", "executions", "jobs", "database size"]
    return dict(zip(keys, row))


# ---------------------------------------------------------------- engine indexes

def drop_casedesk_indexes():
    """CaseDesk's indexes and statistics on the engine's tables (models/EngineIndexes), for the baseline"""
    names = [r[0] for r in sql(DB, r"""SELECT indexname FROM pg_indexes WHERE schemaname = 'public'
        AND tablename LIKE 'act\_%' AND indexname LIKE 'casedesk\_%'""")]
    for name in names:
        sql(DB, f"DROP INDEX {name}")
    if sql(DB, f"SELECT 1 FROM pg_statistic_ext WHERE stxname = '{STATISTICS}'"):
        sql(DB, f"DROP STATISTICS {STATISTICS}")
        sql(DB, "ANALYZE act_ru_authorization")
        names.append(f"statistics {STATISTICS}")
    if names:
        log(f"dropped {', '.join(names)}")
    return names


def casedesk_indexes():
    return [r[0] for r in sql(DB, r"""SELECT indexname FROM pg_indexes WHERE schemaname = 'public'
        AND tablename LIKE 'act\_%' AND indexname LIKE 'casedesk\_%' ORDER BY 1""")] + \
        [f"statistics {r[0]}" for r in sql(DB, f"SELECT stxname FROM pg_statistic_ext WHERE stxname = '{STATISTICS}'")]


# ---------------------------------------------------------------- the app

def start(node, label):
    """Starts the node; seconds from process start to health UP, and the 'Started ... in X seconds' line."""
    mark = os.path.getsize(node.log) if os.path.exists(node.log) else 0
    node.start()
    up = node.wait_up(limit=600)
    with open(node.log, encoding="utf-8", errors="replace") as f:
        f.seek(mark)
        found = re.findall(r"Started \S+ in ([0-9.]+) seconds", f.read())
    spring = float(found[-1]) if found else None
    log(f"{label}: health UP after {up:.1f} s (Spring: started in {spring} s)")
    return {"label": label, "up": up, "spring": spring}


def heap_after_gc(node):
    """MB of heap used after a full GC (jcmd GC.run, then GC.heap_info of the serial collector)."""
    pid = str(node.proc.pid)
    subprocess.run(["jcmd", pid, "GC.run"], check=True, capture_output=True)
    info = subprocess.run(["jcmd", pid, "GC.heap_info"], check=True, capture_output=True, text=True).stdout
    used = sum(int(k) for k in re.findall(r"generation\s+total \d+K, used (\d+)K", info))
    meta = re.search(r"Metaspace\s+used (\d+)K", info)
    rss = int(open(f"/proc/{pid}/status").read().split("VmRSS:")[1].split()[0])
    return {"heap": used / 1024, "metaspace": int(meta.group(1)) / 1024 if meta else None, "rss": rss / 1024}


class Client:
    """One user's keep-alive connection to /engine-rest, as Tasklist's browser would hold it."""

    def __init__(self, user, timeout):
        self.user, self.timeout = user, timeout
        self.auth = "Basic " + base64.b64encode(f"{user}:{PASSWORD}".encode()).decode()
        self.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=timeout)

    def call(self, method, path, body=None, accept="application/json"):
        headers = {"Authorization": self.auth, "Accept": accept}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        for attempt in (1, 2):
            try:
                t = time.perf_counter()
                self.conn.request(method, "/engine-rest" + path, body=data, headers=headers)
                r = self.conn.getresponse()
                payload = r.read()
                took = (time.perf_counter() - t) * 1000
                break
            except TimeoutError:
                # the engine's statement goes on in PostgreSQL: cancel it, or it slows every later call
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=self.timeout)
                sql(DB, "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                        "AND state = 'active' AND pid <> pg_backend_pid() AND query ILIKE '%ACT_RU_%' "
                        "AND query NOT ILIKE '%ACT_RU_JOB%'")
                time.sleep(1)
                return None, None
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=self.timeout)
                if attempt == 2:
                    raise
        if r.status != 200:
            raise SystemExit(f"{self.user} {method} {path}: HTTP {r.status} {payload[:300]!r}")
        return json.loads(payload), took


def tasklist_body():
    # what Tasklist posts (camunda-tasklist-bootstrap.js, taskListQuery): the search plus paging and sort
    return {"processVariables": [], "taskVariables": [], "caseInstanceVariables": [], "firstResult": 0,
            "maxResults": 15, "sorting": [{"sortBy": "created", "sortOrder": "desc"}], "active": True}


def pct(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]


def measure(users, warmup, measured, budget, timeout):
    results = []
    for user in users:
        client = Client(user, 60)
        filters, _ = client.call("GET", "/filter?resourceType=Task&firstResult=0&maxResults=100")
        ids = {f["name"]: f["id"] for f in filters}
        for name in FILTERS:
            if name not in ids:
                raise SystemExit(f"{user} does not see the filter {name}: {sorted(ids)}")
            fid = ids[name]
            calls = {"list": ("POST", f"/filter/{fid}/list?firstResult=0&maxResults=15", tasklist_body(),
                              "application/hal+json"),
                     "count": ("GET", f"/filter/{fid}/count", None, "application/json")}
            for call, (method, path, body, accept) in calls.items():
                times = []
                answer = None
                client.timeout = timeout
                client.conn.close()  # a new connection: the time-out applies from its connect on
                client.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=timeout)
                for i in range(warmup):
                    answer, took = client.call(method, path, body, accept)
                    if answer is None:
                        break
                began = time.time()
                last = answer
                while answer is not None and len(times) < measured and (len(times) < 20 or time.time() - began < budget):
                    answer, took = client.call(method, path, body, accept)
                    if answer is not None:
                        times.append(took)
                        last = answer
                answer = last
                if not times:
                    row = {"user": user, "filter": name, "call": call, "n": 0, "timeout": timeout,
                           "answer": f"no answer within {timeout:.0f} s (statement cancelled)"}
                    log(f"  {user} {name} {call}: no answer within {timeout:.0f} s")
                    results.append(row)
                    continue
                if call == "list":
                    shown = len(answer.get("_embedded", {}).get("task", []))
                    total = answer.get("count")
                    variables = sum(len(t.get("_embedded", {}).get("variable", []))
                                    for t in answer.get("_embedded", {}).get("task", []))
                    what = f"{shown} shown of {total}, {variables} variables"
                else:
                    what = f"count {answer['count']}"
                row = {"user": user, "filter": name, "call": call, "n": len(times), "p50": pct(times, 50),
                       "p99": pct(times, 99), "max": max(times), "answer": what}
                log(f"  {user} {name} {call}: p50 {row['p50']:.0f} ms, p99 {row['p99']:.0f} ms, "
                    f"max {row['max']:.0f} ms ({what})")
                results.append(row)
    return results


def print_footprint(starts, heaps):
    """The start-up and heap tables: starts as start() returns them, heaps as (label, heap_after_gc())."""
    print()
    print("| start-up | health UP after s | Spring \"Started in\" s |")
    print("|---|---:|---:|")
    for s in starts:
        print(f"| {s['label']} | {s['up']:.1f} | {s['spring'] if s['spring'] is not None else '-'} |")
    print()
    print("| heap after a full GC (jcmd GC.run; -Xmx768m, serial GC) | heap used MB | metaspace MB | RSS MB |")
    print("|---|---:|---:|---:|")
    for label, h in heaps:
        print(f"| {label} | {h['heap']:.0f} | {h['metaspace']:.0f} | {h['rss']:.0f} |")


def footprint(args, users, data, starts, empty_heap, began):
    """As shipped: start-up on the cloned data, heap after a full GC once the filters ran, restart."""
    node = Node("tasklist", PORT, DB)
    starts.append(start(node, f"{data['process instances']} open cases, CaseDesk's indexes built at this start"))
    measure(users, args.warmup, min(args.measured, 20), args.budget, args.timeout)
    after = heap_after_gc(node)
    node.stop()
    starts.append(start(node, f"{data['process instances']} open cases, restart"))
    restarted = heap_after_gc(node)
    node.stop()
    print()
    print(f"Data: {data['process instances']} open process instances, {data['open tasks']} open tasks, "
          f"{data['variables']} variables, {data['executions']} executions; database {data['database size']}.")
    print_footprint(starts, (("empty database, after start-up", empty_heap),
                             (f"{data['process instances']} open cases, after the filters", after),
                             (f"{data['process instances']} open cases, after a restart", restarted)))
    print(f"\nwhole run {time.time() - began:.0f} s; app log {node.log}")


# ---------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, default=400, help="real complaints registered through the API")
    parser.add_argument("--tasks", type=int, default=100_000, help="open tasks after cloning")
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--measured", type=int, default=100)
    parser.add_argument("--budget", type=float, default=120, metavar="S",
                        help="stop a series after S seconds of measured calls once it has 20 (slow baseline)")
    parser.add_argument("--timeout", type=float, default=60, metavar="S",
                        help="a call not answered within S s ends its series (its statement is cancelled)")
    parser.add_argument("--users", default=",".join(USERS))
    parser.add_argument("--prepare-only", action="store_true", help="seed and clone, keep the database, stop")
    parser.add_argument("--footprint-only", action="store_true",
                        help="seed and clone, then only start-up times and heap as shipped, after the filters ran "
                             "(--tasks 200000 for 100,000 open cases)")
    parser.add_argument("--log-slow", type=int, default=None, metavar="MS",
                        help="log_min_duration_statement for the database while the app runs")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    users = args.users.split(",")
    began = time.time()

    recreate_database(DB)
    if args.log_slow is not None:
        sql("postgres", f"ALTER DATABASE {DB} SET log_min_duration_statement = {args.log_slow}")
    # Camunda out of the box: no CaseDesk indexes or statistics on the engine's tables, the engine's own
    # task-query mapping (identity/TaskQueryMapping), PostgreSQL's default session settings
    baseline_args = ["--casedesk.engine.extra-indexes=false", "--casedesk.engine.task-query-authorization=camunda",
                     *faults.POSTGRES_DEFAULTS, faults.REVOKE_CHECK_DEFAULT]
    node = Node("tasklist", PORT, DB, *baseline_args)
    starts = [start(node, "first start, empty database (creates the schema)")]
    node.stop()
    starts.append(start(node, "empty database"))
    empty_heap = heap_after_gc(node)
    log(f"empty database: heap after full GC {empty_heap['heap']:.0f} MB")

    intake = Complaints([node], f"tl{int(time.time())}", duplicate_share=0.0, workers=8)
    t = time.time()
    for i in range(args.seeds):
        intake.submit(i)
    intake.finish()
    log(f"seeds: {sum(1 for v in intake.acked.values() if v)} complaints in {time.time() - t:.1f} s, "
        f"answers {dict(intake.attempts)}")
    faults.drain_async(DB)
    wrong = scalar(DB, f"""SELECT count(*) FROM (SELECT e.id_, count(t.id_) n,
            count(*) FILTER (WHERE t.task_def_key_ IN ('{REPLY}', '{HANDLE}')) k
        FROM act_ru_execution e LEFT JOIN act_ru_task t ON t.proc_inst_id_ = e.id_
        WHERE e.parent_id_ IS NULL AND e.proc_def_id_ LIKE 'complaint-handling:%' GROUP BY e.id_) x
        WHERE n <> 2 OR k <> 2""")
    if wrong != "0":
        raise SystemExit(f"{wrong} seed complaints are not at their reply and handling tasks")
    node.stop()

    clone(args.tasks)
    data = census()
    log("data: " + ", ".join(f"{k} {v}" for k, v in data.items()))
    if args.prepare_only:
        return
    if args.footprint_only:
        footprint(args, users, data, starts, empty_heap, began)
        return

    runs = {}
    sql(DB, f"DROP STATISTICS IF EXISTS {STATISTICS}")
    dropped = drop_casedesk_indexes()
    node = Node("tasklist", PORT, DB, *baseline_args)
    starts.append(start(node, "50,000 open cases, Camunda out of the box"))
    log("measuring: Camunda out of the box (" + " ".join(baseline_args) + ")")
    runs["shipped"] = measure(users, args.warmup, args.measured, args.budget, args.timeout)
    heap_full = heap_after_gc(node)
    log(f"50,000 open cases: heap after full GC {heap_full['heap']:.0f} MB")
    node.stop()

    node = Node("tasklist", PORT, DB)
    starts.append(start(node, "50,000 open cases, CaseDesk's indexes built at this start"))
    indexes = casedesk_indexes()
    log(f"CaseDesk indexes: {', '.join(indexes) or 'none'}")
    log("measuring: CaseDesk as shipped (its task-query mapping, indexes, statistics and session settings)")
    runs["casedesk"] = measure(users, args.warmup, args.measured, args.budget, args.timeout)
    heap_indexed = heap_after_gc(node)
    log(f"50,000 open cases, CaseDesk's indexes: heap after full GC {heap_indexed['heap']:.0f} MB")
    node.stop()
    starts.append(start(node, "50,000 open cases, CaseDesk's indexes in place"))
    node.stop()
    if args.log_slow is not None:
        sql("postgres", f"ALTER DATABASE {DB} RESET log_min_duration_statement")

    # ------------------------------------------------------------ report
    def cell(r):
        if not r["n"]:
            return f"> {r['timeout'] * 1000:.0f} (no answer)"
        return f"{r['p50']:.0f} / {r['p99']:.0f} / {r['max']:.0f} (n={r['n']})"

    def ratio(a, b, key):
        if not b["n"]:
            return "-"
        if not a["n"]:
            return f"> {a['timeout'] * 1000 / b[key]:.0f}×"
        return f"{a[key] / b[key]:.1f}×"

    print()
    print(f"Data: {data['process instances']} open process instances (complaint-handling), {data['open tasks']} open "
          f"tasks ({data['tasks sz']} sz, {data['tasks sh']} sh; {data['tasks past due']} past due), "
          f"{data['identity links']} identity links, {data['authorizations']} authorizations, {data['variables']} "
          f"variables, {data['executions']} executions, {data['jobs']} jobs; database {data['database size']}.")
    print(f"CaseDesk indexes: {', '.join(indexes) or 'none'} (dropped before the baseline: {', '.join(dropped) or 'none'})")
    print()
    print("| user | filter | call | Camunda out of the box p50 / p99 / max ms | CaseDesk p50 / p99 / max ms "
          "| ratio p50 | ratio p99 | answer |")
    print("|---|---|---|---:|---:|---:|---:|---|")
    for i, a in enumerate(runs["shipped"]):
        b = runs["casedesk"][i]
        call = "POST list (HAL, 15)" if a["call"] == "list" else "GET count"
        answer = next((r["answer"] for r in (b, a) if r and r["n"]), a["answer"])
        print(f"| {a['user']} | {a['filter']} | {call} | {cell(a)} | {cell(b)} | {ratio(a, b, 'p50')} "
              f"| {ratio(a, b, 'p99')} | {answer} |")
    print(f"\n(each series: {args.warmup} warm-up calls, then up to {args.measured} measured, sequentially on one "
          f"keep-alive connection; a series stops after {args.budget:.0f} s once it has 20, and ends at the first call "
          f"not answered within {args.timeout:.0f} s; n = calls measured)")
    print_footprint(starts, (("empty database, after start-up", empty_heap),
                             ("50,000 open cases, after the filters (Camunda out of the box)", heap_full),
                             ("50,000 open cases, after the filters (CaseDesk)", heap_indexed)))
    print(f"\nwhole run {time.time() - began:.0f} s; app log {node.log}")
    if not args.keep:
        subprocess.run(faults.PG + ["-d", "postgres", "-c", f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)"], check=True)


if __name__ == "__main__":
    main()
