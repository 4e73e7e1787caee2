// The compare view: sources as columns side by side, their passages
// aligned in rows by the value they give for the point in question (the
// values highlighted, agree/differ marks), each linked to its passage.
// Started from a statement, a typed claim or a conflict.

function compareInput(state) {
  if (state.conflict) return { conflict: state.conflict };
  if (state.statement) return { statement: state.statement };
  if (state.claim && state.claim.trim()) return state.claim.trim();
  return null;
}

function renderCompare(x) {
  const t = x.t;
  if (!x.has('compare')) {
    notAvailable(x, t.compareTitle);
    return;
  }
  const s = x.state;
  const field = el('input', {
    type: 'text', className: 'claim', id: 'claim', value: s.claim || '', autocomplete: 'off',
    placeholder: t.comparePlaceholder, dataset: { key: 'claim' },
  });
  const form = el('form', {
    className: 'claim-form', role: 'search', 'aria-label': t.compareTitle,
    onsubmit: (event) => {
      event.preventDefault();
      if (field.value.trim()) x.go({ view: 'compare', claim: field.value.trim() }, true, { focus: true });
    },
  }, el('label', { for: 'claim' }, t.compareLabel), el('div', { className: 'claim-row' }, field,
    el('button', { type: 'submit', className: 'tool primary' }, t.compareButton)));
  const input = compareInput(s);
  if (!input) {
    x.setStatus(t.comparePrompt);
    x.fill(x.heading(t.compareTitle), form);
    return;
  }
  let result;
  try {
    result = x.cached('compare', input);
  } catch (error) {
    // A question the engine cannot take: say so, and keep the form to ask another.
    x.setStatus(t.viewFailed + errorText(error), true);
    x.fill(x.heading(t.compareTitle, { back: true }), form);
    return;
  }
  const columns = result.columns || [];
  // A typed question is quoted as typed; the engine's topics read as titles.
  const typed = typeof input === 'string';
  const question = typed ? `«\u00a0${input}\u00a0»`
    : (result.question && (result.question.text || result.question.topic)) || '';
  x.setStatus(t.sourcesCount(columns.length) + ' · ' + question);
  const slot = result.question && result.question.slot;
  const [back, title] = x.heading(question, { back: true });
  if (!typed) title.classList.add('compare-title');
  x.fill(
    back, title,
    el('p', { className: 'badges' },
      slot ? el('span', { className: 'badge slot' }, t.slots[slot] || slot) : null,
      result.question && result.question.topic && result.question.topic !== question
        && !(typed && foldText(result.question.topic) === foldText(input))
        ? el('span', { className: 'meta' }, result.question.topic) : null),
    startingStatement(x, s.statement && !s.conflict ? s.statement : null),
    el('p', { className: 'explanation' }, result.explanation || ''),
    columns.length ? comparisonTable(x, result, question) : null,
    involved(x, result),
    form);
}

/** The statement a comparison started from: who said it, and where. */
function startingStatement(x, id) {
  const t = x.t;
  if (!id || !x.has('statements')) return null;
  const doc = id.replace(/#\d+$/, '');
  let st;
  try {
    st = x.api.statements({ doc }).find((s) => s.id === id);
  } catch {
    return null;
  }
  if (!st) return null;
  const ev = { doc: st.doc, text: st.content, start: st.start, end: st.end };
  return el('figure', { className: 'start-statement' },
    el('blockquote', { className: 'evidence' }, x.readable(ev)),
    el('figcaption', { className: 'meta' }, el('span', { className: 'who' }, st.speaker), ' · ',
      x.docLabel(st.doc), ' · ',
      x.link({ view: 'document', doc: st.doc, statement: st.id }, {}, t.passage + ' →')));
}

/** Rows: the values given (in the order met), then passages with no value. */
function comparisonRows(columns) {
  const rows = [];
  const byValue = new Map();
  for (const column of columns) {
    for (const item of column.items || []) {
      const key = item.value === null || item.value === undefined ? null : String(item.value);
      if (!byValue.has(key)) {
        const row = { value: key, label: item.label || key, marks: new Set() };
        byValue.set(key, row);
        rows.push(row);
      }
      byValue.get(key).marks.add(item.mark);
    }
  }
  // The row without a value goes last.
  return rows.sort((a, b) => (a.value === null) - (b.value === null));
}

function comparisonTable(x, result, question) {
  const t = x.t;
  const columns = result.columns;
  const rows = comparisonRows(columns);
  const hue = huePicker();
  const head = el('tr', {}, el('th', { scope: 'col', className: 'row-head' }, t.value),
    columns.map((c) => el('th', { scope: 'col', className: 'hue-' + hue(sourceName(t, c.source) + c.source.doc) },
      el('span', { className: 'who' }, sourceName(t, c.source)),
      sideBadge(c.source.side, c.source.name),
      el('span', { className: 'meta doc-ref' }, x.docLabel(c.source.doc)))));
  const body = rows.map((row) => {
    const differs = row.marks.has('conflicts');
    return el('tr', { className: differs ? 'differs' : row.marks.has('agrees') ? 'agrees' : '' },
      el('th', { scope: 'row', className: 'row-head' },
        row.value === null ? el('span', { className: 'meta' }, t.otherStatements)
          : el('span', { className: 'value-label' }, row.label)),
      columns.map((c) => el('td', {}, (c.items || [])
        .filter((item) => (item.value === null || item.value === undefined ? null : String(item.value)) === row.value)
        .map((item) => compareItem(x, item, c.source, row)))));
  });
  return el('div', {
    className: 'table-scroll', role: 'region', tabindex: '0', 'aria-label': t.comparisonTable(question),
  }, el('table', { className: 'comparison' },
    el('caption', { className: 'visually-hidden' }, t.comparisonTable(question)),
    el('thead', {}, head), el('tbody', {}, body)));
}

function compareItem(x, item, source, row) {
  const t = x.t;
  const ev = item.evidence || {};
  const mark = item.mark || 'related';
  // Said once: the row already gives the value, the column the source (a
  // narrow screen stacks the cells, and then names the source in each).
  const label = item.label && item.label !== row.label ? item.label : null;
  const date = ev.date && ev.date !== item.value ? formatDate(t, ev.date) + ' · ' : '';
  return el('div', { className: 'item mark-' + mark },
    el('p', { className: 'item-source' }, el('span', { className: 'who' }, sourceName(t, source)),
      ' · ' + x.docLabel(source.doc, 40)),
    el('span', { className: 'badge mark ' + mark }, el('span', { 'aria-hidden': 'true' },
      mark === 'agrees' ? '✓ ' : mark === 'conflicts' ? '≠ ' : '~ '), t.marks[mark] || mark),
    label ? el('span', { className: 'value-label' }, label) : null,
    el('blockquote', { className: 'evidence' }, markValue(x.readable(ev), valueForms(item.label, item.value))),
    el('p', { className: 'meta' }, date,
      passageLink(x, ev, { dataset: { nav: '' }, title: t.passageIn(ev.doc) }, t.passage + ' →')));
}

function involved(x, result) {
  const t = x.t;
  const conflicts = result.conflicts || [];
  const agreements = result.agreements || [];
  if (!conflicts.length && !agreements.length) return null;
  const list = (title, ids, link) => (ids.length ? el('p', { className: 'involved' },
    el('span', { className: 'meta' }, title + ' '), ids.map((id, i) => [i ? ', ' : '', link(id)])) : null);
  return el('div', { className: 'involved-box' },
    list(t.involvedConflicts, conflicts, (id) => x.link({ view: 'compare', conflict: id }, {}, id)),
    list(t.involvedAgreements, agreements, (id) => x.link({ view: 'conflicts' }, {}, id)));
}
