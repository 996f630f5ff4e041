import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { layoutPage } from './layout.ts';
import { readPdf } from './load.ts';
import { f1, scorePage, sumScores, type Expected, type PageScore } from './testing/score.ts';

/**
 * The layout on the corpus's check half (every third page PDF, never used to build the rules),
 * against the ground truth that was typeset: floors a little under the measured figures
 * (`npm run eval:pdf` prints them), so that a regression fails.
 */
const corpus = new URL('../../corpus/', import.meta.url);
const checkHalf = Array.from({ length: 50 }, (_, i) => String(3 * (i + 1)).padStart(3, '0'));

describe('the corpus’s check half (50 page PDFs)', () => {
  it('attributes, keeps bodies, headings and decks above the floors', { timeout: 300_000 }, async () => {
    const scores: PageScore[] = [];
    for (const n of checkHalf) {
      const expected = JSON.parse(readFileSync(new URL(`${n}/expected.json`, corpus), 'utf8')) as Expected;
      const pages = await readPdf(getDocument, new Uint8Array(readFileSync(new URL(`${n}/page.pdf`, corpus))));
      scores.push(scorePage(expected, pages.flatMap((p) => layoutPage(p))));
    }
    const total = sumScores(scores);
    expect(total.articles).toBe(114);
    expect(total.attributed / total.articles).toBeGreaterThanOrEqual(0.99);
    expect(total.bodyF1 / total.articles).toBeGreaterThanOrEqual(0.997);
    expect(f1(total.headings)).toBeGreaterThanOrEqual(0.995);
    expect(f1(total.starts)).toBeGreaterThanOrEqual(0.98);
    expect(f1(total.decks)).toBeGreaterThanOrEqual(0.95);
    expect(total.invented / total.pages).toBeLessThanOrEqual(0.1);
  });
});
