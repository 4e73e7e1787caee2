// End-to-end over a hostile corpus (tests/fixtures/hostile: markup, script,
// `javascript:` links, event handlers, bidi overrides, zero-width and
// combining characters in titles, bodies, statements, speaker names, an
// outlet's name, a document's id, and in a conflict's positions): the full
// page from file://, the widget on a host page and the hosted variant
// under its CSP visit every view, with
// hostile queries and claims typed in. Fails on any dialog, any call of
// alert/confirm/prompt/print (the payloads' calls, recorded by an init
// script), any CSP violation, any element made from corpus text (a
// MutationObserver inside the shadow root), any `on…` attribute or link
// that does not stay on the page, any request beyond the page's own files;
// and checks the hostile strings are on screen as text.
//
// usage: node tests/e2e/hostile.mjs DIST_DIR   (a page built over the fixture;
// ./build.sh test builds target/dist-hostile and runs this)
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from './server.mjs';
import {
  PHONE, assertClean, count, noSidewaysScroll, open, screenshot, status, texts, typeQuery,
  waitForCount, waitForView,
  runTests,
} from './helpers.mjs';

const dir = resolve(process.argv[2] || 'target/dist-hostile');
const pageUrl = pathToFileURL(join(dir, 'index.html')).href;
const scriptUrl = pathToFileURL(join(dir, 'recoupe-explorer.js')).href;

// Strings of the fixture, as they must show.
const SCRIPT_IN_STATEMENT = '<script>alert(2)</script>';
const IMG_IN_STATEMENT = '<img src=x onerror=alert(1)>';
const SCRIPT_IN_TITLE = 'Attaque du pont de Valmorel <script>alert(11)</script>';
const SVG_IN_TITLE = '"><svg onload=alert(21)> Valmorel';
const HOSTILE_ID = '<img src=x onerror=alert(20)>';
const HOSTILE_OUTLET = '<img src=x onerror=alert(49)> Le Journal';
const SCRIPT_IN_CONFLICT = '<script>alert(25)</script>';
/** A speaker's name with a right-to-left override in it (as stored), and
 *  as shown: the page drops direction controls, so nothing reads reversed. */
const BIDI_SPEAKER = 'gendarmerie\u202e';
const BIDI_SHOWN = 'gendarmerie';
const AFTER_BIDI = 'l\'attaque du pont de Valmorel en Moldavie le 10 mars a fait 15 morts';
const BIDI_TITLE = 'Valmorel : un témoin raconte l\'attaque';
const DOC_01 = '01_depeche_valmorel.txt';

/** What the page shows of a string (direction controls dropped). */
const shown = (text) => text.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');

/** Typed as queries, claims and dates. */
const HOSTILE_INPUTS = [
  '<script>alert(2)</script>',
  '"><svg onload=alert(21)>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(4)',
  '\u202egendarmerie <b onmouseover=alert(80)>Valmorel</b>',
  '{{constructor.constructor(\'alert(81)\')()}} ${alert(82)}',
];

/**
 * Runs in every frame before the page's scripts: the payloads' functions
 * record instead of acting; CSP violations are recorded; every element
 * added inside any shadow root (where the explorer draws) is checked as it
 * comes: a tag that can run or fetch something, an `on…` attribute, or a
 * link leaving the page is recorded.
 */
function watch() {
  const record = { calls: [], violations: [], elements: [] };
  Object.defineProperty(window, '__hostile', { value: record });
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = (...args) => { record.calls.push(`${name}(${args.join(', ')})`); };
  }
  document.addEventListener('securitypolicyviolation',
    (e) => record.violations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
  const BANNED = new Set(['SCRIPT', 'IMG', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'FRAME', 'BASE', 'LINK',
    'META', 'STYLE', 'IMAGE', 'MATH', 'VIDEO', 'AUDIO', 'SOURCE', 'TEMPLATE', 'B', 'FOREIGNOBJECT']);
  const check = (node) => {
    if (node.nodeType !== 1) return;
    for (const n of [node, ...node.querySelectorAll('*')]) {
      const tag = n.tagName.toUpperCase();
      if (BANNED.has(tag)) record.elements.push(`<${n.tagName.toLowerCase()}>`);
      for (const a of n.attributes) {
        if (/^on/i.test(a.name)) record.elements.push(`${n.tagName.toLowerCase()}[${a.name}]`);
        if (/^(href|src|action|formaction|xlink:href)$/i.test(a.name) && !a.value.startsWith('#')) {
          record.elements.push(`${n.tagName.toLowerCase()}[${a.name}=${a.value}]`);
        }
      }
    }
  };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachShadow(init) {
    const root = attach.call(this, init);
    new MutationObserver((changes) => {
      for (const change of changes) {
        if (change.type === 'attributes') check(change.target);
        for (const node of change.addedNodes) check(node);
      }
    }).observe(root, { childList: true, subtree: true, attributes: true });
    return root;
  };
}

/** Opens a page with the watch installed before anything of it runs. */
const openWatched = (browser, options = {}) => open(browser, { url: pageUrl, ...options, init: watch });

/** Nothing ran, nothing was made of corpus text: the watch's record, and a
 *  scan of the page as it is now. */
async function assertInert(page, where) {
  const found = await page.evaluate(() => {
    const out = [];
    const roots = [...document.querySelectorAll('recoupe-explorer')].map((e) => e.shadowRoot);
    for (const root of roots) {
      for (const n of root.querySelectorAll('*')) {
        for (const a of n.attributes) if (/^on/i.test(a.name)) out.push(`${n.tagName}[${a.name}]`);
      }
      const made = root.querySelectorAll('script, img, svg, iframe, object, embed, b, image, math, style, link, base');
      if (made.length) out.push(`${made.length} elements: ${[...made].map((m) => m.tagName).join(' ')}`);
      for (const a of root.querySelectorAll('a')) if (!a.getAttribute('href').startsWith('#')) out.push(`a[href=${a.getAttribute('href')}]`);
      // Direction controls reverse what follows them: none is shown.
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        if (/[\u202a-\u202e\u2066-\u2069]/.test(t.data)) out.push(`direction control in ${JSON.stringify(t.data.slice(0, 40))}`);
      }
      for (const n of root.querySelectorAll('[title], [aria-label]')) {
        const said = `${n.getAttribute('title') || ''}${n.getAttribute('aria-label') || ''}`;
        if (/[\u202a-\u202e\u2066-\u2069]/.test(said)) out.push(`direction control in ${n.tagName} title or label`);
      }
    }
    // The host document: only what the page itself holds.
    const light = document.body.querySelectorAll('script, img, svg, iframe, object, embed');
    const own = [...light].filter((n) => !(n.tagName === 'SCRIPT' && (n.src.endsWith('recoupe-explorer.js') || n.textContent.includes('recoupe-explorer'))));
    if (own.length) out.push(`light DOM: ${own.map((n) => n.outerHTML.slice(0, 60)).join(' ')}`);
    for (const n of document.querySelectorAll('body *')) {
      for (const a of n.attributes) if (/^on/i.test(a.name)) out.push(`light ${n.tagName}[${a.name}]`);
    }
    return { scan: out, ...window.__hostile };
  });
  assert.deepEqual(found.calls, [], `${where}: a payload ran`);
  assert.deepEqual(found.violations, [], `${where}: CSP violations`);
  assert.deepEqual(found.elements, [], `${where}: elements or attributes made from corpus text`);
  assert.deepEqual(found.scan, [], `${where}: found in the page`);
}

const statusIncludes = (page, text, n = 0) => page.waitForFunction(([want, i]) =>
  document.querySelectorAll('recoupe-explorer')[i].shadowRoot.querySelector('.status').textContent.includes(want), [text, n]);

/** The text a reader sees in explorer `n` (rendered text: hidden blocks excluded). */
const visibleText = (page, n = 0) => page.evaluate((i) =>
  document.querySelectorAll('recoupe-explorer')[i].shadowRoot.querySelector('.root').innerText, n);

async function assertShown(page, needles, where, n = 0) {
  const shown = await visibleText(page, n);
  for (const needle of needles) {
    assert.ok(shown.includes(needle), `${where}: ${JSON.stringify(needle)} not shown as text`);
  }
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('hostile queries over a hostile corpus: hits, facets and statements render as text', async (browser) => {
  const { context, page, seen } = await openWatched(browser);
  for (const q of HOSTILE_INPUTS) {
    await typeQuery(page, q);
    // The answer to the whole query, quoted as typed.
    await statusIncludes(page, shown(q.trim()));
    assert.match(await status(page), /Aucun document|documents? pour/);
    await assertInert(page, `query ${q}`);
  }
  // A query the corpus answers: markup in the query, in titles, snippets and statements.
  await typeQuery(page, SCRIPT_IN_STATEMENT);
  await statusIncludes(page, SCRIPT_IN_STATEMENT);
  await waitForCount(page, '.hit', ['>=', 1]);
  await assertShown(page, [SCRIPT_IN_STATEMENT, SCRIPT_IN_TITLE], 'search');
  assert.ok((await texts(page, '.said .words')).some((w) => w.includes(SCRIPT_IN_STATEMENT)), 'statement with markup in a hit');
  assert.ok((await texts(page, '.compare-claim a')).some((a) => a.includes(SCRIPT_IN_STATEMENT)));
  await screenshot(page, 'hostile-01-search');
  // Every document: the hostile titles, id, outlet and speakers.
  await typeQuery(page, 'Valmorel');
  await statusIncludes(page, 'Valmorel');
  await waitForCount(page, '.hit', ['>=', 5]);
  await assertShown(page, [SCRIPT_IN_TITLE, SVG_IN_TITLE, HOSTILE_ID, HOSTILE_OUTLET], 'search Valmorel');
  assert.ok((await texts(page, '.facet .facet-label')).includes(HOSTILE_OUTLET), 'the outlet facet');
  // Filter by the hostile outlet, then by the speaker with a bidi override.
  await page.locator('recoupe-explorer .facet label', { hasText: HOSTILE_OUTLET }).click();
  await waitForCount(page, '.hit', ['==', 1]);
  await page.locator('recoupe-explorer .clear').click();
  await waitForCount(page, '.hit', ['>=', 5]);
  const bidi = page.locator('recoupe-explorer .facet label', { hasText: BIDI_SHOWN });
  if (await bidi.count() === 0) await page.locator('recoupe-explorer .facet', { hasText: 'Qui parle' }).locator('.more').click();
  await bidi.click();
  await page.waitForURL(/speaker=/);
  await waitForCount(page, '.hit', ['==', 1]);
  assert.ok((await texts(page, '.said .who')).includes(BIDI_SHOWN));
  await assertShown(page, [AFTER_BIDI, BIDI_TITLE], 'search, a speaker with a bidi override');
  await screenshot(page, 'hostile-02-search-speaker');
  await assertInert(page, 'search');
  assertClean(seen, [pageUrl]);
  await context.close();
});

test('document view: markup in titles, bodies, statements, ids and outlets shows as text', async (browser) => {
  const { context, page, seen } = await openWatched(browser);
  await typeQuery(page, 'troupes');
  await statusIncludes(page, 'troupes');
  await page.locator(`recoupe-explorer .hit[data-id="${DOC_01}"] .hit-title a`).click();
  await waitForView(page, 'document');
  assert.ok(await count(page, '.stmt') >= 3, 'statements highlighted');
  await assertShown(page, [SCRIPT_IN_TITLE, SCRIPT_IN_STATEMENT, IMG_IN_STATEMENT,
    '"><svg onload=alert(3)>', '<a href="javascript:alert(4)">a été fermé</a>'], 'document 01');
  const said = (await texts(page, '.stmt .said-text')).join('\n');
  assert.ok(said.includes(SCRIPT_IN_STATEMENT) && said.includes(IMG_IN_STATEMENT), 'the statement with markup is highlighted');
  // The caption (hidden until asked) holds a payload too.
  const reveal = page.locator('recoupe-explorer .reveal');
  if (await reveal.count()) {
    await reveal.click();
    await assertShown(page, ['<svg/onload=confirm(5)>'], 'document 01, removed text shown');
  }
  await screenshot(page, 'hostile-03-document');
  await assertInert(page, 'document 01');
  // The document whose id is markup: reached by a link, its id in the address.
  await page.goBack();
  await waitForView(page, 'search');
  await typeQuery(page, 'Valmorel');
  await statusIncludes(page, 'Valmorel');
  await waitForCount(page, '.hit', ['>=', 5]);
  await page.locator('recoupe-explorer .hit', { hasText: SVG_IN_TITLE }).locator('.hit-title a').click();
  await waitForView(page, 'document');
  assert.ok(page.url().includes(encodeURIComponent(HOSTILE_ID).replace(/%20/g, '+')) || page.url().includes('%3Cimg'), page.url());
  await assertShown(page, [SVG_IN_TITLE, HOSTILE_ID, SCRIPT_IN_CONFLICT, '<script>print()</script>'], 'document with a hostile id');
  await assertInert(page, 'document with a hostile id');
  // The outlet's name is markup; the title came from entities (&lt;script&gt;).
  await page.goto(`${pageUrl}#doc=04_page_valmorel.html`);
  await waitForView(page, 'document');
  await assertShown(page, [HOSTILE_OUTLET, 'Valmorel <script>alert(41)</script>', '"><svg onload=alert(43)> Henri Vasseur'], 'document 04');
  // The HTML file's own tags and scripts were its markup: read, never kept.
  const body = await visibleText(page);
  for (const gone of ['alert(40)', 'alert(42)', 'alert(44)', 'alert(47)', 'alert(48)']) {
    assert.ok(!body.includes(gone), `document 04: the HTML file's own markup became text: ${gone}`);
  }
  // Bidi overrides, zero-width and combining characters stay inside their element.
  await page.goto(`${pageUrl}#doc=agence-bidi`);
  await waitForView(page, 'document');
  assert.ok(await count(page, '.stmt') >= 2);
  await assertShown(page, [BIDI_TITLE, AFTER_BIDI, 'Zoé K'], 'document agence-bidi');
  await screenshot(page, 'hostile-04-document-bidi');
  await assertInert(page, 'document agence-bidi');
  assertClean(seen, [pageUrl]);
  await context.close();
});

test('conflicts, compare (from a conflict, a statement, a typed claim) and timeline: hostile strings as text', async (browser) => {
  const { context, page, seen } = await openWatched(browser);
  await page.locator('recoupe-explorer .views a', { hasText: 'Conflits' }).click();
  await waitForView(page, 'conflicts');
  assert.ok(await count(page, '.card.conflict') >= 1, 'a conflict');
  await assertShown(page, [HOSTILE_ID, SCRIPT_IN_CONFLICT, BIDI_SHOWN, AFTER_BIDI], 'conflicts');
  await screenshot(page, 'hostile-05-conflicts');
  await assertInert(page, 'conflicts');
  // The comparison of the conflict whose positions carry the payloads.
  await page.locator('recoupe-explorer .card.conflict', { hasText: SCRIPT_IN_CONFLICT }).locator('.card-title a').click();
  await waitForView(page, 'compare');
  assert.ok(await count(page, '.comparison thead th') >= 3, 'sources as columns');
  await assertShown(page, [SCRIPT_IN_CONFLICT, BIDI_SHOWN, AFTER_BIDI, IMG_IN_STATEMENT.replace('alert(1)', 'alert(12)')],
    'compare from a conflict');
  await screenshot(page, 'hostile-06-compare-conflict');
  await assertInert(page, 'compare from a conflict');
  // From a statement: the minister's, whose words hold a script tag.
  await page.goto(`${pageUrl}#doc=${DOC_01}`);
  await waitForView(page, 'document');
  const stmt = page.locator('recoupe-explorer .stmt', { hasText: SCRIPT_IN_STATEMENT });
  await stmt.locator('.chip-button').first().click();
  await waitForView(page, 'compare');
  assert.match(page.url(), /view=compare&statement=/);
  assert.ok((await texts(page, '.start-statement blockquote'))[0].includes(SCRIPT_IN_STATEMENT), 'the statement compared, shown first');
  await assertInert(page, 'compare from a statement');
  // A typed claim full of markup: quoted as typed.
  const claim = '<script>alert(2)</script> l\'attaque du pont a fait 30 morts le 10 mars <img src=x onerror=alert(1)>';
  await page.locator('recoupe-explorer .claim').fill(claim);
  await page.keyboard.press('Enter');
  await page.waitForURL(/claim=/);
  await waitForView(page, 'compare');
  assert.ok((await texts(page, '.view-title')).some((t) => t.includes(claim)), 'the claim quoted as typed');
  assert.ok(await count(page, '.comparison thead th') >= 3, 'the typed claim compares sources');
  await screenshot(page, 'hostile-07-compare-claim');
  await assertInert(page, 'compare a typed claim');
  for (const q of HOSTILE_INPUTS) {
    await page.goto(`${pageUrl}#view=compare&claim=${encodeURIComponent(q)}`);
    await waitForView(page, 'compare');
    await page.waitForTimeout(30);
    await assertInert(page, `claim ${q}`);
  }
  // Timeline: the entries, a speaker with a bidi override, hostile dates typed.
  await page.locator('recoupe-explorer .views a', { hasText: 'Chronologie' }).click();
  await waitForView(page, 'timeline');
  assert.ok(await count(page, '.entry') >= 3, 'timeline entries');
  await assertShown(page, [SCRIPT_IN_STATEMENT, BIDI_SHOWN, AFTER_BIDI], 'timeline');
  await screenshot(page, 'hostile-08-timeline');
  await page.locator('recoupe-explorer #tl-source').selectOption(BIDI_SPEAKER);
  await page.waitForURL(/source=/);
  await waitForCount(page, '.entry', ['>=', 1]);
  await page.locator('recoupe-explorer #tl-from').fill(HOSTILE_INPUTS[1]);
  await page.locator('recoupe-explorer #tl-to').fill(HOSTILE_INPUTS[0]);
  await page.keyboard.press('Enter');
  await page.waitForURL(/from=/);
  await page.waitForTimeout(50);
  await assertInert(page, 'timeline');
  for (const hash of [`#view=timeline&from=${encodeURIComponent(HOSTILE_INPUTS[2])}&source=${encodeURIComponent(HOSTILE_INPUTS[1])}`,
    `#doc=${encodeURIComponent(HOSTILE_INPUTS[1])}`, `#view=compare&statement=${encodeURIComponent(HOSTILE_INPUTS[0])}`,
    `#view=compare&conflict=${encodeURIComponent(HOSTILE_INPUTS[2])}`, `#q=${encodeURIComponent(HOSTILE_INPUTS[4])}&speaker=${encodeURIComponent(HOSTILE_INPUTS[0])}`]) {
    await page.goto(pageUrl + hash);
    await page.waitForTimeout(50);
    await assertInert(page, hash);
  }
  assertClean(seen, [pageUrl]);
  await context.close();
});

test('375 px wide: the hostile corpus\'s views do not scroll sideways', async (browser) => {
  const { context, page, seen } = await openWatched(browser, { viewport: PHONE });
  for (const [hash, view] of [['#q=Valmorel', 'search'], [`#doc=${encodeURIComponent(HOSTILE_ID)}`, 'document'],
    ['#view=conflicts', 'conflicts'], ['#view=compare&conflict=K1', 'compare'], ['#view=timeline', 'timeline']]) {
    await page.goto(pageUrl + hash);
    await waitForView(page, view);
    await noSidewaysScroll(page);
    if (view === 'compare') await screenshot(page, 'hostile-09-compare-375');
  }
  await assertInert(page, '375 px');
  assertClean(seen, [pageUrl]);
  await context.close();
});

test('the widget on a host page: a hostile query attribute, every view, nothing runs', async (browser) => {
  // A host page as a site owner writes it: the script and the element, its
  // query attribute holding markup (an attribute value, as text).
  const host = join(dir, 'embed-hostile.html');
  writeFileSync(host, ['<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>hôte</title></head><body>',
    '<script src="recoupe-explorer.js"></script>',
    '<recoupe-explorer query="&lt;script&gt;alert(2)&lt;/script&gt;"></recoupe-explorer>',
    '</body></html>', ''].join('\n'));
  const url = pathToFileURL(host).href;
  const { context, page, seen } = await openWatched(browser, { url });
  await waitForCount(page, '.hit', ['>=', 1]);
  assert.ok((await status(page)).includes(SCRIPT_IN_STATEMENT));
  await assertShown(page, [SCRIPT_IN_TITLE, SCRIPT_IN_STATEMENT], 'widget search');
  // The host sets the query: markup again.
  await page.evaluate((q) => document.querySelector('recoupe-explorer').setAttribute('query', q), HOSTILE_INPUTS[1]);
  await statusIncludes(page, HOSTILE_INPUTS[1]);
  assert.match(await status(page), /documents? pour/);
  await typeQuery(page, 'Valmorel');
  await statusIncludes(page, 'Valmorel');
  await waitForCount(page, '.hit', ['>=', 5]);
  await page.locator('recoupe-explorer .hit', { hasText: SCRIPT_IN_TITLE }).locator('.hit-title a').click();
  await waitForView(page, 'document');
  await assertShown(page, [SCRIPT_IN_STATEMENT, IMG_IN_STATEMENT], 'widget document');
  await page.locator('recoupe-explorer .stmt', { hasText: SCRIPT_IN_STATEMENT }).locator('.chip-button').first().click();
  await waitForView(page, 'compare');
  await assertShown(page, [SCRIPT_IN_STATEMENT], 'widget compare from a statement');
  await page.locator('recoupe-explorer .views a', { hasText: 'Conflits' }).click();
  await waitForView(page, 'conflicts');
  await assertShown(page, [HOSTILE_ID, SCRIPT_IN_CONFLICT], 'widget conflicts');
  await page.locator('recoupe-explorer .card.conflict .card-title a').first().click();
  await waitForView(page, 'compare');
  assert.ok(await count(page, '.comparison thead th') >= 3);
  await page.locator('recoupe-explorer .views a', { hasText: 'Chronologie' }).click();
  await waitForView(page, 'timeline');
  await assertShown(page, [SCRIPT_IN_STATEMENT, BIDI_SHOWN, AFTER_BIDI], 'widget timeline');
  await page.locator('recoupe-explorer .views a', { hasText: 'Comparer' }).click();
  await waitForView(page, 'compare');
  await page.locator('recoupe-explorer .claim').fill(HOSTILE_INPUTS[2] + ' 30 morts');
  await page.keyboard.press('Enter');
  await page.waitForFunction((q) => document.querySelector('recoupe-explorer').shadowRoot
    .querySelector('.view-title').textContent.includes(q), HOSTILE_INPUTS[2]);
  await screenshot(page, 'hostile-10-widget');
  assert.equal(new URL(page.url()).hash, '', 'the widget changed the host page\'s address');
  await assertInert(page, 'widget');
  assertClean(seen, [url, scriptUrl]);
  await context.close();
});

test('hosted under its CSP: the hostile corpus asks for nothing but the page\'s own files', async (browser) => {
  const server = await serve(join(dir, 'web'));
  try {
    const { context, page, seen } = await openWatched(browser, { url: server.url });
    await typeQuery(page, SCRIPT_IN_STATEMENT);
    await statusIncludes(page, SCRIPT_IN_STATEMENT);
    await waitForCount(page, '.hit', ['>=', 1]);
    await page.locator('recoupe-explorer .hit-title a').first().click();
    await waitForView(page, 'document');
    await assertShown(page, [SCRIPT_IN_STATEMENT, IMG_IN_STATEMENT], 'hosted document');
    for (const view of ['Conflits', 'Chronologie']) {
      await page.locator('recoupe-explorer .views a', { hasText: view }).click();
      await waitForCount(page, '.card, .entry', ['>=', 1]);
    }
    await assertInert(page, 'hosted');
    assertClean(seen, ['', 'page.css', 'recoupe-explorer.js', 'recoupe_bg.wasm'].map((f) => server.url + f));
    assert.deepEqual([...new Set(server.asked)].sort(), ['/', '/page.css', '/recoupe-explorer.js', '/recoupe_bg.wasm']);
    await context.close();
  } finally {
    await server.close();
  }
});

await runTests(tests, 'hostile-corpus tests', process.argv[3]);
