// A small static server for the hosted variant (dist/web): every answer
// carries the policy a site owner would set,
//   Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'
// and the server remembers what was asked of it. `slowWasm` sends the
// module in slow pieces, so that the start can be watched.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

export const HOSTED_POLICY = "script-src 'self' 'wasm-unsafe-eval'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
};

export async function serve(dir, { slowWasm = false } = {}) {
  const asked = [];
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    asked.push(path);
    const file = normalize(join(dir, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(normalize(dir))) {
      response.writeHead(403).end();
      return;
    }
    let body;
    try {
      body = await readFile(file);
    } catch {
      response.writeHead(404, { 'Content-Security-Policy': HOSTED_POLICY }).end('not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
      'Content-Length': String(body.length),
      'Content-Security-Policy': HOSTED_POLICY,
      'Cache-Control': 'no-store',
    });
    if (slowWasm && file.endsWith('.wasm')) {
      const pieces = 12;
      const size = Math.ceil(body.length / pieces);
      for (let i = 0; i < pieces; i += 1) {
        response.write(body.subarray(i * size, (i + 1) * size));
        await new Promise((resolve) => setTimeout(resolve, 120));
      }
      response.end();
    } else {
      response.end(body);
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    asked,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
