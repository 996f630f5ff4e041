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
  for (const [id, edition, page, title, byline, lead] of index.articles) {
    const titleText = normalise(title ?? '');
    const text = `${titleText}\u0000${normalise(byline ?? '')}\u0000${normalise(lead)}`;
    if (!words.every((word) => text.includes(word))) continue;
    const printed = index.editions[edition];
    found.push({ id, title, lead, byline, page, paper: printed?.paper ?? null, date: printed?.date ?? null, inTitle: words.every((word) => titleText.includes(word)) });
  }
  found.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || Number(b.inTitle) - Number(a.inTitle));
  return found.map(({ inTitle: _inTitle, ...result }) => result);
}
