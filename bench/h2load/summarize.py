#!/usr/bin/python3
"""Helpers of bench/h2load/run.sh.

  summarize.py row NAME LABEL H2LOAD_OUT LOG_FILE RESPONSE_BYTES SERVER_TICKS CLK_TCK "CLIENT_USER CLIENT_SYS" \
                  ALLOCATED_BEFORE ALLOCATED_AFTER
      one tab-separated result row for an h2load run ("-" for allocations the server cannot report)
  summarize.py report RUNS_TSV --stamp ... --commit ... --machine ... (see report())
      the markdown report for all rows

Latency percentiles come from h2load's --log-file (one line per request: start time, HTTP status,
duration in microseconds), nearest-rank. CPU per request is the server process's user+system time
over the run divided by the requests that succeeded: unlike req/s, it barely moves when other
processes compete for the two cores. Allocated bytes per call come from the .NET servers'
GC.GetTotalAllocatedBytes (bench/CoordinationHub.Bench.AllocationProbe) and include per-connection
costs amortised over the run (TLS handshakes of 8 connections: negligible next to 100k+ calls).
"""

import argparse
import math
import re
import statistics
import sys

FIELDS = ["name", "label", "rps", "p50_us", "p99_us", "succeeded", "failed", "bytes_per_response",
          "server_cpu_us", "client_cpu_pct", "seconds", "alloc_bytes"]
ORDER = ["ceiling", "ours", "python"]
TITLES = {
    "ceiling": "bare Kestrel (ceiling)",
    "ours": "CoordinationHub.Rpc (ours)",
    "python": "grpcio 1.51 (python)",
}


def percentile(sorted_values, q):
    if not sorted_values:
        return float("nan")
    return sorted_values[max(0, math.ceil(q * len(sorted_values)) - 1)]


def row(args):
    name, label, out_path, log_path, response_bytes, ticks, clk_tck, client, alloc_before, alloc_after = args
    with open(out_path) as f:
        out = f.read()
    finished = re.search(r"finished in ([\d.]+)s, ([\d.]+) req/s", out)
    requests = re.search(r"requests: \d+ total, \d+ started, \d+ done, (\d+) succeeded, (\d+) failed, (\d+) errored", out)
    data = re.search(r"\((\d+)\) data", out)
    if not (finished and requests and data):
        sys.exit("summarize.py: cannot parse h2load output %s:\n%s" % (out_path, out))
    seconds, rps = float(finished.group(1)), float(finished.group(2))
    succeeded = int(requests.group(1))
    failed = int(requests.group(2)) + int(requests.group(3))
    latencies = []
    with open(log_path) as f:
        for line in f:
            parts = line.split("\t")
            if len(parts) == 3 and parts[1] == "200":
                latencies.append(int(parts[2]))
    latencies.sort()
    user, system = (float(x) for x in client.split())
    values = [name, label, "%.0f" % rps, "%d" % percentile(latencies, 0.50), "%d" % percentile(latencies, 0.99),
              str(succeeded), str(failed),
              "%.1f" % (int(data.group(1)) / succeeded if succeeded else 0),
              "%.1f" % (int(ticks) / int(clk_tck) * 1e6 / succeeded if succeeded else 0),
              "%.0f" % ((user + system) / seconds * 100), "%.2f" % seconds,
              "-" if "-" in (alloc_before, alloc_after) or not succeeded
              else "%.0f" % ((int(alloc_after) - int(alloc_before)) / succeeded)]
    print("\t".join(values))


def size(value):
    return value if value == "-" else "%.0f B" % float(value)


def ms(us):
    return "%.2f ms" % (float(us) / 1000)


def report(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("runs")
    for option in ("stamp", "commit", "machine", "load", "size", "request-bytes", "response-bytes", "command", "schedule"):
        ap.add_argument("--" + option, required=True)
    a = ap.parse_args(argv)
    with open(a.runs) as f:
        rows = [dict(zip(FIELDS, line.rstrip("\n").split("\t"))) for line in f if line.strip()]
    rounds = [r for r in rows if r["label"].startswith("round")]
    idle = {r["name"]: r for r in rows if r["label"] == "idle"}

    def median(name, field):
        values = [r[field] for r in rounds if r["name"] == name]
        return "-" if "-" in values else statistics.median(float(v) for v in values)

    rps = {n: median(n, "rps") for n in ORDER}
    p = print
    p("# h2load transport benchmark, %s" % a.stamp)
    p()
    p("- commit: `%s`" % a.commit)
    p("- machine: %s; load average (1/5/15 min) %s; shared with other users" % (a.machine, a.load))
    p("- request: `SimpleRequest{response_type=COMPRESSABLE, response_size=%s, payload.body=%s zero bytes}`, "
      "%s bytes framed; response: `SimpleResponse{payload.body=%s zero bytes}`, %s bytes framed, "
      "checked byte for byte on every server before the runs" % (a.size, a.size, a.request_bytes, a.size, a.response_bytes))
    p("- per server and round: `%s`" % a.command)
    p("- schedule: %s; rounds interleave the three servers; the summary is the median over rounds" % a.schedule)
    p()
    p("## Summary")
    p()
    p("| server | req/s | p50 | p99 | vs ceiling | server CPU per call | allocated per call | unloaded p50 | unloaded p99 |")
    p("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in ORDER:
        i = idle.get(n)
        p("| %s | %.0f | %s | %s | %.2f | %.1f µs | %s | %s | %s |" % (
            TITLES[n], rps[n], ms(median(n, "p50_us")), ms(median(n, "p99_us")), rps[n] / rps["ceiling"],
            median(n, "server_cpu_us"), size(median(n, "alloc_bytes")),
            ms(i["p50_us"]) if i else "-", ms(i["p99_us"]) if i else "-"))
    p()
    p("ours / ceiling = **%.2f** (target 0.85); ours / python = **%.1f×**" % (
        rps["ours"] / rps["ceiling"], rps["ours"] / rps["python"]))
    p()
    # Each round runs the servers back to back, so a paired ratio cancels slow drifts in background load.
    paired = [float(o["rps"]) / float(c["rps"]) for c, o in zip(
        [r for r in rounds if r["name"] == "ceiling"], [r for r in rounds if r["name"] == "ours"])]
    p("ours / ceiling per round: %s (median %.2f); server CPU per call, ceiling / ours: %.2f" % (
        ", ".join("%.2f" % x for x in paired), statistics.median(paired),
        median("ceiling", "server_cpu_us") / median("ours", "server_cpu_us")))
    p()
    p("## Rounds")
    p()
    p("| run | server | req/s | p50 | p99 | succeeded | failed | bytes/response | server CPU/call | allocated/call | h2load CPU |")
    p("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        p("| %s | %s | %s | %s | %s | %s | %s | %s | %s µs | %s | %s%% |" % (
            r["label"], r["name"], r["rps"], ms(r["p50_us"]), ms(r["p99_us"]), r["succeeded"], r["failed"],
            r["bytes_per_response"], r["server_cpu_us"], size(r["alloc_bytes"]), r["client_cpu_pct"]))


def main():
    if len(sys.argv) >= 2 and sys.argv[1] == "row" and len(sys.argv) == 12:
        row(sys.argv[2:])
    elif len(sys.argv) >= 3 and sys.argv[1] == "report":
        report(sys.argv[2:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
