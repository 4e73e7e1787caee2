// One measurement in the browser: a fresh context (no cache, nothing shared)
// opens one engine's page on one corpus, and we read the cold start, the bytes
// loaded, the memory, the warm query latencies and (on the seeds) the
// answers to the judged queries.

// Runs before any page or worker script: notes every WebAssembly memory
// created there, so that "memory" counts wasm linear memory next to the JS
// heap (which the browser's own memory measurement leaves out).
export const CAPTURE_WASM_MEMORY = `(() => {
  if (globalThis.__benchWasmBytes) return;
  const memories = new Set();
  const note = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result && result.instance;
    if (instance) {
      for (const value of Object.values(instance.exports)) {
        if (value instanceof WebAssembly.Memory) memories.add(value);
      }
    }
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) { return original.apply(this, args).then(note); };
  }
  WebAssembly.Instance = new Proxy(WebAssembly.Instance, {
    construct(target, args, newTarget) { return note(Reflect.construct(target, args, newTarget)); },
  });
  WebAssembly.Memory = new Proxy(WebAssembly.Memory, {
    construct(target, args, newTarget) {
      const memory = Reflect.construct(target, args, newTarget);
      memories.add(memory);
      return memory;
    },
  });
  Object.defineProperty(globalThis, '__benchWasmBytes', {
    value: () => [...memories].reduce((sum, m) => sum + m.buffer.byteLength, 0),
  });
})();`;

/**
 * Memory after load: the browser's measurement of the page (JS heaps of the
 * page and its workers, DOM, shared), after a full garbage collection, plus
 * the WebAssembly memories of the page and its workers.
 */
async function memoryAfterLoad(context, page, workers) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  const measured = await page.evaluate(async () => (await performance.measureUserAgentSpecificMemory()).bytes);
  let wasm = await page.evaluate(() => globalThis.__benchWasmBytes());
  for (const worker of workers) {
    wasm += await worker.evaluate(() => (globalThis.__benchWasmBytes ? globalThis.__benchWasmBytes() : 0));
  }
  return { total: measured + wasm, js: measured, wasm, pageHeapAfterGc: usedSize };
}

/**
 * Opens `url` in a fresh context and measures. `session` tags the requests
 * for the server's byte count.
 */
export async function measureOnce(browser, server, { url, session, queries, passes, judged }) {
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-bench-session': session } });
  const workers = [];
  try {
    await context.addInitScript({ content: CAPTURE_WASM_MEMORY });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('worker', (worker) => workers.push(worker));
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.bench || window.benchError, null, {
      timeout: 300_000,
      polling: 100,
    });
    const failure = await page.evaluate(() => window.benchError);
    if (failure) throw new Error(failure);
    const cold = await page.evaluate(() => ({ ms: window.bench.coldMs, readyMs: window.bench.readyMs, hits: window.bench.first.length, phases: window.bench.phases }));
    const bytesToFirstAnswer = server.bytes(session);

    const memory = await memoryAfterLoad(context, page, workers);

    await page.evaluate((q) => window.bench.timeQueries(q, 1), queries); // warm-up
    const bytesAfterWarmUp = server.bytes(session);
    const timed = await page.evaluate(([q, p]) => window.bench.timeQueries(q, p), [queries, passes]);
    const bytesAfterQueries = server.bytes(session);

    // Other operations (recoupe's comparison side), after the query set so
    // that they do not warm the search; each first use stays cold.
    const operations = await page.evaluate((p) => window.bench.timeOperations(p), passes * 3);

    let answers = null;
    if (judged) answers = await page.evaluate((q) => window.bench.answers(q, 50), judged);
    if (errors.length) throw new Error(`errors in the page: ${errors.join(' | ')}`);
    return { cold, bytesToFirstAnswer, bytesAfterWarmUp, bytesAfterQueries, memory, timed, operations, answers, workers: workers.length };
  } finally {
    await context.close();
  }
}
