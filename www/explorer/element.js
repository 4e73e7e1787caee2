// <recoupe-explorer>: the whole explorer as one custom element, used full
// page (dist/index.html, routing="hash") and embedded on other sites.
//
// Vanilla JS in a Shadow DOM. Every string from the corpus or the query is
// inserted as text (textContent / text nodes), never as markup; no eval, no
// inline handlers. `loadEngine()` is provided by the build (wasm inlined, or
// fetched beside this script) and shared by every instance on the page.

const STRINGS = {
  fr: {
    brand: 'recoupe',
    searchLabel: 'Rechercher dans le corpus',
    placeholder: 'Rechercher : Latchine, « soldats de la paix », -Hadrout…',
    loading: 'Chargement du corpus…',
    prompt: 'Tapez une recherche. « / » place le curseur dans la recherche.',
    none: 'Aucun document',
    one: '1 document',
    many: (n) => `${n} documents`,
    answer: (count, q, time) => `${count} pour « ${q} » (${time})`,
    lessThanMs: '< 1 ms',
    results: 'Résultats',
    pages: 'Pages de résultats',
    previous: '← Précédents',
    next: 'Suivants →',
    pageOf: (p, n) => `page ${p} / ${n}`,
    back: '← Retour aux résultats',
    unknownDate: 'date inconnue',
    showRemoved: (n) => `Afficher le texte retiré (${n})`,
    hideRemoved: 'Masquer le texte retiré',
    corpusSize: (n) => `${n} documents dans le corpus`,
    searchFailed: 'Recherche impossible : ',
    loadFailed: 'Impossible de charger le corpus : ',
    notFound: 'Document introuvable : ',
    documentOf: (id, q) => `Document ${id}` + (q ? ` — recherche « ${q} »` : ''),
    switchLang: 'English',
    switchLangLabel: 'Switch the interface to English',
    months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août',
      'septembre', 'octobre', 'novembre', 'décembre'],
  },
  en: {
    brand: 'recoupe',
    searchLabel: 'Search the corpus',
    placeholder: 'Search: Latchine, "soldats de la paix", -Hadrout…',
    loading: 'Loading the corpus…',
    prompt: 'Type a search. "/" puts the cursor in the search box.',
    none: 'No document',
    one: '1 document',
    many: (n) => `${n} documents`,
    answer: (count, q, time) => `${count} for "${q}" (${time})`,
    lessThanMs: '< 1 ms',
    results: 'Results',
    pages: 'Result pages',
    previous: '← Previous',
    next: 'Next →',
    pageOf: (p, n) => `page ${p} of ${n}`,
    back: '← Back to results',
    unknownDate: 'date unknown',
    showRemoved: (n) => `Show removed text (${n})`,
    hideRemoved: 'Hide removed text',
    corpusSize: (n) => `${n} documents in the corpus`,
    searchFailed: 'Search failed: ',
    loadFailed: 'The corpus cannot be loaded: ',
    notFound: 'No such document: ',
    documentOf: (id, q) => `Document ${id}` + (q ? ` — search "${q}"` : ''),
    switchLang: 'Français',
    switchLangLabel: "Passer l'interface en français",
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
      'September', 'October', 'November', 'December'],
  },
};

const PER_PAGE = 10;

/** Creates an element; children are nodes or strings (made text nodes). */
function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'className') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

function errorText(error) {
  return (error && error.message) || String(error);
}

let enginePromise = null;
/** The engine, loaded once for every instance on the page. */
function engine() {
  if (!enginePromise) enginePromise = loadEngine();
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

class RecoupeExplorer extends HTMLElement {
  static get observedAttributes() {
    return ['query', 'view', 'lang', 'theme'];
  }

  constructor() {
    super();
    this.api = null;
    this.state = { view: 'search', q: '', page: 1, doc: null };
    this.pendingFrame = 0;
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
    this.onHashChange = () => this.applyHash();
    this.onKeyDown = (event) => this.keyDown(event);
    this.onSchemeChange = () => this.applyTheme();
    this.scheme = window.matchMedia('(prefers-color-scheme: dark)');
  }

  get t() {
    return STRINGS[this.getAttribute('lang') === 'en' ? 'en' : 'fr'];
  }

  get hashRouting() {
    return this.getAttribute('routing') === 'hash';
  }

  connectedCallback() {
    this.buildSkeleton();
    this.applyTheme();
    this.scheme.addEventListener('change', this.onSchemeChange);
    // The page-wide "/" shortcut belongs to the full-page explorer only;
    // embedded instances react to keys pressed inside them.
    (this.hashRouting ? document : this.shadowRoot).addEventListener('keydown', this.onKeyDown);
    if (this.hashRouting) window.addEventListener('hashchange', this.onHashChange);
    this.setStatus(this.t.loading);
    this.shadowRoot.querySelector('.status').append(el('progress', { className: 'progress', 'aria-hidden': 'true' }));
    engine().then((api) => {
      if (!this.isConnected) return;
      this.api = api;
      this.ready();
    }, (error) => this.setStatus(this.t.loadFailed + errorText(error), true));
  }

  disconnectedCallback() {
    this.scheme.removeEventListener('change', this.onSchemeChange);
    document.removeEventListener('keydown', this.onKeyDown);
    this.shadowRoot.removeEventListener('keydown', this.onKeyDown);
    window.removeEventListener('hashchange', this.onHashChange);
  }

  attributeChangedCallback(name, oldValue, value) {
    if (oldValue === value || !this.shadowRoot.firstChild) return;
    if (name === 'theme') this.applyTheme();
    else if (name === 'lang') {
      this.buildSkeleton();
      if (this.api) this.ready();
    } else if (name === 'query' && !this.hashRouting) {
      this.state = { view: 'search', q: value || '', page: 1, doc: null };
      this.render();
    } else if (name === 'view' && !this.hashRouting) {
      this.state = { ...this.state, view: value || 'search' };
      this.render();
    }
  }

  applyTheme() {
    const theme = this.getAttribute('theme');
    const dark = theme === 'dark' || (theme !== 'light' && this.scheme.matches);
    this.dataset.theme = dark ? 'dark' : 'light';
  }

  buildSkeleton() {
    const t = this.t;
    const input = el('input', {
      className: 'q', type: 'search', autocomplete: 'off', spellcheck: 'false',
      placeholder: t.placeholder, 'aria-label': t.searchLabel, disabled: !this.api,
      oninput: () => this.typed(),
    });
    if (this.state.q) input.value = this.state.q;
    const form = el('form', {
      className: 'search', role: 'search',
      onsubmit: (event) => { event.preventDefault(); this.submitted(); },
    }, input, el('kbd', { className: 'hint', 'aria-hidden': 'true' }, '/'));
    const langButton = el('button', {
      type: 'button', className: 'tool', lang: t === STRINGS.fr ? 'en' : 'fr',
      'aria-label': t.switchLangLabel,
      onclick: () => this.setAttribute('lang', t === STRINGS.fr ? 'en' : 'fr'),
    }, t.switchLang);
    this.shadowRoot.replaceChildren(el('div', { className: 'root', lang: t === STRINGS.fr ? 'fr' : 'en' },
      el('header', { className: 'top', role: 'banner' },
        el('p', { className: 'brand' }, el('span', { 'aria-hidden': 'true' }, '◧ '), t.brand),
        form,
        el('div', { className: 'tools' }, langButton)),
      el('main', { className: 'body' },
        el('p', { className: 'status', role: 'status', 'aria-live': 'polite' }),
        el('section', { className: 'results', 'aria-label': t.results, tabindex: '-1' }),
        el('article', { className: 'document', hidden: true, tabindex: '-1' })),
      el('footer', { className: 'foot', role: 'contentinfo' }, el('span', { className: 'corpus-info' }))));
  }

  $(selector) {
    return this.shadowRoot.querySelector(selector);
  }

  setStatus(text, isError) {
    const status = this.$('.status');
    status.textContent = text;
    status.classList.toggle('error', Boolean(isError));
  }

  ready() {
    const input = this.$('.q');
    input.disabled = false;
    try {
      this.$('.corpus-info').textContent = this.t.corpusSize(this.api.documents().length);
    } catch (error) {
      this.setStatus(this.t.loadFailed + errorText(error), true);
      return;
    }
    if (this.hashRouting) this.applyHash();
    else {
      this.state.q = this.getAttribute('query') || this.state.q;
      this.render();
    }
    if (this.hashRouting && this.state.view !== 'document') input.focus();
  }

  // ---- state and routing ---------------------------------------------
  applyHash() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    const doc = params.get('doc');
    this.state = {
      view: doc ? 'document' : 'search',
      q: params.get('q') || '',
      page: Math.max(1, Number(params.get('p')) || 1),
      doc,
    };
    this.render();
  }

  /** Moves to a new state; `push` makes it a step back/forward can reach. */
  go(state, push) {
    this.state = { view: 'search', q: '', page: 1, doc: null, ...state };
    if (this.hashRouting) {
      const params = new URLSearchParams();
      if (this.state.q) params.set('q', this.state.q);
      if (this.state.page > 1) params.set('p', String(this.state.page));
      if (this.state.doc) params.set('doc', this.state.doc);
      const hash = '#' + params.toString();
      if (hash !== location.hash && !(hash === '#' && !location.hash)) {
        if (push) history.pushState(null, '', hash);
        else history.replaceState(null, '', hash);
      }
    }
    this.render();
  }

  back() {
    if (this.hashRouting) history.back();
    else this.go({ q: this.state.q, page: this.state.page });
  }

  typed() {
    // One search per frame, however fast the keys come.
    cancelAnimationFrame(this.pendingFrame);
    this.pendingFrame = requestAnimationFrame(() => this.go({ q: this.$('.q').value }, false));
  }

  submitted() {
    this.go({ q: this.$('.q').value }, true);
    const first = this.$('.hit a');
    if (first) first.focus();
  }

  keyDown(event) {
    const input = this.$('.q');
    const inField = event.composedPath().some((n) => n instanceof HTMLInputElement || n instanceof HTMLTextAreaElement);
    if (event.key === '/' && !inField) {
      event.preventDefault();
      input.focus();
      input.select();
    } else if (event.key === 'Escape' && this.state.view === 'document') {
      event.preventDefault();
      this.back();
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && this.state.view === 'search') {
      const links = [...this.shadowRoot.querySelectorAll('.hit a')];
      if (!links.length) return;
      const at = links.indexOf(this.shadowRoot.activeElement);
      if (at === -1 && event.key === 'ArrowUp') return;
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? Math.min(at + 1, links.length - 1) : at - 1;
      if (next < 0) input.focus();
      else links[next].focus();
    }
  }

  render() {
    if (!this.api) return;
    const input = this.$('.q');
    if (this.shadowRoot.activeElement !== input && input.value !== this.state.q) input.value = this.state.q;
    if (this.state.view === 'document' && this.state.doc) this.renderDocument();
    else this.renderResults();
  }

  // ---- views ----------------------------------------------------------
  formatDate(date) {
    if (!date) return this.t.unknownDate;
    const [y, m, d] = String(date).split('-');
    const month = this.t.months[Number(m) - 1];
    if (!month) return y;
    return (d ? Number(d) + ' ' : '') + month + ' ' + y;
  }

  renderResults() {
    const t = this.t;
    const { q, page } = this.state;
    this.$('.document').hidden = true;
    const results = this.$('.results');
    results.hidden = false;
    results.replaceChildren();
    if (!q.trim()) {
      this.setStatus(t.prompt);
      return;
    }
    let answer;
    try {
      answer = this.api.search(q, { page, perPage: PER_PAGE, prefix: true });
    } catch (error) {
      this.setStatus(t.searchFailed + errorText(error), true);
      return;
    }
    const time = answer.tookMs < 1 ? t.lessThanMs : Math.round(answer.tookMs) + ' ms';
    const count = answer.total === 0 ? t.none : answer.total === 1 ? t.one : t.many(answer.total);
    this.setStatus(t.answer(count, q.trim(), time) + (answer.message ? ' — ' + answer.message : ''));
    const list = el('ol', { className: 'hits', start: (page - 1) * PER_PAGE + 1 });
    for (const hit of answer.hits) {
      const snippet = el('p', { className: 'snippet' },
        hit.snippet.map((span) => (span.mark ? el('mark', {}, span.text) : span.text)));
      const open = (event) => {
        event.preventDefault();
        this.openDocument(hit.id);
      };
      const params = new URLSearchParams({ q, doc: hit.id });
      list.append(el('li', { className: 'hit', 'data-id': hit.id },
        el('a', { href: '#' + params.toString(), onclick: open }, hit.title || hit.id),
        el('div', { className: 'meta' }, hit.id + ' · ' + this.formatDate(hit.date)),
        snippet));
    }
    results.append(list);
    const pages = Math.ceil(answer.total / PER_PAGE);
    if (pages > 1) {
      const goTo = (p) => () => this.go({ q, page: p }, true);
      results.append(el('nav', { className: 'pager', 'aria-label': t.pages },
        el('button', { type: 'button', disabled: page <= 1, onclick: goTo(page - 1) }, t.previous),
        el('span', { className: 'meta' }, t.pageOf(page, pages)),
        el('button', { type: 'button', disabled: page >= pages, onclick: goTo(page + 1) }, t.next)));
    }
  }

  openDocument(id) {
    this.go({ view: 'document', q: this.state.q, page: this.state.page, doc: id }, true);
    this.dispatchEvent(new CustomEvent('select', {
      detail: { type: 'document', id }, bubbles: true, composed: true,
    }));
  }

  renderDocument() {
    const t = this.t;
    const { doc: id, q } = this.state;
    let doc;
    try {
      doc = this.api.document(id);
    } catch (error) {
      this.setStatus(t.notFound + errorText(error), true);
      return;
    }
    this.$('.results').hidden = true;
    const view = this.$('.document');
    view.hidden = false;
    view.classList.remove('show-removed');
    let removed = 0;
    const blocks = [];
    for (const block of doc.blocks) {
      if (block.kind === 'title') continue;
      if (block.kind === 'boilerplate') removed += 1;
      blocks.push(el('p', { className: 'block-' + block.kind }, block.text));
    }
    const toggle = removed ? el('button', {
      type: 'button', className: 'back', 'aria-pressed': 'false',
      onclick: (event) => {
        const shown = view.classList.toggle('show-removed');
        event.currentTarget.textContent = shown ? t.hideRemoved : t.showRemoved(removed);
        event.currentTarget.setAttribute('aria-pressed', String(shown));
      },
    }, t.showRemoved(removed)) : null;
    view.replaceChildren(...[
      el('button', { type: 'button', className: 'back', onclick: () => this.back() }, t.back),
      el('h2', {}, doc.title || doc.id),
      el('p', { className: 'meta' },
        doc.id + ' · ' + this.formatDate(doc.date) + (doc.outlet ? ' · ' + doc.outlet : '')),
      ...blocks,
      toggle,
    ].filter(Boolean));
    this.setStatus(t.documentOf(doc.id, q));
    view.focus();
  }
}

if (!customElements.get('recoupe-explorer')) {
  customElements.define('recoupe-explorer', RecoupeExplorer);
}
