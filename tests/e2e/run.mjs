// End-to-end: headless Chromium (Debian's, driven by playwright-core) uses
// the built pages as a person would: dist/index.html from file://, the
// widget twice on a hostile article page, the hosted variant from a local
// server under its CSP. Every view is reached by clicking and by keys; no
// page may ask the network for anything but its own files; axe-core checks
// accessibility. Screenshots of every view, desktop and 375 px wide, go to
// target/e2e/ (look at them).
//
// usage: node tests/e2e/run.mjs [name filter]
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, HOSTED_POLICY } from './server.mjs';
import {
  PHONE, accessibilityViolations, assertClean, count, dist, focused, root,
  noSidewaysScroll, open, pageUrl, screenshot, shots, status, texts, typeQuery, viewOf,
  waitForCount, waitForStatus, waitForView,
  runTests,
} from './helpers.mjs';

const tests = [];
const test = (name, fn) => tests.push({ name, fn });
const SEED_002 = '002_8ed4da36b7d67b1b.txt';
const gold = JSON.parse(readFileSync(join(root, 'tests', 'gold', 'seeds.json'), 'utf8'));

test('search: results as you type, marked snippets, facets with counts, statements in hits', async (browser) => {
  const { context, page, seen, loadMs } = await open(browser);
  await typeQuery(page, 'cessez-le-feu');
  await waitForStatus(page, /^\d+ documents? pour «\scessez-le-feu\s»/);
  const hits = await count(page, '.hit');
  assert.ok(hits >= 3, `hits: ${hits}`);
  const marks = await texts(page, '.hit .snippet mark');
  assert.ok(marks.some((m) => /cessez|feu/i.test(m)), `marks: ${marks}`);
  assert.match(page.url(), /#q=cessez-le-feu$/);
  // Facets: groups with numeric counts, counted over every match.
  const legends = await texts(page, '.facet legend');
  assert.ok(legends.includes('Qui parle') && legends.includes('Date de publication'), `facets: ${legends}`);
  const counts = (await texts(page, '.facet .count')).map((c) => parseInt(c, 10));
  assert.ok(counts.length >= 4 && counts.every((n) => n >= 1 && n <= hits), `counts: ${counts}`);
  // Statements inside hits: a named speaker and the query's words marked.
  const said = await page.locator('recoupe-explorer .said').count();
  assert.ok(said >= 2, `statements in hits: ${said}`);
  const who = await texts(page, '.said .who');
  assert.ok(who.every((w) => w.trim().length > 1), `speakers: ${who}`);
  assert.ok(await count(page, '.said mark') >= 2);
  assert.equal(await page.locator('recoupe-explorer .status').getAttribute('role'), 'status');
  await screenshot(page, '01-search-desktop');
  assertClean(seen, [pageUrl]);
  console.log(`    page ready in ${loadMs} ms`);
  await context.close();
});

test('facets filter the results; back and forward undo and redo a filter', async (browser) => {
  const { context, page, seen } = await open(browser);
  await typeQuery(page, 'Karabakh');
  await waitForCount(page, '.hit', ['==', 5]);
  const december = page.locator('recoupe-explorer .facet label', { hasText: 'décembre 2020' });
  await december.click();
  await waitForCount(page, '.hit', ['==', 1]);
  assert.deepEqual(await page.$$eval('recoupe-explorer .hit', (h) => h.map((x) => x.dataset.id)), [SEED_002]);
  assert.match(page.url(), /month=2020-12/);
  assert.match(await focused(page), /^input/, 'the ticked box keeps the focus');
  assert.match(await texts(page, '.filters-toggle').then((t) => t[0]), /Filtres \(1\)/);
  await page.goBack();
  await waitForCount(page, '.hit', ['==', 5]);
  assert.equal(await page.locator('recoupe-explorer .facet input:checked').count(), 0);
  await page.goForward();
  await waitForCount(page, '.hit', ['==', 1]);
  // A speaker: every hit then shows what that speaker says.
  await page.goBack();
  await waitForCount(page, '.hit', ['==', 5]);
  const speaker = page.locator('recoupe-explorer .facet', { hasText: 'Qui parle' }).locator('label').first();
  const name = (await speaker.locator('.facet-label').textContent()).trim();
  await speaker.click();
  await page.waitForURL(/speaker=/);
  const shown = await texts(page, '.hit');
  const whoByHit = await page.$$eval('recoupe-explorer .hit', (hs) => hs.map((h) => [...h.querySelectorAll('.said .who')].map((w) => w.textContent)));
  assert.ok(shown.length >= 1 && whoByHit.every((w) => w.includes(name)), `${name}: ${JSON.stringify(whoByHit)}`);
  await page.locator('recoupe-explorer .clear').click();
  await waitForCount(page, '.hit', ['==', 5]);
  assertClean(seen, [pageUrl]);
  await context.close();
});

test('document: statements highlighted at the right offsets, speakers named, hidden text available', async (browser) => {
  const { context, page, seen } = await open(browser);
  await typeQuery(page, 'Hadrout');
  await page.locator(`recoupe-explorer .hit[data-id="${SEED_002}"] .hit-title a`).click();
  await waitForView(page, 'document');
  assert.match(page.url(), /doc=002_/);
  const stmts = await count(page, '.stmt');
  assert.ok(stmts >= 3, `statements: ${stmts}`);
  const sources = await texts(page, '.sources .source .who');
  assert.ok(sources.length >= 2, `sources: ${sources}`);
  // Offsets: no highlight starts or ends inside a word (bytes vs UTF-16
  // mistakes shift them by the accented letters before them).
  const cuts = await page.evaluate(() => {
    const shadow = document.querySelector('recoupe-explorer').shadowRoot;
    const bad = [];
    const letter = /[\p{L}\p{N}]/u;
    for (const stmt of shadow.querySelectorAll('.stmt')) {
      const said = stmt.querySelector('.said-text');
      const block = stmt.closest('.block, h2');
      const copy = block.cloneNode(true);
      for (const n of copy.querySelectorAll('.who, .block-label')) n.remove();
      const all = copy.textContent;
      const text = said.textContent;
      const at = all.indexOf(text);
      if (at < 0) { bad.push('not found: ' + text); continue; }
      const before = all[at - 1] || ' ';
      const after = all[at + text.length] || ' ';
      if (letter.test(before) && letter.test(text[0])) bad.push(`starts inside a word: …${all.slice(at - 10, at + 10)}`);
      if (letter.test(after) && letter.test(text[text.length - 1])) bad.push(`ends inside a word: ${all.slice(at + text.length - 10, at + text.length + 10)}…`);
    }
    return bad;
  });
  assert.deepEqual(cuts, []);
  // The hand-made reference's statements of this document, as highlighted.
  const saidTexts = (await texts(page, '.stmt .said-text')).map((t) => t.replace(/\s+/g, ''));
  const expected = gold.statements.filter((s) => s.doc === SEED_002).map((s) => s.content.replace(/\s+/g, ''));
  const found = expected.filter((e) => saidTexts.some((s) => s.includes(e) || e.includes(s)));
  assert.ok(found.length >= expected.length / 2, `reference statements highlighted: ${found.length}/${expected.length}`);
  // Spaces the source lost are shown back.
  const body = (await texts(page, '.doc-text')).join(' ');
  assert.ok(body.includes('ont attaqué') && !body.includes('ontattaqué'), 'lost spaces not shown back');
  assert.ok(!/\b(null|undefined|NaN)\b/.test(body));
  // A source's button goes to their statements.
  await page.locator('recoupe-explorer .sources .source').first().click();
  assert.match(await focused(page), /^span\.stmt/);
  await screenshot(page, '02-document-desktop');
  // Escape goes back to the results.
  await page.keyboard.press('Escape');
  await waitForView(page, 'search');
  await waitForCount(page, '.hit', ['>=', 1]);
  assertClean(seen, [pageUrl]);
  await context.close();
});

test('document: captions and removed boilerplate are hidden, a button shows them', async (browser) => {
  const { context, page, seen } = await open(browser);
  let checked = 0;
  for (const doc of Object.keys(gold.documents)) {
    await page.goto(`${pageUrl}#doc=${doc}`);
    await waitForView(page, 'document');
    const hidden = await count(page, '.block-caption, .block-boilerplate');
    if (!hidden) continue;
    checked += 1;
    const visible = () => page.evaluate(() => [...document.querySelector('recoupe-explorer').shadowRoot
      .querySelectorAll('.block-caption, .block-boilerplate')].filter((b) => b.offsetParent !== null).length);
    assert.equal(await visible(), 0, `${doc}: hidden blocks shown`);
    const reveal = page.locator('recoupe-explorer .reveal');
    await reveal.click();
    assert.equal(await visible(), hidden);
    assert.equal(await reveal.getAttribute('aria-pressed'), 'true');
    if (checked === 1) await screenshot(page, '02b-document-removed-shown');
  }
  assert.ok(checked >= 1, 'no seed has captions or boilerplate to show');
  assertClean(seen, [pageUrl]);
  await context.close();
});

test('keyboard: / to search, arrows through hits and statements, Enter opens, Escape returns', async (browser) => {
  const { context, page, seen } = await open(browser);
  await page.locator('recoupe-explorer .foot').click();
  await page.keyboard.press('/');
  assert.match(await focused(page), /^input\.q/);
  await page.keyboard.type('Pachinyan');
  // The results of the whole word, not of a start of it still on screen.
  await waitForStatus(page, /«\sPachinyan\s»/);
  await waitForCount(page, '.hit', ['>=', 2]);
  const marks = await texts(page, '.hit mark');
  assert.ok(marks.includes('Pachinian'), `typo tolerance marks: ${marks}`);
  await page.keyboard.press('ArrowDown');
  const first = await focused(page);
  assert.match(first, /^a\./);
  await page.keyboard.press('ArrowDown');
  const second = await focused(page);
  assert.notEqual(second, first);
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(page), first);
  await page.keyboard.press('Enter');
  await waitForView(page, 'document');
  await page.keyboard.press('Escape');
  await waitForView(page, 'search');
  assert.equal(await focused(page), first, 'back on the results, the link opened has the focus again');
  await page.keyboard.press('/');
  await page.keyboard.press('Escape'); // clears the box
  await waitForStatus(page, /Tapez une recherche/);
  // Focus is visible: the focused link draws an outline.
  await typeQuery(page, 'Latchine');
  await waitForStatus(page, /«\sLatchine\s»/);
  await waitForCount(page, '.hit', ['>=', 1]);
  await page.keyboard.press('ArrowDown');
  const outline = await page.evaluate(() => {
    const a = document.querySelector('recoupe-explorer').shadowRoot.activeElement;
    const style = getComputedStyle(a);
    return `${style.outlineStyle} ${style.outlineWidth}`;
  });
  assert.match(outline, /^solid [1-9]/, `focus outline: ${outline}`);
  assertClean(seen, [pageUrl]);
  await context.close();
});

test('hostile and strange queries render as text, answer promptly, never break the page', async (browser) => {
  const { context, page, seen } = await open(browser);
  const hostile = '<img src=x onerror=alert(1)>"><svg onload=alert(2)>';
  await typeQuery(page, hostile);
  await waitForStatus(page, /Aucun document|documents? pour/);
  assert.equal(await count(page, 'img, svg'), 0, 'markup from the query was rendered');
  assert.ok((await status(page)).includes('<img src=x onerror=alert(1)>'));
  await typeQuery(page, '?!;«»…');
  await waitForStatus(page, /Aucun document/);
  await page.locator('recoupe-explorer .q').fill('Karabakh '.repeat(1200));
  await waitForCount(page, '.hit', ['==', 5]);
  await page.locator('recoupe-explorer .q').fill('');
  await waitForCount(page, '.hit', ['==', 0]);
  assert.match(await status(page), /Tapez une recherche/);
  for (const hash of ['#doc=nope', '#view=compare&statement=%3Cb%3E', '#view=timeline&from=%3Cx', '#p=-4&q=Erevan&month=%00']) {
    await page.goto(pageUrl + hash);
    await page.waitForTimeout(50);
    assert.equal(await count(page, 'img, svg, b'), 0);
  }
  assertClean(seen, [pageUrl]);
  await context.close();
});

test('375 px wide: search and document usable, nothing scrolls sideways', async (browser) => {
  const { context, page, seen } = await open(browser, { viewport: PHONE });
  await typeQuery(page, 'soldats de la paix');
  await waitForCount(page, '.hit', ['>=', 1]);
  await noSidewaysScroll(page);
  // Facets fold away behind a button on a narrow screen.
  assert.equal(await page.locator('recoupe-explorer .facets').isVisible(), false);
  await page.locator('recoupe-explorer .filters-toggle').click();
  assert.equal(await page.locator('recoupe-explorer .facets').isVisible(), true);
  await screenshot(page, '01-search-375-filters');
  await page.locator('recoupe-explorer .filters-toggle').click();
  await screenshot(page, '01-search-375');
  await page.locator('recoupe-explorer .hit-title a').first().click();
  await waitForView(page, 'document');
  await noSidewaysScroll(page);
  await screenshot(page, '02-document-375');
  assertClean(seen, [pageUrl]);
  await context.close();
});

test('themes and languages: dark theme, English interface', async (browser) => {
  const { context, page, seen } = await open(browser, { context: { colorScheme: 'light' } });
  await typeQuery(page, 'Erevan');
  await waitForCount(page, '.hit', ['>=', 1]);
  const background = () => page.evaluate(() => getComputedStyle(document.querySelector('recoupe-explorer').shadowRoot.querySelector('.root')).backgroundColor);
  const light = await background();
  await page.locator('recoupe-explorer .tool', { hasText: 'Thème sombre' }).click();
  assert.equal(await page.locator('recoupe-explorer').getAttribute('data-theme'), 'dark');
  assert.notEqual(await background(), light);
  await screenshot(page, '06-search-dark');
  await page.locator('recoupe-explorer .tool', { hasText: 'English' }).click();
  await waitForStatus(page, /for "Erevan"/);
  assert.equal(await page.locator('recoupe-explorer .root').getAttribute('lang'), 'en');
  const legends = await texts(page, '.facet legend');
  assert.ok(legends.includes('Who speaks'), `legends: ${legends}`);
  await page.locator('recoupe-explorer .tool', { hasText: 'Français' }).click();
  await waitForStatus(page, /pour «\sErevan\s»/);
  // The system's dark setting is followed when no theme is set.
  const dark = await open(browser, { context: { colorScheme: 'dark' } });
  assert.equal(await dark.page.locator('recoupe-explorer').getAttribute('data-theme'), 'dark');
  await dark.context.close();
  assertClean(seen, [pageUrl]);
  await context.close();
});

test('conflicts, compare and timeline: reached by clicking, from a conflict, a statement and a typed claim', async (browser) => {
  const { context, page, seen } = await open(browser);
  const nav = await texts(page, '.views a');
  assert.deepEqual(nav, ['Recherche', 'Conflits', 'Chronologie', 'Comparer']);
  // Conflicts, by clicking.
  await page.locator('recoupe-explorer .views a', { hasText: 'Conflits' }).click();
  await waitForView(page, 'conflicts');
  assert.match(page.url(), /#view=conflicts$/);
  const cards = await count(page, '.card.conflict');
  assert.ok(cards >= 1, `conflict cards: ${cards}`);
  assert.ok(await count(page, '.card.conflict .position') >= 2);
  await screenshot(page, '03-conflicts-desktop');
  // A comparison from a conflict.
  await page.locator('recoupe-explorer .card.conflict .card-title a').first().click();
  await waitForView(page, 'compare');
  assert.match(page.url(), /view=compare&conflict=/);
  const columns = await count(page, '.comparison thead th');
  assert.ok(columns >= 3, `comparison columns: ${columns - 1}`);
  assert.ok(await count(page, '.comparison tbody tr') >= 2, 'rows by value');
  assert.ok(await count(page, '.item .badge.mark') >= 2, 'agree/differ marks');
  assert.ok(await count(page, 'tr.differs') >= 1, 'a row that differs');
  assert.ok(await count(page, 'mark.value') >= 1, 'the values highlighted in the passages');
  await screenshot(page, '04-compare-desktop');
  // Every passage links to its document, where it is marked.
  await page.locator('recoupe-explorer .item a').first().click();
  await waitForView(page, 'document');
  assert.equal(await count(page, 'mark.passage'), 1);
  assert.match(await focused(page), /^mark\.passage/);
  await page.goBack();
  await waitForView(page, 'compare');
  await page.goBack();
  await waitForView(page, 'conflicts');
  // Timeline, by clicking; then filtered by a source.
  await page.locator('recoupe-explorer .views a', { hasText: 'Chronologie' }).click();
  await waitForView(page, 'timeline');
  const entries = await count(page, '.entry');
  assert.ok(entries >= 2, `timeline entries: ${entries}`);
  const dates = await page.$$eval('recoupe-explorer .day time', (ts) => ts.map((t) => t.getAttribute('datetime')).filter(Boolean));
  assert.deepEqual(dates, [...dates].sort(), 'days in date order');
  await screenshot(page, '05-timeline-desktop');
  const select = page.locator('recoupe-explorer #tl-source');
  const option = await select.locator('option').nth(1).getAttribute('value');
  await select.selectOption(option);
  await page.waitForURL(/source=/);
  assert.ok(await count(page, '.entry') <= entries);
  // Compare a typed claim.
  await page.locator('recoupe-explorer .views a', { hasText: 'Comparer' }).click();
  await waitForView(page, 'compare');
  await page.locator('recoupe-explorer .claim').fill('l\'accord a été signé le 10 novembre');
  await page.keyboard.press('Enter');
  await page.waitForURL(/claim=/);
  assert.ok(await count(page, '.comparison thead th') >= 3, 'a typed claim compares two sources or more');
  assert.match((await texts(page, '.compare-title, .view-title'))[0], /10 novembre/);
  // Compare from a statement, in a document.
  await page.goto(`${pageUrl}#doc=${SEED_002}`);
  await waitForView(page, 'document');
  const chip = page.locator('recoupe-explorer .stmt .chip-button').first();
  const speaker = (await chip.textContent()).trim();
  await chip.click();
  await waitForView(page, 'compare');
  assert.match(page.url(), /view=compare&statement=/);
  assert.equal((await texts(page, '.start-statement .who'))[0], speaker, 'the statement compared is shown first');
  // An empty comparison says so.
  await page.goto(`${pageUrl}#view=compare&claim=${encodeURIComponent('zzzz qqqq')}`);
  await waitForView(page, 'compare');
  assert.equal(await count(page, '.comparison'), 0);
  assert.ok((await texts(page, '.explanation'))[0].length > 0);
  assertClean(seen, [pageUrl]);
  await context.close();
});

test('keyboard reaches every view: navigation links, arrows into lists, Enter, Escape', async (browser) => {
  const { context, page, seen } = await open(browser);
  // Tab from the search box reaches the view links.
  await page.locator('recoupe-explorer .q').focus();
  for (let i = 0; i < 6 && !/Conflits/.test(await focused(page)); i += 1) await page.keyboard.press('Tab');
  assert.match(await focused(page), /^a\.view-link Conflits/);
  await page.keyboard.press('Enter');
  await waitForView(page, 'conflicts');
  // "/" then arrows: into the list of conflicts; Enter opens the comparison.
  await page.keyboard.press('/');
  await page.keyboard.press('ArrowDown');
  assert.match(await focused(page), /^a\. /, 'the first conflict has the focus');
  await page.keyboard.press('Enter');
  await waitForView(page, 'compare');
  await page.keyboard.press('Escape');
  await waitForView(page, 'conflicts');
  for (const name of ['Chronologie', 'Comparer', 'Recherche']) {
    await page.locator('recoupe-explorer .views a', { hasText: name }).focus();
    await page.keyboard.press('Enter');
    await waitForView(page, { Chronologie: 'timeline', Comparer: 'compare', Recherche: 'search' }[name]);
  }
  assertClean(seen, [pageUrl]);
  await context.close();
});

test('every view at 375 px: usable, nothing scrolls sideways', async (browser) => {
  const { context, page, seen } = await open(browser, { viewport: PHONE });
  for (const [hash, name] of [['#view=conflicts', '03-conflicts-375'], ['#view=compare&conflict=K1', '04-compare-375'],
    ['#view=timeline', '05-timeline-375']]) {
    await page.goto(pageUrl + hash);
    await waitForView(page, hash.match(/view=(\w+)/)[1]);
    await noSidewaysScroll(page);
    await screenshot(page, name);
  }
  assertClean(seen, [pageUrl]);
  await context.close();
});

test('the widget twice on an article page with hostile CSS: isolated, themable, no globals, select events', async (browser) => {
  const embedUrl = pathToFileURL(join(dist, 'embed.html')).href;
  // What a page without the widget has (file://, like the article page).
  const blankFile = join(shots, 'blank.html');
  writeFileSync(blankFile, '<!doctype html><title>x</title>');
  const blank = await browser.newContext();
  const blankPage = await blank.newPage();
  await blankPage.goto(pathToFileURL(blankFile).href);
  const baseline = new Set(await blankPage.evaluate(() => Object.getOwnPropertyNames(window)));
  await blank.close();

  const { context, page, seen } = await open(browser, { url: embedUrl });
  await page.waitForFunction(() => [...document.querySelectorAll('recoupe-explorer')]
    .every((e) => e.shadowRoot.querySelectorAll('.hit').length > 0));
  const added = (await page.evaluate(() => Object.getOwnPropertyNames(window))).filter((n) => !baseline.has(n));
  assert.deepEqual(added, [], 'globals added by the widget');
  assert.ok(await page.evaluate(() => Boolean(customElements.get('recoupe-explorer'))));
  // Two instances, two states.
  assert.match(await status(page, 0), /pour «\scessez-le-feu\s»/);
  assert.match(await status(page, 1), /for "Latchine"/);
  assert.equal(await page.locator('recoupe-explorer').nth(1).getAttribute('data-theme'), 'dark');
  const second = await texts(page, '.hit', 1);
  await typeQuery(page, 'Erevan', 'recoupe-explorer >> nth=0');
  await waitForStatus(page, /pour «\sErevan\s»/, 0);
  assert.deepEqual(await texts(page, '.hit', 1), second, 'typing in one widget changed the other');
  // The host's CSS does not reach in; ours does not reach out.
  const inside = await page.evaluate(() => {
    const shadow = document.querySelector('recoupe-explorer').shadowRoot;
    const link = getComputedStyle(shadow.querySelector('.hit-title a'));
    const input = getComputedStyle(shadow.querySelector('.q'));
    const hit = getComputedStyle(shadow.querySelector('.hit'));
    return { font: link.fontFamily, transform: link.textTransform, border: input.borderTopStyle, hit: hit.display };
  });
  assert.ok(!/Georgia/.test(inside.font) && inside.transform === 'none' && inside.border !== 'dashed' && inside.hit !== 'none',
    `host CSS leaked in: ${JSON.stringify(inside)}`);
  const outside = await page.evaluate(() => getComputedStyle(document.querySelector('article > p')).fontFamily);
  assert.match(outside, /Georgia/);
  // Custom properties theme it.
  await page.evaluate(() => document.querySelectorAll('recoupe-explorer')[1].style.setProperty('--recoupe-accent', 'rgb(200, 0, 100)'));
  const accent = await page.evaluate(() => getComputedStyle(document.querySelectorAll('recoupe-explorer')[1]
    .shadowRoot.querySelector('.hit-title a')).color);
  assert.equal(accent, 'rgb(200, 0, 100)');
  // The select event tells the host what the reader opened.
  const picked = page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('select', (event) => resolve({ tag: event.target.tagName, detail: event.detail }), { once: true });
  }));
  await page.locator('recoupe-explorer').nth(0).locator('.hit-title a').first().click();
  const event = await picked;
  assert.equal(event.tag, 'RECOUPE-EXPLORER');
  assert.equal(event.detail.type, 'document');
  assert.ok(event.detail.id);
  assert.equal(await viewOf(page, 0), 'document');
  assert.equal(await viewOf(page, 1), 'search');
  assert.equal(new URL(page.url()).hash, '', 'an embedded widget changed the page\'s address');
  // Escape inside the widget goes back, without leaving the page.
  await page.keyboard.press('Escape');
  await waitForView(page, 'search', 0);
  await screenshot(page, '07-embed');
  assertClean(seen, [embedUrl, pathToFileURL(join(dist, 'recoupe-explorer.js')).href]);
  await context.close();
});

test('hosted variant under CSP script-src \'self\' \'wasm-unsafe-eval\': works, only its own files', async (browser) => {
  const html = readFileSync(join(dist, 'web', 'index.html'), 'utf8');
  assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/i.test(html), 'inline script in the hosted page');
  assert.ok(!/\son[a-z]+=/i.test(html), 'inline event handler in the hosted page');
  const server = await serve(join(dist, 'web'));
  try {
    const { context, page, seen } = await open(browser, { url: server.url });
    const response = await page.goto(server.url);
    assert.equal(response.headers()['content-security-policy'], HOSTED_POLICY);
    await page.waitForSelector('recoupe-explorer .q:not([disabled])');
    await typeQuery(page, 'Latchine');
    await waitForCount(page, '.hit', ['>=', 1]);
    await page.locator('recoupe-explorer .hit-title a').first().click();
    await waitForView(page, 'document');
    await screenshot(page, '08-hosted-csp');
    const own = ['', 'page.css', 'recoupe-explorer.js', 'recoupe_bg.wasm'].map((f) => server.url + f);
    assertClean(seen, own);
    assert.deepEqual([...new Set(server.asked)].sort(), ['/', '/page.css', '/recoupe-explorer.js', '/recoupe_bg.wasm']);
    await context.close();
  } finally {
    await server.close();
  }
});

test('a progress indication while the corpus starts', async (browser) => {
  const server = await serve(join(dist, 'web'), { slowWasm: true });
  try {
    const { context, page, seen } = await open(browser, { url: server.url, ready: false });
    await page.waitForFunction(() => {
      const shadow = document.querySelector('recoupe-explorer').shadowRoot;
      const bar = shadow.querySelector('progress');
      return bar && bar.hasAttribute('value') && bar.value > 0 && bar.value < 1;
    });
    assert.match(await status(page), /Téléchargement du corpus/);
    await screenshot(page, '09-progress');
    await page.waitForSelector('recoupe-explorer .q:not([disabled])', { timeout: 20000 });
    assert.equal(await count(page, 'progress'), 0);
    assertClean(seen, ['', 'page.css', 'recoupe-explorer.js', 'recoupe_bg.wasm'].map((f) => server.url + f));
    await context.close();
  } finally {
    await server.close();
  }
});

test('accessibility (axe-core): no serious or critical violation in any view, light and dark', async (browser) => {
  const problems = [];
  const minor = new Map();
  for (const scheme of ['light', 'dark']) {
    // bypassCSP: axe is added as a script tag, which the page's policy refuses.
    const { context, page } = await open(browser, { context: { bypassCSP: true, colorScheme: scheme } });
    for (const hash of ['#q=cessez-le-feu', `#doc=${SEED_002}&s=${encodeURIComponent(SEED_002 + '#2')}`, '#view=conflicts',
      '#view=compare&conflict=K1', '#view=timeline', '#view=compare']) {
      await page.goto(pageUrl + hash);
      await page.waitForTimeout(100);
      const { serious, minor: rest } = await accessibilityViolations(page);
      for (const v of serious) problems.push(`${scheme} ${hash}: ${v.id} (${v.impact}) ${v.help}\n         ${v.targets.join('\n         ')}`);
      for (const v of rest) minor.set(v.id, (minor.get(v.id) || 0) + 1);
    }
    await context.close();
  }
  if (minor.size) console.log(`    minor (not failing): ${[...minor].map(([id, n]) => `${id} ×${n}`).join(', ')}`);
  assert.deepEqual(problems, []);
});

await runTests(tests, 'end-to-end tests', process.argv[2]);
