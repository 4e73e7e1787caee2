// End-to-end: headless Chromium opens dist/index.html from file://, uses it as
// a person would, and checks that the page made no network request at all.
// Screenshots go to target/e2e/ (look at them).
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pageUrl = pathToFileURL(join(root, 'dist', 'index.html')).href;
const shots = join(root, 'target', 'e2e');
mkdirSync(shots, { recursive: true });

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

/** Opens the page in a fresh context; records requests, errors and dialogs. */
async function open(browser, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const seen = { requests: [], errors: [], dialogs: [] };
  context.on('request', (request) => seen.requests.push(request.url()));
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  page.on('console', (msg) => { if (msg.type() === 'error') seen.errors.push(msg.text()); });
  page.on('dialog', async (dialog) => { seen.dialogs.push(dialog.message()); await dialog.dismiss(); });
  const started = Date.now();
  await page.goto(pageUrl);
  await page.waitForSelector('recoupe-explorer .q:not([disabled])', { timeout: 20000 });
  const loadMs = Date.now() - started;
  return { context, page, seen, loadMs };
}

function assertOffline(seen) {
  const foreign = seen.requests.filter((url) => url !== pageUrl && !url.startsWith('data:') && !url.startsWith('blob:'));
  assert.deepEqual(foreign, [], 'the page made network requests');
  assert.deepEqual(seen.errors, [], 'errors in the page');
  assert.deepEqual(seen.dialogs, [], 'a dialog opened');
}

async function typeQuery(page, text) {
  await page.fill('.q', '');
  await page.type('.q', text, { delay: 15 });
}

// The explorer lives in a shadow root; these run inside it. (Function
// predicates only: the page's CSP forbids evaluating strings.)
const count = (page, selector) => page.evaluate((sel) =>
  document.querySelector('recoupe-explorer').shadowRoot.querySelectorAll(sel).length, selector);

const waitForCount = (page, selector, test, options) => page.waitForFunction(([sel, op, n]) => {
  const found = document.querySelector('recoupe-explorer').shadowRoot.querySelectorAll(sel).length;
  return op === '==' ? found === n : found >= n;
}, [selector, test[0], test[1]], options);

const waitForStatus = (page, pattern) => page.waitForFunction(([source, flags]) =>
  new RegExp(source, flags).test(document.querySelector('recoupe-explorer').shadowRoot.querySelector('.status').textContent),
[pattern.source, pattern.flags]);

test('search Karabakh finds the five seeds with highlighted snippets, then opens one', async (browser) => {
  const { context, page, seen, loadMs } = await open(browser);
  await typeQuery(page, 'Karabakh');
  await waitForCount(page, '.hit', ['==', 5]);
  const ids = await page.$$eval('.hit', (hits) => hits.map((h) => h.dataset.id));
  assert.equal(new Set(ids).size, 5);
  const marks = await page.$$eval('.hit mark', (m) => m.map((x) => x.textContent.toLowerCase()));
  assert.ok(marks.length >= 5 && marks.every((m) => m.includes('karabakh')), `marks: ${marks}`);
  const status = await page.textContent('.status');
  assert.match(status, /^5 documents pour « Karabakh »/);
  assert.match(page.url(), /#q=Karabakh$/);
  await page.screenshot({ path: join(shots, '01-search-karabakh.png'), fullPage: false });

  // Open the document of the first hit.
  const firstTitle = await page.textContent('.hit a');
  await page.click('.hit a');
  await page.waitForSelector('.document:not([hidden])');
  const heading = await page.textContent('.document h2');
  assert.equal(heading, firstTitle);
  const paragraphs = await count(page, '.document p.block-body');
  assert.ok(paragraphs >= 3, `document paragraphs: ${paragraphs}`);
  const shown = await page.textContent('.document');
  assert.ok(!/\b(null|undefined)\b/.test(shown), 'a missing value was printed as text');
  assert.match(page.url(), /doc=/);
  await page.screenshot({ path: join(shots, '02-document.png'), fullPage: false });

  // Escape goes back to the results, as the back button would.
  await page.keyboard.press('Escape');
  await page.waitForSelector('.results:not([hidden]) .hit');
  assert.equal(await count(page, '.hit'), 5);
  assertOffline(seen);
  console.log(`    page ready in ${loadMs} ms`);
  await context.close();
});

test('the slash key focuses the search box; phrase, exclusion and typo queries answer', async (browser) => {
  const { context, page, seen } = await open(browser);
  await page.click('.foot');
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.querySelector('recoupe-explorer').shadowRoot.activeElement.className), 'q');
  await page.keyboard.type('Pachinyan');
  await waitForCount(page, '.hit', ['>=', 3]);
  const marks = await page.$$eval('.hit mark', (m) => m.map((x) => x.textContent));
  assert.ok(marks.includes('Pachinian'), `typo tolerance marks: ${marks}`);
  await typeQuery(page, 'cessez-le-feu -Hadrout');
  await waitForStatus(page, /pour « cessez-le-feu -Hadrout »/);
  const ids = await page.$$eval('.hit', (hits) => hits.map((h) => h.dataset.id));
  assert.ok(!ids.includes('002_8ed4da36b7d67b1b.txt'), `excluded document shown: ${ids}`);
  assertOffline(seen);
  await context.close();
});

test('hostile and strange queries render as text, answer promptly, never break the page', async (browser) => {
  const { context, page, seen } = await open(browser);
  const hostile = '<img src=x onerror=alert(1)>"><svg onload=alert(2)>';
  await typeQuery(page, hostile);
  await waitForStatus(page, /Aucun document|documents? pour/);
  assert.equal(await count(page, 'img, svg'), 0, 'markup from the query was rendered');
  assert.ok((await page.textContent('.status')).includes('<img src=x onerror=alert(1)>'));

  await typeQuery(page, '?!;«»…');
  await waitForStatus(page, /Aucun document/);

  await page.fill('.q', 'Karabakh '.repeat(1200));
  await waitForCount(page, '.hit', ['==', 5], { timeout: 10000 });

  await page.fill('.q', '');
  await waitForCount(page, '.hit', ['==', 0]);
  assert.match(await page.textContent('.status'), /Tapez une recherche/);
  assertOffline(seen);
  await context.close();
});

test('a narrow screen (375 px) shows the same results', async (browser) => {
  const { context, page, seen } = await open(browser, { width: 375, height: 800 });
  await typeQuery(page, 'soldats de la paix');
  await waitForCount(page, '.hit', ['>=', 1]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, 'the page scrolls sideways at 375 px');
  await page.screenshot({ path: join(shots, '03-search-375px.png'), fullPage: false });
  assertOffline(seen);
  await context.close();
});

const browser = await launch();
let failed = 0;
for (const { name, fn } of tests) {
  try {
    await fn(browser);
    console.log(`  ok   ${name}`);
  } catch (error) {
    failed += 1;
    console.log(`  FAIL ${name}\n       ${String(error && error.stack || error).split('\n').join('\n       ')}`);
  }
}
await browser.close();
console.log(`${tests.length - failed}/${tests.length} end-to-end tests passed; screenshots in ${shots}`);
process.exit(failed ? 1 : 0);
