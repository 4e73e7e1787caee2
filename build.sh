#!/usr/bin/env bash
# recoupe: set up, build and test.
#
#   ./build.sh            install what is missing, build dist/index.html (+ dist/web/)
#   ./build.sh test       the same, then every test: native, wasm in Chromium, end-to-end
#   CORPUS_DIR=/some/folder ./build.sh     embed that folder instead of seeds/
#
# Idempotent: what is installed stays installed; a second run only rebuilds
# what changed.
set -euo pipefail

MODE="${1:-build}"
case "$MODE" in build | test) ;; *)
  echo "usage: ./build.sh [build|test]" >&2
  exit 2
  ;;
esac

# A relative CORPUS_DIR is relative to where the command was typed.
if [ -n "${CORPUS_DIR:-}" ]; then
  if [ ! -e "$CORPUS_DIR" ]; then
    echo "error: CORPUS_DIR $CORPUS_DIR does not exist" >&2
    exit 1
  fi
  CORPUS_DIR="$(cd "$(dirname "$CORPUS_DIR")" && pwd)/$(basename "$CORPUS_DIR")"
  export CORPUS_DIR
fi

cd "$(dirname "$0")"
ROOT="$(pwd)"
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif have sudo; then sudo "$@"; else
    echo "error: '$*' needs root" >&2
    exit 1
  fi
}

# ---- setup ---------------------------------------------------------------
setup_rust() {
  if ! have cargo && [ -f "$HOME/.cargo/env" ]; then
    # shellcheck disable=SC1091
    . "$HOME/.cargo/env"
  fi
  have cargo || {
    echo "error: Rust is not installed: install it with rustup (https://rustup.rs)" >&2
    exit 1
  }
  export PATH="$HOME/.cargo/bin:$PATH"
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    step "adding the wasm32 target"
    rustup target add wasm32-unknown-unknown
  fi
}

# wasm-bindgen's command-line tool must match the library version exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock
}

cargo_install() { # crate [version]
  local args=("$1")
  [ -n "${2:-}" ] && args+=(--version "$2")
  # --locked reproduces the tool's own tested dependencies; a registry mirror
  # that lags behind may miss one, then resolve afresh.
  cargo install "${args[@]}" --locked || cargo install "${args[@]}"
}

setup_wasm_tools() {
  [ -f Cargo.lock ] || cargo generate-lockfile
  local want
  want="$(wasm_bindgen_version)"
  if ! have wasm-bindgen || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$want" ]; then
    step "installing wasm-bindgen-cli $want (a few minutes, once)"
    cargo_install wasm-bindgen-cli "$want"
  fi
  if ! have wasm-pack; then
    step "installing wasm-pack (a few minutes, once)"
    cargo_install wasm-pack
  fi
  if ! have node; then
    step "installing Node.js"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm
  fi
}

setup_browser() {
  if ! have chromium || ! have chromedriver; then
    step "installing Chromium and its driver"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  fi
  if [ ! -d tests/e2e/node_modules/playwright-core ]; then
    step "installing the end-to-end test driver (playwright-core, no browser download)"
    (cd tests/e2e && npm ci --no-audit --no-fund)
  fi
}

# ---- build ---------------------------------------------------------------
# What www/build-page.mjs needs: esbuild (npm, pinned in www/package-lock.json)
# minifies the page's script; zopfli packs the wasm tighter than gzip -9.
setup_page_tools() {
  if [ ! -x www/node_modules/.bin/esbuild ]; then
    step "installing the page minifier (esbuild)"
    (cd www && npm ci --no-audit --no-fund --loglevel=error)
  fi
  if ! have zopfli; then
    step "installing zopfli"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y zopfli
  fi
}

build_pages() {
  setup_page_tools
  local profile
  profile="$(tools/module-profile "${CORPUS_DIR:-}")"
  step "building the wasm module (corpus: ${CORPUS_DIR:-seeds/}; cargo profile $profile)"
  cargo build --profile "$profile" --target wasm32-unknown-unknown --lib
  local wasm="target/wasm32-unknown-unknown/$profile/recoupe.wasm"
  wasm-bindgen --target web --no-typescript --out-dir target/pages --out-name recoupe "$wasm"
  step "assembling the pages"
  node www/build-page.mjs target/pages dist
  echo "open $ROOT/dist/index.html (works offline, from file://)"
  echo "also: dist/recoupe-explorer.js (the widget), dist/embed.html (an example), dist/web/ (hosted variant)"
}

# ---- tests ---------------------------------------------------------------
run_tests() {
  step "formatting and lints"
  cargo fmt --check
  cargo clippy --all-targets --quiet -- -D warnings
  step "a bad corpus stops the build, naming the file and the reason"
  local bad out
  bad="$(mktemp -d)"
  printf 'Le d\xe9ploiement' >"$bad/latin1.txt"
  if out="$(CORPUS_DIR="$bad" cargo build --lib --quiet 2>&1)"; then
    echo "error: the build accepted a corpus file that is not UTF-8" >&2
    exit 1
  fi
  rm -rf "$bad"
  grep -q "latin1.txt: not UTF-8" <<<"$out" || {
    echo "$out" >&2
    echo "error: the build failed without naming the file and the reason" >&2
    exit 1
  }
  echo "ok: $(grep -o 'latin1.txt: not UTF-8[^;]*' <<<"$out")"
  step "native tests (cargo test)"
  cargo test --quiet
  step "wasm tests in headless Chromium (wasm-pack test)"
  CHROMEDRIVER="$(command -v chromedriver)" wasm-pack test --headless --chrome
  step "the built pages: no eval, no new Function, no HTML from strings, no inline handlers"
  node tests/e2e/static.mjs
  step "end-to-end: dist/index.html from file:// in headless Chromium"
  node tests/e2e/run.mjs
  build_hostile_page
  step "end-to-end: a hostile corpus renders as text, in the page and the widget"
  node tests/e2e/hostile.mjs target/dist-hostile
}

# A second page over tests/fixtures/hostile (markup, scripts, bidi overrides
# in titles, statements, speakers, conflicts), beside dist/, never in it. Its
# own target directory keeps both builds fresh: with one, each run would
# rebuild the module twice (seeds, then the fixture, then seeds again).
build_hostile_page() {
  step "building a page over the hostile fixture corpus (target/dist-hostile)"
  CORPUS_DIR="$ROOT/tests/fixtures/hostile" CARGO_TARGET_DIR="$ROOT/target/hostile" \
    cargo build --release --target wasm32-unknown-unknown --lib --quiet
  wasm-bindgen --target web --no-typescript --out-dir target/pages-hostile --out-name recoupe \
    target/hostile/wasm32-unknown-unknown/release/recoupe.wasm
  node www/build-page.mjs target/pages-hostile target/dist-hostile
}

setup_rust
setup_wasm_tools
if [ "$MODE" = test ]; then
  # The tests check the default corpus.
  unset CORPUS_DIR
  setup_browser
fi
build_pages
if [ "$MODE" = test ]; then
  run_tests
  step "all tests passed"
fi
