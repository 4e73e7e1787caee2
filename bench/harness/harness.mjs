// The part of every benchmark page that is the same for every engine. The
// page URL says which corpus and which first query: ?engine=E&corpus=C&q=Q.
// An engine's module gives `load(base)`, which fetches what it needs from
// `base` and returns `search(query, limit)`: the top `limit` results as
// [{id, title}], or a promise of them.
//
// Cold start: performance.now() (measured from navigation start) once the
// first query's top 10 titles are in the page; readyMs when the engine had
// loaded, before that first query. Then the driver calls
// window.bench.* for the warm measurements.

const settle = (value) => (value && typeof value.then === 'function' ? value : null);

function show(top) {
  const list = document.getElementById('out');
  list.replaceChildren(...top.map(({ title }) => {
    const item = document.createElement('li');
    item.textContent = title ?? '';
    return item;
  }));
}

export async function run(engine) {
  try {
    const params = new URLSearchParams(location.search);
    const base = `/data/${params.get('corpus')}/${params.get('engine')}/`;
    const search = await engine.load(base);
    const readyMs = performance.now();
    let top = search(params.get('q'), 10);
    top = settle(top) ? await top : top;
    show(top);
    const coldMs = performance.now();

    /** Times each query `passes` times: the search plus taking the top-10 ids and titles. */
    async function timeQueries(queries, passes) {
      const times = queries.map(() => []);
      const found = queries.map(() => 0);
      let keep = 0;
      for (let pass = 0; pass < passes; pass += 1) {
        for (let i = 0; i < queries.length; i += 1) {
          const started = performance.now();
          let answer = search(queries[i], 10);
          if (settle(answer)) answer = await answer;
          const ids = answer.map((r) => r.id);
          const titles = answer.map((r) => r.title);
          const took = performance.now() - started;
          times[i].push(took);
          found[i] = ids.length;
          keep += titles.length; // keeps the titles from being optimised away
        }
      }
      return { times, found, keep };
    }

    /** The ids of the top `limit` results of each query (for the judged queries). */
    async function answers(queries, limit) {
      const out = [];
      for (const query of queries) {
        try {
          let answer = search(query, limit);
          if (settle(answer)) answer = await answer;
          out.push({ ids: answer.map((r) => r.id) });
        } catch (error) {
          out.push({ ids: [], error: String(error) });
        }
      }
      return out;
    }

    /**
     * An engine's other operations (`search.operations`: recoupe's
     * comparison side), after the query set: each first use timed once,
     * then every sampled call `passes` times. Times are ms, the call plus
     * the answer's size read (the object is built by then).
     */
    function timeOperations(passes) {
      const ops = search.operations;
      if (!ops) return null;
      const size = (answer) => (Array.isArray(answer) ? answer.length : answer ? 1 : 0);
      const first = ops.first.map(([name, call]) => {
        const started = performance.now();
        const n = size(call());
        return { name, ms: performance.now() - started, size: n };
      });
      const timed = ops.sample().map(([name, calls]) => {
        const times = [];
        const sizes = calls.map(() => 0);
        for (let pass = 0; pass < passes; pass += 1) {
          calls.forEach((call, i) => {
            const started = performance.now();
            sizes[i] = size(call());
            times.push(performance.now() - started);
          });
        }
        return { name, calls: calls.length, times, sizes };
      });
      return { first, timed };
    }

    window.bench = { coldMs, readyMs, first: top, timeQueries, answers, timeOperations, phases: search.phases ?? null };
  } catch (error) {
    window.benchError = String((error && error.stack) || error);
  }
}
