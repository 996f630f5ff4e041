import type { Page } from './types.ts';

/** Cleans the text of one or more pages (separated by form feeds) into one Page, in page order. */
export function cleanText(raw: string): Page {
  const out: Page = { notes: [], articles: [] };
  for (const pageText of raw.split('\f')) {
    if (!pageText.trim()) continue;
    const page = cleanPage(pageText);
    out.notes.push(...page.notes);
    out.articles.push(...page.articles);
  }
  return out;
}

/** Cleans one page. (First cut: one article of joined blocks; replaced by the real layout analysis.) */
export function cleanPage(text: string): Page {
  const blocks = text.split(/\n\s*\n/).map((b) => b.replace(/\s+/g, '')).filter(Boolean);
  return {
    notes: [],
    articles: [{ id: 'draft', title: blocks[0] ?? '', byline: null, sections: [{ heading: null, paragraphs: blocks.slice(1) }] }],
  };
}
