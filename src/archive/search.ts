import type { SearchIndex } from '../library/types.ts';

/** One article found, with where it was printed. */
export interface SearchResult {
  id: string;
  /** null: the article has no title (label it by `lead`). */
  title: string | null;
  lead: string;
  byline: string | null;
  paper: string | null;
  date: string | null;
  page: string | null;
}

/** Folds what a listener types and what is searched alike: no white space, Latin letters in lower case, full-width forms as ASCII. */
export function normalise(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/**
 * The articles whose title, byline or first words contain the query (every word of it, when it
 * has several separated by spaces): newest edition first, titles that match before the others.
 */
export function search(index: SearchIndex, query: string): SearchResult[] {
  const words = query.split(/\s+/).map(normalise).filter(Boolean);
  if (words.length === 0) return [];
  const found: Array<SearchResult & { inTitle: boolean }> = [];
  const texts = searchable(index);
  for (const [i, [id, edition, page, title, byline, lead]] of index.articles.entries()) {
    const text = texts[i]!;
    if (!words.every((word) => text.includes(word))) continue;
    const titleText = text.slice(0, text.indexOf('\u0000'));
    const printed = index.editions[edition];
    found.push({ id, title, lead, byline, page, paper: printed?.paper ?? null, date: printed?.date ?? null, inTitle: words.every((word) => titleText.includes(word)) });
  }
  found.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || Number(b.inTitle) - Number(a.inTitle));
  return found.map(({ inTitle: _inTitle, ...result }) => result);
}

/** Each article's title, byline and first words, folded (`normalise`) once per index, not at every key. */
const folded = new WeakMap<SearchIndex, string[]>();

function searchable(index: SearchIndex): string[] {
  let texts = folded.get(index);
  if (!texts) {
    texts = index.articles.map(([, , , title, byline, lead]) => `${normalise(title ?? '')}\u0000${normalise(byline ?? '')}\u0000${normalise(lead)}`);
    folded.set(index, texts);
  }
  return texts;
}
