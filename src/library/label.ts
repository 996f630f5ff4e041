import type { Article } from '../clean/types.ts';

/**
 * What the app calls an article in its lists, headings and media metadata. The data holds only
 * what the page says (`title: null` when the page has no title the cleaner could find); the UI
 * then labels the article by its first words, marked as cut with an ellipsis.
 */

/** Characters of the body's opening kept as `lead` (enough to tell articles apart in a list). */
export const LEAD_CHARS = 24;

/** The first words of a body: its first `LEAD_CHARS` characters, white space folded. */
export function leadOf(paragraphs: readonly string[]): string {
  return (paragraphs.find((p) => p.trim() !== '') ?? '').replace(/\s+/g, ' ').trim().slice(0, LEAD_CHARS);
}

/** The article's title, or its first words followed by … when it has none. */
export function articleLabel(article: { title: string | null; lead: string }): string {
  if (article.title) return article.title;
  return article.lead ? `${article.lead}…` : '…';
}

/** `articleLabel` of a whole article (its lead taken from its body). */
export function articleLabelOf(article: Article): string {
  return articleLabel({ title: article.title, lead: leadOf(article.sections.flatMap((s) => s.paragraphs)) });
}
