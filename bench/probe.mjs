// A quicker look than run.mjs, for tuning: the same regime (measureOnce,
// server, Chromium flags) on one corpus, a few engines, and optionally
// other builds of recoupe beside the committed one. Prints, per engine,
// the latency percentiles over every timing, the first and second timed
// pass apart (V8 is still optimising during the first), the timings over
// 1 ms, and the cold starts. It writes nothing: results.md comes from
// run.mjs only.
//
// usage: node bench/probe.mjs [--corpus C] [--rounds N] [--engines a,b]
//                             [--variant NAME=DIR]... [--flag CHROMIUM_FLAG]...
//   DIR: another build's web/ folder (www/build-page.mjs output, e.g. a
//   copy of bench/.work/ours/C/dist/web built from a working tree); it is
//   measured as engine recoupe@NAME. Run bench/run.sh --build-only first.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './lib/server.mjs';
import { ENGINES, resolver } from './lib/routes.mjs';
import { measureOnce, CAPTURE_WASM_MEMORY } from './lib/measure.mjs';
import { percentile, median } from './lib/stats.mjs';
import { CHROMIUM_ARGS } from '../tests/e2e/browser.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const WORK = join(BENCH, '.work');

function parseArgs(argv) {
  const options = { corpus: 'orangesum_10k', rounds: 6, engines: ['recoupe', 'flexsearch'], variants: {}, flags: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    i += 1;
    if (flag === '--corpus') options.corpus = value;
    else if (flag === '--rounds') options.rounds = Math.max(1, Number.parseInt(value, 10) || 1);
    else if (flag === '--engines') options.engines = value.split(',');
    else if (flag === '--flag') options.flags.push(value);
    else if (flag === '--variant') {
      const m = /^([A-Za-z0-9_-]+)=(.+)$/.exec(value);
      if (!m) throw new Error('--variant takes NAME=DIR');
      const dir = resolve(m[2]);
      if (!existsSync(join(dir, 'recoupe_bg.wasm'))) throw new Error(`no recoupe_bg.wasm in ${dir}`);
      options.variants[m[1]] = dir;
    } else throw new Error(`unknown option ${flag}`);
  }
  for (const e of options.engines) if (!ENGINES.includes(e)) throw new Error(`unknown engine ${e}`);
  return options;
}

const micro = (ms) => `${Math.round(ms * 1000)} µs`;

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const queries = JSON.parse(readFileSync(join(BENCH, 'queries.json'), 'utf8'));
  const server = await startServer(resolver(BENCH, WORK, ENGINES, options.variants), { workerPrelude: CAPTURE_WASM_MEMORY });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--enable-blink-features=ForceEagerMeasureMemory', ...options.flags],
    headless: true,
  });
  // Each measured page: an engine, or recoupe@NAME (recoupe's page, another build).
  const pages = [...options.engines, ...Object.keys(options.variants).map((name) => `recoupe@${name}`)];
  const url = (page) => `${server.origin}/page/${page.split('@')[0]}.html?engine=${page}&corpus=${options.corpus}&q=${encodeURIComponent(queries.first)}`;
  const list = queries.queries.map((q) => q.q);
  const samples = Object.fromEntries(pages.map((p) => [p, []]));
  try {
    // The browser's first page pays for starting a renderer: not measured.
    await measureOnce(browser, server, { url: url(pages[0]), session: 'warm-up', queries: list, passes: 1 });
    for (let round = 0; round < options.rounds; round += 1) {
      for (let i = 0; i < pages.length; i += 1) {
        const page = pages[(i + round) % pages.length];
        samples[page].push(await measureOnce(browser, server, { url: url(page), session: `${page}/${round}`, queries: list, passes: 2 }));
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  for (const page of pages) {
    const all = [];
    const byPass = [[], []];
    for (const s of samples[page]) {
      for (const times of s.timed.times) {
        all.push(...times);
        times.slice(0, 2).forEach((t, pass) => byPass[pass].push(t));
      }
    }
    // The report's percentiles (lib/stats.mjs), so the figures compare.
    const colds = samples[page].map((s) => s.cold.ms).sort((a, b) => a - b);
    console.log([
      page.padEnd(18),
      `p50 ${micro(percentile(all, 50))}`,
      `p95 ${micro(percentile(all, 95))}`,
      `p99 ${micro(percentile(all, 99))}`,
      `| pass 1 p50 ${micro(median(byPass[0]))}, pass 2 p50 ${micro(median(byPass[1]))}`,
      `| over 1 ms ${all.filter((t) => t > 1).length}/${all.length}`,
      `| cold ${Math.round(median(colds))} ms (${colds.map(Math.round).join(' ')})`,
    ].join(' '));
  }
}

main().catch((error) => {
  console.error(`error: ${error && error.stack ? error.stack : error}`);
  process.exit(1);
});
