// The timeline view: statements and facts by the date they speak of (not
// the date of publication), filtered by source, document and dates.

/** Entries drawn before "show more". */
const TIMELINE_SHOWN = 150;
/** Speakers offered in the filter (the most quoted; a large corpus has thousands). */
const SPEAKER_CHOICES = 300;

function renderTimeline(x) {
  const t = x.t;
  if (!x.has('timeline')) {
    notAvailable(x, t.timelineTitle);
    return;
  }
  const s = x.state;
  const filter = {};
  if (s.source) filter.speaker = s.source;
  if (s.in) filter.doc = s.in;
  if (s.from) filter.from = s.from;
  if (s.to) filter.to = s.to;
  const entries = x.cached('timeline', filter);
  x.setStatus(t.timelineCount(entries.length));
  x.shown = x.shown || {};
  const shown = x.shown.timeline || TIMELINE_SHOWN;
  const days = [];
  const hue = huePicker();
  for (const entry of entries.slice(0, shown)) {
    const last = days[days.length - 1];
    if (last && last.date === entry.date) last.entries.push(entry);
    else days.push({ date: entry.date, label: entry.label, entries: [entry] });
  }
  x.fill(
    x.heading(t.timelineTitle),
    el('p', { className: 'intro' }, t.timelineIntro),
    timelineFilters(x),
    el('ol', { className: 'timeline' }, days.map((day) => el('li', { className: 'day' },
      el('h3', { className: 'day-label' }, el('time', { datetime: /^\d{4}(-\d\d){0,2}$/.test(day.date) ? day.date : null },
        dayLabel(t, day))),
      el('ul', { className: 'day-entries' }, day.entries.map((entry) => timelineEntry(x, entry, hue)))))),
    entries.length > shown ? el('button', {
      type: 'button', className: 'more', dataset: { key: 'more:timeline' },
      onclick: () => { x.shown.timeline = shown + TIMELINE_SHOWN; x.render(); },
    }, t.showMore(Math.min(TIMELINE_SHOWN, entries.length - shown))) : null);
}

function timelineEntry(x, entry, hue) {
  const t = x.t;
  const ev = entry.evidence || {};
  const source = ev.source || {};
  return el('li', { className: `entry kind-${entry.kind} hue-${hue(sourceName(t, source) + source.doc)}` },
    el('p', { className: 'entry-head' },
      el('span', { className: 'who' }, sourceName(t, source)),
      sideBadge(source.side, source.name),
      // A named outlet's narration says so; "Récit du média" already does.
      entry.kind === 'narration' && sourceName(t, source) !== t.narration
        ? el('span', { className: 'badge' }, t.kinds.narration) : null),
    el('p', { className: 'evidence' }, '«\u00a0', x.readable(ev), '\u00a0»'),
    el('p', { className: 'meta' }, x.docLabel(ev.doc) + ' · ',
      passageLink(x, ev, { dataset: { nav: '' }, title: t.passageIn(ev.doc) }, t.passage + ' →')));
}

/** A day as the interface's language says it; the engine's label when the
 *  date is not one formatDate reads. */
function dayLabel(t, day) {
  const iso = /^(\d{4}|XXXX)(-\d\d){0,2}(\/(\d{4}|XXXX)(-\d\d){0,2})?$/.test(day.date || '');
  return iso ? formatDate(t, day.date) : day.label || day.date || t.unknownDate;
}

function timelineFilters(x) {
  const t = x.t;
  const s = x.state;
  let speakers = [];
  let documents = [];
  try {
    speakers = x.has('speakers') ? x.cached('speakers') : [];
    documents = x.docs();
  } catch {
    // The filters are a convenience: the timeline still shows without them.
  }
  speakers = speakers.filter((sp) => (sp.statements || []).length)
    .sort((a, b) => b.statements.length - a.statements.length)
    .filter((sp, i) => i < SPEAKER_CHOICES || sp.name === s.source);
  const apply = (patch) => x.go({ ...s, view: 'timeline', ...patch }, true, { focus: false });
  const select = (id, label, value, choices, all, key) => el('div', { className: 'field' },
    el('label', { for: id }, label),
    el('select', {
      id, dataset: { key: 'tl:' + key },
      onchange: (event) => apply({ [key]: event.currentTarget.value }),
    }, el('option', { value: '' }, all),
    choices.map(([v, text]) => el('option', { value: v, selected: v === value }, text))));
  const from = el('input', { type: 'text', id: 'tl-from', value: s.from, placeholder: t.datePlaceholder, inputmode: 'numeric', size: '10' });
  const to = el('input', { type: 'text', id: 'tl-to', value: s.to, placeholder: t.datePlaceholder, inputmode: 'numeric', size: '10' });
  return el('form', {
    className: 'filters', 'aria-label': t.filters,
    onsubmit: (event) => { event.preventDefault(); apply({ from: from.value.trim(), to: to.value.trim() }); },
  },
  // The engine's timeline filters a source by the words of its name.
  select('tl-source', t.speakerFilter, s.source, speakers.map((sp) => [sp.name, sp.name]), t.everyone, 'source'),
  select('tl-in', t.documentFilter, s.in, documents.slice(0, 500).map((d) => [d.id, d.title || d.id]), t.everyDocument, 'in'),
  el('div', { className: 'field dates' },
    el('label', { for: 'tl-from' }, t.fromFilter), from,
    el('label', { for: 'tl-to' }, t.toFilter), to,
    el('button', { type: 'submit', className: 'tool' }, t.apply)));
}
