import type { Page } from '../clean/types.ts';
import { layoutArticles, modeLeft, toArticle, type ArticleParts } from './articles.ts';
import { buildBlocks, type Block } from './blocks.ts';
import type { PageText } from './geometry.ts';
import { buildLines } from './lines.ts';
import { readingOrder } from './reading-order.ts';

/**
 * A PDF's pages (their text runs with geometry) → the Page model: every page's articles, in page
 * order. Pure: no DOM, no Node, no pdf.js (load.ts gets the runs).
 */
export function layoutPdf(pages: readonly PageText[]): Page {
  return { notes: [], articles: layoutPdfPages(pages).flatMap((p) => p.page.articles) };
}

/** Every page's own Page model, with its page number (the import names each article's page). */
export function layoutPdfPages(pages: readonly PageText[]): Array<{ number: number; page: Page }> {
  return pages.map((page) => ({ number: page.number, page: { notes: [], articles: layoutPage(page).map(toArticle) } }));
}

/** One page's articles, in reading order. */
export function layoutPage(page: PageText): ArticleParts[] {
  const blocks = buildBlocks(readingOrder(buildLines(page.runs)));
  return layoutArticles(blocks, columnEdges(blocks));
}

/** The columns' left edges: where most lines of each block of three lines or more start. */
function columnEdges(blocks: readonly Block[]): number[] {
  return [...new Set(blocks.filter((b) => b.lines.length >= 3).map((b) => modeLeft(b.lines)))].sort((a, b) => a - b);
}
