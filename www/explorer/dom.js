// Small helpers shared by the views: building elements from text, dates
// as a reader says them, and byte offsets (the engine's) into string
// indices (JavaScript's).

/**
 * Text as shown: without the explicit direction controls (embeddings,
 * overrides and isolates, U+202A–U+202E and U+2066–U+2069) a corpus may
 * carry. Shown, an override reverses the letters after it ("15 morts" reads
 * "strom 51") and spills past its own words into the names, labels and the
 * engine's sentences around it. The letters stay in the order they are
 * stored, searched and compared in (right-to-left scripts still show right
 * to left). Applied where text becomes visible, after every offset was
 * counted on the stored text.
 */
const DIRECTION_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
function shownText(text) {
  return String(text).replace(DIRECTION_CONTROLS, '');
}

/** Attributes a reader sees or hears (tooltips, labels). */
const TEXT_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder']);

/** Creates an element; children are nodes or strings (made text nodes). */
function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'className') node.className = value;
    else if (key === 'text') node.textContent = shownText(value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (TEXT_ATTRIBUTES.has(key)) node.setAttribute(key, shownText(value));
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(shownText(child)) : child);
  }
  return node;
}

function errorText(error) {
  return (error && error.message) || String(error);
}

/** Snippet spans ({text, mark}) as text nodes and <mark>s. */
function spansToNodes(spans) {
  return (spans || []).map((span) => (span.mark ? el('mark', {}, span.text) : span.text));
}

/**
 * A date as a reader says it: "2020-11-14" → "14 novembre 2020", "2020-11"
 * → "novembre 2020", "XXXX-03-24" → "24 mars (année inconnue)", a range
 * "a/b" → "a – b".
 */
function formatDate(t, date) {
  if (!date) return t.unknownDate;
  const text = String(date);
  if (text.includes('/')) return formatRange(t, ...text.split('/'));
  const [y, m, d] = text.split('-');
  const month = t.months[Number(m) - 1];
  const unknownYear = !/^\d{4}$/.test(y);
  if (!month) return unknownYear ? t.unknownDate : y;
  const day = d && Number(d) ? Number(d) + ' ' : '';
  return unknownYear ? `${day}${month} (${t.unknownYear})` : `${day}${month} ${y}`;
}

/** "2020-10-09/2020-10-10" → "9–10 octobre 2020" (shared month and year said once). */
function formatRange(t, from, to) {
  const [y1, m1, d1] = String(from).split('-');
  const [y2, m2, d2] = String(to || '').split('-');
  const month = (m) => t.months[Number(m) - 1];
  if (y1 === y2 && /^\d{4}$/.test(y1) && month(m1) && month(m2) && Number(d1) && Number(d2)) {
    if (m1 === m2) return `${Number(d1)}–${Number(d2)} ${month(m1)} ${y1}`;
    return `${Number(d1)} ${month(m1)} – ${Number(d2)} ${month(m2)} ${y1}`;
  }
  return `${formatDate(t, from)} – ${formatDate(t, to)}`;
}

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

/**
 * Converts byte offsets into `text` (UTF-8, as the engine counts) to string
 * indices (UTF-16, as JavaScript counts). Offsets inside a character move
 * to its start; offsets past the end to the end.
 */
function byteToIndex(text) {
  let bytes = null;
  return (offset) => {
    if (offset <= 0) return 0;
    bytes = bytes || utf8.encode(text);
    if (offset >= bytes.length) return text.length;
    let at = offset;
    // Continuation bytes (10xxxxxx) are inside a character.
    while (at > 0 && (bytes[at] & 0xc0) === 0x80) at -= 1;
    return utf8Decoder.decode(bytes.subarray(0, at)).length;
  };
}

/** Folds case and accents, for finding a value inside a passage. */
function foldText(text) {
  return String(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * Marks where a passage states a value: the first of `candidates` found in
 * it (accents and case aside), as a <mark class="value">. NFD folding keeps
 * one index per letter of precomposed French text only when lengths match;
 * otherwise the passage is returned as it is.
 */
function markValue(text, candidates) {
  const folded = foldText(text);
  if (folded.length === text.length) {
    for (const candidate of candidates) {
      const needle = foldText(candidate || '').trim();
      if (needle.length < 2) continue;
      const at = folded.indexOf(needle);
      if (at >= 0) {
        return [text.slice(0, at), el('mark', { className: 'value' }, text.slice(at, at + needle.length)),
          text.slice(at + needle.length)];
      }
    }
  }
  return [text];
}

/** The ways a passage may state a value: its label, shorter forms, the value. */
function valueForms(label, value) {
  const forms = [];
  if (label) {
    forms.push(label);
    // "10 novembre 2020" is often written "10 novembre".
    const noYear = String(label).replace(/\s+\d{4}$/, '');
    if (noYear !== label) forms.push(noYear);
  }
  if (value) forms.push(value);
  return forms;
}

/** Speaker colours: the colour slots (0..7) handed out in order of
 *  appearance, so that neighbours differ; the same key keeps its slot. */
const HUES = 8;
function huePicker() {
  const slots = new Map();
  return (key) => {
    const k = String(key);
    if (!slots.has(k)) slots.set(k, slots.size % HUES);
    return slots.get(k);
  };
}

/** Two names made of the same words ("Arménie et Azerbaïdjan", "Arménie, Azerbaïdjan")? */
function sameWords(a, b) {
  const words = (text) => foldText(text).split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && w !== 'et' && w !== 'and').sort().join(' ');
  return words(a) === words(b);
}

/** The side a source speaks for, unless its name already says it. */
function sideBadge(side, name) {
  if (!side || sameWords(side, name || '')) return null;
  return el('span', { className: 'side' }, side);
}

/** Who stands behind a passage: a speaker, or the outlet's own narration. */
function sourceName(t, source) {
  if (!source) return '';
  if (source.kind === 'outlet') return source.name && source.name !== source.doc ? source.name : t.narration;
  return source.name;
}
