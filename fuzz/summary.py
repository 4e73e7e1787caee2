#!/usr/bin/env python3
"""Prints one Markdown table row per fuzz log (fuzz/logs/<target>.log, as
run.sh writes them): run time, executions, coverage and features at the
start and the end, features found in the run's last minute, corpus size,
and whether it stopped on a finding.
    python3 fuzz/summary.py [target ...]
"""
import os
import re
import sys

LOGS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "logs")
STAT = re.compile(r"^#(\d+)\s+(\w+)\s+cov: (\d+) ft: (\d+) corp: (\d+)/")


def row(target):
    lines = open(os.path.join(LOGS, target + ".log"), errors="replace").read().splitlines()
    stats = [(int(m[1]), m[2], int(m[3]), int(m[4]), int(m[5]))
             for m in map(STAT.match, lines) if m]
    done = [l for l in lines if l.startswith("Done ")]
    secs = int(re.search(r"in (\d+) second", done[-1])[1]) if done else None
    found = any("ERROR: libFuzzer" in l or "panicked at" in l for l in lines)
    inited = next((s for s in stats if s[1] == "INITED"), stats[0])
    last = stats[-1]
    # Features found in the last minute, at the run's average speed.
    recent = ""
    if secs:
        since = last[0] - last[0] * 60 // secs
        before = [s for s in stats if s[0] <= since]
        if before:
            recent = str(last[3] - before[-1][3])
    return (f"| {target} | {secs / 60 if secs else 0:.1f} | {last[0]:,} | "
            f"{inited[2]:,} → {last[2]:,} | {inited[3]:,} → {last[3]:,} | {recent} | "
            f"{last[4]:,} | {'yes, see below' if found else 'none'} |")


targets = sys.argv[1:] or sorted(f[:-4] for f in os.listdir(LOGS) if f.endswith(".log"))
print("| target | minutes | executions | coverage (start → end) | features (start → end) "
      "| features in the last minute | corpus | crash / hang / leak |")
print("|---|---|---|---|---|---|---|---|")
for t in targets:
    print(row(t))
