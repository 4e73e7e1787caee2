// The document view: the cleaned text, its statements highlighted with
// their speakers named; captions and removed boilerplate hidden but a
// click away. A statement (`s=`) or a passage (`at=start-end`, bytes) named
// in the state is marked and scrolled to. Spaces the source lost between
// words ("informeun") are shown back: the engine says where.

function renderDocument(x) {
  const t = x.t;
  const s = x.state;
  let doc;
  try {
    doc = x.api.document(s.doc || '');
  } catch (error) {
    x.setStatus(t.notFound + errorText(error), true);
    x.fill(x.heading(t.viewNames.document, { back: true }));
    return;
  }
  let statements = [];
  if (x.has('statements')) {
    try {
      statements = x.api.statements({ doc: doc.id });
    } catch (error) {
      x.setStatus(t.viewFailed + errorText(error), true);
    }
  }
  const hue = huePicker();
  for (const st of statements) hue(st.speakerId);
  const ctx = {
    x, statements, hue, focus: parseRange(s.at), chipped: new Set(), canCompare: x.has('compare'),
  };
  const titleBlock = doc.blocks.find((b) => b.kind === 'title');
  const name = doc.title || doc.lead || doc.id;
  const title = el('h2', { className: 'view-title doc-title', id: 'doc-title', tabindex: '-1' },
    titleBlock ? blockNodes(ctx, titleBlock) : name);
  let hidden = 0;
  const body = [];
  for (const block of doc.blocks) {
    if (block.kind === 'title') continue;
    if (block.kind === 'caption' || block.kind === 'boilerplate') hidden += 1;
    body.push(blockElement(ctx, block));
  }
  const text = el('div', { className: 'doc-text' }, body);
  const toggle = hidden ? el('button', {
    type: 'button', className: 'tool reveal', 'aria-pressed': 'false', dataset: { key: 'reveal' },
    onclick: (event) => {
      const shown = text.classList.toggle('show-hidden');
      event.currentTarget.textContent = shown ? t.hideRemoved : t.showRemoved(hidden);
      event.currentTarget.setAttribute('aria-pressed', String(shown));
    },
  }, t.showRemoved(hidden)) : null;
  const date = doc.date ? formatDate(t, doc.date) : doc.dateHint || t.unknownDate;
  const meta = [doc.outlet, date, doc.agencies && doc.agencies.length ? doc.agencies.join(', ') : null, doc.id]
    .filter(Boolean).join(' · ');
  x.fill(el('article', { className: 'document', 'aria-labelledby': 'doc-title' },
    el('button', { type: 'button', className: 'back', onclick: () => x.back() }, t.back),
    title,
    el('p', { className: 'meta' }, meta),
    el('div', { className: 'doc-grid' },
      text,
      el('div', { className: 'doc-aside' }, sourcesPanel(ctx), toggle))));
  x.setStatus(t.documentOf(name));
  // What the reader came for: the statement or passage (else the title).
  const target = x.ui.main.querySelector('.stmt.current, mark.passage');
  if (target) {
    target.setAttribute('tabindex', '-1');
    target.dataset.focus = '';
  }
}

/** "1470-1518" → {start, end} (bytes), or null. */
function parseRange(text) {
  const m = /^(\d+)-(\d+)$/.exec(text || '');
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return end > start ? { start, end } : null;
}

function blockElement(ctx, block) {
  const t = ctx.x.t;
  const label = block.kind === 'caption' ? t.caption
    : block.kind === 'boilerplate' ? t.removed + (block.removed && t.removedBecause[block.removed]
      ? ' · ' + t.removedBecause[block.removed] : '') : null;
  return el(block.kind === 'heading' ? 'h3' : 'p', { className: 'block block-' + block.kind },
    label ? el('span', { className: 'block-label' }, label) : null,
    blockNodes(ctx, block));
}

/**
 * A block's text with the statements (and the focused passage) inside it
 * marked. Engine offsets are bytes into the document's text; the block
 * starts at `block.start`; string indices come from `byteToIndex`.
 */
function blockNodes(ctx, block) {
  const text = block.text;
  const bytes = utf8.encode(text).length;
  const toIndex = byteToIndex(text);
  const local = (start, end) => {
    const a = Math.max(start - block.start, 0);
    const b = Math.min(end - block.start, bytes);
    return b > a ? { start: toIndex(a), end: toIndex(b) } : null;
  };
  const spaces = (block.spaces || []).map(toIndex).sort((a, b) => a - b);
  // text[from, to) with the lost spaces shown back (one at a boundary
  // between two pieces opens the second).
  const leaf = (from, to) => {
    let out = '';
    let last = from;
    for (const at of spaces) {
      if (at >= from && at < to && at > 0) {
        out += text.slice(last, at) + ' ';
        last = at;
      }
    }
    return out + text.slice(last, to);
  };
  const focus = ctx.focus ? local(ctx.focus.start, ctx.focus.end) : null;
  // text[from, to) with the focused passage marked inside it.
  const segment = (from, to) => {
    if (!focus || focus.end <= from || focus.start >= to) return [leaf(from, to)];
    const a = Math.max(focus.start, from);
    const b = Math.min(focus.end, to);
    return [a > from ? leaf(from, a) : null, el('mark', { className: 'passage' }, leaf(a, b)),
      b < to ? leaf(b, to) : null];
  };
  const ranges = [];
  for (const st of ctx.statements) {
    const range = local(st.start, st.end);
    if (range) ranges.push({ ...range, statement: st });
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const nodes = [];
  let cursor = 0;
  for (const range of ranges) {
    // A statement inside another one is shown as part of it.
    const start = Math.max(range.start, cursor);
    if (range.end <= start) continue;
    if (start > cursor) nodes.push(...segment(cursor, start));
    nodes.push(statementNode(ctx, range.statement, segment(start, range.end)));
    cursor = range.end;
  }
  if (cursor < text.length) nodes.push(...segment(cursor, text.length));
  return nodes;
}

function statementNode(ctx, st, content) {
  const x = ctx.x;
  const t = x.t;
  const current = x.state.statement === st.id;
  // The speaker is named once, where the statement starts.
  let chip = null;
  if (!ctx.chipped.has(st.id)) {
    ctx.chipped.add(st.id);
    const title = `${t.statementBy(st.speaker)} · ${t.kinds[st.kind] || st.kind}${st.cue ? ' · « ' + st.cue + ' »' : ''}`;
    chip = ctx.canCompare
      ? x.link({ view: 'compare', statement: st.id }, {
        className: 'who chip-button', title, dataset: { nav: '', key: 'chip:' + st.id },
        'aria-label': t.compareThisLabel(st.speaker),
        emit: { type: 'compare', statement: st.id },
      }, st.speaker)
      : el('span', { className: 'who', title }, st.speaker);
  }
  return el('span', {
    className: `stmt hue-${ctx.hue(st.speakerId)} kind-${st.kind}` + (current ? ' current' : ''),
    dataset: { statement: st.id, speaker: String(st.speakerId) },
  }, chip, el('span', { className: 'said-text' }, content));
}

/** Who speaks in the document, how often; a click goes to their next statement. */
function sourcesPanel(ctx) {
  const x = ctx.x;
  const t = x.t;
  if (!ctx.statements.length) return el('p', { className: 'meta' }, t.noStatements);
  const bySpeaker = new Map();
  for (const st of ctx.statements) {
    const entry = bySpeaker.get(st.speakerId) || { name: st.speaker, side: st.side, count: 0 };
    entry.count += 1;
    bySpeaker.set(st.speakerId, entry);
  }
  const items = [...bySpeaker].map(([id, who]) => {
    const next = () => {
      const all = [...x.ui.main.querySelectorAll('.stmt')].filter((n) => n.dataset.speaker === String(id));
      if (!all.length) return;
      const at = all.findIndex((n) => n.classList.contains('visited'));
      for (const n of x.ui.main.querySelectorAll('.stmt.visited')) n.classList.remove('visited');
      const target = all[(at + 1) % all.length];
      target.classList.add('visited');
      target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'center' });
    };
    return el('li', {}, el('button', {
      type: 'button', className: 'source hue-' + ctx.hue(id), onclick: next, dataset: { key: 'src:' + id },
    }, el('span', { className: 'who' }, who.name),
    sideBadge(who.side, who.name),
    el('span', { className: 'count', 'aria-hidden': 'true' }, String(who.count)),
    el('span', { className: 'visually-hidden' }, ' · ' + t.statementsIn(who.count))));
  });
  return el('section', { className: 'sources', 'aria-labelledby': 'sources-title' },
    el('h3', { className: 'small-title', id: 'sources-title' }, t.sourcesCited), el('ul', {}, items));
}
