#!/usr/bin/env python3
"""Reads a bench/slack/run.sh results folder and prints the Markdown table and the ratios.

    report.py RESULTS_DIR deputy bare bolt
"""
import json
import os
import re
import sys

NAMES = {
    "deputy": "Deputy, full path (`deputy serve`, synchronous=FULL)",
    "deputy-nolimits": "Deputy, full path, command limits off",
    "deputy-norecord": "Deputy given `/ic help` (every step but the store)",
    "bare": "Bare Hummingbird route (verify + form + JSON)",
    "bolt": "Bolt for Python (AsyncApp, aiohttp)",
}


def read(path):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return ""


def cpu(folder, name, tag):
    """The server's CPU over one phase: {"cpu_s", "wall_s", "requests"}, or {}."""
    text = read(os.path.join(folder, "%s-%s-cpu.json" % (name, tag)))
    return json.loads(text) if text.strip() else {}


# Over this, the load generator itself was held up (see the end of main).
DISTURBED_SEND_LAG_MS = 5


def main():
    folder, servers = sys.argv[1], sys.argv[2:]
    rows, rps, cost = [], {}, {}
    for name in servers:
        wrk = {}
        for line in read(os.path.join(folder, name + "-wrk.txt")).splitlines():
            if line.startswith("WRK_JSON "):
                wrk = json.loads(line[len("WRK_JSON "):])
        opened = {}
        for line in read(os.path.join(folder, name + "-open.txt")).splitlines():
            if line.startswith("{"):
                opened = json.loads(line)
        rps[name] = wrk.get("rps")
        def num(value, fmt):
            return fmt % value if isinstance(value, (int, float)) else "–"
        errors = (wrk.get("non200", 0) or 0) + (wrk.get("socket_errors", 0) or 0)
        closed, steady = cpu(folder, name, "wrk"), cpu(folder, name, "open")
        if closed.get("requests"):
            cost[name] = closed["cpu_s"] / closed["requests"] * 1e6
        share = steady["cpu_s"] / steady["wall_s"] if steady.get("wall_s") else None
        rows.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            NAMES.get(name, name), num(wrk.get("rps"), "%.0f"), num(wrk.get("p50_ms"), "%.2f"),
            num(wrk.get("p99_ms"), "%.2f"),
            "%d / %d" % (errors, wrk.get("repeated", 0)) if wrk else "–",
            num(opened.get("p50_ms"), "%.2f"), num(opened.get("p99_ms"), "%.2f"),
            "%d of %d" % (opened.get("errors", 0), opened.get("measured", 0)) if opened else "–",
            num(cost.get(name), "%.0f"), num(share, "%.2f")))
    rate = ""
    for line in read(os.path.join(folder, "deputy-open.txt")).splitlines() + \
            read(os.path.join(folder, "bare-open.txt")).splitlines():
        if line.startswith("{"):
            rate = "%.0f" % json.loads(line)["rate"]
    print("| server | closed loop (wrk) req/s | wrk p50 ms | wrk p99 ms | wrk errors / repeats "
          "| open loop %s/s p50 ms | open loop p99 ms | open-loop errors "
          "| server CPU µs per request (wrk) | server CPU in the open loop (cores) |" % (rate or "?"))
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(row)
    get = re.search(r"Requests/sec:\s+([\d.]+)", read(os.path.join(folder, "bare-get.txt")))
    if get:
        print("\nReference: plain `GET /healthz` on the bare server: %.0f req/s." % float(get.group(1)))
    print()
    deputy, bare, bolt = rps.get("deputy"), rps.get("bare"), rps.get("bolt")
    if deputy and bare:
        print("- full path / bare route throughput: **%.2f×** (target ≥ 0.6)" % (deputy / bare))
    if deputy and bolt:
        print("- full path / Bolt throughput: **%.2f×** (target ≥ 2)" % (deputy / bolt))
    if "deputy" in cost and "deputy-norecord" in cost:
        print("- CPU to record a command (deputy − deputy-norecord, wrk; the store, and deciding what "
              "to store): **%.0f µs**" % (cost["deputy"] - cost["deputy-norecord"]))
    if "deputy" in cost and "bare" in cost:
        print("- Deputy's CPU per request beyond the bare route's (wrk): %.0f µs" % (cost["deputy"] - cost["bare"]))
    for name in servers:
        for tag in ("open", "wrk"):
            metrics = read(os.path.join(folder, "%s-%s-metrics.txt" % (name, tag)))
            if "deputy_commands_total" in metrics:  # Deputy's own; the others have none.
                limited = re.search(r'deputy_commands_total\{kind="limited"\}\s+([\d.e+]+)', metrics)
                print("- %s, %s: %d commands limited" % (name, tag, float(limited.group(1)) if limited else 0))
    for line in read(os.path.join(folder, "deputy-open.txt")).splitlines():
        if line.startswith("{"):
            run = json.loads(line)
            print("- full path p99 at %s req/s: **%.2f ms** (target < 10 ms)" % (rate, run["p99_ms"]))
            # The load generator has a core of its own: when it too sends late, something outside
            # both held the machine up, and the tail measures that as much as the server.
            lag = run.get("send_lag_p99_ms")
            if lag is not None and lag > DISTURBED_SEND_LAG_MS:
                print("- **disturbed run**: the load generator's own send lag p99 was %.1f ms (over %d ms); "
                      "repeat it before reading the open-loop tail" % (lag, DISTURBED_SEND_LAG_MS))
    floor = read(os.path.join(folder, "sqlite-floor.txt"))
    if floor.strip():
        print("\nSQLite alone, the benchmark's writes (bench/slack/sqlite_floor.c, server core):\n")
        print(floor.rstrip())


if __name__ == "__main__":
    main()
