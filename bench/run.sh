#!/usr/bin/env bash
# The browser benchmark, in one command:
#
#   bench/run.sh                      everything (about 15 minutes on 2 cores)
#   bench/run.sh --rounds 2 --corpora seeds,wikinews_fr     a quicker look
#   bench/run.sh --build-only         only (re)build recoupe for the corpora
#
# Installs its npm packages (npm ci, from bench/package-lock.json), builds
# recoupe once per corpus into bench/.work/ (its own CARGO_TARGET_DIR: the
# main target/ and dist/ are left alone), then bench/run.mjs builds the peers'
# indexes that are missing or stale, measures, and writes bench/results.md.
# Options after the command go to bench/run.mjs (--rounds, --passes,
# --corpora, --engines, --out).
#
# The corpora are read where they are: CORPORA_DIR (default ../shared/corpora
# beside the repository). Everything built from them stays in bench/.work/,
# which git ignores: orangesum_10k must never reach the repository.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$(pwd)"
BENCH="$ROOT/bench"
WORK="$BENCH/.work"
CORPORA_DIR="${CORPORA_DIR:-$ROOT/../shared/corpora}"
export CORPORA_DIR
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

if ! have cargo && [ -f "$HOME/.cargo/env" ]; then
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi
export PATH="$HOME/.cargo/bin:$PATH"
for tool in cargo wasm-bindgen node npm; do
  have "$tool" || {
    echo "error: $tool is missing: run ./build.sh once (it installs the toolchain)" >&2
    exit 1
  }
done
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || {
  echo "error: no Chromium at ${CHROMIUM:-/usr/bin/chromium}: run ./build.sh test once, or set CHROMIUM" >&2
  exit 1
}

# --build-only (first): build recoupe for the corpora, measure nothing (so
# that a measurement can start on a quiet machine).
BUILD_ONLY=0
if [ "${1:-}" = --build-only ]; then
  BUILD_ONLY=1
  shift
fi

# Which corpora: the --corpora option of run.mjs, if given.
CORPORA="seeds,wikinews_fr,orangesum_10k"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [ "${args[$i]}" = --corpora ] && [ $((i + 1)) -lt ${#args[@]} ]; then
    CORPORA="${args[$((i + 1))]}"
  fi
done

corpus_path() {
  case "$1" in
  seeds) echo "$ROOT/seeds" ;;
  wikinews_fr | orangesum_10k) echo "$CORPORA_DIR/$1.jsonl" ;;
  *)
    echo "error: unknown corpus $1" >&2
    exit 2
    ;;
  esac
}

step "npm packages (bench/ and the end-to-end tests' browser driver)"
# npm ci installs exactly the lock. A registry mirror that lacks some
# platforms' optional binaries (e.g. Pagefind's macOS/Windows builds) leaves
# them out of a lock made through it, and npm ci then refuses that lock:
# npm install resolves the same pinned versions.
(cd "$BENCH" && { npm ci --no-audit --no-fund --loglevel=error 2>/dev/null ||
  npm install --no-audit --no-fund --loglevel=error; })
[ -d "$ROOT/tests/e2e/node_modules/playwright-core" ] ||
  (cd "$ROOT/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error)

# recoupe: one wasm build per corpus (the corpus is compiled in). Cargo
# rebuilds only the crate when CORPUS_DIR changes; the page assembler is the
# project's own (www/build-page.mjs, as ./build.sh runs it), so the module is
# exactly what ships: the bench page loads dist/web/recoupe_bg.wasm (the
# hosted variant's module) through wasm-bindgen's ES-module glue, since the
# widget's script keeps the engine inside its closure.
[ -x "$ROOT/www/node_modules/.bin/esbuild" ] ||
  (cd "$ROOT/www" && npm ci --no-audit --no-fund --loglevel=error)
# A corpus's build is redone only when the engine's sources or the corpus
# changed: each switch of CORPUS_DIR makes cargo rebuild the crate (minutes
# for orangesum_10k).
fingerprint() { # corpus path
  {
    git -C "$ROOT" ls-files -co --exclude-standard -- src build.rs Cargo.toml Cargo.lock data www tools |
      sort | (cd "$ROOT" && xargs -d '\n' sha256sum)
    find "$1" -type f -printf '%P %s %T@\n' | sort
  } | sha256sum | cut -d' ' -f1
}

IFS=, read -r -a corpora <<<"$CORPORA"
for corpus in "${corpora[@]}"; do
  path="$(corpus_path "$corpus")"
  [ -e "$path" ] || {
    echo "error: corpus $corpus not found at $path (set CORPORA_DIR)" >&2
    exit 1
  }
  out="$WORK/ours/$corpus"
  want="$(fingerprint "$path")"
  if [ -f "$out/stamp" ] && [ "$(cat "$out/stamp")" = "$want" ]; then
    step "recoupe for $corpus: up to date"
    continue
  fi
  # The cargo profile ./build.sh would take for this corpus.
  profile="$("$ROOT/tools/module-profile" "$path")"
  step "recoupe for $corpus (cargo profile $profile)"
  CORPUS_DIR="$path" CARGO_TARGET_DIR="$WORK/target" \
    cargo build --profile "$profile" --target wasm32-unknown-unknown --lib --quiet
  wasm="$WORK/target/wasm32-unknown-unknown/$profile/recoupe.wasm"
  rm -rf "$out"
  wasm-bindgen --target web --no-typescript --out-dir "$out/esm" --out-name recoupe "$wasm"
  node www/build-page.mjs "$out/esm" "$out/dist"
  # The glue as one ES module (the JS snippets it imports bundled in), for
  # the bench page: a module graph one file deep, as the widget's script.
  "$ROOT/www/node_modules/.bin/esbuild" "$out/esm/recoupe.js" --bundle --format=esm \
    --charset=utf8 --log-level=error --outfile="$out/dist/web/recoupe.js"
  echo "$want" >"$out/stamp"
done

if [ "$BUILD_ONLY" = 1 ]; then
  echo "recoupe built for ${CORPORA} (--build-only: no measurement)"
  exit 0
fi
step "peer indexes, then the measurements"
node "$BENCH/run.mjs" "$@"
