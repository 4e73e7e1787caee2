// The conflicts view: the corpus's disagreements (each opening its
// comparison), then what the sources agree on.

/** Cards drawn before "show more" (a large corpus has many). */
const CARDS_SHOWN = 40;

/** A link to an evidence's passage in its document. */
function passageLink(x, evidence, props, ...children) {
  return x.link({
    view: 'document', doc: evidence.doc, at: `${evidence.start}-${evidence.end}`,
  }, {
    emit: { type: 'passage', doc: evidence.doc, start: evidence.start, end: evidence.end },
    dataset: { ...(props && props.dataset), key: `ev:${evidence.doc}:${evidence.start}:${evidence.end}` },
    ...Object.fromEntries(Object.entries(props || {}).filter(([k]) => k !== 'dataset')),
  },
  ...children);
}

function notAvailable(x, title) {
  x.fill(x.heading(title), el('p', { className: 'meta' }, x.t.notAvailable));
}

function renderConflicts(x) {
  const t = x.t;
  if (!x.has('conflicts')) {
    notAvailable(x, t.conflictsTitle);
    return;
  }
  const conflicts = x.cached('conflicts');
  const agreements = x.has('agreements') ? x.cached('agreements') : [];
  x.setStatus(t.conflictsCount(conflicts.length)
    + (agreements.length ? ' · ' + t.agreementsCount(agreements.length) : ''));
  x.shown = x.shown || {};
  const shownConflicts = x.shown.conflicts || CARDS_SHOWN;
  const shownAgreements = x.shown.agreements || CARDS_SHOWN;
  x.fill(
    x.heading(t.conflictsTitle),
    el('p', { className: 'intro' }, t.conflictsIntro),
    el('ol', { className: 'cards' }, conflicts.slice(0, shownConflicts).map((c) => conflictCard(x, c))),
    moreButton(x, 'conflicts', conflicts.length, shownConflicts),
    agreements.length ? [
      el('h2', { className: 'section-title' }, t.agreementsTitle),
      el('ol', { className: 'cards' }, agreements.slice(0, shownAgreements).map((a) => agreementCard(x, a))),
      moreButton(x, 'agreements', agreements.length, shownAgreements),
    ] : null);
}

function moreButton(x, name, total, shown) {
  if (total <= shown) return null;
  return el('button', {
    type: 'button', className: 'more', dataset: { key: 'more:' + name },
    onclick: () => { x.shown[name] = shown + CARDS_SHOWN; x.render(); },
  }, x.t.showMore(Math.min(CARDS_SHOWN, total - shown)));
}

function conflictCard(x, conflict) {
  const t = x.t;
  const positions = (conflict.positions || []).map((p) => el('li', { className: 'position' },
    el('span', { className: 'value-label' }, p.label || p.value),
    el('ul', { className: 'evidence-list quotes' }, (p.evidence || []).map((ev) => evidenceLine(x, ev, p)))));
  return el('li', { className: 'card conflict', dataset: { id: conflict.id } },
    el('p', { className: 'badges' },
      el('span', { className: 'badge slot' }, t.slots[conflict.slot] || conflict.slot),
      el('span', { className: 'meta' }, conflict.id)),
    el('h3', { className: 'card-title' },
      x.link({ view: 'compare', conflict: conflict.id }, {
        dataset: { nav: '', key: 'conflict:' + conflict.id }, emit: { type: 'conflict', id: conflict.id },
      }, conflict.topic)),
    el('p', { className: 'explanation' }, conflict.explanation),
    conflict.note ? el('p', { className: 'note' }, conflict.note) : null,
    el('ul', { className: 'positions' }, positions),
    x.link({ view: 'compare', conflict: conflict.id }, {
      className: 'open-compare', emit: { type: 'conflict', id: conflict.id },
    }, t.openComparison + ' →'));
}

function agreementCard(x, agreement) {
  const t = x.t;
  return el('li', { className: 'card agreement', dataset: { id: agreement.id } },
    el('p', { className: 'badges' }, el('span', { className: 'badge agrees' }, t.marks.agrees),
      el('span', { className: 'meta' }, agreement.id)),
    el('h3', { className: 'card-title' }, agreement.topic),
    el('ul', { className: 'evidence-list quotes' }, (agreement.evidence || []).map((ev) => evidenceLine(x, ev))));
}

/** "Source · document", then « passage » (the position's value marked in
 *  it) linking to its place in the document. */
function evidenceLine(x, ev, position) {
  const t = x.t;
  const text = x.readable(ev);
  const words = position ? markValue(text, valueForms(position.label, position.value)) : [text];
  return el('li', {},
    el('span', { className: 'who' }, sourceName(t, ev.source)),
    el('span', { className: 'meta' }, ' · ' + x.docLabel(ev.doc) + ' '),
    el('br'),
    passageLink(x, ev, { className: 'quote', title: t.passageIn(ev.doc) }, '«\u00a0', words, '\u00a0»',
      el('span', { className: 'go', 'aria-hidden': 'true' }, '\u00a0→')));
}
