#!/usr/bin/env python3
"""Complaint lifecycles per second, SQL statements and commits per lifecycle (issue 10).

One complaint lifecycle is registered -> replied to (reply SMS as a job) -> handled -> called back
-> closed, driven through the engine API by com.casedesk.bench.LifecycleBenchmark (test sources),
in a fresh JVM per variant, each on a new PostgreSQL database, at a fixed concurrency:

  casedesk  the application as shipped: all CaseDesk logic (case record, SLA events, outbox)
  default   the same application and model on Camunda's starter defaults where CaseDesk departs
            from them (history FULL, removal-time strategy end, no extra engine indexes, revokes checked)
            and on the FEEL engine Camunda 7.24.0 brings (CaseDesk pins a newer one)
  ceiling   the same model on a bare engine, history NONE, no CaseDesk logic (delegates and
            listeners stripped, what they would compute given as start variables)

plus pgbench (simple-update) on the same PostgreSQL for context, and casedesk/default on in-memory
H2 for comparison. Rounds alternate the order of the variants. Statements and commits are counted
with datasource-proxy (exact: the same every run); the job executor and the outbox dispatcher are
off, each lifecycle executes its own jobs.

  python3 bench/lifecycle.py [--short] [--lifecycles N] [--threads T] [--rounds R]

Writes target/lifecycle-results.md.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from faults import PG, ROOT, log, recreate_database  # noqa: E402

CLASSPATH_FILE = os.path.join(ROOT, "target", "bench.classpath")
# The default variant runs on the libraries Camunda's own build chose: CaseDesk pins a newer FEEL engine
# (pom.xml, feel-engine.version) than the one Camunda 7.24.0 brings, and a default-configured starter
# would not have it.
CAMUNDA_CLASSPATH_FILE = os.path.join(ROOT, "target", "bench-camunda.classpath")


def camunda_feel_engine_version():
    """The FEEL engine version Camunda's release was built with (its root pom's version.feel-scala)."""
    camunda = re.search(r"<camunda\.version>([^<]+)<", open(os.path.join(ROOT, "pom.xml")).read()).group(1)
    root_pom = os.path.expanduser(f"~/.m2/repository/org/camunda/bpm/camunda-root/{camunda}/camunda-root-{camunda}.pom")
    return re.search(r"<version\.feel-scala>([^<]+)<", open(root_pom).read()).group(1)


def build():
    log("building test classes and the benchmark classpath")
    maven = ["./mvnw", "-q", "-B", "-DskipTests", "-Dformcheck.skip=true", "-Dbpmnlint.skip=true"]
    subprocess.run(maven + ["test-compile", "dependency:build-classpath", f"-Dmdep.outputFile={CLASSPATH_FILE}",
                            "-Dmdep.includeScope=test"], cwd=ROOT, check=True)
    feel = camunda_feel_engine_version()
    log(f"the default variant's classpath: Camunda's FEEL engine {feel}")
    subprocess.run(maven + [f"-Dfeel-engine.version={feel}", "dependency:build-classpath",
                            f"-Dmdep.outputFile={CAMUNDA_CLASSPATH_FILE}", "-Dmdep.includeScope=test"],
                   cwd=ROOT, check=True)


def classpath(variant):
    with open(CAMUNDA_CLASSPATH_FILE if variant == "default" else CLASSPATH_FILE) as f:
        deps = f.read().strip()
    return os.pathsep.join([os.path.join(ROOT, "target", "test-classes"), os.path.join(ROOT, "target", "classes"), deps])


def run_variant(variant, url, lifecycles, threads, warmup, *properties, libraries=None):
    """libraries: whose classpath to run on ("default": Camunda's FEEL engine); the variant's own by default"""
    name = f"{variant}-{int(time.time())}"
    out = os.path.join(ROOT, "target", f"lifecycle-{name}.log")
    cmd = ["java", "-Xmx2g", "-cp", classpath(libraries or variant), "com.casedesk.bench.LifecycleBenchmark", variant, url,
           str(lifecycles), str(threads), str(warmup), *properties]
    with open(out, "w") as f:
        code = subprocess.run(cmd, cwd=ROOT, stdout=f, stderr=subprocess.STDOUT).returncode
    text = open(out).read()
    result = re.search(r"^RESULT (.*)$", text, re.M)
    if code != 0 or not result:
        sys.exit(f"{variant} failed (exit {code}), see {out}")
    values = dict(pair.split("=", 1) for pair in result.group(1).split())
    values["tables"] = {m.group(1): float(m.group(2)) for m in re.finditer(r"^STATEMENTS (.+) ([0-9.]+)$", text, re.M)}
    log(f"{variant} {' '.join(properties)}: {result.group(1)}")
    return values


def pg_variant(variant, lifecycles, threads, warmup, *properties, libraries=None):
    db = f"casedesk_bench_lc_{variant}"
    recreate_database(db)
    return run_variant(variant, f"jdbc:postgresql://127.0.0.1:5432/{db}", lifecycles, threads, warmup, *properties,
                       libraries=libraries)


def pgbench(seconds, clients):
    db = "casedesk_bench_pgbench"
    recreate_database(db)
    base = ["pgbench", "-h", "127.0.0.1", "-U", "postgres"]
    subprocess.run(base + ["-i", "-q", "-s", "10", db], check=True, capture_output=True)
    out = subprocess.run(base + ["-b", "simple-update", "-c", str(clients), "-j", "2", "-T", str(seconds), db],
                         check=True, capture_output=True, text=True).stdout
    tps = float(re.search(r"tps = ([0-9.]+)", out).group(1))
    log(f"pgbench simple-update, {clients} clients, {seconds} s: {tps:.0f} tps")
    return tps


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--short", action="store_true", help="one round of 40 lifecycles (CI)")
    parser.add_argument("--lifecycles", type=int, default=400)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    if args.short:
        args.lifecycles, args.rounds = 40, 1
    warmup = max(10, args.lifecycles // 4)
    if not args.no_build:
        build()

    results = {"default": [], "casedesk": [], "ceiling": []}
    tps = [pgbench(15 if args.short else 30, args.threads)]
    for r in range(args.rounds):
        order = ["default", "casedesk", "ceiling"] if r % 2 == 0 else ["ceiling", "casedesk", "default"]
        for variant in order:
            results[variant].append(pg_variant(variant, args.lifecycles, args.threads, warmup))
    tps.append(pgbench(15 if args.short else 30, args.threads))
    h2 = {}
    for variant in ("default", "casedesk"):
        h2[variant] = run_variant(variant, f"jdbc:h2:mem:lifecycle{variant};LOCK_TIMEOUT=10000",
                                  args.lifecycles, args.threads, warmup, "spring.datasource.username=sa")
    # the starter's camunda.bpm.database.jdbc-batch-processing (default true) is applied after the generic
    # properties and overrides a generic jdbc-batch-processing; same lifecycles as the others, right after
    unbatched = None if args.short else pg_variant(
        "casedesk", args.lifecycles, args.threads, warmup, "camunda.bpm.database.jdbc-batch-processing=false")
    if unbatched and unbatched["executionsPerLifecycle"] == results["casedesk"][0]["executionsPerLifecycle"]:
        sys.exit("jdbc-batch-processing=false did not change the JDBC executions: the switch did not take effect")
    # CaseDesk's FEEL engine against the one Camunda brings, everything else as shipped
    camunda_feel = None if args.short else pg_variant("casedesk", args.lifecycles, args.threads, warmup,
                                                      libraries="default")

    def rate(variant):
        return statistics.mean(float(v["perSecond"]) for v in results[variant])

    def count(variant, key):
        return float(results[variant][0][key])

    lines = [f"Lifecycles: {args.lifecycles} per run after {warmup} warm-up, {args.threads} threads, "
             f"{args.rounds} round(s); pgbench simple-update {args.threads} clients: "
             + ", ".join(f"{t:.0f}" for t in tps) + " tps (before, after)", "",
             "| variant (PostgreSQL) | lifecycles/s (each round) | mean | ÷ default | ÷ ceiling "
             "| JVM CPU ms / lifecycle | SQL statements / lifecycle | JDBC executions | of them SELECT | commits |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for variant in ("casedesk", "default", "ceiling"):
        lines.append(f"| {variant} | {', '.join(v['perSecond'] for v in results[variant])} | {rate(variant):.2f} "
                     f"| {rate(variant) / rate('default'):.2f} | {rate(variant) / rate('ceiling'):.2f} "
                     f"| {statistics.mean(float(v['jvmCpuMsPerLifecycle']) for v in results[variant]):.1f} "
                     f"| {count(variant, 'statementsPerLifecycle'):.0f} | {count(variant, 'executionsPerLifecycle'):.0f} "
                     f"| {count(variant, 'selectsPerLifecycle'):.0f} | {count(variant, 'commitsPerLifecycle'):.0f} |")
    # the host's speed drifts between runs (shared, with CPU steal): each round's ratio compares runs a
    # minute apart, their median is the steadier figure
    per_round = {base: [float(c["perSecond"]) / float(b["perSecond"]) for c, b in zip(results["casedesk"], results[base])]
                 for base in ("default", "ceiling")}
    round_lines = [f"Per round, casedesk ÷ {base}: " + ", ".join(f"{x:.2f}" for x in ratios)
                   + f" (median {statistics.median(ratios):.2f})" for base, ratios in per_round.items()]
    for label, extra in (("casedesk, jdbc-batch-processing=false", unbatched),
                         (f"casedesk on Camunda's FEEL engine {camunda_feel_engine_version()}", camunda_feel)):
        if not extra:
            continue
        lines.append(f"| {label} | {extra['perSecond']} "
                     f"| ÷ casedesk {float(extra['perSecond']) / rate('casedesk'):.2f} | - | - "
                     f"| {float(extra['jvmCpuMsPerLifecycle']):.1f} | {float(extra['statementsPerLifecycle']):.0f} | {float(extra['executionsPerLifecycle']):.0f} "
                     f"| {float(extra['selectsPerLifecycle']):.0f} | {float(extra['commitsPerLifecycle']):.0f} |")
    lines += [""] + round_lines
    lines += ["", "| variant (H2 in memory) | lifecycles/s | ÷ default | SQL statements / lifecycle | commits |",
              "|---|---:|---:|---:|---:|"]
    for variant in ("casedesk", "default"):
        lines.append(f"| {variant} | {h2[variant]['perSecond']} "
                     f"| {float(h2[variant]['perSecond']) / float(h2['default']['perSecond']):.2f} "
                     f"| {float(h2[variant]['statementsPerLifecycle']):.0f} | {float(h2[variant]['commitsPerLifecycle']):.0f} |")
    tables = sorted(set(results["default"][0]["tables"]) | set(results["casedesk"][0]["tables"]),
                    key=lambda t: -results["default"][0]["tables"].get(t, 0))
    lines += ["", "| statements / lifecycle by verb and table | default | casedesk | ceiling |", "|---|---:|---:|---:|"]
    for table in tables:
        d, c, e = (results[v][0]["tables"].get(table, 0) for v in ("default", "casedesk", "ceiling"))
        if d != c or d >= 5:
            lines.append(f"| {table} | {d:g} | {c:g} | {e:g} |")
    report = "\n".join(lines)
    print(report)
    with open(os.path.join(ROOT, "target", "lifecycle-results.md"), "w") as f:
        f.write(report + "\n")
    if args.short:
        # CI: the counts are exact, so the shipped configuration must not cost more SQL than the default
        if count("casedesk", "statementsPerLifecycle") > count("default", "statementsPerLifecycle"):
            sys.exit("casedesk costs more SQL statements per lifecycle than Camunda's defaults")


if __name__ == "__main__":
    main()
