// A static check of the built pages and the explorer's sources: no code made
// from strings (eval, new Function, string timers), no HTML parsed from
// strings (innerHTML, outerHTML, insertAdjacentHTML, document.write,
// createContextualFragment, DOMParser, srcdoc), no `on…` handler set as an
// attribute, no `javascript:` URL; in the HTML files, no inline `on…=`
// handler and no `javascript:` link. The hosted page has no inline script
// at all (its CSP is script-src 'self'); the single-file page has exactly
// one (its CSP allows inline script: a file:// page cannot load another).
//
// wasm-bindgen's glue is checked like the rest: it needs none of these.
// Its debugString writes `Function(name)` into an error message: a string,
// not a call, which the pattern below does not take for one.
//
// The patterns are first run over known-bad lines, so a pattern that
// stopped matching fails here rather than passing everything.
//
// usage: node tests/e2e/static.mjs [DIST_DIR]
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const dist = resolve(process.argv[2] || join(root, 'dist'));

/** What must not appear in any script of the pages. */
const JS_RULES = [
  ['eval', /\beval\s*\(|[(,]\s*eval\s*\)/],
  ['new Function', /\bnew\s+Function\b|(?<![\w$.'"`])Function\s*\(/],
  ['string timer', /\bset(?:Timeout|Interval)\s*\(\s*['"`]/],
  ['HTML from a string', /\.(?:innerHTML|outerHTML)\s*\+?=(?!=)|\binsertAdjacentHTML\b|\bdocument\s*\.\s*write(?:ln)?\s*\(|\bcreateContextualFragment\b|\bDOMParser\b|\.srcdoc\s*=/],
  ['handler set as an attribute', /setAttribute(?:NS)?\s*\(\s*(?:[^,]*,\s*)?['"`]on[a-z]/i],
  ['javascript: URL', /javascript:/i],
];

/** What must not appear in an HTML file outside its script and style elements. */
const HTML_RULES = [
  ['inline event handler', /<[a-z][^>]*\son[a-z]+\s*=/i],
  ['javascript: URL', /javascript:/i],
];

const MUST_CATCH = {
  'eval': ['eval("1")', 'window.eval (x)', '(0, eval)(s)'],
  'new Function': ['new Function("return 1")', 'const f = Function("x", body);'],
  'string timer': ['setTimeout("go()", 1)', 'setInterval(`tick()`, 5)'],
  'HTML from a string': ['node.innerHTML = text', 'a.outerHTML += b', 'el.insertAdjacentHTML("beforeend", s)',
    'document.write(x)', 'range.createContextualFragment(s)', 'new DOMParser()', 'frame.srcdoc = s'],
  'handler set as an attribute': ['n.setAttribute("onclick", code)', "n.setAttribute('onerror', x)"],
  'javascript: URL': ['a.href = "javascript:void 0"'],
  'inline event handler': ['<body onload="go()">', '<img src=x onerror=alert(1)>'],
};
const MUST_PASS = ['// evaluate the claims', 'x.evaluate(y)', 'const name = `Function(${val.name})`;',
  'node.textContent = text', 'if (a.innerHTML === b) {}', 'el.addEventListener("click", f)', "className: 'on'"];

const findings = (text, rules) => rules.filter(([, re]) => re.test(text)).map(([name]) => name);

// The patterns themselves, first.
for (const [rule, samples] of Object.entries(MUST_CATCH)) {
  for (const sample of samples) {
    assert.ok(findings(sample, [...JS_RULES, ...HTML_RULES]).includes(rule), `the check misses ${rule} in: ${sample}`);
  }
}
for (const sample of MUST_PASS) assert.deepEqual(findings(sample, JS_RULES), [], `the check refuses: ${sample}`);

const problems = [];
function checkJs(file, code, where = '') {
  code.split('\n').forEach((line, i) => {
    for (const rule of findings(line, JS_RULES)) {
      problems.push(`${relative(root, file)}${where}:${i + 1}: ${rule}: ${line.trim().slice(0, 120)}`);
    }
  });
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
function checkHtml(file, { inlineScripts }) {
  const html = readFileSync(file, 'utf8');
  let inline = 0;
  for (const [, attrs, code] of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/.test(attrs)) continue;
    inline += 1;
    checkJs(file, code, ' (inline script)');
  }
  if (inline !== inlineScripts) problems.push(`${relative(root, file)}: ${inline} inline scripts, expected ${inlineScripts}`);
  const markup = html.replace(SCRIPT, '<script></script>').replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '<style></style>');
  markup.split('\n').forEach((line, i) => {
    for (const rule of findings(line, HTML_RULES)) problems.push(`${relative(root, file)}:${i + 1}: ${rule}: ${line.trim().slice(0, 120)}`);
  });
}

function jsFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return name.endsWith('.js') || name.endsWith('.mjs') ? [path] : [];
  });
}

const built = ['index.html', 'recoupe-explorer.js', 'embed.html', 'web/index.html', 'web/recoupe-explorer.js'];
for (const name of built) {
  const file = join(dist, name);
  if (!existsSync(file)) problems.push(`${relative(root, file)}: missing (build the pages first)`);
}
checkHtml(join(dist, 'index.html'), { inlineScripts: 1 });
checkHtml(join(dist, 'web', 'index.html'), { inlineScripts: 0 });
checkHtml(join(dist, 'embed.html'), { inlineScripts: 0 });
checkJs(join(dist, 'recoupe-explorer.js'), readFileSync(join(dist, 'recoupe-explorer.js'), 'utf8'));
checkJs(join(dist, 'web', 'recoupe-explorer.js'), readFileSync(join(dist, 'web', 'recoupe-explorer.js'), 'utf8'));
const www = join(root, 'www');
for (const file of jsFiles(join(www, 'explorer'))) checkJs(file, readFileSync(file, 'utf8'));
for (const file of ['index.html', 'embed.html']) checkHtml(join(www, file), { inlineScripts: 0 });

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`ok: ${built.length} built files and the explorer's sources: no eval, no new Function, no HTML from strings, no inline handlers`);
