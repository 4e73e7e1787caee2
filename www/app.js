// recoupe page: search the embedded corpus, read a document.
// Vanilla JS. Every string from the corpus or the query reaches the page as a
// text node (textContent / createTextNode), never as markup.
(function () {
  'use strict';

  const PER_PAGE = 10;
  let api = null;
  let pending = 0;

  const $ = (id) => document.getElementById(id);

  /** Creates an element; `children` are nodes or strings (made text nodes). */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'className') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  function formatDate(date) {
    if (!date) return 'date inconnue';
    const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août',
      'septembre', 'octobre', 'novembre', 'décembre'];
    const [y, m, d] = date.split('-');
    const month = months[Number(m) - 1];
    if (!month) return y;
    return (d ? Number(d) + ' ' : '') + month + ' ' + y;
  }

  function setStatus(text, isError) {
    const status = $('status');
    status.textContent = text;
    status.classList.toggle('error', Boolean(isError));
  }

  // ---- routing: the hash says what is shown, so back/forward and links work.
  function readHash() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    return {
      q: params.get('q') || '',
      page: Math.max(1, Number(params.get('p')) || 1),
      doc: params.get('doc'),
    };
  }

  function writeHash(state, push) {
    const params = new URLSearchParams();
    if (state.q) params.set('q', state.q);
    if (state.page > 1) params.set('p', String(state.page));
    if (state.doc) params.set('doc', state.doc);
    const hash = '#' + params.toString();
    if (hash === location.hash || (hash === '#' && !location.hash)) return;
    if (push) history.pushState(null, '', hash);
    else history.replaceState(null, '', hash);
  }

  function render() {
    const state = readHash();
    const input = $('q');
    if (document.activeElement !== input && input.value !== state.q) input.value = state.q;
    if (state.doc) showDocument(state.doc, state.q);
    else showResults(state.q, state.page);
  }

  // ---- results
  function showResults(query, page) {
    $('document').hidden = true;
    const results = $('results');
    results.hidden = false;
    results.replaceChildren();
    if (!query.trim()) {
      setStatus('Tapez une recherche. « / » place le curseur dans la recherche.');
      return;
    }
    let answer;
    try {
      answer = api.search(query, { page, perPage: PER_PAGE, prefix: true });
    } catch (e) {
      setStatus('Recherche impossible : ' + (e && e.message ? e.message : String(e)), true);
      return;
    }
    const time = answer.tookMs < 1 ? '< 1 ms' : Math.round(answer.tookMs) + ' ms';
    const count = answer.total === 0 ? 'Aucun document'
      : answer.total === 1 ? '1 document' : answer.total + ' documents';
    setStatus(count + ' pour « ' + query.trim() + ' » (' + time + ')' +
      (answer.message ? ' — ' + answer.message : ''));
    const list = el('ol', { className: 'hits', start: (page - 1) * PER_PAGE + 1 });
    for (const hit of answer.hits) {
      const snippet = el('p', { className: 'snippet' });
      for (const span of hit.snippet) {
        snippet.append(span.mark ? el('mark', {}, span.text) : document.createTextNode(span.text));
      }
      const params = new URLSearchParams({ q: query, doc: hit.id });
      list.append(el('li', { className: 'hit', 'data-id': hit.id },
        el('a', { href: '#' + params.toString() }, hit.title || hit.id),
        el('div', { className: 'meta' }, hit.id + ' · ' + formatDate(hit.date)),
        snippet));
    }
    results.append(list);
    const pages = Math.ceil(answer.total / PER_PAGE);
    if (pages > 1) {
      const go = (p) => () => { writeHash({ q: query, page: p }, true); render(); };
      results.append(el('nav', { className: 'pager', 'aria-label': 'Pages de résultats' },
        el('button', { type: 'button', disabled: page <= 1, onclick: go(page - 1) }, '← Précédents'),
        el('span', { className: 'meta' }, 'page ' + page + ' / ' + pages),
        el('button', { type: 'button', disabled: page >= pages, onclick: go(page + 1) }, 'Suivants →')));
    }
  }

  // ---- document
  function showDocument(id, query) {
    let doc;
    try {
      doc = api.document(id);
    } catch (e) {
      setStatus((e && e.message) || 'Document introuvable', true);
      return;
    }
    $('results').hidden = true;
    const view = $('document');
    view.hidden = false;
    view.classList.remove('show-removed');
    const back = el('button', { type: 'button', className: 'back', onclick: () => history.back() },
      '← Retour aux résultats');
    const dateNote = doc.date ? formatDate(doc.date) : 'date inconnue';
    const body = [];
    let removed = 0;
    for (const block of doc.blocks) {
      if (block.kind === 'title') continue;
      if (block.kind === 'boilerplate') removed += 1;
      body.push(el('p', { className: 'block-' + block.kind }, block.text));
    }
    const toggle = removed ? el('button', {
      type: 'button', className: 'back',
      onclick: (event) => {
        const shown = view.classList.toggle('show-removed');
        event.currentTarget.textContent = shown ? 'Masquer le texte retiré' : 'Afficher le texte retiré (' + removed + ')';
      },
    }, 'Afficher le texte retiré (' + removed + ')') : null;
    view.replaceChildren(back,
      el('h2', {}, doc.title || doc.id),
      el('p', { className: 'meta' }, doc.id + ' · ' + dateNote + (doc.outlet ? ' · ' + doc.outlet : '')),
      ...body);
    if (toggle) view.append(toggle);
    setStatus('Document ' + doc.id + (query ? ' — recherche « ' + query + ' »' : ''));
    view.focus();
  }

  // ---- wiring
  function onInput() {
    // Coalesce keystrokes into one search per frame.
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      writeHash({ q: $('q').value, page: 1 }, false);
      render();
    });
  }

  function start(wasmApi) {
    api = wasmApi;
    const input = $('q');
    input.disabled = false;
    input.addEventListener('input', onInput);
    $('search-form').addEventListener('submit', (event) => {
      event.preventDefault();
      writeHash({ q: input.value, page: 1 }, true);
      render();
      const first = document.querySelector('.hit a');
      if (first) first.focus();
    });
    document.addEventListener('keydown', (event) => {
      if (event.key === '/' && document.activeElement !== input &&
          !(event.target instanceof HTMLInputElement)) {
        event.preventDefault();
        input.focus();
        input.select();
      } else if (event.key === 'Escape' && readHash().doc) {
        history.back();
      }
    });
    window.addEventListener('hashchange', render);
    window.addEventListener('popstate', render);
    try {
      const docs = api.documents();
      $('corpus-info').textContent = docs.length + ' documents dans le corpus';
    } catch (e) {
      setStatus('Corpus illisible : ' + ((e && e.message) || e), true);
      return;
    }
    render();
    if (!readHash().doc) input.focus();
  }

  function fail(error) {
    setStatus('Impossible de charger le corpus : ' + ((error && error.message) || error), true);
  }

  window.RecoupeApp = { start, fail };
})();
