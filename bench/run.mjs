// The browser benchmark: recoupe against MiniSearch, FlexSearch, Lunr, Orama
// and Pagefind in one headless Chromium session, on the seeds, Wikinews and
// OrangeSum corpora. Builds what is missing (peer indexes, page bundles; the
// recoupe builds come from bench/run.sh), measures with the engines
// interleaved round-robin, writes bench/results.md and the raw figures.
//
// usage: node bench/run.mjs [--rounds N] [--passes N] [--corpora a,b] [--engines a,b] [--out FILE]
//        node bench/run.mjs --report results/raw/RUN.json [--out FILE]   (report again, no measuring)
// (bench/run.sh is the one command: it installs, builds recoupe, then runs this)
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './lib/server.mjs';
import { ENGINES, resolver, ourBuild as ourBuildIn } from './lib/routes.mjs';
import { bundlePages } from './lib/bundle.mjs';
import { measureOnce, CAPTURE_WASM_MEMORY } from './lib/measure.mjs';
import { writeReport, describeMachine } from './lib/report.mjs';
// The same Chromium flags as the end-to-end tests.
import { CHROMIUM_ARGS } from '../tests/e2e/browser.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
const WORK = join(BENCH, '.work');
const CORPORA_DIR = resolve(process.env.CORPORA_DIR || join(ROOT, '..', 'shared', 'corpora'));

const CORPORA = [
  { name: 'seeds', path: join(ROOT, 'seeds'), judged: true },
  { name: 'wikinews_fr', path: join(CORPORA_DIR, 'wikinews_fr.jsonl') },
  { name: 'orangesum_10k', path: join(CORPORA_DIR, 'orangesum_10k.jsonl') },
];

function parseArgs(argv) {
  const options = { rounds: 5, passes: 2, corpora: CORPORA.map((c) => c.name), engines: ENGINES, out: join(BENCH, 'results.md') };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, value] = [argv[i], argv[i + 1]];
    const need = () => {
      if (value === undefined) throw new Error(`${flag} needs a value`);
      i += 1;
      return value;
    };
    if (flag === '--rounds') options.rounds = Math.max(1, Number.parseInt(need(), 10) || 1);
    else if (flag === '--passes') options.passes = Math.max(1, Number.parseInt(need(), 10) || 1);
    else if (flag === '--corpora') options.corpora = need().split(',');
    else if (flag === '--engines') options.engines = need().split(',');
    else if (flag === '--out') options.out = resolve(need());
    else if (flag === '--report') options.report = resolve(need());
    else throw new Error(`unknown option ${flag}`);
  }
  for (const c of options.corpora) if (!CORPORA.some((k) => k.name === c)) throw new Error(`unknown corpus ${c}`);
  for (const e of options.engines) if (!ENGINES.includes(e)) throw new Error(`unknown engine ${e}`);
  return options;
}

// ---- build what is missing --------------------------------------------------

const ourBuild = (corpus) => ourBuildIn(WORK, corpus);

function fingerprint(engine, corpus) {
  const hash = createHash('sha256');
  const { size, mtimeMs } = statSync(corpus.path);
  hash.update(`${corpus.path}:${size}:${mtimeMs}\n`);
  for (const file of [`engines/${engine}/build.mjs`, `engines/${engine}/config.mjs`, 'lib/corpus.mjs', 'build-index.mjs', 'package-lock.json']) {
    hash.update(readFileSync(join(BENCH, file)));
  }
  if (statSync(corpus.path).isDirectory()) {
    // A folder's own mtime misses edits inside it: hash the listing's stats.
    const listing = execFileSync('find', [corpus.path, '-type', 'f', '-printf', '%P %s %T@\n']);
    hash.update(listing);
  }
  return hash.digest('hex');
}

function buildPeerIndexes(options) {
  for (const name of options.corpora) {
    const corpus = CORPORA.find((c) => c.name === name);
    if (!existsSync(corpus.path)) throw new Error(`corpus ${name} not found at ${corpus.path} (set CORPORA_DIR)`);
    for (const engine of options.engines.filter((e) => e !== 'recoupe')) {
      const out = join(WORK, 'data', name, engine);
      const stamp = join(WORK, 'data', name, `${engine}.stamp`);
      const want = fingerprint(engine, corpus);
      if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) continue;
      // One process per build: a 10,000-article index can take gigabytes.
      execFileSync(process.execPath, ['--max-old-space-size=12000', join(BENCH, 'build-index.mjs'), engine, corpus.path, out], { stdio: 'inherit' });
      writeFileSync(stamp, want);
    }
  }
  for (const name of options.corpora) {
    if (options.engines.includes('recoupe') && !existsSync(join(ourBuild(name), 'web', 'recoupe_bg.wasm'))) {
      throw new Error(`recoupe is not built for ${name}: run bench/run.sh (it builds it)`);
    }
  }
}

// ---- measure --------------------------------------------------------------------

const rotate = (list, by) => list.map((_, i) => list[(i + by) % list.length]);

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** Everything a corpus's pages may fetch, so the server compresses it before any measurement. */
const servedFiles = (corpus) => [
  ...filesUnder(join(WORK, 'bundles')),
  ...filesUnder(join(WORK, 'data', corpus)),
  ...filesUnder(join(ourBuild(corpus), 'web')),
];

const isDefaultOut = (out) => out === join(BENCH, 'results.md');

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.report) {
    const raw = JSON.parse(readFileSync(options.report, 'utf8'));
    await writeReport(raw, { bench: BENCH, out: options.out, readme: isDefaultOut(options.out) ? join(BENCH, 'README.md') : null });
    console.log(`wrote ${options.out}`);
    return;
  }
  const querySet = JSON.parse(readFileSync(join(BENCH, 'queries.json'), 'utf8'));
  const goldFile = resolve(process.env.GOLD || join(ROOT, '..', 'shared', 'gold', 'seeds.json'));
  if (!existsSync(goldFile)) throw new Error(`the judged queries' gold file is not at ${goldFile} (set GOLD)`);
  const gold = JSON.parse(readFileSync(goldFile, 'utf8'));
  const queries = querySet.queries.map((q) => q.q);

  buildPeerIndexes(options);
  mkdirSync(join(WORK, 'bundles'), { recursive: true });
  await bundlePages(BENCH, options.engines, join(WORK, 'bundles'));

  const server = await startServer(resolver(BENCH, WORK, ENGINES), { workerPrelude: CAPTURE_WASM_MEMORY });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    // Eager: performance.measureUserAgentSpecificMemory() answers at once
    // instead of at the next garbage collection.
    args: [...CHROMIUM_ARGS, '--enable-blink-features=ForceEagerMeasureMemory'],
    headless: true,
  });
  const browserVersion = browser.version();
  const started = new Date();
  // Other work on the machine inflates every figure: the report says how busy it was.
  const load = { start: loadavg()[0], samples: [] };
  const loadTimer = setInterval(() => load.samples.push(loadavg()[0]), 10_000);
  const samples = [];
  const pageUrl = (engine, corpus) =>
    `${server.origin}/page/${engine}.html?engine=${engine}&corpus=${corpus}&q=${encodeURIComponent(querySet.first)}`;
  try {
    for (const corpusName of options.corpora) {
      const corpus = CORPORA.find((c) => c.name === corpusName);
      server.warm(servedFiles(corpusName));
      if (corpusName === options.corpora[0]) {
        // The browser's first page pays for starting a renderer: not measured.
        await measureOnce(browser, server, { url: pageUrl(options.engines[0], corpusName), session: 'warm-up', queries, passes: 1 });
      }
      for (let round = 0; round < options.rounds; round += 1) {
        for (const engine of rotate(options.engines, round)) {
          const session = `${corpusName}/${engine}/${round}`;
          const url = pageUrl(engine, corpusName);
          const judged = corpus.judged && round === 0 ? gold.queries.map((q) => q.q) : null;
          const t0 = performance.now();
          const label = `${corpusName} round ${round + 1}/${options.rounds} ${engine}`;
          try {
            const sample = await measureOnce(browser, server, { url, session, queries, passes: options.passes, judged });
            samples.push({ corpus: corpusName, engine, round, ...sample });
            const secs = ((performance.now() - t0) / 1000).toFixed(1);
            console.log(`${label}: cold ${sample.cold.ms.toFixed(0)} ms (${secs} s)`);
          } catch (error) {
            // One engine failing must not lose the whole run: the report lists it.
            const message = String((error && error.message) || error).slice(0, 500);
            samples.push({ corpus: corpusName, engine, round, error: message });
            console.log(`${label}: FAILED: ${message}`);
          }
        }
      }
    }
  } finally {
    clearInterval(loadTimer);
    await browser.close();
    await server.close();
  }
  const machine = describeMachine(ROOT, BENCH);
  const raw = { started: started.toISOString(), machine, load, options, querySet, gold: gold.queries, samples, browserVersion };
  mkdirSync(join(BENCH, 'results', 'raw'), { recursive: true });
  const rawFile = join(BENCH, 'results', 'raw', `${started.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(rawFile, JSON.stringify(raw));
  await writeReport(raw, { bench: BENCH, out: options.out, readme: isDefaultOut(options.out) ? join(BENCH, 'README.md') : null });
  console.log(`wrote ${options.out} (raw figures: ${rawFile})`);
}

main().catch((error) => {
  console.error(`error: ${error && error.stack ? error.stack : error}`);
  process.exit(1);
});
