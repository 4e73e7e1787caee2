// The page over a large corpus stays responsive: how long it takes to start
// (with its progress shown), to answer each keystroke of a search typed
// as a person types, to tick a facet, and to open a document and the other
// views. Not part of ./build.sh test (it needs a large build):
//
//   mkdir /tmp/big && ln -s /path/to/orangesum_10k.jsonl /tmp/big/
//   CORPUS_DIR=/tmp/big cargo build --profile release-large --target wasm32-unknown-unknown --lib
//   wasm-bindgen --target web --no-typescript --out-dir target/pages-big \
//     --out-name recoupe target/wasm32-unknown-unknown/release-large/recoupe.wasm
//   node www/build-page.mjs target/pages-big target/dist-big
//   node tests/e2e/large.mjs target/dist-big
import assert from 'node:assert/strict';
import { resolve, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from './browser.mjs';
import { shots } from './helpers.mjs';

const dir = resolve(process.argv[2] || 'target/dist-big');
const url = pathToFileURL(join(dir, 'index.html')).href;
/** Budgets, milliseconds: a keystroke's answer on screen; a view opened. */
const KEYSTROKE_MS = 150;
const VIEW_MS = 1500;

const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));

const started = Date.now();
await page.goto(url, { timeout: 120000 });
const phases = [];
// The phases the page shows while it starts, sampled.
for (;;) {
  const state = await page.evaluate(() => {
    const shadow = document.querySelector('recoupe-explorer').shadowRoot;
    const bar = shadow.querySelector('progress');
    return {
      ready: !shadow.querySelector('.q').disabled,
      status: shadow.querySelector('.status').textContent,
      value: bar ? (bar.hasAttribute('value') ? bar.value : 'indeterminate') : null,
    };
  });
  if (!phases.length || phases[phases.length - 1].status !== state.status) phases.push({ at: Date.now() - started, ...state });
  if (state.ready) break;
  if (Date.now() - started > 120000) throw new Error('the page did not start in 2 minutes');
  await page.waitForTimeout(50);
}
const readyMs = Date.now() - started;
console.log(`ready in ${readyMs} ms; phases shown: ${phases.map((p) => `${p.at} ms "${p.status}" (${p.value})`).join(', ')}`);

/** Types `text` key by key; for each key, the time until the status names the query typed so far. */
async function typeTimed(text) {
  await page.locator('recoupe-explorer .q').fill('');
  const times = [];
  for (let i = 0; i < text.length; i += 1) {
    const typed = text.slice(0, i + 1);
    const t0 = Date.now();
    await page.keyboard.type(text[i]);
    if (!typed.trim()) continue;
    await page.waitForFunction((q) => {
      const s = document.querySelector('recoupe-explorer').shadowRoot.querySelector('.status').textContent;
      return s.includes(q.trim());
    }, typed, { timeout: 10000 });
    times.push(Date.now() - t0);
  }
  return times;
}

await page.locator('recoupe-explorer .q').focus();
const report = [];
let worst = 0;
for (const q of ['gouvernement', 'élection présidentielle', 'Macron réforme des retraites', 'a', 'le la les de']) {
  const times = await typeTimed(q);
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  worst = Math.max(worst, median);
  const status = await page.evaluate(() => document.querySelector('recoupe-explorer').shadowRoot.querySelector('.status').textContent);
  report.push(`  "${q}": per keystroke median ${median} ms, max ${sorted[sorted.length - 1]} ms — ${status}`);
}
console.log(report.join('\n'));

// A facet ticked.
const t0 = Date.now();
await page.locator('recoupe-explorer .facet input').first().check();
await page.waitForURL(/(outlet|speaker|side|month)=/);
await page.waitForFunction(() => document.querySelector('recoupe-explorer').shadowRoot.querySelectorAll('.hit').length > 0);
const facetMs = Date.now() - t0;
console.log(`facet ticked: ${facetMs} ms`);
await page.screenshot({ path: join(shots, 'large-search.png') });

// A document opened.
const t1 = Date.now();
await page.locator('recoupe-explorer .hit-title a').first().click();
await page.waitForFunction(() => document.querySelector('recoupe-explorer').shadowRoot.querySelector('main').dataset.view === 'document');
const docMs = Date.now() - t1;
console.log(`document opened: ${docMs} ms`);

const viewTimes = {};
const counts = {};
for (const view of ['conflicts', 'timeline']) {
  const has = await page.evaluate((v) => typeof document.querySelector('recoupe-explorer').api[v] === 'function', view);
  if (!has) continue;
  const t = Date.now();
  await page.goto(`${url}#view=${view}`);
  await page.waitForFunction((v) => document.querySelector('recoupe-explorer').shadowRoot.querySelector('main').dataset.view === v
    && !document.querySelector('recoupe-explorer').shadowRoot.querySelector('.q').disabled, view, { timeout: 120000 });
  viewTimes[view] = Date.now() - t;
}
if (await page.evaluate(() => typeof document.querySelector('recoupe-explorer').api.compare === 'function')) {
  const t = Date.now();
  await page.goto(`${url}#view=compare&claim=${encodeURIComponent('le gouvernement a annoncé une réforme')}`);
  await page.waitForFunction(() => {
    const shadow = document.querySelector('recoupe-explorer').shadowRoot;
    return shadow.querySelector('main').dataset.view === 'compare' && shadow.querySelector('.explanation');
  }, null, { timeout: 60000 });
  viewTimes.compare = Date.now() - t;
  counts.compareColumns = await page.evaluate(() => document.querySelector('recoupe-explorer').shadowRoot.querySelectorAll('.comparison thead th').length - 1);
  await page.screenshot({ path: join(shots, 'large-compare.png') });
}
Object.assign(counts, await page.evaluate(() => {
  const api = document.querySelector('recoupe-explorer').api;
  return typeof api.conflicts === 'function' ? { conflicts: api.conflicts().length, timeline: api.timeline().length } : {};
}));
if (Object.keys(viewTimes).length) console.log(`views (ms, hash change, no reload): ${JSON.stringify(viewTimes)}; ${JSON.stringify(counts)}`);
await browser.close();

assert.deepEqual(errors, []);
assert.ok(phases.some((p) => p.value !== null), 'no progress shown while starting');
assert.ok(worst <= KEYSTROKE_MS, `a keystroke takes ${worst} ms (median) > ${KEYSTROKE_MS}`);
assert.ok([facetMs, docMs, ...Object.values(viewTimes)].every((ms) => ms <= VIEW_MS), 'a view took too long');
console.log('large corpus: responsive');
