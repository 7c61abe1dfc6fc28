#!/usr/bin/env python3
"""Two CaseDesk nodes on one PostgreSQL behind HAProxy (deploy/haproxy.cfg), as docker-compose.yml's
"cluster" profile runs them, with plain processes (issue 10, scale-out):

  1. a node is stopped (SIGTERM) and started again under load, then the other one while staff answer
     the complaints: nothing acknowledged is lost or doubled (bench/faults.py's checks), and every
     reply SMS reaches the (fake) SMS provider exactly once, whichever node's dispatcher sent it;
  2. either node serves Tasklist (a webapp login on each, directly: the same tasks), and the balancer
     keeps a browser on the node it logged in to (its session works for every request through it);
  3. intake throughput through the balancer with 2 nodes and with 1 (closed loop, fixed concurrency).

  ./mvnw -DskipTests package && python3 bench/cluster.py [--short]

Needs PostgreSQL on 127.0.0.1:5432 (trust), haproxy (Debian package) and ports 18080, 18081, 18090, 18099.
"""
import argparse
import base64
import http.cookiejar
import http.server
import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import faults  # noqa: E402  (same folder: nodes, load generator, checks)
from faults import Intake, Node, log, percentiles, recreate_database, scalar, sql, wait_for  # noqa: E402

ROOT = faults.ROOT
LB_PORT, SMS_PORT = 18090, 18099
STAFF = ("sz-frontdesk", faults.DEMO_PASSWORD)
HANDLER = ("sz-property", faults.DEMO_PASSWORD)  # the complaints' handling tasks are the property service's


class FakeSms(http.server.ThreadingHTTPServer):
    """The SMS provider: counts each message it is asked to send by its reference."""

    def __init__(self):
        self.received = {}
        self.lock = threading.Lock()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                if self.headers.get("Content-Length"):
                    raw = self.rfile.read(int(self.headers["Content-Length"]))
                else:  # chunked
                    raw = b""
                    while True:
                        size = int(self.rfile.readline().strip().split(b";")[0], 16)
                        if size == 0:
                            self.rfile.readline()
                            break
                        raw += self.rfile.read(size)
                        self.rfile.readline()
                body = json.loads(raw)
                with server.lock:
                    server.received[body["reference"]] = server.received.get(body["reference"], 0) + 1
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"status":"accepted"}')

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", SMS_PORT), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()


class Balancer:
    def __init__(self, nodes):
        env = dict(os.environ, NODE1=f"127.0.0.1:{nodes[0].port}", NODE2=f"127.0.0.1:{nodes[1].port}", LB_PORT=str(LB_PORT))
        self.log = os.path.join(faults.WORK, "haproxy.log")
        with open(self.log, "w") as out:
            self.proc = subprocess.Popen(["haproxy", "-db", "-f", os.path.join(ROOT, "deploy", "haproxy.cfg")],
                                         stdout=out, stderr=subprocess.STDOUT, env=env)
        self.base = f"http://127.0.0.1:{LB_PORT}"
        self.name = "balancer"
        for _ in range(100):
            try:
                urllib.request.urlopen(self.base + "/actuator/health", timeout=2)
                return
            except Exception:
                time.sleep(0.2)
        raise SystemExit("the balancer does not answer")

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


class WebappSession:
    """A browser's session: cookies, the CSRF token, Tasklist's login."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def _csrf(self):
        return next((c.value for c in self.jar if c.name == "XSRF-TOKEN"), "")

    def get(self, path):
        request = urllib.request.Request(self.base + path, headers={"X-XSRF-TOKEN": self._csrf(), "Accept": "application/json"})
        try:
            with self.opener.open(request, timeout=10) as r:
                return r.status, r.headers.get("X-CaseDesk-Node"), r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get("X-CaseDesk-Node"), b""

    def login(self, user, password):
        self.get("/camunda/app/tasklist/default/")
        data = urllib.parse.urlencode({"username": user, "password": password}).encode()
        request = urllib.request.Request(self.base + "/camunda/api/admin/auth/user/default/login/tasklist", data=data,
                                         headers={"X-XSRF-TOKEN": self._csrf(),
                                                  "Content-Type": "application/x-www-form-urlencoded"})
        with self.opener.open(request, timeout=10) as r:
            return r.status, r.headers.get("X-CaseDesk-Node")


def tasks_in_tasklist(session):
    status, node, body = session.get("/camunda/api/engine/engine/default/task/count")
    return status, node, json.loads(body)["count"] if status == 200 else None


def rest(base, method, path, body=None):
    auth = "Basic " + base64.b64encode(f"{STAFF[0]}:{STAFF[1]}".encode()).decode()
    request = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Authorization": auth, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code
    except OSError:
        return None


def answer_complaints(db, lb, cases):
    """The front desk replies to each complaint through the balancer (claim, complete), retrying
    what a stopping node did not answer; returns the answers' statuses."""
    rows = faults.with_cases(db, cases, """
        SELECT t.id_ FROM probe p JOIN case_file f ON f.case_number = p.case_number
        JOIN act_ru_task t ON t.proc_inst_id_ = f.process_instance_id AND t.task_def_key_ = 'UserTask_ReplyToOwner'""")
    statuses = {}

    def reply(task):
        for _ in range(60):
            claim = rest(lb.base, "POST", f"/engine-rest/task/{task}/claim", {"userId": STAFF[0]})
            done = rest(lb.base, "POST", f"/engine-rest/task/{task}/complete",
                        {"variables": {"replyText": {"value": "您好，您反映的问题已安排保洁处理，感谢您的反馈。", "type": "String"}}})
            if done == 204 or (done == 404 and claim in (204, 404)):
                statuses[done] = statuses.get(done, 0) + 1
                return
            time.sleep(0.5)
        statuses["gave up"] = statuses.get("gave up", 0) + 1

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(reply, [r[0] for r in rows]))
    return len(rows), statuses


def throughput(lb, seconds, workers, label):
    """Closed loop: `workers` clients each sending the next complaint as soon as the last is answered."""
    intake = Intake([lb], f"{label}{int(time.time())}", duplicate_share=0.0, workers=workers)
    stop = time.time() + seconds
    latencies, lock, count = [], threading.Lock(), [0]

    def client(w):
        n = w
        while time.time() < stop:
            status, case, took = intake._post(lb, f"{intake.run}-{n}", n)
            with lock:
                if case:
                    count[0] += 1
                    latencies.append(took)
            n += workers

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(client, range(workers)))
    return count[0] / seconds, latencies


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--short", action="store_true")
    args = parser.parse_args()
    rate, seconds, bench_seconds = (8, 40, 15) if args.short else (10, 90, 60)
    db = "casedesk_cluster"
    recreate_database(db)
    sms = FakeSms()
    os.environ["CASEDESK_SMS_URL"] = f"http://127.0.0.1:{SMS_PORT}/sms"
    extra = ["--casedesk.notification.dispatch-interval=PT1S", faults.JOB_LOG]
    node1 = Node("node1", 18080, db, *extra).start()
    node1.wait_up()  # the first node creates the schema, users and deployment
    node2 = Node("node2", 18081, db, *extra).start()
    node2.wait_up()
    lb = Balancer([node1, node2])
    results, bad = [], {}
    try:
        # 1. a node stopped and started under load, then the other while staff answer
        intake = Intake([lb], f"cluster{int(time.time())}")
        events = []

        def restart(node, at, back_at, begin):
            time.sleep(max(0, at - (time.time() - begin)))
            t = time.time()
            node.stop()
            events.append(f"{node.name} stopped (SIGTERM) at {time.time() - begin:.0f} s, took {time.time() - t:.1f} s")
            time.sleep(max(0, back_at - (time.time() - begin)))
            node.start()
            up = node.wait_up()
            events.append(f"{node.name} started at {back_at} s, UP after {up:.1f} s")

        begin = time.time()
        r = threading.Thread(target=restart, args=(node1, seconds // 4, seconds // 2, begin))
        r.start()
        intake.offer(rate, seconds)
        r.join()
        intake.finish()
        faults.drain_async(db)
        cases = faults.case_numbers(intake.acked)
        log(f"cluster: {len(cases)} complaints acknowledged through the balancer; {events}")
        begin = time.time()
        r = threading.Thread(target=restart, args=(node2, 3, 3 + (15 if args.short else 30), begin))
        r.start()
        tasks, statuses = answer_complaints(db, lb, cases)
        r.join()
        faults.drain_async(db)
        sms_rows = int(faults.with_cases(db, cases, """SELECT count(*) FROM notification_outbox o JOIN probe p
            ON p.case_number = o.case_number WHERE o.channel = 'SMS'""")[0][0])
        wait_for(db, "SMS deliveries", "SELECT count(*) FROM notification_outbox WHERE channel = 'SMS' AND status <> 'SENT'",
                 0, limit=300)
        found = faults.verify(db, intake)
        found.pop("cases at the wrong step")  # replied: the reply step is behind them now
        # the reply step (ServiceTask_SendReply) records the reply on the case as it queues the SMS
        replied = int(faults.with_cases(db, cases, """SELECT count(*) FROM probe p JOIN complaint_case c
            ON c.case_number = p.case_number WHERE c.replied_at IS NOT NULL""")[0][0])
        found["replies not sent"] = len(cases) - replied
        with sms.lock:
            found["SMS sent twice"] = sum(1 for v in sms.received.values() if v > 1)
            found["SMS in the outbox never sent"] = sms_rows - len(sms.received)
        by_node = sql(db, "SELECT hostname_, count(*) FROM act_hi_job_log WHERE job_state_ = 2 GROUP BY 1 ORDER BY 1")
        events.append(f"{sum(statuses.values())} replies ({statuses})")
        bad.update({k: v for k, v in found.items() if k != "acknowledged" and v})
        for k, v in found.items():
            log(f"  {k}: {v}")
        results.append(("a node stopped and started under load", f"{rate} complaints/s through the balancer for "
                        f"{seconds} s ({intake.twins} of {intake.sent} sent twice); then {tasks} replies by the front desk",
                        f"{len(cases)} acknowledged, {sms_rows} reply SMS, {sum(sms.received.values())} received by the "
                        f"provider; jobs per node {', '.join(f'{h}: {c}' for h, c in by_node)}; " + "; ".join(events)))

        # 2. either node serves Tasklist (the same tasks); the balancer keeps a browser on its node
        for _ in range(60):  # the balancer takes a restarted node back after two good checks (2 s apart)
            if len({WebappSession(lb.base).get("/actuator/health")[1] for _ in range(4)}) == 2:
                break
            time.sleep(0.5)
        counts = []
        for node in (node1, node2):
            session = WebappSession(node.base)
            session.login(*HANDLER)
            status, _, count = tasks_in_tasklist(session)
            counts.append(count)
            if status != 200:
                bad[f"Tasklist on {node.name}"] = status
            log(f"cluster: Tasklist on {node.name} directly: {status}, {count} tasks")
        bad["the nodes' Tasklists differ, or show no task"] = 0 if counts[0] == counts[1] and counts[0] else 1
        browser = WebappSession(lb.base)
        _, logged_in_on = browser.login(*HANDLER)
        seen = [tasks_in_tasklist(browser)[:2] for _ in range(20)]
        off_node = sum(1 for status, node in seen if status != 200 or node != logged_in_on)
        anonymous = {WebappSession(lb.base).get("/actuator/health")[1] for _ in range(6)}
        log(f"cluster: logged in through the balancer on {logged_in_on}; 20 Tasklist calls: {off_node} not 200 "
            f"on that node; cookie-less calls spread over {sorted(anonymous)}")
        bad["Tasklist calls through the balancer off the session's node"] = off_node
        bad["cookie-less calls not spread over both nodes"] = 0 if anonymous == {"node1", "node2"} else 1
        results.append(("Tasklist on either node; sticky sessions", "after the load above: webapp login on node1 and node2 directly; "
                        "a login through the balancer and 20 Tasklist calls with its cookies; 6 calls without",
                        f"both nodes serve Tasklist, each listing the same {counts[0]} tasks of sz-property; all 20 calls on {logged_in_on} and 200; cookie-less calls on "
                        f"{', '.join(sorted(anonymous))}"))

        # 3. throughput, 2 nodes then 1
        # each measurement after a warm-up (a restarted JVM compiles as it goes), async continuations drained
        rounds = []

        def measure(label):
            throughput(lb, 10, 8, "warm")
            faults.drain_async(db)
            rate_, lat = throughput(lb, bench_seconds, 8, label)
            faults.drain_async(db)
            rounds.append(f"{label}: {rate_:.1f} complaints/s ({percentiles(lat)})")
            log(f"cluster: {rounds[-1]}")
            return rate_

        two = measure("2 nodes")
        node2.stop()
        time.sleep(5)  # the balancer's check takes node2 out (2 × 2 s)
        one = measure("1 node")
        if not args.short:
            node2.start()
            node2.wait_up()
            time.sleep(5)
            two = (two + measure("2 nodes again")) / 2
        results.append(("intake throughput, closed loop, 8 clients", f"{bench_seconds} s per round through the balancer, "
                        "after 10 s of warm-up", "; ".join(rounds) + f"; 2 nodes ÷ 1 node: {two / one:.2f}"))
    finally:
        lb.stop()
        node1.stop()
        node2.stop()
    problems = {k: v for k, v in bad.items() if v}
    with open(os.path.join(ROOT, "target", "cluster-results.md"), "a") as out:
        for name, load, measured in results:
            row = f"| {name} | {load} | {measured} |"
            print(row)
            out.write(row + "\n")
    print("lost / duplicated / failed:", problems or "none")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
