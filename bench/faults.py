#!/usr/bin/env python3
"""Fault tests of issue 9, on PostgreSQL, with the packaged app as real processes on loopback.

  crash    complaints under load (20 % sent twice with the same Idempotency-Key) while the node is
           killed with SIGKILL and restarted, several times; escalation timers falling due meanwhile
  cluster  two nodes on one database, N escalation timers due at the same instant
  outage   PostgreSQL stopped for a while under load: 503s in the pool timeout, health DOWN then UP,
           nothing acknowledged lost, jobs resume
  slow     escalation jobs held (a row lock) for longer than the job lock: re-acquired and run again,
           yet each escalation and its message happen once

After each: every acknowledged complaint exists exactly once with its process at the right step,
no duplicate case number, SLA deadline, escalation or outbox message. Prints a Markdown row per
test (docs/reliability.md) and exits non-zero on any loss or duplicate.

  ./mvnw -DskipTests package && python3 bench/faults.py [--short] crash|cluster|outage|slow|all

Needs PostgreSQL on 127.0.0.1:5432 (trust auth; `outage` stops and starts the local cluster with
pg_ctlcluster, so run it where nothing else uses that cluster) and ports 18181-18182.
"""
import argparse
import atexit
import base64
import collections
import glob
import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PG = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-X", "-q"]
DEMO_PASSWORD = os.environ.get("CASEDESK_DEMO_PASSWORD", "demo")
CHANNEL_AUTH = "Basic " + base64.b64encode(f"owner-app:{DEMO_PASSWORD}".encode()).decode()
UNIT = "sz-sjhc-01-0801"  # one unit: one household, so the mass-complaint early warning stays quiet
EXPECTED_STEPS = ("UserTask_HandleComplaint", "UserTask_ReplyToOwner")
REPLY_TIMER = "StartEvent_ReplyOverdue"
ESCALATION = "ServiceTask_EscalateOverdueReply"
SUPERVISION = "UserTask_SuperviseOverdueReply"
ESCALATION_PURPOSE = "escalation-" + ESCALATION + "-r0"
ESCALATION_JOB = REPLY_TIMER  # the escalation runs in its timer's job (no async continuation after a timer)
# PostgreSQL connection settings as the driver and the server ship them, for the benchmarks' out-of-the-box
# nodes: application-postgres.yaml turns JIT off and has the driver send batched inserts as multi-row INSERTs
POSTGRES_DEFAULTS = ["--spring.datasource.hikari.data-source-properties.options=-c jit=on -c plan_cache_mode=auto",
                     "--spring.datasource.hikari.data-source-properties.reWriteBatchedInserts=false"]
# Camunda checks, in every command with an authorization check, whether any REVOKE exists; application.yaml
# turns that off (identity/RevokeAuthorizationsRefused)
REVOKE_CHECK_DEFAULT = "--camunda.bpm.authorization.authorization-check-revokes=auto"
WORK = tempfile.mkdtemp(prefix="casedesk-faults-")
# CaseDesk ships history level "case-audit"; these tests read the job log (history FULL) to see which
# node ran which job and how often a job was acquired
JOB_LOG = "--camunda.bpm.history-level=full"


def log(*args):
    print(time.strftime("%H:%M:%S"), *args, flush=True)


# ---------------------------------------------------------------- database

def sql(db, statement):
    """Rows of a statement, as lists of strings."""
    out = subprocess.run(PG + ["-d", db, "-tA", "-F", "\t", "-c", statement], check=True,
                         capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def scalar(db, statement):
    rows = sql(db, statement)
    return rows[0][0] if rows else None


def recreate_database(db):
    subprocess.run(PG + ["-d", "postgres", "-c", f"DROP DATABASE IF EXISTS {db} WITH (FORCE)"], check=True)
    subprocess.run(PG + ["-d", "postgres", "-c", f"CREATE DATABASE {db}"], check=True)


def pg_cluster(action):
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action]
                   + (["-m", "fast"] if action == "stop" else []), check=True)


# ---------------------------------------------------------------- nodes

def jar():
    found = os.environ.get("CASEDESK_JAR") or next(
        (j for j in sorted(glob.glob(os.path.join(ROOT, "target", "casedesk-*.jar"))) if "original" not in j), None)
    if not found:
        sys.exit("no target/casedesk-*.jar: run ./mvnw -DskipTests package first")
    return found


NODES = []


@atexit.register
def _no_node_left_behind():
    for node in NODES:
        if node.proc and node.proc.poll() is None:
            node.proc.kill()


class Node:
    def __init__(self, name, port, db, *args, profiles="postgres,demo"):
        self.name, self.port, self.db, self.args, self.profiles = name, port, db, list(args), profiles
        self.base = f"http://127.0.0.1:{port}"
        self.proc = None
        self.log = os.path.join(WORK, f"{name}.log")
        NODES.append(self)

    def start(self):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                raise SystemExit(f"port {self.port} is taken: another node still runs there")
        env = dict(os.environ, CASEDESK_DB_URL=f"jdbc:postgresql://127.0.0.1:5432/{self.db}",
                   CASEDESK_DB_USER="postgres", CASEDESK_DB_PASSWORD="")
        cmd = ["java", "-Xmx768m", "-XX:+UseSerialGC", "-jar", jar(), f"--server.port={self.port}",
               f"--spring.profiles.active={self.profiles}",
               f"--camunda.bpm.generic-properties.properties.hostname={self.name}"] + self.args
        with open(self.log, "a") as out:
            out.write(f"\n===== start {time.strftime('%H:%M:%S')} {' '.join(cmd[5:])}\n")
            self.proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=WORK, env=env)
        return self

    def health(self, timeout=3):
        try:
            with urllib.request.urlopen(self.base + "/actuator/health", timeout=timeout) as r:
                return json.load(r).get("status")
        except urllib.error.HTTPError as e:
            try:
                return json.load(e).get("status")
            except Exception:
                return f"HTTP {e.code}"
        except Exception:
            return None

    def wait_up(self, limit=180):
        started = time.time()
        while time.time() - started < limit:
            if self.proc.poll() is not None:
                raise SystemExit(f"{self.name} exited during start-up, see {self.log}")
            if self.health() == "UP":
                return time.time() - started
            time.sleep(0.25)
        raise SystemExit(f"{self.name} not UP after {limit} s, see {self.log}")

    def kill9(self):
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.kill9()


# ---------------------------------------------------------------- intake load

class Intake:
    """Submits complaints to the nodes; a request not acknowledged (refused connection, 5xx, time-out)
    is sent again with the same Idempotency-Key until it is, as a careful client does. A share of
    the requests is sent twice on purpose, the twin 0-2 s after the first."""

    def __init__(self, nodes, run, duplicate_share=0.2, workers=12, give_up_after=300):
        self.nodes, self.run, self.duplicate_share = nodes, run, duplicate_share
        self.pool = ThreadPoolExecutor(max_workers=workers)
        self.give_up_after = give_up_after
        self.lock = threading.Lock()
        self.acked = collections.defaultdict(set)   # key -> case numbers answered
        self.attempts = collections.Counter()       # status (or error kind) -> count
        self.latency = collections.defaultdict(list)
        self.futures = []
        self.sent = 0
        self.twins = 0
        self.rng = random.Random(20261126)

    def body(self, n):
        return json.dumps({"channel": "app", "unitCode": UNIT, "contactName": "故障测试", "contactPhone": "13900000006",
                           "category": "property", "subcategory": "cleaning",
                           "description": f"故障测试投诉 {self.run} 第{n}件：电梯厅没有清洁"}).encode()

    def submit(self, n):
        key = f"{self.run}-{n}"
        self.sent += 1
        self.futures.append(self.pool.submit(self._until_acked, key, n, 0.0))
        if self.rng.random() < self.duplicate_share:
            self.twins += 1
            self.futures.append(self.pool.submit(self._until_acked, key, n, self.rng.uniform(0, 2)))

    def _until_acked(self, key, n, delay):
        time.sleep(delay)
        started = time.time()
        attempt = 0
        while time.time() - started < self.give_up_after:
            node = self.nodes[(n + attempt) % len(self.nodes)]
            attempt += 1
            status, case, took = self._post(node, key, n)
            with self.lock:
                self.attempts[status] += 1
                self.latency[status].append(took)
                if case:
                    self.acked[key].add(case)
            if case:
                return
            time.sleep(0.5)
        with self.lock:
            self.attempts["gave up"] += 1

    def _post(self, node, key, n):
        request = urllib.request.Request(node.base + "/api/complaints", data=self.body(n), method="POST", headers={
            "Content-Type": "application/json", "Authorization": CHANNEL_AUTH, "Idempotency-Key": key})
        t = time.time()
        try:
            with urllib.request.urlopen(request, timeout=30) as r:
                return r.status, json.load(r)["caseNumber"], time.time() - t
        except urllib.error.HTTPError as e:
            return e.code, None, time.time() - t
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError, http.client.HTTPException):
            # HTTPException: the node died while sending its answer (IncompleteRead of a chunked body):
            # no answer, so the careful client sends again with the same key
            return "no answer", None, time.time() - t

    def offer(self, rate, seconds, start_at=0, on_tick=None):
        """Open loop: `rate` new complaints a second for `seconds`, whatever the answers."""
        begin = time.time()
        n = start_at
        while time.time() - begin < seconds:
            due = begin + (n - start_at) / rate
            if due > time.time():
                time.sleep(due - time.time())
            self.submit(n)
            n += 1
            if on_tick:
                on_tick(time.time() - begin)
        return n

    def finish(self):
        for f in self.futures:
            f.result()
        self.pool.shutdown()

    def duplicates_answered_differently(self):
        return {k: v for k, v in self.acked.items() if len(v) != 1}


# ---------------------------------------------------------------- checks

def case_numbers(acked):
    return sorted(next(iter(v)) for v in acked.values() if len(v) == 1)


def wait_for(db, what, condition_sql, expected, limit=300, every=1.0):
    started = time.time()
    value = None
    while time.time() - started < limit:
        value = scalar(db, condition_sql)
        if value == str(expected):
            return time.time() - started
        time.sleep(every)
    raise SystemExit(f"timed out waiting for {what}: {value}, expected {expected}")


def drain_async(db, limit=600):
    """Waits until no async continuation is left (timers in the future do not count)."""
    return wait_for(db, "async continuations", "SELECT count(*) FROM act_ru_job WHERE type_ = 'message' "
                    "OR (type_ = 'timer' AND duedate_ <= now())", 0, limit)


def with_cases(db, cases, statement):
    """Runs a statement with a temporary table `probe(case_number)` holding the cases."""
    values = ",".join(f"('{c}')" for c in cases) or "(NULL)"
    return sql(db, f"CREATE TEMP TABLE probe(case_number varchar(32)); INSERT INTO probe VALUES {values}; {statement}")


def make_reply_timers_due(db, cases, at=False):
    """The 24-hour reply deadline of these cases falls due now (one statement: one instant). The
    engine's timestamps are the JVM's local time and localtimestamp the database's: both run in UTC here."""
    rows = with_cases(db, cases, f"""
        UPDATE act_ru_job j SET duedate_ = localtimestamp FROM act_ru_jobdef d, case_file f, probe p
        WHERE j.job_def_id_ = d.id_ AND d.act_id_ = '{REPLY_TIMER}' AND j.process_instance_id_ = f.process_instance_id
          AND f.case_number = p.case_number RETURNING f.case_number, j.duedate_""")
    return ([r[0] for r in rows], rows[0][1] if rows else None) if at else [r[0] for r in rows]


def lateness(db, cases, due_at, task=SUPERVISION):
    """Seconds from the due instant to the creation of the task, per case (its first one). The escalation
    creates the supervision task in its own transaction, so for SUPERVISION this is when the escalation was
    done. Read from the task history, which every history level CaseDesk runs on keeps (case-audit writes no
    activity instances)."""
    return [float(r[0]) for r in with_cases(db, cases, f"""
        SELECT extract(epoch FROM min(t.start_time_) - timestamp '{due_at}') FROM probe p
        JOIN case_file f ON f.case_number = p.case_number
        JOIN act_hi_taskinst t ON t.proc_inst_id_ = f.process_instance_id AND t.task_def_key_ = '{task}'
        GROUP BY p.case_number""") if r[0] is not None]


def seconds(values):
    if not values:
        return "-"
    v = sorted(values)
    return f"p50 {v[len(v) // 2]:.1f} s, p99 {v[min(len(v) - 1, int(0.99 * len(v)))]:.1f} s, max {v[-1]:.1f} s"


def verify(db, intake=None, escalated=()):
    """Loss and duplicates: returns a dict of counts, all of which must be zero but the totals."""
    acked = intake.acked if intake else {}
    cases = case_numbers(acked) if intake else [r[0] for r in sql(db, "SELECT case_number FROM case_file")]
    found = {}
    found["acknowledged"] = len(cases)
    found["keys answered with two case numbers"] = len(intake.duplicates_answered_differently()) if intake else 0
    if intake:
        found["keys never acknowledged"] = intake.attempts["gave up"]
        stored = dict((k, c) for k, c in sql(db, "SELECT idempotency_key, case_number FROM api_idempotency "
                                                  f"WHERE idempotency_key LIKE '{intake.run}-%'"))
        found["acknowledged keys stored with another case"] = sum(
            1 for k, v in acked.items() if stored.get(k) not in v)
        found["cases started but never acknowledged"] = int(scalar(db, f"""
            SELECT count(*) FROM api_idempotency WHERE idempotency_key LIKE '{intake.run}-%'""")) - len(acked)
    missing = with_cases(db, cases, """
        SELECT count(*) FILTER (WHERE f.case_number IS NULL),
               count(*) FILTER (WHERE f.case_number IS NOT NULL AND c.case_number IS NULL)
        FROM probe p LEFT JOIN case_file f ON f.case_number = p.case_number
        LEFT JOIN complaint_case c ON c.case_number = p.case_number""")[0]
    found["acknowledged but no case file"], found["acknowledged but no complaint record"] = map(int, missing)
    instances = with_cases(db, cases, """
        SELECT count(*) FILTER (WHERE n = 0), count(*) FILTER (WHERE n > 1) FROM (
          SELECT p.case_number, count(e.id_) n FROM probe p
          LEFT JOIN act_ru_execution e ON e.business_key_ = p.case_number AND e.parent_id_ IS NULL
          GROUP BY p.case_number) x""")[0]
    found["cases without a running process"], found["cases with two processes"] = map(int, instances)
    found["started process instances not of an acknowledged case"] = int(with_cases(db, cases, """
        SELECT count(*) FROM act_hi_procinst h JOIN act_re_procdef d ON d.id_ = h.proc_def_id_
        WHERE d.key_ = 'complaint-handling' AND h.business_key_ NOT IN (SELECT case_number FROM probe)""")[0][0]) \
        if intake else 0
    esc = set(escalated)
    steps = with_cases(db, cases, """
        SELECT p.case_number, string_agg(t.task_def_key_, ',' ORDER BY t.task_def_key_)
        FROM probe p JOIN case_file f ON f.case_number = p.case_number
        LEFT JOIN act_ru_task t ON t.proc_inst_id_ = f.process_instance_id GROUP BY p.case_number""")
    wrong = 0
    for case, keys in steps:
        want = sorted(EXPECTED_STEPS + ((SUPERVISION,) if case in esc else ()))
        if (keys or "").split(",") != want:
            wrong += 1
            if wrong <= 5:
                log(f"  {case}: open tasks {keys}, expected {','.join(want)}")
    found["cases at the wrong step"] = wrong
    found["open tasks without exactly one SLA deadline row"] = int(with_cases(db, cases, """
        SELECT count(*) FROM probe p JOIN case_file f ON f.case_number = p.case_number
        JOIN act_ru_task t ON t.proc_inst_id_ = f.process_instance_id
        WHERE t.due_date_ IS NOT NULL
          AND (SELECT count(*) FROM sla_open_deadline s WHERE s.task_id = t.id_) <> 1""")[0][0])
    found["SLA deadline rows of no open task"] = int(scalar(db, """
        SELECT count(*) FROM sla_open_deadline s WHERE NOT EXISTS (SELECT 1 FROM act_ru_task t WHERE t.id_ = s.task_id)"""))
    found["duplicate SLA events"] = int(scalar(db, """
        SELECT count(*) FROM (SELECT case_number, step_id, task_id FROM sla_event GROUP BY 1, 2, 3 HAVING count(*) > 1) x"""))
    escalations = with_cases(db, list(esc), f"""
        SELECT count(*) FILTER (WHERE done = 0), count(*) FILTER (WHERE done > 1),
               count(*) FILTER (WHERE msgs = 0), count(*) FILTER (WHERE msgs > 1),
               count(*) FILTER (WHERE level IS DISTINCT FROM 'SUPERVISOR')
        FROM (SELECT p.case_number,
                (SELECT count(*) FROM act_hi_taskinst t WHERE t.proc_inst_id_ = f.process_instance_id
                   AND t.task_def_key_ = '{SUPERVISION}') done,
                (SELECT count(*) FROM notification_outbox o WHERE o.case_number = p.case_number
                   AND o.purpose = '{ESCALATION_PURPOSE}') msgs,
                c.escalation_level level
              FROM probe p JOIN case_file f ON f.case_number = p.case_number
              JOIN complaint_case c ON c.case_number = p.case_number) x""")[0]
    (found["escalations due but not done"], found["escalations done twice"], found["escalations without a message"],
     found["escalation messages queued twice"], found["escalated cases without the level recorded"]) = map(int, escalations)
    found["outbox messages queued twice"] = int(scalar(db, """
        SELECT count(*) FROM (SELECT case_number, purpose, recipient FROM notification_outbox
                              GROUP BY 1, 2, 3 HAVING count(*) > 1) x"""))
    found["duplicate case numbers"] = int(scalar(db, """
        SELECT count(*) FROM (SELECT process_instance_id FROM case_file GROUP BY 1 HAVING count(*) > 1) x"""))
    found["incidents"] = int(scalar(db, "SELECT count(*) FROM act_ru_incident"))
    return found


def report(name, load, faults, found, extra):
    bad = {k: v for k, v in found.items() if k != "acknowledged" and v}
    for k, v in found.items():
        log(f"  {k}: {v}")
    for k, v in extra.items():
        log(f"  {k}: {v}")
    row = (f"| {name} | {load} | {faults} | {found['acknowledged']} acknowledged | "
           + ("; ".join(f"{k}: {v}" for k, v in extra.items())) + " | "
           + ("**" + ", ".join(f"{k}: {v}" for k, v in bad.items()) + "**" if bad else "0 lost, 0 duplicated") + " |")
    print(row, flush=True)
    with open(os.path.join(ROOT, "target", "faults-results.md"), "a") as out:
        out.write(row + "\n")
    return not bad


def print_server_errors(node, context=40, limit=5):
    """the node's logged request failures (the stack traces behind answers other than 503), for CI's log"""
    with open(node.log, errors="replace") as f:
        lines = f.read().splitlines()
    starts = [i for i, line in enumerate(lines) if "threw exception" in line or "Servlet.service()" in line]
    log(f"{node.name}: {len(starts)} request failures in {node.log}; the first {min(limit, len(starts))}:")
    for i in starts[:limit]:
        print("\n".join(lines[i:i + context]), flush=True)


def percentiles(values):
    if not values:
        return "-"
    v = sorted(values)
    pick = lambda q: v[min(len(v) - 1, int(q * len(v)))]
    return f"p50 {pick(0.5) * 1000:.0f} ms, p99 {pick(0.99) * 1000:.0f} ms, max {v[-1] * 1000:.0f} ms"


# ---------------------------------------------------------------- the tests

def crash(short):
    db = "casedesk_fault_crash"
    rate, seconds, kills = (10, 50, 2) if short else (20, 150, 5)
    recreate_database(db)
    node = Node("crash-node", 18181, db, "--camunda.bpm.job-execution.lock-time-in-millis=10000").start()
    log(f"crash: node up in {node.wait_up():.1f} s; {rate}/s for {seconds} s, {kills} kills")
    intake = Intake([node], f"crash{int(time.time())}")
    recovery, first_answer = [], []
    made_due = set()
    kill_at = [seconds * (i + 1) / (kills + 1) for i in range(kills)]
    state = {"next": 0}

    def killer():
        while state["next"] < len(kill_at):
            if time.time() - begin < kill_at[state["next"]]:
                time.sleep(0.2)
                continue
            state["next"] += 1
            # escalation timers of the cases so far fall due, so the node dies while firing them
            due = make_reply_timers_due(db, [c for c in case_numbers(intake.acked) if c not in made_due])
            made_due.update(due)
            time.sleep(1.5)
            killed = time.time()
            node.kill9()
            log(f"crash: kill -9 #{state['next']} with {len(intake.acked)} acknowledged, {len(due)} timers due")
            node.start()
            node.wait_up()
            recovery.append(time.time() - killed)
            answered = intake.attempts[200] + intake.attempts[201]
            while intake.attempts[200] + intake.attempts[201] == answered and time.time() - killed < 120:
                time.sleep(0.05)
            first_answer.append(time.time() - killed)

    begin = time.time()
    k = threading.Thread(target=killer)
    k.start()
    intake.offer(rate, seconds)
    k.join()
    intake.finish()
    log(f"crash: load done, {len(intake.acked)} keys acknowledged, attempts {dict(intake.attempts)}")
    drain_async(db)
    made_due.update(make_reply_timers_due(db, [c for c in case_numbers(intake.acked) if c not in made_due]))
    # timers the dead node had locked fire once its lock (10 s here) has run out
    took = wait_for(db, "escalations", f"SELECT count(*) FROM act_ru_task WHERE task_def_key_ = '{SUPERVISION}'",
                    len(made_due), limit=300)
    drain_async(db)
    found = verify(db, intake, escalated=made_due)
    node.stop()
    return report("crash under load (`kill -9`)", f"{rate} complaints/s offered for {seconds} s, "
                  f"{intake.twins} of {intake.sent} sent twice with the same key",
                  f"{kills} × `kill -9` + restart, each 1.5 s after {len(made_due)} escalation timers in all fell due",
                  found, {"recovery (kill → health UP)": ", ".join(f"{r:.1f} s" for r in recovery),
                          "kill → first acknowledgement": ", ".join(f"{r:.1f} s" for r in first_answer),
                          "last escalations after the final timers fell due": f"{took:.1f} s",
                          "answers": ", ".join(f"{k}: {v}" for k, v in sorted(intake.attempts.items(), key=str))})


def cluster(short):
    db = "casedesk_fault_cluster"
    n = 400 if short else 5000
    recreate_database(db)
    a = Node("node-a", 18181, db, JOB_LOG).start()
    a.wait_up()  # the first node creates the schema
    b = Node("node-b", 18182, db, JOB_LOG).start()
    b.wait_up()
    log(f"cluster: two nodes up; registering {n} complaints through both")
    intake = Intake([a, b], f"cluster{int(time.time())}", duplicate_share=0.0, workers=8)
    for i in range(n):
        intake.submit(i)
    intake.finish()
    drain_async(db)
    cases = case_numbers(intake.acked)
    due, due_at = make_reply_timers_due(db, cases, at=True)
    due = len(due)
    log(f"cluster: {due} reply timers due at one instant, {due_at}")
    took = wait_for(db, "escalations", f"SELECT count(*) FROM act_ru_task WHERE task_def_key_ = '{SUPERVISION}'",
                    len(cases), limit=900)
    drain_async(db)
    late = lateness(db, cases, due_at)
    by_node = sql(db, f"""SELECT hostname_, count(*) FROM act_hi_job_log WHERE job_state_ = 2
        AND act_id_ IN ('{REPLY_TIMER}', '{ESCALATION}') GROUP BY 1 ORDER BY 1""")
    lost_races = scalar(db, f"""SELECT count(*) FROM act_hi_job_log WHERE job_state_ = 1
        AND act_id_ IN ('{REPLY_TIMER}', '{ESCALATION}')""")
    found = verify(db, intake, escalated=cases)
    a.stop()
    b.stop()
    return report("two nodes, one database", f"{n} complaints registered through both nodes",
                  f"{due} escalation timers due at one instant", found,
                  {"drained in": f"{took:.1f} s",
                   "escalation done, after the due instant": seconds(late),
                   "first escalation done after": f"{min(late):.1f} s" if late else "-",
                   "jobs done per node": ", ".join(f"{h}: {c}" for h, c in by_node),
                   "failed job attempts": lost_races})


def outage(short):
    db = "casedesk_fault_outage"
    rate, seconds, down_at, down_for = (10, 45, 10, 15) if short else (20, 100, 25, 30)
    recreate_database(db)
    node = Node("outage-node", 18181, db).start()
    node.wait_up()
    intake = Intake([node], f"outage{int(time.time())}")
    health = []
    stop_health = threading.Event()

    def watch():
        while not stop_health.is_set():
            t = time.time()
            health.append((t - begin, node.health(timeout=10), time.time() - t))
            time.sleep(0.5)

    made_due = set()
    state = {"stopped": None, "started": None}

    def outage_thread():
        time.sleep(max(0, down_at - 2 - (time.time() - begin)))
        due = make_reply_timers_due(db, case_numbers(intake.acked))  # escalations in flight when the database goes
        made_due.update(due)
        time.sleep(max(0, down_at - (time.time() - begin)))
        log(f"outage: stopping PostgreSQL ({len(due)} timers just fell due)")
        pg_cluster("stop")
        state["stopped"] = time.time() - begin
        time.sleep(down_for)
        state["starting"] = time.time() - begin
        pg_cluster("start")
        state["started"] = time.time() - begin
        log("outage: PostgreSQL started again")

    begin = time.time()
    w = threading.Thread(target=watch)
    w.start()
    o = threading.Thread(target=outage_thread)
    o.start()
    intake.offer(rate, seconds)
    o.join()
    intake.finish()
    time.sleep(3)
    stop_health.set()
    w.join()
    drain_async(db)
    made_due.update(make_reply_timers_due(db, [c for c in case_numbers(intake.acked) if c not in made_due]))
    wait_for(db, "escalations", f"SELECT count(*) FROM act_ru_task WHERE task_def_key_ = '{SUPERVISION}'",
             len(made_due), limit=300)
    drain_async(db)
    found = verify(db, intake, escalated=made_due)
    down = [t for t, s, _ in health if s != "UP"]
    found["health not DOWN during the outage"] = sum(
        1 for t, s, _ in health if state["stopped"] + 4 <= t <= state["starting"] and s == "UP")
    found["health not UP at the end"] = 0 if health and health[-1][1] == "UP" else 1
    found["answers 5xx other than 503"] = sum(v for k, v in intake.attempts.items()
                                              if isinstance(k, int) and k >= 500 and k != 503)
    found["503 answers slower than 5 s"] = sum(1 for x in intake.latency[503] if x > 5)
    node.stop()
    if found["answers 5xx other than 503"]:
        print_server_errors(node)
    up_again = min((t for t, s, _ in health if t > state["started"] and s == "UP"), default=None)
    return report("database outage", f"{rate} complaints/s offered for {seconds} s",
                  f"PostgreSQL stopped {down_for} s (`pg_ctlcluster stop -m fast`), {len(made_due)} escalation "
                  f"timers due, some in flight", found,
                  {"503 answers": f"{intake.attempts[503]} ({percentiles(intake.latency[503])})",
                   "health": f"DOWN {min(down) if down else '-':.1f} s after start (outage at {state['stopped']:.1f} s), "
                             f"UP again {up_again - state['started']:.1f} s after PostgreSQL was back"
                             if down and up_again else "never DOWN",
                   "health answer time max": f"{max(x for _, _, x in health):.1f} s",
                   "answers": ", ".join(f"{k}: {v}" for k, v in sorted(intake.attempts.items(), key=str))})


def slow(short):
    db = "casedesk_fault_slow"
    n, hold = (4, 16) if short else (8, 40)  # fewer than the 10 executor threads: room for second runs
    lock_ms = 4000
    recreate_database(db)
    node = Node("slow-node", 18181, db, JOB_LOG, f"--camunda.bpm.job-execution.lock-time-in-millis={lock_ms}").start()
    node.wait_up()
    intake = Intake([node], f"slow{int(time.time())}", duplicate_share=0.0, workers=4)
    for i in range(n):
        intake.submit(i)
    intake.finish()
    drain_async(db)
    cases = case_numbers(intake.acked)
    # a "slow delegate": the escalation's first write (the case's escalation level) waits on a row lock
    # held here for `hold` s, ten times the job lock, so the job is acquired and run again meanwhile
    values = ",".join(f"'{c}'" for c in cases)
    holder = subprocess.Popen(PG + ["-d", db, "-c", "BEGIN", "-c",
                                    f"SELECT case_number FROM complaint_case WHERE case_number IN ({values}) FOR UPDATE",
                                    "-c", f"SELECT pg_sleep({hold})", "-c", "COMMIT"],
                              stdout=subprocess.DEVNULL)
    time.sleep(1)
    make_reply_timers_due(db, cases)
    waiting_max = 0
    reacquired = 0
    first_rev, again = {}, set()
    started = time.time()
    while holder.poll() is None:
        waiting = int(scalar(db, """SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'
                                    AND query LIKE '%complaint_case%'""") or 0)
        waiting_max = max(waiting_max, waiting)
        # every acquisition raises a job's revision: a job whose revision rose while the row lock is
        # held was acquired again while its first run still waited
        for job, rev in sql(db, f"""SELECT j.id_, j.rev_ FROM act_ru_job j JOIN act_ru_jobdef d
                                    ON d.id_ = j.job_def_id_ WHERE d.act_id_ = '{ESCALATION_JOB}'"""):
            first_rev.setdefault(job, int(rev))
            if int(rev) > first_rev[job]:
                again.add(job)
        reacquired = len(again)
        time.sleep(0.5)
    log(f"slow: lock released after {time.time() - started:.0f} s; at most {waiting_max} escalation runs waited at once, "
        f"{reacquired} escalation jobs acquired again while their first run waited")
    wait_for(db, "escalations", f"SELECT count(*) FROM act_ru_task WHERE task_def_key_ = '{SUPERVISION}'",
             len(cases), limit=120)
    drain_async(db)
    acquisitions = scalar(db, f"""SELECT count(*) FROM act_hi_job_log WHERE act_id_ = '{ESCALATION_JOB}'
        AND job_state_ IN (1, 2)""")
    found = verify(db, intake, escalated=cases)
    found["no job acquired twice (the test proved nothing)"] = 0 if reacquired > 0 else 1
    node.stop()
    return report("slow delegate outliving its job lock", f"{n} complaints, their escalations held {hold} s",
                  f"job lock {lock_ms / 1000:.0f} s, row lock held {hold} s", found,
                  {"escalation jobs acquired again while their first run waited": f"{reacquired} of {len(cases)}",
                   "escalation runs waiting on the lock at once (max)": f"{waiting_max} (job executor threads: 10)",
                   "escalation job outcomes logged (failed + done)": acquisitions})


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--short", action="store_true", help="the shortened CI version")
    parser.add_argument("tests", nargs="+", choices=["crash", "cluster", "outage", "slow", "all"])
    args = parser.parse_args()
    chosen = ["crash", "cluster", "outage", "slow"] if "all" in args.tests else args.tests
    os.makedirs(os.path.join(ROOT, "target"), exist_ok=True)
    ok = True
    for name in chosen:
        log(f"==== {name} ({'short' if args.short else 'full'}); logs in {WORK}")
        ok = globals()[name](args.short) and ok
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
