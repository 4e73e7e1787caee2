#!/usr/bin/env bash
# Runs fuzz targets one after the other, each for SECONDS (default 600),
# starting from the corpora fuzz/seed.py writes. Stable Rust accepts the
# nightly flags cargo-fuzz passes with RUSTC_BOOTSTRAP=1. No sanitizer: the
# crate has no unsafe code, and instrumented comparisons alone find what
# matters here (panics; integer overflows, as `-a` turns overflow checks and
# debug assertions on in the optimised build; hangs over 10 s; memory over
# 2 GB). One process, one core.
#
#   fuzz/run.sh                      every target, 10 minutes each
#   SECONDS_EACH=60 fuzz/run.sh query compare
set -euo pipefail
cd "$(dirname "$0")"
[ -d corpus ] || python3 seed.py
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || mapfile -t TARGETS < <(RUSTC_BOOTSTRAP=1 cargo fuzz list)
mkdir -p logs
for t in "${TARGETS[@]}"; do
  echo "== $t (${SECONDS_EACH:-600} s)"
  RUSTC_BOOTSTRAP=1 cargo fuzz run -a -s none "$t" -- \
    -max_total_time="${SECONDS_EACH:-600}" -max_len=16384 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 >"logs/$t.log" 2>&1 || {
    echo "$t: FOUND something, see fuzz/logs/$t.log and fuzz/artifacts/$t/"
    continue
  }
  # Executions, coverage and features at the end.
  grep -E '^#[0-9]+' "logs/$t.log" | tail -1
  grep -E '^Done' "logs/$t.log" || true
done
