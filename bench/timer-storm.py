#!/usr/bin/env python3
"""Timer storm (issue 10): 20,000 escalation timers due at the same instant on ONE idle node.

Working-day deadlines all end at 18:00, so every open complaint's escalation can fall due at once.
The script seeds N complaints (default 20,000) ONCE into a template database
(`casedesk_bench_storm_template`, kept between runs; --reseed rebuilds it), then, for each job
executor configuration:

  1. copies the template (`CREATE DATABASE … TEMPLATE …`, seconds) and starts the packaged jar on it;
  2. leaves the node idle (no due job) for --idle seconds (default 75: the out-of-the-box executor
     has backed off to its 60 s ceiling, as in bench/idle-timer.sh — a real 18:00 storm hits an
     idle-ish node);
  3. moves the 24-hour reply deadline of every complaint to one instant 3 s ahead (one statement);
  4. once the first timer has fired (earlier, a new complaint's job would wake the idle executor),
     offers light intake until the storm has drained (--intake-rate, default 5 complaints/s) through
     POST /api/complaints and records its answer times;
  5. measures from the task history (each escalation creates its supervision task in its own
     transaction; the shipped history level, case-audit, keeps task instances, not activity
     instances): drain (the due instant → the last escalation done), the lateness of every
     escalation (done − the due instant) and of the first one, and checks with bench/faults.py's
     verify that every case escalated exactly once (one supervision task in history, one escalation
     message in the outbox, case at the right step, no incidents).

Configurations: "out of the box" (Camunda's job-executor defaults: 3-10 threads, queue 3, 3 jobs
per acquisition, back-off up to 60 s, 5 min lock, no acquisition order, Camunda's schema without
CaseDesk's indexes) and "tuned" (below). --config NAME='--a=b --c=d' adds (or with a known name,
replaces) a configuration; --only NAME,... runs some of them.

  ./mvnw -DskipTests package && python3 bench/timer-storm.py [--reseed] [--complaints 20000]

Needs PostgreSQL on 127.0.0.1:5432 (trust auth, user postgres) and ports 18381-18389. Databases:
casedesk_bench_storm_*. A run of both configurations takes ~15-30 min on a 2-core machine once
the template exists. Seeding it took 22 min: 8.7 min of intake at ~38/s, then 13.4 min for the
continuations, which queue on the early-warning row of their one project and category.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import faults  # noqa: E402
from faults import Intake, Node, log, percentiles  # noqa: E402

TEMPLATE = "casedesk_bench_storm_template"
PREFIX = "casedesk_bench_storm_"
SEED_PORT = 18381
FIRST_PORT = 18382
REPLY_TIMER, ESCALATION_JOB, SUPERVISION = faults.REPLY_TIMER, faults.ESCALATION_JOB, faults.SUPERVISION
REPLY_TASK = "UserTask_ReplyToOwner"
STORM_INTAKE_UNIT = "sz-dha-a-2101"

# Camunda's job-executor defaults, spelled out because application.yaml tunes them
OUT_OF_THE_BOX = ["--camunda.bpm.job-execution.core-pool-size=3",
                  "--camunda.bpm.job-execution.max-pool-size=10",
                  "--camunda.bpm.job-execution.queue-capacity=3",
                  "--camunda.bpm.job-execution.max-jobs-per-acquisition=3",
                  "--camunda.bpm.job-execution.wait-time-in-millis=5000",
                  "--camunda.bpm.job-execution.max-wait=60000",
                  "--camunda.bpm.job-execution.lock-time-in-millis=300000",
                  "--camunda.bpm.generic-properties.properties.job-executor-prefer-timer-jobs=false",
                  "--camunda.bpm.generic-properties.properties.job-executor-acquire-by-due-date=false",
                  "--camunda.bpm.history-level=full",
                  "--casedesk.engine.extra-indexes=false",
                  "--casedesk.engine.task-query-authorization=camunda",
                  *faults.POSTGRES_DEFAULTS, faults.REVOKE_CHECK_DEFAULT]
# The chosen configuration, on top of application.yaml. Tried first on 2,000 of the timers
# (--storm 2000 --idle 20, light intake 5/s from the due instant, 26 Nov 2026, on a 2-core machine
# shared with another benchmark), each with CaseDesk's job-acquisition index:
#   8 threads, queue 16, 16 jobs per acquisition, wait 1 s, timers first + by due date:
#       drained in 109.8 s, escalation start p50 91.7 s, first timer 4.6 s, intake p99 17.0 s (12 × 503)
#   the same without an acquisition order: 134.4 s, p50 37.3 s, first timer 0.8 s, intake p99 5.8 s;
#       job threads waited on intake continuations (early-warning row lock) and left timers behind
#   4 threads, queue 8, 8 jobs per acquisition, timers first + by due date (chosen):
#       61.4 s, p50 42.6 s, first timer 1.3 s, intake p99 3.2 s
# Without the index Camunda's acquisition query is a sequential scan of ACT_RU_JOB (80,002 timers
# here) that PostgreSQL also JIT-compiles: EXPLAIN ANALYZE 371 ms (34 ms scan + 310 ms JIT) against
# 1.4 ms with the index.
TUNED = ["--camunda.bpm.job-execution.core-pool-size=4",
         "--camunda.bpm.job-execution.max-pool-size=4",
         "--camunda.bpm.job-execution.queue-capacity=8",
         "--camunda.bpm.job-execution.max-jobs-per-acquisition=8",
         "--camunda.bpm.job-execution.wait-time-in-millis=1000",
         "--camunda.bpm.job-execution.max-wait=1000",
         "--camunda.bpm.generic-properties.properties.job-executor-prefer-timer-jobs=true",
         "--camunda.bpm.generic-properties.properties.job-executor-acquire-by-due-date=true",
         "--spring.datasource.hikari.maximum-pool-size=16",
         "--casedesk.engine.extra-indexes=true"]
# The template is seeded on history FULL (the out-of-the-box level). The engine refuses to start on
# a database whose recorded history level differs from its own, so a configuration on another level
# (the shipped `case-audit`) gets its copy's recorded level set to it before the node starts; the rows
# written while seeding stay as they are, the storm's own rows are written at the node's level.
HISTORY_LEVELS = {"none": 0, "activity": 1, "audit": 2, "full": 3, "case-audit": 12}  # models/CaseAuditHistoryLevel.ID
SHIPPED_HISTORY_LEVEL = "case-audit"  # src/main/resources/application.yaml


def history_level(args):
    """The history level a node started with these overrides runs on."""
    chosen = [a.split("=", 1)[1] for a in args if a.startswith("--camunda.bpm.history-level=")]
    return chosen[-1] if chosen else SHIPPED_HISTORY_LEVEL


# ---------------------------------------------------------------- database helpers

def _sql_on_stdin(db, statement):
    """faults.sql, with the statement on stdin: verify() lists 20,000 case numbers in one statement,
    more than one command-line argument may hold (128 KiB)."""
    out = subprocess.run(faults.PG + ["-d", db, "-tA", "-F", "\t", "-f", "-"], input=statement, check=True,
                         capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


faults.sql = _sql_on_stdin
sql, scalar = faults.sql, faults.scalar


def admin(statement):
    subprocess.run(faults.PG + ["-d", "postgres", "-c", statement], check=True)


def exists(db):
    return scalar("postgres", f"SELECT count(*) FROM pg_database WHERE datname = '{db}'") == "1"


def seeded_with(db):
    """The number of complaints the template was seeded with, from its comment (written last)."""
    comment = scalar("postgres", f"SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '{db}'")
    return int(comment.split()[0]) if comment and comment.endswith("complaints seeded") else None


# ---------------------------------------------------------------- seeding (once)

def seed(n, workers):
    faults.recreate_database(TEMPLATE)
    node = Node("storm-seed", SEED_PORT, TEMPLATE, "--casedesk.engine.extra-indexes=false",
                "--camunda.bpm.history-level=full").start()
    log(f"seed: node up in {node.wait_up(300):.1f} s; registering {n} complaints with {workers} clients")
    intake = Intake([node], f"storm{int(time.time())}", duplicate_share=0.0, workers=workers)
    begin = time.time()
    done = threading.Event()

    def progress():
        while not done.wait(30):
            log(f"seed: {len(intake.acked)} acknowledged, {len(intake.acked) / (time.time() - begin):.1f}/s")

    threading.Thread(target=progress, daemon=True).start()
    for i in range(n):
        intake.submit(i)
    intake.finish()
    done.set()
    log(f"seed: {len(intake.acked)} acknowledged in {time.time() - begin:.0f} s ({dict(intake.attempts)}); "
        f"async continuations drained after {faults.drain_async(TEMPLATE, limit=1800):.0f} s more")
    node.stop()
    timers = int(scalar(TEMPLATE, f"""SELECT count(*) FROM act_ru_job j JOIN act_ru_jobdef d ON d.id_ = j.job_def_id_
                                      WHERE d.act_id_ = '{REPLY_TIMER}'"""))
    if timers != n:
        raise SystemExit(f"seed: {timers} reply timers for {n} complaints")
    subprocess.run(faults.PG + ["-d", TEMPLATE, "-c", "VACUUM ANALYZE"], check=True)
    admin(f"COMMENT ON DATABASE {TEMPLATE} IS '{n} complaints seeded'")


# ---------------------------------------------------------------- one configuration

class OtherProjectIntake(Intake):
    """The light intake during the storm registers complaints of another project (one unit: one
    household, so no mass-complaint warning): its early-warning check does not queue behind the
    seeded complaints' project and category, which 20,000 complaints of one household never are."""

    def body(self, n):
        return json.dumps({"channel": "app", "unitCode": STORM_INTAKE_UNIT, "contactName": "定时风暴", "contactPhone": "13900000007",
                           "category": "property", "subcategory": "cleaning",
                           "description": f"定时风暴期间的投诉 {self.run} 第{n}件：大堂没有清洁"}).encode()


def quantiles(values):
    if not values:
        return {}
    v = sorted(values)
    pick = lambda q: v[min(len(v) - 1, int(q * len(v)))]
    return {"p50": pick(0.5), "p99": pick(0.99), "max": v[-1], "min": v[0]}


def storm(label, args, port, idle, intake_rate, keep, size=None):
    """One configuration on a fresh copy of the template: idle, the storm, measurements, checks."""
    db = PREFIX + "".join(c if c.isalnum() else "_" for c in label.lower())
    admin(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
    t = time.time()
    admin(f"CREATE DATABASE {db} TEMPLATE {TEMPLATE}")
    level = history_level(args)
    sql(db, f"UPDATE act_ge_property SET value_ = '{HISTORY_LEVELS[level]}' WHERE name_ = 'historyLevel'")
    log(f"{label}: {db} copied from the template in {time.time() - t:.1f} s, history {level}; args {' '.join(args)}")
    node = Node(f"storm-{db[len(PREFIX):]}", port, db, *args).start()
    log(f"{label}: node up in {node.wait_up(300):.1f} s; idle for {idle} s before the due instant")
    up = time.time()
    lead = 3
    time.sleep(max(0, up + idle - lead - time.time()))
    rows = sql(db, f"""
        UPDATE act_ru_job j SET duedate_ = date_trunc('second', localtimestamp) + interval '{lead} seconds'
        FROM act_ru_jobdef d, case_file f
        WHERE j.job_def_id_ = d.id_ AND d.act_id_ = '{REPLY_TIMER}' AND j.process_instance_id_ = f.process_instance_id
        {f"AND f.case_number IN (SELECT case_number FROM case_file ORDER BY case_number LIMIT {size})" if size else ""}
        RETURNING f.case_number, j.duedate_""")
    cases, due_at = [r[0] for r in rows], rows[0][1]
    # The statement above moves 20,000 due dates from tomorrow to now at a stroke, which no real
    # 18:00 does: there the timers carry their due dates for days and PostgreSQL's statistics of
    # ACT_RU_JOB know how many fall due at 18:00. Left stale, they tell the planner that no job is
    # due, and it plans the acquisition as a scan of everything due plus a sort (20-28 ms each,
    # auto_explain, 27 Nov) instead of reading the acquisition index in order. Autovacuum would
    # analyse the table within its minute; here it is analysed at once, for every configuration.
    sql(db, "ANALYZE act_ru_job")
    due_epoch = float(scalar(db, f"SELECT extract(epoch FROM timestamp '{due_at}')"))  # both clocks are UTC here
    log(f"{label}: {len(cases)} reply timers due at {due_at} (idle {due_epoch - up:.0f} s by then)")
    time.sleep(max(0, due_epoch - time.time()))

    intake = OtherProjectIntake([node], f"{label[:8]}{int(time.time())}", duplicate_share=0.0, workers=16)
    stop = threading.Event()

    def light_intake():
        n = 0
        begin = time.time()
        while not stop.is_set():
            wait = begin + n / intake_rate - time.time()
            if wait > 0:
                time.sleep(wait)
                continue
            intake.submit(n)
            n += 1

    loader = threading.Thread(target=light_intake, daemon=True)
    # the intake starts once the first timer has fired: a new complaint's continuation job wakes an idle
    # job executor (the engine hints it), which would hide how late an idle node notices the storm
    intake_from = None
    if intake_rate > 0:
        fired_sql = f"""SELECT count(*) FROM act_ru_job WHERE job_def_id_ IN (SELECT id_ FROM act_ru_jobdef
                        WHERE act_id_ = '{REPLY_TIMER}') AND duedate_ <= localtimestamp"""
        while int(scalar(db, fired_sql)) == len(cases) and time.time() - due_epoch < 120:
            time.sleep(0.2)
        intake_from = time.time() - due_epoch
        loader.start()
    remaining_sql = f"""SELECT count(*) FROM act_ru_job WHERE job_def_id_ IN (SELECT id_ FROM act_ru_jobdef
                        WHERE act_id_ = '{ESCALATION_JOB}') AND duedate_ <= localtimestamp"""
    remaining = len(cases)
    last_log = time.time()
    while remaining:
        time.sleep(1)
        remaining = int(scalar(db, remaining_sql))
        if time.time() - last_log >= 30:
            last_log = time.time()
            log(f"{label}: {time.time() - due_epoch:.0f} s after the due instant, {remaining} timers/escalations left")
        if time.time() - due_epoch > 3600:
            raise SystemExit(f"{label}: not drained within an hour, {remaining} left")
    seen_drained = time.time() - due_epoch
    stop.set()
    if loader.is_alive():
        loader.join()
    intake.finish()
    faults.drain_async(db, limit=600)

    # each escalation creates its supervision task in its transaction: the task history (which case-audit
    # keeps, unlike activity instances) says when each escalation was done
    esc = [float(r[0]) for r in sql(db, f"""SELECT extract(epoch FROM start_time_ - timestamp '{due_at}')
                                           FROM act_hi_taskinst WHERE task_def_key_ = '{SUPERVISION}'""")]
    esc_end = max(esc)
    first_timer = min(esc)
    in_60 = sum(1 for e in esc if e <= 60)
    # failed attempts are in the job log, which only history FULL keeps
    failed = int(scalar(db, f"""SELECT count(*) FROM act_hi_job_log WHERE job_state_ = 1
                                AND timestamp_ >= timestamp '{due_at}'""")) if level == "full" else None
    # intake during the storm: answer time, and how long its continuation (routing, deadlines) waited
    continuation = [float(r[0]) for r in sql(db, f"""
        SELECT extract(epoch FROM min(t.start_time_) - min(p.start_time_)) FROM act_hi_procinst p
        JOIN act_hi_taskinst t ON t.proc_inst_id_ = p.id_ AND t.task_def_key_ = '{REPLY_TASK}'
        WHERE p.start_time_ >= timestamp '{due_at}' GROUP BY p.id_""")]
    found = faults.verify(db, None, escalated=cases)
    node.stop()
    if not keep:
        admin(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
    bad = {k: v for k, v in found.items() if k != "acknowledged" and v}
    result = {"label": label, "args": args, "history": level, "timers": len(cases), "drain": esc_end, "seen drained": seen_drained,
              "late": quantiles(esc), "escalations": len(esc), "first timer": first_timer, "in 60 s": in_60,
              "failed attempts": failed, "bad": bad,
              "intake": (f"from {intake_from:.0f} s: {len(intake.latency[201])} × 201, {percentiles(intake.latency[201])}"
                         + "".join(f"; {k}: {v}" for k, v in intake.attempts.items() if k != 201)) if intake.sent else "-",
              "continuation": quantiles(continuation)}
    log(f"{label}: drained in {esc_end:.1f} s; escalation done after the due instant "
        f"p50 {result['late'].get('p50', 0):.1f} s, p99 {result['late'].get('p99', 0):.1f} s, "
        f"max {result['late'].get('max', 0):.1f} s; first escalation {first_timer:.2f} s; {in_60} escalations in the first 60 s; "
        f"failed job attempts {'-' if failed is None else failed}; intake {result['intake']}; "
        + ("checks: " + ", ".join(f"{k}: {v}" for k, v in bad.items()) if bad else "checks: none twice, none lost, no incident"))
    return result


# ---------------------------------------------------------------- report

def table(results):
    lines = ["| configuration | escalations | drained in | escalation done after the due instant (p50 / p99 / max) | "
             "first escalation done after | done in the first 60 s | intake during the storm (201s) | "
             "intake continuation waited (p50 / max) | failed job attempts | checks |",
             "|---|---:|---:|---|---:|---:|---|---|---:|---|"]
    for r in results:
        late, cont = r["late"], r["continuation"]
        lines.append(
            f"| {r['label']} | {r['escalations']:,} of {r['timers']:,} | {r['drain']:.1f} s | "
            f"{late.get('p50', 0):.1f} / {late.get('p99', 0):.1f} / {late.get('max', 0):.1f} s | {r['first timer']:.2f} s | "
            f"{r['in 60 s']:,} | {r['intake']} | "
            + (f"{cont['p50']:.1f} / {cont['max']:.1f} s" if cont else "-")
            + f" | {'not kept (history ' + r['history'] + ')' if r['failed attempts'] is None else r['failed attempts']} | "
            + ("**" + ", ".join(f"{k}: {v}" for k, v in r["bad"].items()) + "**" if r["bad"]
               else "each escalated once, one message each, no incident") + " |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reseed", action="store_true", help="rebuild the template database")
    parser.add_argument("--complaints", type=int, default=20000, help="escalation timers in the storm (default 20000)")
    parser.add_argument("--seed-clients", type=int, default=16)
    parser.add_argument("--storm", type=int, help="make only this many of the seeded timers due (quick trials); "
                        "default: all")
    parser.add_argument("--idle", type=int, default=75, help="seconds the node is idle before the due instant")
    parser.add_argument("--intake-rate", type=float, default=5.0, help="complaints/s offered during the storm (0: none)")
    parser.add_argument("--config", action="append", default=[], metavar="NAME='ARGS'",
                        help="add or replace a configuration: NAME=command-line overrides")
    parser.add_argument("--only", help="comma-separated names of the configurations to run")
    parser.add_argument("--keep", action="store_true", help="keep each configuration's database")
    args = parser.parse_args()

    configs = {"out of the box": OUT_OF_THE_BOX, "tuned": TUNED}
    for c in args.config:
        name, _, rest = c.partition("=")
        configs[name.strip()] = shlex.split(rest)
    chosen = [n.strip() for n in args.only.split(",")] if args.only else list(configs)
    if len(chosen) > len(range(FIRST_PORT, 18390)):
        sys.exit("at most 8 configurations per run (ports 18382-18389)")
    log(f"timer storm: jar {faults.jar()}; logs in {faults.WORK}")

    if args.reseed or seeded_with(TEMPLATE) != args.complaints:
        seed(args.complaints, args.seed_clients)
    else:
        log(f"seed: reusing {TEMPLATE} ({args.complaints} complaints; --reseed rebuilds it)")

    results = []
    for i, name in enumerate(chosen):
        results.append(storm(name, configs[name], FIRST_PORT + i, args.idle, args.intake_rate, args.keep, args.storm))
    out = [f"{args.storm or args.complaints:,} escalation timers due at one instant on one node after {args.idle} s idle, "
           f"PostgreSQL, light intake {args.intake_rate:g}/s during the drain ({time.strftime('%Y-%m-%d %H:%M')}):", "",
           table(results), ""]
    by = {r["label"]: r for r in results}
    if "out of the box" in by:
        for r in results:
            if r["label"] != "out of the box":
                out.append(f"drain time out of the box ÷ {r['label']}: {by['out of the box']['drain'] / r['drain']:.2f}")
    out += ["", "Configurations:"] + [f"- {r['label']}: `{' '.join(r['args'])}`" for r in results]
    text = "\n".join(out)
    print(text, flush=True)
    os.makedirs(os.path.join(faults.ROOT, "target"), exist_ok=True)
    with open(os.path.join(faults.ROOT, "target", "timer-storm-results.md"), "a") as f:
        f.write(text + "\n\n")
    ok = all(not r["bad"] for r in results)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
