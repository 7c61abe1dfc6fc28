#!/usr/bin/env python3
"""Intake latency at a fixed arrival rate (issue 10: p99 < 100 ms at 50 requests/s, open loop).

Starts the packaged app on PostgreSQL (and on in-memory H2 for comparison), offers `rate` new
complaints a second through POST /api/complaints for `seconds` whatever the answers (open loop:
a slow answer does not slow the arrivals), after a warm-up at the same rate. Each request is a
real process start: the case number, the complaint record and the process instance are committed
before the answer; routing, grading, deadlines and the early-warning check follow as a job. Reports
p50/p99/max of the answers and how long the job executor then needed to catch up.

  ./mvnw -DskipTests package && python3 bench/intake.py [rate] [seconds] [pg,default,h2] [--property=value ...]

Properties after the variants are given to the "pg" node (an experiment against the shipped settings).
"""
import collections
import os
import re
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import faults  # noqa: E402
from faults import Intake, Node, log, percentiles, recreate_database  # noqa: E402


DEFAULTS = ["--camunda.bpm.history-level=full", "--casedesk.engine.extra-indexes=false",
            "--casedesk.engine.task-query-authorization=camunda",
            *faults.POSTGRES_DEFAULTS, faults.REVOKE_CHECK_DEFAULT,
            "--camunda.bpm.generic-properties.properties.history-removal-time-strategy=end",
            "--camunda.bpm.job-execution.max-wait=60000", "--camunda.bpm.job-execution.lock-time-in-millis=300000",
            "--camunda.bpm.job-execution.core-pool-size=3", "--camunda.bpm.job-execution.max-pool-size=10",
            "--camunda.bpm.job-execution.queue-capacity=3", "--camunda.bpm.job-execution.max-jobs-per-acquisition=3",
            "--camunda.bpm.job-execution.wait-time-in-millis=5000",
            "--camunda.bpm.generic-properties.properties.job-executor-prefer-timer-jobs=false",
            "--camunda.bpm.generic-properties.properties.job-executor-acquire-by-due-date=false"]


class LockWaits:
    """Samples pg_stat_activity every 0.2 s: how many of the database's sessions wait for a lock, on what."""

    def __init__(self, db):
        self.db, self.samples, self.waiting = db, 0, collections.Counter()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.sample, daemon=True)

    def sample(self):
        while not self.stop.is_set():
            rows = faults.sql("postgres", f"""SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 60)
                FROM pg_stat_activity WHERE datname = '{self.db}' AND wait_event_type = 'Lock'""")
            self.samples += 1
            for (query,) in rows:
                self.waiting[query] += 1
            time.sleep(0.2)

    def summary(self):
        if not self.samples:
            return "-"
        total = sum(self.waiting.values())
        top = "; ".join(f"{n / self.samples:.2f} on `{q}`" for q, n in self.waiting.most_common(2))
        return f"{total / self.samples:.2f} sessions on average" + (f" ({top})" if top else "")


def run(label, node, db, rate, seconds):
    node.start()
    node.wait_up()
    warm = Intake([node], f"warm{int(time.time())}", duplicate_share=0.0, workers=64)
    warm.offer(rate, 20)
    warm.finish()
    if db:
        faults.drain_async(db)
    else:
        time.sleep(20)
    # the run's name prefixes each Idempotency-Key: letters and digits only
    intake = Intake([node], f"{re.sub('[^A-Za-z0-9]', '', label)[:24]}{int(time.time())}", duplicate_share=0.0, workers=64)
    waits = LockWaits(db) if db else None
    if waits:
        waits.thread.start()
    begin = time.time()
    intake.offer(rate, seconds)
    offered = time.time() - begin
    intake.finish()
    answered = time.time() - begin
    if waits:
        waits.stop.set()
        waits.thread.join()
    catch_up = faults.drain_async(db) if db else None
    node.stop()
    ok = intake.latency[201]
    row = (f"| {label} | {rate}/s for {seconds} s | {len(ok)} of {intake.sent} answered 201 "
           f"({', '.join(f'{k}: {v}' for k, v in sorted(intake.attempts.items(), key=str) if k != 201) or 'no other answer'}) | "
           f"{percentiles(ok)} | {answered - offered:.1f} s | "
           + (f"{catch_up:.1f} s" if catch_up is not None else "-") + " | "
           + (waits.summary() if waits else "-") + " |")
    log(row)
    return row


def main():
    rate = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    seconds = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    # "default": Camunda's starter defaults where CaseDesk departs from them (as bench/lifecycle.py)
    variants = (sys.argv[3] if len(sys.argv) > 3 else "pg,h2").split(",")
    experiment = sys.argv[4:]
    rows = []
    db = "casedesk_bench_intake"
    if "pg" in variants:
        recreate_database(db)
        label = "PostgreSQL" + (", " + " ".join(a.lstrip("-") for a in experiment) if experiment else "")
        rows.append(run(label, Node("intake-pg", 18181, db, *experiment), db, rate, seconds))
    if "default" in variants:
        recreate_database(db)
        rows.append(run("PostgreSQL, Camunda defaults", Node("intake-default", 18181, db, *DEFAULTS), db, rate, seconds))
    if "h2" in variants:
        h2 = Node("intake-h2", 18182, db, f"--spring.datasource.url=jdbc:h2:mem:intake{int(time.time())};LOCK_TIMEOUT=10000",
                  profiles="demo")
        rows.append(run("H2 (in memory)", h2, None, rate, seconds))
    print("| database | offered | answered | latency of 201 | last answer after the last arrival "
          "| job executor caught up after | waiting for a row lock (PostgreSQL) |")
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        print(row)


if __name__ == "__main__":
    main()
