// Where each URL of the benchmark's server is read from: the pages (one
// template for every engine), their bundles, and each engine's built data
// for a corpus. Shared by run.mjs and probe.mjs.
import { readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

/** The engines measured, recoupe first. */
export const ENGINES = ['recoupe', 'minisearch', 'flexsearch', 'lunr', 'orama', 'pagefind'];

/** recoupe's build for `corpus` (bench/run.sh writes it). */
export const ourBuild = (work, corpus) => join(work, 'ours', corpus, 'dist');

/** Maps a URL path to a file under `dir`, refusing anything outside it. */
function inside(dir, rest) {
  const file = resolve(dir, `.${sep}${rest}`);
  return file.startsWith(dir + sep) ? file : null;
}

/**
 * The server's resolver. `/page/E.html`, `/bundles/…`, `/data/CORPUS/E/…`.
 * `variants` (optional) maps a name to another recoupe build's `web/`
 * folder: `/data/CORPUS/recoupe@NAME/…` is read from there, with recoupe's
 * page (probe.mjs compares builds this way).
 */
export function resolver(bench, work, engines, variants = {}) {
  const template = readFileSync(join(bench, 'harness', 'page.html'), 'utf8');
  return (pathname) => {
    let m = /^\/page\/([a-z]+)\.html$/.exec(pathname);
    if (m && engines.includes(m[1])) return { body: template.replaceAll('ENGINE', m[1]), type: 'text/html; charset=utf-8' };
    m = /^\/bundles\/(.+)$/.exec(pathname);
    if (m) return inside(join(work, 'bundles'), m[1]);
    m = /^\/data\/([a-z0-9_]+)\/([a-z]+)(?:@([A-Za-z0-9_-]+))?\/(.+)$/.exec(pathname);
    if (m && m[2] === 'recoupe') {
      if (m[3] === undefined) return inside(join(ourBuild(work, m[1]), 'web'), m[4]);
      return Object.hasOwn(variants, m[3]) ? inside(variants[m[3]], m[4]) : null;
    }
    if (m && m[3] === undefined) return inside(join(work, 'data', m[1], m[2]), m[4]);
    return null;
  };
}
