// One local HTTP server (loopback) for every benchmark page, with the same
// headers for every engine:
// - gzip (level 9, computed once per file) whenever the client accepts it
//   and it makes the file smaller, as a static host would serve it;
// - Cache-Control: max-age=600 (GitHub Pages' choice): a page may reuse
//   what it fetched (Pagefind fetches index chunks and fragments as queries
//   need them); each measurement has a fresh browser context, so nothing is
//   reused between measurements;
// - cross-origin isolation (COOP/COEP), which gives the pages
//   performance.now() at 5 µs resolution instead of 100 µs.
// Bytes sent are counted per measurement: the driver tags each browser
// context's requests with an x-bench-session header.
// `workerPrelude` (optional) is put before every script a page starts as a
// Web Worker (Sec-Fetch-Dest: worker), where the driver's init script cannot
// reach: it lets the driver count the worker's WebAssembly memory. The byte
// counts are those of the file as stored.
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { extname } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
};

/**
 * `resolve(pathname)` returns a file path, `{body, type}` for generated
 * content, or null (404).
 */
export function startServer(resolve, { workerPrelude = '' } = {}) {
  const cache = new Map();
  const sessions = new Map();

  function load(file) {
    const { mtimeMs, size } = statSync(file);
    const key = `${file}:${mtimeMs}:${size}`;
    let entry = cache.get(file);
    if (!entry || entry.key !== key) {
      const raw = readFileSync(file);
      entry = { key, raw, type: TYPES[extname(file)] || 'application/octet-stream' };
      cache.set(file, entry);
    }
    return entry;
  }

  function gzipOf(entry) {
    if (entry.gzip === undefined) {
      const packed = gzipSync(entry.raw, { level: 9 });
      entry.gzip = packed.length < entry.raw.length ? packed : null;
    }
    return entry.gzip;
  }

  const server = createServer((req, res) => {
    const session = req.headers['x-bench-session'];
    const count = session ? sessions.get(session) || { raw: 0, sent: 0, requests: 0 } : null;
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      pathname = null;
    }
    let entry = null;
    try {
      const target = pathname && resolve(pathname);
      if (typeof target === 'string') entry = load(target);
      else if (target) entry = { raw: Buffer.from(target.body), type: target.type };
    } catch {
      entry = null;
    }
    const headers = {
      'Cache-Control': 'max-age=600',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin',
    };
    if (!entry) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    let body = entry.raw;
    headers['Content-Type'] = entry.type;
    const dest = req.headers['sec-fetch-dest'];
    const prelude = workerPrelude && (dest === 'worker' || dest === 'sharedworker') && /javascript/.test(entry.type);
    headers.Vary = 'Accept-Encoding';
    if (prelude) {
      body = Buffer.concat([Buffer.from(`${workerPrelude}\n`), entry.raw]);
    } else if (/\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      const packed = gzipOf(entry);
      if (packed) {
        body = packed;
        headers['Content-Encoding'] = 'gzip';
      }
    }
    headers['Content-Length'] = body.length;
    if (count) {
      count.raw += entry.raw.length;
      count.sent += prelude ? (gzipOf(entry) || entry.raw).length : body.length;
      count.requests += 1;
      sessions.set(session, count);
    }
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });

  /** Reads and compresses files ahead, so no measurement waits for gzip. */
  function warm(files) {
    for (const file of files) gzipOf(load(file));
  }

  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolveStart({
        origin: `http://127.0.0.1:${port}`,
        /** Bytes served so far to one session: raw (decoded) and sent (as transferred). */
        bytes: (session) => ({ ...(sessions.get(session) || { raw: 0, sent: 0, requests: 0 }) }),
        warm,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}
