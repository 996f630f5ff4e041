/**
 * Columns printed together (pdftotext): joined lines split at the gutter, interleaved columns
 * separated into their streams, a column printed out of order followed by its continuation — and
 * pages printed column by column left as they are. Synthetic pages are printed here the way
 * pdftotext prints a block of neighbouring columns: in the order of their baselines, lines on one
 * baseline joined by a space when the left one reaches its column's edge and the right one starts
 * at its own.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitJoined, untangleColumns } from './interleave.ts';
import { readLines } from './lines.ts';
import { cleanText } from './index.ts';
import type { ExpectedPage } from './testing/score.ts';

const fixture = (page: string): ExpectedPage =>
  JSON.parse(readFileSync(new URL(`./fixtures/${page}/expected.json`, import.meta.url), 'utf8')) as ExpectedPage;

/** A column's line: its text, and whether it is a paragraph's first (set in by two ems). */
interface ColumnLine {
  text: string;
  first: boolean;
}

/** A column's lines: paragraphs set at `measure` characters, first lines set in by two (dropped). */
function column(paragraphs: readonly string[], measure: number): ColumnLine[] {
  const lines: ColumnLine[] = [];
  for (const p of paragraphs) {
    let room = measure - 2;
    let line = '';
    for (const ch of Array.from(p)) {
      line += ch;
      if (Array.from(line).length === room) {
        lines.push({ text: line, first: room < measure });
        line = '';
        room = measure;
      }
    }
    if (line) lines.push({ text: line, first: room < measure });
  }
  return lines;
}

/** Paragraphs of an article made of wide characters only (their widths are exact). */
function wideParagraphs(page: string, article: number, count: number): string[] {
  return fixture(page).articles[article]!.paragraphs.filter((p) => !/[\x21-\x7e]/.test(p)).slice(0, count);
}

/** Where a column's line reaches its right edge: all but a paragraph's short last line. */
const reachesRight = (line: ColumnLine, measure: number): boolean => Array.from(line.text).length >= (line.first ? measure - 2 : measure);

/** Two columns side by side, their baselines half a line apart: printed alternately. */
function alternate(a: readonly ColumnLine[], b: readonly ColumnLine[]): string {
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i]!.text);
    if (i < b.length) out.push(b[i]!.text);
  }
  return out.join('\n');
}

/**
 * Two columns side by side on one grid of baselines: lines that meet at the gutter (the left one
 * reaching its right edge, the right one not set in) are joined by a space.
 */
function joined(a: readonly ColumnLine[], b: readonly ColumnLine[], measure: number): string {
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const left = a[i];
    const right = b[i];
    if (left && right && reachesRight(left, measure) && !right.first) out.push(`${left.text} ${right.text}`);
    else {
      if (left) out.push(left.text);
      if (right) out.push(right.text);
    }
  }
  return out.join('\n');
}

/** The printed lines of a page's text after untangling, without their spaces. */
const untangled = (text: string): string[] => untangleColumns(readLines(text)).map((l) => l.compact);

/** True when `lines` holds the column's lines as one run, in order. */
function holdsRun(lines: readonly string[], col: readonly ColumnLine[]): boolean {
  const start = lines.indexOf(col[0]!.text);
  return start >= 0 && col.every((l, k) => lines[start + k] === l.text);
}

const print = (col: readonly ColumnLine[]): string[] => col.map((l) => l.text);

describe('splitJoined', () => {
  const measures = { low: 13, high: 14 };

  it('splits a printed line holding two columns at the gutter', () => {
    expect(splitJoined('量合格，如果存在欺诈，消费者 家具存在质量问题以及部分家具', measures)).toEqual([
      '量合格，如果存在欺诈，消费者',
      '家具存在质量问题以及部分家具',
    ]);
  });

  it('splits three columns, the last one short', () => {
    expect(splitJoined('《公开信》）后，再次发布一封 便捷的解决渠道，李仁正律师表 问题”。', measures)).toEqual([
      '《公开信》）后，再次发布一封',
      '便捷的解决渠道，李仁正律师表',
      '问题”。',
    ]);
  });

  it('keeps a line whose spaces are its own: letter spacing, Latin text, a copy of fake bold', () => {
    expect(splitJoined('场 购 买 了 13 件 “ 实 木 家', measures)).toBeNull();
    expect(splitJoined('至 105 道 班 段 、 102 滑 坡 群 整 治 工', { low: 13, high: 16 })).toBeNull();
    expect(splitJoined('坚称产品无问题不退货 坚称产品无问题不退货', measures)).toBeNull();
    expect(splitJoined('7 月 17 日电 记者从杭州', measures)).toBeNull();
    // Digits inside a letter-spaced line are spaced like its characters: no gutter between them.
    expect(splitJoined('20 座 ， 总 面 积 达 到 100 公 顷 （ 约', { low: 7, high: 17 })).toBeNull();
  });
});

describe('untangleColumns on a small page printed column by column (found by the properties)', () => {
  // Few lines, most of them short (titles printed twice, paragraph ends): the measure comes from
  // the full lines, those with Latin spacing included, not from the short ones.
  const pages = [
    ['文化中心开门迎客', '文化中心开门迎客', '', '海滨市文化中心昨日正式对外开放，可', '同时容纳 3000 名市民参观。园林部门将优', '先安排在老城区和新建住宅区附近。今年全', '市还将新建公园 20 座，总面积达到 100', '公顷（约 1500 亩）。', '', '这些公园建成后，市民步行十分钟就能', '走进绿地？有关方案将在网站上公示，听取', '市民的意见和建议。', '', '公园建设同步推进', '公园建设同步推进', '', '一季度 GDP 同比增长 7.5% ，高于全', '年预期目标。'],
    ['海滨新建二十座公园', '海滨新建二十座公园', '方便市民就近休闲', '方便市民就近休闲', '有关方案将在网站上公示，听取市民的', '意见和建议。', '海滨市文化中心昨日正式对外开放，可', '同时容纳 3000 名市民参观。', '公园建设同步推进', '公园建设同步推进', '首批 8 座公园已经完成设计，将于下', '月陆续开工。', '今年全市还将新建公园 20 座，总面积', '达到 100 公顷（约 1500 亩）。', '一季度 GDP 同比增长 7.5% ，高于全', '年预期目标。'],
    ['海滨新建二十座公园', '海滨新建二十座公园', '方便市民就近休闲', '方便市民就近休闲', '据介绍，该中心总建筑面积两万平', '方米，设有图书馆、剧场和展览馆。', '这些公园建成后，市民步行十分钟', '就能走进绿地？今年全市还将新建公园', '20 座 ， 总 面 积 达 到 100 公 顷 （ 约', '1500 亩）。', '公园建设同步推进', '公园建设同步推进', '海滨市文化中心昨日正式对外开', '放，可同时容纳 3000 名市民参观。'],
  ];
  it.each(pages.map((p, i) => [i, p] as const))('leaves page %i as it is', (_, page) => {
    const lines = readLines(page.join('\n'));
    expect(untangleColumns(lines)).toBe(lines);
  });
});

describe('untangleColumns', () => {
  const measure = 13;
  const a = column(wideParagraphs('01', 1, 3), measure);
  const b = column(wideParagraphs('06', 0, 3), measure);

  it('leaves a page printed column by column as it is', () => {
    const text = [...print(a), '', ...print(b)].join('\n');
    const lines = readLines(text);
    expect(untangleColumns(lines)).toBe(lines);
    const seed = readLines(readFileSync(new URL('./fixtures/seed/raw.txt', import.meta.url), 'utf8'));
    expect(untangleColumns(seed)).toBe(seed);
  });

  it('separates two columns printed on one grid of baselines, joined where they meet', () => {
    const text = joined(a, b, measure);
    expect(text.split('\n').some((l) => l.includes(' '))).toBe(true);
    const lines = untangled(text);
    expect(holdsRun(lines, a)).toBe(true);
    expect(holdsRun(lines, b)).toBe(true);
  });

  it('separates two columns whose lines alternate, with a few joined', () => {
    // Half a line apart at the top, on one grid further down.
    const half = Math.floor(Math.min(a.length, b.length) / 2);
    const text = `${alternate(a.slice(0, half), b.slice(0, half))}\n${joined(a.slice(half), b.slice(half), measure)}`;
    const lines = untangled(text);
    expect(holdsRun(lines, a)).toBe(true);
    expect(holdsRun(lines, b)).toBe(true);
  });

  it('follows a column ending in mid-sentence with the column that takes it up, printed before it', () => {
    // An article in two columns, broken inside a sentence; the extractor prints the second first,
    // and a block of two other columns printed together between them.
    const paragraphs = wideParagraphs('04', 0, 4);
    const whole = column(paragraphs, measure);
    let cut = Math.floor(whole.length / 2);
    while (/[。！？”]$/.test(whole[cut - 1]!.text)) cut++;
    const text = [...print(whole.slice(cut)), '', joined(a, b, measure), '', ...print(whole.slice(0, cut))].join('\n');
    expect(holdsRun(untangled(text), whole)).toBe(true);
    // And the cleaner reads the paragraph across the break whole.
    const page = cleanText(text);
    const texts = page.articles.flatMap((x) => x.sections.flatMap((s) => s.paragraphs));
    for (const p of paragraphs) expect(texts).toContain(p);
  });
});
