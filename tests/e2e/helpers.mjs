// What the end-to-end tests share: opening a page while recording every
// request and error, reading the explorer inside its shadow root, waiting
// on it (function predicates only: the pages' CSP forbids evaluating
// strings), screenshots and the accessibility check.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const root = resolve(here, '..', '..');
export const dist = join(root, 'dist');
export const shots = join(root, 'target', 'e2e');
mkdirSync(shots, { recursive: true });
export const pageUrl = pathToFileURL(join(dist, 'index.html')).href;

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 780 };

/** Opens `url` in a fresh context; records requests, errors and dialogs.
 *  `init` runs in every frame before the page's own scripts. */
export async function open(browser, {
  url = pageUrl, viewport = DESKTOP, ready = true, context: options = {}, init = null,
} = {}) {
  const context = await browser.newContext({ viewport, ...options });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const seen = { requests: [], errors: [], dialogs: [] };
  context.on('request', (request) => seen.requests.push(request.url()));
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  page.on('console', (msg) => { if (msg.type() === 'error') seen.errors.push(msg.text()); });
  page.on('dialog', async (dialog) => { seen.dialogs.push(dialog.message()); await dialog.dismiss(); });
  const started = Date.now();
  await page.goto(url);
  if (ready) await page.waitForSelector('recoupe-explorer .q:not([disabled])', { timeout: 20000 });
  return { context, page, seen, loadMs: Date.now() - started };
}

/** No request beyond the page's own files; no error; no dialog. */
export function assertClean(seen, allowed) {
  const own = (url) => allowed.some((a) => url.split('#')[0] === a) || url.startsWith('data:') || url.startsWith('blob:');
  assert.deepEqual(seen.requests.filter((url) => !own(url)), [], 'requests beyond the page\'s own files');
  assert.deepEqual(seen.errors, [], 'errors in the page');
  assert.deepEqual(seen.dialogs, [], 'a dialog opened');
}

export async function typeQuery(page, text, scope = 'recoupe-explorer') {
  const input = page.locator(scope).first().locator('.q');
  await input.fill('');
  await input.pressSequentially(text, { delay: 10 });
}

export const count = (page, selector, n = 0) => page.evaluate(([sel, i]) =>
  document.querySelectorAll('recoupe-explorer')[i].shadowRoot.querySelectorAll(sel).length, [selector, n]);

export const texts = (page, selector, n = 0) => page.evaluate(([sel, i]) =>
  [...document.querySelectorAll('recoupe-explorer')[i].shadowRoot.querySelectorAll(sel)].map((e) => e.textContent),
[selector, n]);

export const waitForCount = (page, selector, [op, want], { n = 0, timeout = 10000 } = {}) =>
  page.waitForFunction(([sel, o, w, i]) => {
    const found = document.querySelectorAll('recoupe-explorer')[i].shadowRoot.querySelectorAll(sel).length;
    return o === '==' ? found === w : found >= w;
  }, [selector, op, want, n], { timeout });

export const status = (page, n = 0) => page.evaluate((i) =>
  document.querySelectorAll('recoupe-explorer')[i].shadowRoot.querySelector('.status').textContent, n);

export const waitForStatus = (page, pattern, n = 0) => page.waitForFunction(([source, flags, i]) =>
  new RegExp(source, flags).test(document.querySelectorAll('recoupe-explorer')[i].shadowRoot.querySelector('.status').textContent),
[pattern.source, pattern.flags, n]);

/** The focused element inside the explorer: "tag.class text". */
export const focused = (page, n = 0) => page.evaluate((i) => {
  const a = document.querySelectorAll('recoupe-explorer')[i].shadowRoot.activeElement;
  return a ? `${a.tagName.toLowerCase()}.${a.className} ${a.textContent.trim().slice(0, 60)}` : '';
}, n);

export const viewOf = (page, n = 0) => page.evaluate((i) =>
  document.querySelectorAll('recoupe-explorer')[i].shadowRoot.querySelector('main').dataset.view, n);

export const waitForView = (page, view, n = 0) => page.waitForFunction(([v, i]) =>
  document.querySelectorAll('recoupe-explorer')[i].shadowRoot.querySelector('main').dataset.view === v, [view, n]);

export async function noSidewaysScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(shots, name + '.png'), fullPage: false });
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core over the page (open shadow roots included): the serious and
 * critical violations, as "rule: target" lines. The script is added as a
 * tag, which the page's CSP would refuse: the context must be opened with
 * bypassCSP (the CSP itself is tested on its own).
 */
export async function accessibilityViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target) + ' ' + (n.failureSummary || '').split('\n').slice(1, 2).join('')),
    }));
  });
  return {
    serious: result.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
    minor: result.filter((v) => v.impact !== 'serious' && v.impact !== 'critical'),
  };
}

/**
 * Runs `tests` ({name, fn(browser)}) one after the other in one browser, or
 * only those whose name holds `only`; prints each outcome and a summary
 * naming `suite`, and exits with 1 if one failed.
 */
export async function runTests(tests, suite, only) {
  const browser = await launch();
  const chosen = only ? tests.filter((t) => t.name.includes(only)) : tests;
  let failed = 0;
  const started = Date.now();
  for (const { name, fn } of chosen) {
    const t0 = Date.now();
    try {
      await fn(browser);
      console.log(`  ok   ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (error) {
      failed += 1;
      console.log(`  FAIL ${name}\n       ${String((error && error.stack) || error).split('\n').join('\n       ')}`);
    }
  }
  await browser.close();
  console.log(`${chosen.length - failed}/${chosen.length} ${suite} passed in ${((Date.now() - started) / 1000).toFixed(0)} s; screenshots in ${shots}`);
  process.exit(failed ? 1 : 0);
}
