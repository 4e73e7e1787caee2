// How long a reader waits: from opening dist/index.html (file://) to the
// first answer on screen, for a query in the address (#q=…). A measurement,
// not a test: it prints the median and range of several fresh opens.
//
// usage: node tests/e2e/first-answer.mjs [query] [runs]
import { launch } from './browser.mjs';
import { DESKTOP, pageUrl } from './helpers.mjs';

const query = process.argv[2] || 'Karabakh';
const runs = Number(process.argv[3] || 7);
const browser = await launch();
const times = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(`${pageUrl}#q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => {
    const root = document.querySelector('recoupe-explorer')?.shadowRoot;
    return root && root.querySelectorAll('.hit').length > 0;
  }, null, { timeout: 60000 });
  times.push(Date.now() - started);
  await context.close();
}
await browser.close();
times.sort((a, b) => a - b);
console.log(`first answer for «${query}» over ${runs} fresh opens: median ${times[runs >> 1]} ms (min ${times[0]}, max ${times[runs - 1]})`);
