#!/usr/bin/env python3
"""Compares two dumps of examples/search_dump.rs: everything equal, except
scores, equal to within 1e-4 relative. Prints the first differences and a
summary; exits 1 when anything differs."""
import json
import sys


def same(a, b, path, diffs):
    if isinstance(a, float) or isinstance(b, float):
        if not isinstance(a, (int, float)) or not isinstance(b, (int, float)):
            diffs.append((path, a, b))
        elif abs(a - b) > 1e-4 * max(abs(a), abs(b), 1e-30):
            diffs.append((path, a, b))
    elif isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            diffs.append((path, sorted(a), sorted(b)))
        for k in a.keys() & b.keys():
            same(a[k], b[k], f"{path}.{k}", diffs)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            diffs.append((path + ".len", len(a), len(b)))
        for i, (x, y) in enumerate(zip(a, b)):
            same(x, y, f"{path}[{i}]", diffs)
    elif a != b:
        diffs.append((path, a, b))


def main():
    before = open(sys.argv[1]).read().splitlines()
    after = open(sys.argv[2]).read().splitlines()
    if len(before) != len(after):
        print(f"{len(before)} lines before, {len(after)} after")
        sys.exit(1)
    bad = 0
    hits = 0
    for x, y in zip(before, after):
        x, y = json.loads(x), json.loads(y)
        hits += len(x["results"]["hits"])
        diffs = []
        same(x, y, "", diffs)
        if diffs:
            bad += 1
            if bad <= 10:
                print(x["q"], x["options"], diffs[:5])
    print(f"{len(before)} searches compared ({hits} hits), {bad} differ")
    sys.exit(1 if bad else 0)


main()
