// The compressed wasm module as text, 7 bits a character (~1.15 bytes of page
// per byte of module, where base64 costs 1.33). The text sits in a
// single-quoted string literal of a classic script, inline in an HTML
// <script> too, read as UTF-8. So a 7-bit value that could end or break that
// literal or that element (NUL, line feed, carriage return, ', <, \) is never
// written as itself: it goes into a two-byte character (U+0080 to U+03FF)
// together with the next 7 bits, as 0x80 + 128 × its rank in the list + next.
// www/build-page.mjs writes the text and checks every build with this reader.
const WASM_TEXT_ESCAPED = [0, 10, 13, 39, 60, 92];

/** The `length` bytes written in `text`; throws if the text is short. */
function wasmTextBytes(text, length) {
  const bytes = new Uint8Array(length);
  let acc = 0;
  let bits = 0;
  let filled = 0;
  for (let i = 0; i < text.length && filled < length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      acc = (acc << 7) | c;
      bits += 7;
    } else {
      const k = c - 0x80;
      const escaped = WASM_TEXT_ESCAPED[k >> 7];
      if (escaped === undefined) throw new Error('the embedded module is damaged');
      acc = (acc << 14) | (escaped << 7) | (k & 0x7f);
      bits += 14;
    }
    while (bits >= 8 && filled < length) {
      bits -= 8;
      bytes[filled] = (acc >>> bits) & 0xff;
      filled += 1;
    }
    acc &= (1 << bits) - 1;
  }
  if (filled !== length) throw new Error('the embedded module is truncated');
  return bytes;
}
