// <recoupe-explorer>: the whole explorer as one custom element, used full
// page (dist/index.html, routing="hash") and embedded on other sites.
//
// Vanilla JS in a Shadow DOM. Every string from the corpus or the query is
// inserted as text (textContent / text nodes), never as markup; no eval, no
// inline handlers. `loadEngine()` is provided by the build (wasm inlined, or
// fetched beside this script) and shared by every instance on the page. The
// views (views/*.js) draw into the element's main region; this file holds
// state, routing, keyboard and the frame around them.

const VIEWS = ['search', 'conflicts', 'timeline', 'compare', 'document'];
/** The views in the navigation; each needs the engine function of its name. */
const NAV_VIEWS = ['search', 'conflicts', 'timeline', 'compare'];

/** Every field of a state; a view reads the ones it needs. */
const EMPTY_STATE = Object.freeze({
  view: 'search', q: '', page: 1, outlets: [], speakers: [], sides: [], months: [],
  doc: null, statement: null, at: null, conflict: null, claim: '',
  source: '', in: '', from: '', to: '',
});

/** A state as URL parameters (a hash that reopens the view). */
function stateToParams(state) {
  const params = new URLSearchParams();
  const set = (key, value) => { if (value) params.set(key, String(value)); };
  const each = (key, values) => { for (const v of values || []) params.append(key, v); };
  if (state.view !== 'search' && state.view !== 'document') params.set('view', state.view);
  switch (state.view) {
    case 'document':
      set('doc', state.doc); set('s', state.statement); set('at', state.at); set('q', state.q);
      break;
    case 'compare':
      set('statement', state.statement); set('conflict', state.conflict); set('claim', state.claim);
      break;
    case 'timeline':
      set('source', state.source); set('in', state.in); set('from', state.from); set('to', state.to);
      break;
    case 'conflicts':
      break;
    default:
      set('q', state.q);
      if (state.page > 1) set('p', state.page);
      each('outlet', state.outlets); each('speaker', state.speakers);
      each('side', state.sides); each('month', state.months);
  }
  return params;
}

function stateFromParams(params) {
  const get = (key) => params.get(key) || '';
  let view = get('view');
  if (!VIEWS.includes(view)) view = params.get('doc') ? 'document' : 'search';
  return {
    ...EMPTY_STATE,
    view,
    q: get('q'),
    page: Math.max(1, Math.floor(Number(get('p'))) || 1),
    outlets: params.getAll('outlet'),
    speakers: params.getAll('speaker'),
    sides: params.getAll('side'),
    months: params.getAll('month'),
    doc: params.get('doc'),
    statement: params.get(view === 'document' ? 's' : 'statement'),
    at: params.get('at'),
    conflict: params.get('conflict'),
    claim: get('claim'),
    source: get('source'),
    in: get('in'),
    from: get('from'),
    to: get('to'),
  };
}

let enginePromise = null;
const progressListeners = new Set();
let lastProgress = ['unpack', 0];
/** The engine, loaded once for every instance on the page. */
function engine(onProgress) {
  progressListeners.add(onProgress);
  onProgress(...lastProgress);
  if (!enginePromise) {
    enginePromise = loadEngine((phase, fraction) => {
      lastProgress = [phase, fraction];
      for (const listener of progressListeners) listener(phase, fraction);
    });
    enginePromise.finally(() => progressListeners.clear());
  }
  return enginePromise;
}

let sheet = null;
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(EXPLORER_CSS);
  }
  return sheet;
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

class RecoupeExplorer extends HTMLElement {
  static get observedAttributes() {
    return ['query', 'view', 'lang', 'theme'];
  }

  constructor() {
    super();
    this.api = null;
    this.state = { ...EMPTY_STATE };
    /** Past states of an embedded instance (the full page uses the browser's history). */
    this.past = [];
    this.pendingFrame = 0;
    this.phase = null;
    this.ui = {};
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
    this.onHashChange = () => this.applyHash();
    this.onKeyDown = (event) => this.keyDown(event);
    this.onSchemeChange = () => this.applyTheme();
    this.scheme = window.matchMedia('(prefers-color-scheme: dark)');
  }

  get t() {
    return STRINGS[this.lang];
  }

  get lang() {
    return this.getAttribute('lang') === 'en' ? 'en' : 'fr';
  }

  get hashRouting() {
    return this.getAttribute('routing') === 'hash';
  }

  /** Does the engine offer this function? (Views appear with their API.) */
  has(name) {
    return Boolean(this.api) && typeof this.api[name] === 'function';
  }

  connectedCallback() {
    this.buildSkeleton();
    this.applyTheme();
    this.scheme.addEventListener('change', this.onSchemeChange);
    // The page-wide "/" shortcut belongs to the full-page explorer only;
    // embedded instances react to keys pressed inside them.
    (this.hashRouting ? document : this.shadowRoot).addEventListener('keydown', this.onKeyDown);
    if (this.hashRouting) window.addEventListener('hashchange', this.onHashChange);
    if (this.api) {
      this.ready();
      return;
    }
    engine((phase, fraction) => this.showProgress(phase, fraction)).then(async (api) => {
      if (!this.isConnected || this.api) return;
      this.showProgress('open', null);
      await nextFrame(); // let the progress show before the corpus opens
      this.api = api;
      this.ready();
    }, (error) => this.failed(error));
  }

  disconnectedCallback() {
    this.scheme.removeEventListener('change', this.onSchemeChange);
    document.removeEventListener('keydown', this.onKeyDown);
    this.shadowRoot.removeEventListener('keydown', this.onKeyDown);
    window.removeEventListener('hashchange', this.onHashChange);
  }

  attributeChangedCallback(name, oldValue, value) {
    if (oldValue === value || !this.ui.root) return;
    if (name === 'theme') {
      this.applyTheme();
      this.buildTools();
    } else if (name === 'lang') {
      this.buildSkeleton();
      if (this.api) this.ready();
    } else if (name === 'query' && !this.hashRouting) {
      this.go({ view: 'search', q: value || '' }, false);
    } else if (name === 'view' && !this.hashRouting && VIEWS.includes(value)) {
      this.go({ ...this.state, view: value }, false);
    }
  }

  applyTheme() {
    this.dataset.theme = this.dark ? 'dark' : 'light';
  }

  get dark() {
    const theme = this.getAttribute('theme');
    return theme === 'dark' || (theme !== 'light' && this.scheme.matches);
  }

  // ---- the frame ------------------------------------------------------
  buildSkeleton() {
    const t = this.t;
    const input = el('input', {
      className: 'q', type: 'search', autocomplete: 'off', spellcheck: 'false',
      placeholder: t.placeholder, 'aria-label': t.searchLabel, disabled: !this.api,
      oninput: () => this.typed(),
    });
    input.value = this.state.q;
    const form = el('form', {
      className: 'search', role: 'search',
      onsubmit: (event) => { event.preventDefault(); this.submitted(); },
    }, input, el('kbd', { className: 'hint', 'aria-hidden': 'true' }, '/'));
    const brand = el(this.hashRouting ? 'h1' : 'p', { className: 'brand' },
      el('span', { className: 'logo', 'aria-hidden': 'true' }, '◧'), ' ', t.brand,
      el('span', { className: 'tagline' }, ' · ' + t.tagline));
    this.ui = {
      input,
      tools: el('div', { className: 'tools' }),
      nav: el('nav', { className: 'views', 'aria-label': t.views }),
      status: el('p', { className: 'status', role: 'status', 'aria-live': 'polite' }),
      progress: el('div', { className: 'progress-box' }),
      main: el('main', { className: 'body', tabindex: '-1' }),
      info: el('span', { className: 'corpus-info' }),
    };
    this.ui.root = el('div', { className: 'root', lang: this.lang },
      el('header', { className: 'top' }, brand, form, this.ui.tools),
      this.ui.nav,
      el('div', { className: 'frame' }, this.ui.status, this.ui.progress, this.ui.main),
      el('footer', { className: 'foot' }, this.ui.info));
    this.shadowRoot.replaceChildren(this.ui.root);
    this.buildTools();
    this.buildNav();
    if (!this.api) this.showProgress(...lastProgress);
  }

  buildTools() {
    const t = this.t;
    const other = this.lang === 'fr' ? 'en' : 'fr';
    this.ui.tools.replaceChildren(
      el('button', {
        type: 'button', className: 'tool', 'aria-pressed': String(this.dark),
        onclick: () => this.setAttribute('theme', this.dark ? 'light' : 'dark'),
      }, el('span', { 'aria-hidden': 'true' }, this.dark ? '☀ ' : '☾ '), t.themeDark),
      el('button', {
        type: 'button', className: 'tool', lang: other, 'aria-label': t.switchLangLabel,
        onclick: () => this.setAttribute('lang', other),
      }, t.switchLang));
  }

  buildNav() {
    const t = this.t;
    const links = NAV_VIEWS.filter((view) => !this.api || this.has(view)).map((view) => {
      const current = this.state.view === view || (view === 'search' && this.state.view === 'document');
      const target = view === 'search' ? { view, q: this.state.q } : { view };
      return el('li', {}, this.link(target, {
        className: 'view-link', 'aria-current': current ? 'page' : null, dataset: { view },
      }, t.viewNames[view]));
    });
    this.ui.nav.hidden = !this.api || links.length < 2;
    this.ui.nav.replaceChildren(el('ul', {}, links));
  }

  showProgress(phase, fraction) {
    if (this.api || !this.ui.progress) return;
    const t = this.t;
    if (phase !== this.phase) {
      this.phase = phase;
      this.setStatus(t.phases[phase] || t.loading);
    }
    let bar = this.ui.progress.querySelector('progress');
    if (!bar) {
      bar = el('progress', { className: 'progress', max: '1', 'aria-label': t.loading });
      this.ui.progress.replaceChildren(bar);
    }
    let percent = this.ui.progress.querySelector('.percent');
    if (!percent) {
      percent = el('span', { className: 'percent meta', 'aria-hidden': 'true' });
      this.ui.progress.append(percent);
    }
    if (typeof fraction === 'number') {
      bar.value = Math.min(1, Math.max(0, fraction));
      percent.textContent = `${Math.round(bar.value * 100)}\u00a0%`;
    } else {
      bar.removeAttribute('value'); // indeterminate
      percent.textContent = '';
    }
  }

  failed(error) {
    this.ui.progress.replaceChildren();
    this.setStatus(this.t.loadFailed + errorText(error), true);
  }

  $(selector) {
    return this.shadowRoot.querySelector(selector);
  }

  /** The live region: read out in every view, shown in the search view
   *  (elsewhere the view's own heading says as much), errors always. */
  setStatus(text, isError) {
    const status = this.ui.status;
    const shown = shownText(text);
    if (status.textContent !== shown) status.textContent = shown;
    status.classList.toggle('error', Boolean(isError));
    status.classList.toggle('visually-hidden', Boolean(this.api) && !isError && this.state.view !== 'search');
  }

  /**
   * An engine answer that does not change while the page is open (the
   * corpus is fixed): conflicts, a timeline, the speakers. Kept for the
   * last few questions, so "show more" or a language switch does not ask
   * a large corpus again.
   */
  cached(name, arg) {
    if (!this.answers) this.answers = new Map();
    const key = name + ' ' + JSON.stringify(arg === undefined ? null : arg);
    if (!this.answers.has(key)) {
      if (this.answers.size >= 16) this.answers.delete(this.answers.keys().next().value);
      this.answers.set(key, arg === undefined ? this.api[name]() : this.api[name](arg));
    }
    return this.answers.get(key);
  }

  /**
   * An evidence's words with the spaces its source lost shown back
   * ("ontattaqué" → "ont attaqué"), as the document view shows them. The
   * passage must be the document's text at its offsets; else it is kept.
   */
  readable(evidence) {
    const text = (evidence && evidence.text) || '';
    if (!evidence || utf8.encode(text).length !== evidence.end - evidence.start) return text;
    let doc;
    try {
      doc = this.cached('document', evidence.doc);
    } catch {
      return text;
    }
    const inside = [];
    for (const block of doc.blocks) {
      for (const at of block.spaces || []) {
        const p = block.start + at;
        if (p > evidence.start && p < evidence.end) inside.push(p - evidence.start);
      }
    }
    if (!inside.length) return text;
    const toIndex = byteToIndex(text);
    let out = '';
    let last = 0;
    for (const at of inside.map(toIndex).sort((a, b) => a - b)) {
      out += text.slice(last, at) + ' ';
      last = at;
    }
    return out + text.slice(last);
  }

  /** Every document's summary, read once. */
  docs() {
    if (!this.docList) this.docList = this.api.documents();
    return this.docList;
  }

  /** A document as a reader names it: its title, its opening words, its id. */
  docLabel(id, max = 60) {
    if (!this.docIndex) this.docIndex = new Map(this.docs().map((d) => [d.id, d]));
    const d = this.docIndex.get(id);
    const label = d ? d.title || d.lead || id : id;
    if (label.length <= max) return label;
    const cut = label.slice(0, max);
    const space = cut.lastIndexOf(' ');
    return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:…]+$/, '') + '…';
  }

  ready() {
    const t = this.t;
    let count;
    try {
      count = this.docs().length;
    } catch (error) {
      this.failed(error);
      return;
    }
    this.ui.progress.replaceChildren();
    this.ui.input.disabled = false;
    this.ui.info.textContent = t.corpusSize(count);
    if (this.hashRouting) this.applyHash();
    else {
      const view = this.getAttribute('view');
      this.state = {
        ...this.state,
        q: this.state.q || this.getAttribute('query') || '',
        view: VIEWS.includes(view) && this.state.view === 'search' ? view : this.state.view,
      };
      this.render();
    }
    if (this.hashRouting && this.state.view === 'search') this.ui.input.focus();
  }

  // ---- state and routing ---------------------------------------------
  applyHash() {
    this.state = stateFromParams(new URLSearchParams(location.hash.replace(/^#/, '')));
    const back = history.state && history.state.focus;
    this.render({ focus: !back && this.state.view !== 'search' });
    if (back) this.refocus(back);
  }

  /** The control with this key, focused again (what the reader left from). */
  refocus(key) {
    const target = [...this.ui.main.querySelectorAll('[data-key]')].find((n) => n.dataset.key === key);
    if (target) {
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'nearest' });
    }
  }

  /** The hash of a state (also the href of links to it). */
  hashOf(state) {
    const text = stateToParams({ ...EMPTY_STATE, ...state }).toString();
    return '#' + text;
  }

  /**
   * Moves to a new state; `push` makes it a step that back and forward
   * reach. `focus` moves the keyboard focus to the new view's heading.
   */
  go(state, push, { focus = push } = {}) {
    const next = { ...EMPTY_STATE, ...state };
    // Where the reader leaves from, to focus it again when they come back.
    const active = this.shadowRoot.activeElement;
    const from = active && active.dataset && active.dataset.key;
    if (this.hashRouting) {
      const hash = this.hashOf(next);
      if (hash !== location.hash && !(hash === '#' && !location.hash)) {
        const depth = (history.state && history.state.recoupe) || 0;
        if (push) {
          history.replaceState({ ...history.state, recoupe: depth, focus: from }, '', location.href);
          history.pushState({ recoupe: depth + 1 }, '', hash);
        } else {
          history.replaceState({ recoupe: depth }, '', hash);
        }
      }
    } else if (push) {
      this.past.push({ state: this.state, focus: from });
      if (this.past.length > 100) this.past.shift();
    }
    this.state = next;
    this.render({ focus });
  }

  /** Back to where the reader came from (or to the search, on a first view). */
  back() {
    if (this.hashRouting) {
      if (history.state && history.state.recoupe > 0) history.back();
      else this.go({ view: 'search', q: this.state.q }, false, { focus: true });
    } else if (this.past.length) {
      const { state, focus } = this.past.pop();
      this.state = state;
      this.render({ focus: !focus });
      if (focus) this.refocus(focus);
    } else {
      this.go({ view: 'search', q: this.state.q }, false, { focus: true });
    }
  }

  /** A link to a state: a real href (middle-click works on the full page). */
  link(state, props, ...children) {
    const { emit: detail, ...rest } = props || {};
    return el('a', {
      ...rest,
      href: this.hashOf(state),
      onclick: (event) => {
        if (this.hashRouting && (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)) {
          return; // a new tab or window opens the same view
        }
        event.preventDefault();
        this.go(state, true);
        if (detail) this.emit(detail);
      },
    }, ...children);
  }

  /** Tells the host page what the reader picked. */
  emit(detail) {
    this.dispatchEvent(new CustomEvent('select', { detail, bubbles: true, composed: true }));
  }

  typed() {
    // One search per frame, however fast the keys come.
    cancelAnimationFrame(this.pendingFrame);
    this.pendingFrame = requestAnimationFrame(() => {
      const q = this.ui.input.value;
      const s = this.state;
      // Typing starts a new search (filters stay while the query is refined).
      const keep = s.view === 'search' ? { outlets: s.outlets, speakers: s.speakers, sides: s.sides, months: s.months } : {};
      this.go({ view: 'search', q, ...keep }, s.view !== 'search', { focus: false });
    });
  }

  submitted() {
    cancelAnimationFrame(this.pendingFrame);
    const s = this.state;
    const keep = s.view === 'search' ? { outlets: s.outlets, speakers: s.speakers, sides: s.sides, months: s.months } : {};
    this.go({ view: 'search', q: this.ui.input.value, ...keep }, true, { focus: false });
    const first = this.ui.main.querySelector('[data-nav]');
    if (first) first.focus();
  }

  keyDown(event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    const path = event.composedPath();
    const target = path[0];
    const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement
      || target instanceof HTMLSelectElement;
    const input = this.ui.input;
    if (event.key === '/' && !typing) {
      event.preventDefault();
      input.focus();
      input.select();
    } else if (event.key === 'Escape') {
      if (target === input && input.value) {
        event.preventDefault();
        input.value = '';
        this.typed();
      } else if (this.state.view === 'document' || this.state.view === 'compare') {
        event.preventDefault();
        this.back();
      }
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (typing && target !== input) return;
      const items = [...this.ui.main.querySelectorAll('[data-nav]')].filter((n) => n.offsetParent !== null);
      if (!items.length) return;
      const at = items.indexOf(this.shadowRoot.activeElement);
      if (target !== input && at === -1) return; // arrows elsewhere keep their meaning
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? Math.min(at + 1, items.length - 1) : at - 1;
      if (next < 0) input.focus();
      else {
        items[next].focus();
        items[next].scrollIntoView({ block: 'nearest' });
      }
    }
  }

  // ---- views ------------------------------------------------------------
  render({ focus = false } = {}) {
    if (!this.api) return;
    const input = this.ui.input;
    if (this.shadowRoot.activeElement !== input && input.value !== this.state.q
      && (this.state.view === 'search' || this.state.view === 'document')) input.value = this.state.q;
    this.buildNav();
    const renderers = {
      search: renderSearch, document: renderDocument, conflicts: renderConflicts,
      compare: renderCompare, timeline: renderTimeline,
    };
    const main = this.ui.main;
    main.dataset.view = this.state.view;
    this.setStatus('');
    try {
      renderers[this.state.view](this);
    } catch (error) {
      main.replaceChildren();
      this.setStatus(this.t.viewFailed + errorText(error), true);
      return;
    }
    if (focus) {
      const heading = main.querySelector('[data-focus]') || main.querySelector('h2');
      if (heading) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: true });
        // A passage or statement led to: in the middle of the screen.
        heading.scrollIntoView({ block: heading.matches('h2') ? 'nearest' : 'center' });
      }
    }
  }

  /** Replaces the main region's content, keeping the focused control focused. */
  fill(...nodes) {
    const active = this.shadowRoot.activeElement;
    const key = active && active.dataset ? active.dataset.key : null;
    this.ui.main.replaceChildren(...nodes.flat().filter(Boolean));
    if (key) {
      const again = [...this.ui.main.querySelectorAll('[data-key]')].find((n) => n.dataset.key === key);
      if (again) again.focus({ preventScroll: true });
    }
  }

  /** The view's title line: a heading, and a back button where one helps. */
  heading(text, { back = false, level = 'h2' } = {}) {
    const nodes = [];
    if (back) nodes.push(el('button', { type: 'button', className: 'back', onclick: () => this.back() }, this.t.back));
    nodes.push(el(level, { className: 'view-title', tabindex: '-1' }, text));
    return nodes;
  }
}

if (!customElements.get('recoupe-explorer')) {
  customElements.define('recoupe-explorer', RecoupeExplorer);
}
