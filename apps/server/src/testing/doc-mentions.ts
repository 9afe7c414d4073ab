import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's docs/ folder. */
export const DOCS_DIR = fileURLToPath(new URL('../../../../docs', import.meta.url));

/** One markdown page: its name under docs/ (`api.md`) and its text. */
export interface DocPage {
  name: string;
  text: string;
}

/** Every docs/*.md page (not the subfolders: docs/legal holds law texts, not the product's docs). */
export function readDocPages(dir = DOCS_DIR): DocPage[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** A piece of a page that may name a route or a command: a code span, or a table cell outside one. */
export interface DocSnippet {
  /** `api.md:57`, for failure messages. */
  where: string;
  text: string;
}

const CODE_SPAN = /(`+)(.+?)\1(?!`)/g;
const FENCE = /^\s*(```|~~~)/;

/**
 * The code spans of a page in reading order, and the text of its table rows outside code spans
 * (one snippet per cell). Fenced blocks are left out: they hold examples (shell sessions, JSON),
 * not the names the docs promise.
 */
export function docSnippets(page: DocPage): DocSnippet[] {
  const snippets: DocSnippet[] = [];
  let fenced = false;
  page.text.split('\n').forEach((line, i) => {
    if (FENCE.test(line)) fenced = !fenced;
    if (fenced || FENCE.test(line)) return;
    const where = `${page.name}:${i + 1}`;
    for (const m of line.matchAll(CODE_SPAN)) snippets.push({ where, text: m[2]!.trim() });
    if (line.trimStart().startsWith('|'))
      for (const cell of line.replace(CODE_SPAN, ' ').split(/(?<!\\)\|/))
        if (cell.trim()) snippets.push({ where, text: cell.trim() });
  });
  return snippets;
}
