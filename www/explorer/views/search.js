// The search view: results as you type, with facets (counted by the
// engine over every match, not here) and the statements inside each hit.

const PER_PAGE = 10;
/** Statements listed under a hit. */
const HIT_STATEMENTS = 3;
/** Facet values shown before "show more". */
const FACET_SHOWN = 6;
const FACETS = [['outlets', 'outlets'], ['speakers', 'speakers'], ['sides', 'sides'], ['dates', 'months']];

function searchOptions(state) {
  const options = {
    page: state.page, perPage: PER_PAGE, prefix: true, facets: true, statements: HIT_STATEMENTS,
  };
  for (const [, key] of FACETS) if (state[key].length) options[key] = state[key];
  return options;
}

function renderSearch(x) {
  const t = x.t;
  const s = x.state;
  if (!s.q.trim()) {
    x.setStatus(t.prompt);
    x.fill(searchWelcome(x));
    return;
  }
  let answer;
  try {
    answer = x.api.search(s.q, searchOptions(s));
  } catch (error) {
    x.setStatus(t.searchFailed + errorText(error), true);
    x.fill();
    return;
  }
  const time = answer.tookMs < 1 ? t.lessThanMs : t.ms(Math.round(answer.tookMs));
  const count = answer.total === 0 ? t.none : answer.total === 1 ? t.one : t.many(answer.total);
  x.setStatus(t.answer(count, s.q.trim(), time) + (answer.message ? ' — ' + answer.message : ''));
  const active = FACETS.reduce((n, [, key]) => n + s[key].length, 0);
  const facets = facetPanel(x, answer.facets, active);
  const toggle = el('button', {
    type: 'button', className: 'filters-toggle', 'aria-expanded': String(Boolean(x.filtersOpen)),
    'aria-controls': 'facets', dataset: { key: 'filters-toggle' },
    onclick: () => {
      x.filtersOpen = !x.filtersOpen;
      toggle.setAttribute('aria-expanded', String(x.filtersOpen));
      facets.classList.toggle('open', x.filtersOpen);
    },
  }, active ? t.filtersActive(active) : t.filters);
  facets.classList.toggle('open', Boolean(x.filtersOpen));
  const results = el('section', { className: 'results', 'aria-labelledby': 'results-title' },
    el('h2', { className: 'visually-hidden', id: 'results-title' }, t.results),
    x.has('compare') ? el('p', { className: 'compare-claim' },
      x.link({ view: 'compare', claim: s.q.trim() }, {}, t.compareClaim(s.q.trim()))) : null,
    hitList(x, answer),
    pager(x, answer));
  x.fill(el('div', { className: 'search-layout' }, toggle, facets, results));
}

/** Before a query: how to search, and the sources the corpus quotes most. */
function searchWelcome(x) {
  const t = x.t;
  let speakers = [];
  try {
    speakers = x.has('speakers') ? x.cached('speakers') : [];
  } catch {
    // Suggestions only: the search works without them.
  }
  const top = speakers.filter((sp) => (sp.statements || []).length)
    .sort((a, b) => b.statements.length - a.statements.length).slice(0, 8);
  return el('div', { className: 'welcome' },
    el('section', { 'aria-labelledby': 'syntax-title' },
      el('h2', { className: 'small-title', id: 'syntax-title' }, t.syntaxTitle),
      el('p', { className: 'meta' }, t.tips),
      el('dl', { className: 'syntax' }, t.syntax.map(([code, meaning]) => [el('dt', {}, el('code', {}, code)),
        el('dd', {}, meaning)]))),
    top.length ? el('section', { 'aria-labelledby': 'quoted-title' },
      el('h2', { className: 'small-title', id: 'quoted-title' }, t.mostQuoted),
      el('ul', { className: 'quoted' }, top.map((sp) => el('li', {},
        x.link({ view: 'search', q: sp.name }, { dataset: { nav: '' } }, sp.name),
        el('span', { className: 'count' }, ' ' + sp.statements.length))))) : null);
}

function hitList(x, answer) {
  const t = x.t;
  const s = x.state;
  const hue = huePicker();
  const list = el('ol', { className: 'hits', start: (answer.page - 1) * answer.perPage + 1 });
  for (const hit of answer.hits) {
    const open = x.link({ view: 'document', doc: hit.id, q: s.q }, {
      dataset: { nav: '', key: 'hit:' + hit.id }, emit: { type: 'document', id: hit.id },
    }, hit.title || hit.lead || hit.id);
    const meta = [hit.outlet, formatDate(t, hit.date), hit.id,
      hit.statementCount ? t.statementsIn(hit.statementCount) : null].filter(Boolean).join(' · ');
    list.append(el('li', { className: 'hit', dataset: { id: hit.id } },
      el('h3', { className: 'hit-title' }, open),
      el('p', { className: 'meta' }, meta),
      el('p', { className: 'snippet' }, spansToNodes(hit.snippet)),
      hitStatements(x, hit, hue)));
  }
  return list;
}

function hitStatements(x, hit, hue) {
  const t = x.t;
  if (!hit.statements || !hit.statements.length) return null;
  const canCompare = x.has('compare');
  const items = hit.statements.map((st) => el('li', { className: 'said hue-' + hue(st.speakerId) },
    x.link({ view: 'document', doc: hit.id, statement: st.id, q: x.state.q }, {
      className: 'said-link', dataset: { nav: '', key: 'st:' + st.id },
      emit: { type: 'statement', id: st.id, doc: hit.id },
    },
    el('span', { className: 'who' }, st.speaker),
    sideBadge(st.side, st.speaker),
    el('span', { className: 'words' }, '« ', spansToNodes(st.text), ' »')),
    canCompare ? x.link({ view: 'compare', statement: st.id }, {
      className: 'chip-button', 'aria-label': t.compareThisLabel(st.speaker),
      emit: { type: 'compare', statement: st.id },
    }, t.compareThis) : null));
  return el('ul', { className: 'said-list', 'aria-label': t.statementsOfHit }, items);
}

function pager(x, answer) {
  const t = x.t;
  const pages = Math.ceil(answer.total / answer.perPage);
  if (pages <= 1) return null;
  const page = answer.page;
  const goTo = (p) => () => x.go({ ...x.state, page: p }, true, { focus: false });
  return el('nav', { className: 'pager', 'aria-label': t.pages },
    el('button', { type: 'button', disabled: page <= 1, onclick: goTo(page - 1), dataset: { key: 'prev' } }, t.previous),
    el('span', { className: 'meta' }, t.pageOf(page, pages)),
    el('button', { type: 'button', disabled: page >= pages, onclick: goTo(page + 1), dataset: { key: 'next' } }, t.next));
}

function facetPanel(x, facets, active) {
  const t = x.t;
  const s = x.state;
  const groups = [];
  for (const [name, key] of FACETS) {
    const values = (facets && facets[name]) || [];
    if (!values.length) continue;
    groups.push(facetGroup(x, name, key, values));
  }
  return el('aside', { className: 'facets', id: 'facets', 'aria-label': t.filters },
    active ? el('button', {
      type: 'button', className: 'clear', dataset: { key: 'clear' },
      onclick: () => x.go({ view: 'search', q: s.q }, true, { focus: false }),
    }, t.clearFilters) : null,
    groups.length ? groups : el('p', { className: 'meta' }, t.noFacets));
}

function facetGroup(x, name, key, values) {
  const t = x.t;
  const s = x.state;
  x.expanded = x.expanded || {};
  const open = x.expanded[name];
  const shown = open ? values : values.filter((v, i) => i < FACET_SHOWN || v.selected);
  const label = (v) => (name === 'dates' ? formatDate(t, v.value) : v.label);
  const items = shown.map((v) => {
    const id = `f-${name}-${values.indexOf(v)}`;
    const box = el('input', {
      type: 'checkbox', id, checked: v.selected, dataset: { key: `facet:${name}:${v.value}` },
      onchange: () => {
        const current = s[key];
        const next = current.includes(v.value) ? current.filter((c) => c !== v.value) : [...current, v.value];
        x.go({ ...s, page: 1, [key]: next }, true, { focus: false });
      },
    });
    return el('li', {}, box,
      el('label', { for: id },
        el('span', { className: 'facet-label' }, label(v)),
        el('span', { className: 'count' }, t.number(v.count),
          el('span', { className: 'visually-hidden' }, v.count === 1 ? ' document' : ' documents'))));
  });
  const more = values.length > shown.length || open ? el('button', {
    type: 'button', className: 'more', dataset: { key: 'more:' + name },
    onclick: () => { x.expanded[name] = !open; x.render(); },
  }, open ? t.fewerValues : t.moreValues(values.length - shown.length)) : null;
  return el('fieldset', { className: 'facet' },
    el('legend', {}, t.facetNames[name]), el('ul', {}, items), more);
}
