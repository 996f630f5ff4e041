import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { layoutPage } from './layout.ts';
import { layoutArticles } from './articles.ts';
import { buildBlocks } from './blocks.ts';
import type { Line, TextRun } from './geometry.ts';
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

describe('kickers set large', () => {
  it('a one-line headline at title size right above one twice its size is its kicker', async () => {
    const page = await pageOf([
      ...column(40, 190, words('k', 24), 4, 9),
      { text: 'Port stocks pile up', x: 46, y: 98, size: 14 },
      { text: 'Ore Prices Ease', x: 40, y: 132, size: 28 },
      { text: 'Signals grow stronger', x: 40, y: 162, size: 21 },
    ]);
    const [article] = layoutPage(page);
    expect(article).toMatchObject({ kicker: 'Port stocks pile up', title: 'Ore Prices Ease Signals grow stronger' });
  });

  it('a title’s first line set smaller to fit (under 1.8 times) stays part of the title', async () => {
    const page = await pageOf([
      ...column(40, 170, words('c', 24), 4, 9),
      { text: 'Kitchen makers face a shake-out', x: 40, y: 98, size: 16 },
      { text: 'Room Left', x: 40, y: 130, size: 26.5 },
    ]);
    const [article] = layoutPage(page);
    expect(article).toMatchObject({ kicker: null, title: 'Kitchen makers face a shake-out Room Left' });
  });
});

/** Han text set as pdf.js reports it (one run a line, a full em a character): bylines are names, which Helvetica cannot set. */
function hanRuns(lines: ReadonlyArray<{ text: string; x: number; y: number; size: number }>): TextRun[] {
  return lines.map((l) => ({ text: l.text, x: l.x, y: l.y, size: l.size, width: [...l.text].length * l.size, font: 'f' }));
}

/** A column of Han body text: `n` lines of 12 characters of `char`, a sentence's end on every fourth, the first set in. */
function hanColumn(x: number, top: number, char: string, n: number, size = 10): Array<{ text: string; x: number; y: number; size: number }> {
  return Array.from({ length: n }, (_, i) => ({ text: char.repeat(i % 4 === 3 ? 11 : 12) + (i % 4 === 3 ? '。' : ''), x: i === 0 ? x + 2 * size : x, y: top + i * 1.4 * size, size }));
}

describe('bylines', () => {
  it('a name set over the first column of a title centred above its columns is the byline', () => {
    const runs = hanRuns([
      { text: '前文标题', x: 40, y: 60, size: 20 },
      ...hanColumn(40, 90, '甲', 12),
      ...hanColumn(180, 90, '戊', 12).map((l, i) => (i === 0 ? { ...l, x: 180 } : l)),
      { text: '十年后天然气', x: 260, y: 290, size: 17 },
      { text: '业界建言提升', x: 260, y: 312, size: 17 },
      { text: '王小强', x: 40, y: 320, size: 10.5 },
      ...hanColumn(40, 345, '乙', 12),
      ...hanColumn(180, 345, '丙', 12).map((l, i) => (i === 0 ? { ...l, x: 180 } : l)),
    ]);
    const articles = layoutPage({ number: 1, width: 600, height: 800, runs });
    expect(articles.map((a) => [a.title, a.byline])).toEqual([
      ['前文标题', null],
      ['十年后天然气 业界建言提升', '王小强'],
    ]);
  });

  it('a name under the title, before a heading wrapped to three lines, is the byline (the heading is not the body)', () => {
    const runs = hanRuns([
      { text: '建材着眼发展新材料', x: 40, y: 80, size: 20 },
      { text: '于小明', x: 40, y: 104, size: 10.5 },
      { text: '《建材工业发', x: 42, y: 130, size: 11.3 },
      { text: '展指导意见》', x: 42, y: 145, size: 11.3 },
      { text: '出台', x: 42, y: 160, size: 11.3 },
      ...hanColumn(40, 185, '丁', 12),
    ]);
    const [article] = layoutPage({ number: 1, width: 600, height: 800, runs });
    expect(article).toMatchObject({ title: '建材着眼发展新材料', byline: '于小明' });
    expect(article!.sections[0]!.heading).toBe('《建材工业发 展指导意见》 出台');
  });
});

describe('leads above the title', () => {
  it('sentences set larger than the text under the next title are its lead, not the article before’s', () => {
    const runs = hanRuns([
      { text: '前文标题', x: 40, y: 60, size: 20 },
      ...hanColumn(40, 90, '甲', 8),
      ...hanColumn(180, 90, '戊', 8).map((l, i) => (i === 0 ? { ...l, x: 180 } : l)),
      ...hanColumn(40, 230, '己', 3, 13.8).map((l, i) => ({ ...l, text: i === 2 ? '己己己己己己。' : l.text })),
      { text: '配件行业奋力自救', x: 40, y: 300, size: 18 },
      ...hanColumn(40, 330, '乙', 12),
    ]);
    const articles = layoutPage({ number: 1, width: 600, height: 800, runs });
    expect(articles.map((a) => a.title)).toEqual(['前文标题', '配件行业奋力自救']);
    expect(articles[1]!.sections[0]!.paragraphs[0]).toBe(`${'己'.repeat(30)}。`);
    expect(body(articles[0]!.sections)).not.toContain('己');
  });
});

describe('columns read before their own title', () => {
  it('a column beside the next title goes to it; a column of the article before that runs down beside that title stays', () => {
    // Columns 12 characters wide (the first line set in by two, two characters shorter), gutters of 1.5 and 2 ems.
    const hanColumn = (x: number, top: number, char: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({ text: i % 4 === 3 ? `${char.repeat(11)}。` : char.repeat(i === 0 ? 10 : 12), x: i === 0 ? x + 20 : x, y: top + 14 * i, size: 10 }));
    const runs = hanRuns([
      { text: '前文标题前文标题', x: 40, y: 60, size: 20 },
      ...hanColumn(40, 90, '甲', 36),
      ...hanColumn(175, 90, '戊', 20).map((l, i) => (i === 0 ? { ...l, x: 175, text: '戊'.repeat(12) } : l)),
      { text: '前文小标题', x: 175, y: 390, size: 12 },
      ...hanColumn(175, 415, '庚', 12),
      { text: '新文小标题', x: 310, y: 330, size: 12 },
      ...hanColumn(310, 355, '乙', 16),
      { text: '配件行业自救', x: 450, y: 300, size: 18 },
      ...hanColumn(450, 330, '丙', 18).map((l, i) => (i === 0 ? { ...l, x: 450, text: '丙'.repeat(12) } : l)),
    ]);
    const articles = layoutPage({ number: 1, width: 640, height: 800, runs });
    expect(articles.map((a) => a.title)).toEqual(['前文标题前文标题', '配件行业自救']);
    expect(articles[0]!.sections.map((s) => s.heading)).toEqual([null, '前文小标题']);
    expect(body(articles[0]!.sections)).toMatch(/^(?=.*庚)[^乙丙]*$/u);
    expect(articles[1]!.sections.map((s) => s.heading)).toEqual(['新文小标题']);
    expect(body(articles[1]!.sections)).toMatch(/^(?=.*乙)(?=.*丙)[^甲戊庚]*$/u);
  });
});

describe('blocks at the border of two articles', () => {
  it('a section heading goes back with the column under it to the article whose measure it has', () => {
    // Lines in reading order as the cut may give them: a column of the first article read after the second's title.
    const lines = (x: number, top: number, char: string, n: number, width: number, size = 10): Line[] =>
      Array.from({ length: n }, (_, i) => {
        const text = i % 4 === 3 ? `${char.repeat(width - 1)}。` : char.repeat(width);
        return { text, x0: x, x1: x + width * size, y: top + 14 * i, size, bold: false };
      });
    const headline = (text: string, x: number, y: number, size: number): Line => ({ text, x0: x, x1: x + [...text].length * size, y, size, bold: false });
    const blocks = buildBlocks([
      headline('前文标题', 40, 60, 20),
      ...lines(40, 90, '甲', 12, 12),
      headline('新文标题', 320, 60, 20),
      ...lines(180, 90, '戊', 8, 12),
      headline('前文小标题', 180, 220, 12),
      ...lines(180, 240, '庚', 8, 12),
      ...lines(320, 90, '丙', 12, 20),
      ...lines(320, 270, '丁', 12, 20),
    ]);
    const articles = layoutArticles(blocks, [40, 180, 320]);
    expect(articles.map((a) => a.title)).toEqual(['前文标题', '新文标题']);
    expect(articles[0]!.sections.map((s) => s.heading)).toEqual([null, '前文小标题']);
    expect(body(articles[0]!.sections)).toMatch(/^甲[甲。]*戊[戊。]*庚[庚。]*$/u);
    expect(articles[1]!.sections.map((s) => s.heading)).toEqual([null]);
    expect(body(articles[1]!.sections)).toMatch(/^丙[丙。]*丁[丁。]*$/u);
  });
});

describe('a byline of several names', () => {
  it('keeps the spaces between names on a line of their own, and takes them for the byline; letter spacing still goes', () => {
    const runs = hanRuns([
      { text: '铁道部彻查列车控制系统', x: 40, y: 80, size: 22 },
      { text: '张小华 李小娟', x: 40, y: 104, size: 9.5 },
      { text: '溯 源 之 路', x: 40, y: 290, size: 11.5 },
      ...hanColumn(40, 125, '甲', 12, 9),
      ...hanColumn(40, 310, '乙', 8, 9),
    ]);
    expect(buildLines(runs).map((l) => l.text).filter((t) => !/[甲乙]/u.test(t))).toEqual(['铁道部彻查列车控制系统', '张小华 李小娟', '溯源之路']);
    const [article] = layoutPage({ number: 1, width: 600, height: 800, runs });
    expect(article).toMatchObject({ title: '铁道部彻查列车控制系统', byline: '张小华 李小娟' });
    expect(article!.sections.map((s) => s.heading)).toEqual([null, '溯源之路']);
  });
});

describe('two headlines on one baseline', () => {
  it('runs of two sizes set apart by under half an em are two lines; of one size, one line', async () => {
    // Helvetica: 'Grid Prices' at 20.5 pt is about 105 pt wide; the next run starts 8 pt (0.4 em) after it.
    const page = await pageOf([
      { text: 'Grid Prices', x: 40, y: 80, size: 20.5 },
      { text: 'Water Rates', x: 40 + 105.5 + 8, y: 80, size: 20 },
      { text: 'Grid Prices', x: 40, y: 140, size: 20 },
      { text: 'Water Rates', x: 40 + 103 + 8, y: 140, size: 20 },
    ]);
    expect(buildLines(page.runs).map((l) => l.text)).toEqual(['Grid Prices', 'Water Rates', 'Grid Prices Water Rates']);
  });
});
