// Reads a benchmark corpus the way the peers are given it: a folder of .txt
// files (optional " date YYYY-MM[-DD] " header, as recoupe accepts) or a
// .jsonl file of {"id","date","title","text"} lines. Ids are the ones
// recoupe reports (a file's path relative to the folder, or the line's id),
// so the judged queries score every engine against the same names.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, extname } from 'node:path';

const DATE_HEADER = /^[ \t]*date[ \t:]+(\d{4}(?:-\d{2}(?:-\d{2})?)?)[ \t\r\n]+/;

/** A .txt document: no title field, so its first non-empty line is the title. */
function textDocument(id, raw) {
  let text = raw.replace(/^\uFEFF/, '');
  let date = null;
  const header = DATE_HEADER.exec(text);
  if (header) {
    date = header[1];
    text = text.slice(header[0].length);
  }
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  const title = first < 0 ? '' : lines[first].trim();
  const body = first < 0 ? '' : lines.slice(first + 1).join('\n').trim();
  return { id, date, title, text: body };
}

function jsonlDocuments(path) {
  const docs = [];
  readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let article;
    try {
      article = JSON.parse(line);
    } catch (error) {
      throw new Error(`${path}:${i + 1}: not JSON (${error.message})`);
    }
    if (typeof article.id !== 'string' || typeof article.text !== 'string') {
      throw new Error(`${path}:${i + 1}: needs string "id" and "text" fields`);
    }
    docs.push({
      id: article.id,
      date: typeof article.date === 'string' ? article.date : null,
      title: typeof article.title === 'string' ? article.title : '',
      text: article.text,
    });
  });
  return docs;
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? walk(path) : [path];
    });
}

/** Every document of a folder or .jsonl file, in a stable order. */
export function readCorpus(path) {
  if (!statSync(path).isDirectory()) return jsonlDocuments(path);
  const docs = [];
  for (const file of walk(path)) {
    const ext = extname(file).toLowerCase();
    if (ext === '.txt' || ext === '.md') {
      docs.push(textDocument(relative(path, file), readFileSync(file, 'utf8')));
    } else if (ext === '.jsonl') {
      docs.push(...jsonlDocuments(file));
    }
  }
  if (docs.length === 0) throw new Error(`${path}: no .txt, .md or .jsonl documents`);
  return docs;
}
