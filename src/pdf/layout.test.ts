import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { layoutPage } from './layout.ts';
import { buildLines } from './lines.ts';
import { readPdfPages } from './load.ts';
import { textPdf, type SetLine } from './testing/pdf-writer.ts';

/**
 * The layout from geometry, on small pages set here (Latin text in Helvetica: the geometry is what
 * is tested; Chinese pages are the corpus test's). Each page is drawn in an order that is not the
 * reading order, so that only positions can put it right.
 */

async function pageOf(lines: readonly SetLine[]) {
  const [page] = await readPdfPages(getDocument, await textPdf(lines));
  return page!;
}

/** A column of body lines: `words` in lines of `perLine` words, the first set in by two ems. */
function column(x: number, top: number, words: readonly string[], perLine = 4, size = 10): SetLine[] {
  const lines: SetLine[] = [];
  for (let i = 0; i * perLine < words.length; i++) {
    lines.push({ text: words.slice(i * perLine, (i + 1) * perLine).join(' '), x: i === 0 ? x + 2 * size : x, y: top + i * 1.4 * size, size });
  }
  return lines;
}

const words = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const body = (sections: ReadonlyArray<{ paragraphs: readonly string[] }>): string => sections.flatMap((s) => s.paragraphs).join('');

describe('columns and reading order', () => {
  it('reads column by column where x says, whatever order the PDF drew them in', async () => {
    const left = column(40, 120, words('a', 24));
    const right = column(200, 120, words('b', 24)).map((l, i) => (i === 0 ? { ...l, x: 200 } : l)); // continues, not set in
    const page = await pageOf([{ text: 'Harbour Opens', x: 40, y: 80, size: 24 }, ...right, ...left]);
    const [article] = layoutPage(page);
    expect(article!.title).toBe('Harbour Opens');
    const text = body(article!.sections);
    expect(text.indexOf('a23')).toBeLessThan(text.indexOf('b0'));
    // The right column goes on with the left one's paragraph (it is not set in).
    expect(article!.sections[0]!.paragraphs).toHaveLength(1);
  });

  it('articles side by side, headlines drawn first: each headline over its own columns', async () => {
    const page = await pageOf([
      { text: 'East Story', x: 40, y: 80, size: 22 },
      { text: 'West Story', x: 330, y: 80, size: 22 },
      ...column(330, 120, words('w', 20)),
      ...column(40, 120, words('e', 20)),
      ...column(180, 120, words('f', 20)).map((l, i) => (i === 0 ? { ...l, x: 180 } : l)),
    ]);
    const articles = layoutPage(page);
    expect(articles.map((a) => a.title)).toEqual(['East Story', 'West Story']);
    expect(body(articles[0]!.sections)).toMatch(/^e0.*e19f0.*f19$/u);
    expect(body(articles[1]!.sections)).toMatch(/^w0.*w19$/u);
  });
});

describe('headline levels from type size', () => {
  it('kicker (smaller, above) < title > subtitle (smaller, below); headings between title and body', async () => {
    const page = await pageOf([
      ...column(40, 300, words('s', 12)),
      { text: 'Second Part', x: 40, y: 280, size: 12 },
      ...column(40, 150, words('p', 24)),
      { text: 'Ahead of the storm', x: 40, y: 60, size: 14 },
      { text: 'City Braces', x: 40, y: 90, size: 26 },
      { text: 'Shelters open downtown', x: 40, y: 120, size: 14 },
    ]);
    const [article] = layoutPage(page);
    expect(article).toMatchObject({ kicker: 'Ahead of the storm', title: 'City Braces', subtitle: 'Shelters open downtown' });
    expect(article!.sections.map((s) => s.heading)).toEqual([null, 'Second Part']);
  });
});

describe('fake bold', () => {
  it('keeps one copy of glyphs drawn twice a fraction of a point apart, and marks the line bold', async () => {
    const page = await pageOf([
      { text: 'Bold Title', x: 40, y: 80, size: 20, doubled: 0.35 },
      { text: 'plain line', x: 40, y: 120, size: 10 },
    ]);
    const lines = buildLines(page.runs);
    expect(lines.map((l) => [l.text, l.bold])).toEqual([
      ['Bold Title', true],
      ['plain line', false],
    ]);
  });

  it('a second drawing further away is text of its own, not a copy', async () => {
    const page = await pageOf([
      { text: 'Echo', x: 40, y: 80, size: 10 },
      { text: 'Echo', x: 64, y: 80, size: 10 },
    ]);
    expect(buildLines(page.runs).map((l) => l.text)).toEqual(['Echo Echo']);
  });
});
