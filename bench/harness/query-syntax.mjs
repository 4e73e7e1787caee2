// Splits what a person typed into the parts the peers may or may not
// understand: "quoted phrases", -excluded words, and the rest. Each peer then
// uses the syntax its documentation offers for them, or plain words.

/** @returns {{words: string[], phrases: string[], excluded: string[]}} */
export function splitQuery(input) {
  const phrases = [];
  const rest = input.replace(/"([^"]*)"?/g, (_, phrase) => {
    if (phrase.trim()) phrases.push(phrase.trim());
    return ' ';
  });
  const words = [];
  const excluded = [];
  for (const chunk of rest.split(/\s+/)) {
    if (chunk.length > 1 && chunk.startsWith('-')) excluded.push(chunk.slice(1));
    else if (chunk) words.push(chunk);
  }
  return { words, phrases, excluded };
}

/** The query as plain words: phrases unquoted, exclusions dropped. */
export function plainWords(input) {
  const { words, phrases } = splitQuery(input);
  return [...phrases, ...words].join(' ');
}
