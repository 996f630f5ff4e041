/**
 * Properties of the cleaner on generated pages (fast-check): it invents nothing (every character
 * of its output is in its input, after NFKC), and it loses nothing of a body (every character of
 * a typeset article's text comes out in some article).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from './index.ts';
import type { Page } from './types.ts';
import { printArticle, printPage, type ArticleSpec } from './testing/typeset.ts';

/** Every character the page's output holds, but white space (joins and separators add spaces). */
function outputChars(page: Page): string[] {
  const texts = [...page.notes];
  for (const a of page.articles) {
    texts.push(a.kicker ?? '', a.title ?? '', a.subtitle ?? '', a.byline ?? '');
    for (const s of a.sections) texts.push(s.heading ?? '', ...s.paragraphs);
  }
  return Array.from(texts.join('')).filter((ch) => !/\s/u.test(ch));
}

/** Sentences of the made-up articles: each used once per page (see below). */
const SENTENCES = [
  '海滨市文化中心昨日正式对外开放，可同时容纳3000名市民参观。',
  '据介绍，该中心总建筑面积两万平方米，设有图书馆、剧场和展览馆。',
  '市民王先生说：“以后周末可以带孩子来这里看书，比过去方便多了。”',
  '中心负责人表示，下一步将推出更多公益讲座和展览！',
  '今年全市还将新建公园20座，总面积达到100公顷（约1500亩）。',
  '首批8座公园已经完成设计，将于下月陆续开工。',
  '一季度GDP同比增长7.5%，高于全年预期目标。',
  '这些公园建成后，市民步行十分钟就能走进绿地？',
  '园林部门将优先安排在老城区和新建住宅区附近。',
  '有关方案将在网站上公示，听取市民的意见和建议。',
];
// A sentence printed twice in a row reads exactly like fake bold (text drawn twice), which the
// cleaner undoes: the generated text, like real text, does not repeat itself word for word.
const sections = fc.shuffledSubarray(SENTENCES, { minLength: 1, maxLength: SENTENCES.length }).chain((sentences) =>
  fc.array(fc.boolean(), { minLength: sentences.length, maxLength: sentences.length }).chain((breaks) => {
    const paragraphs: string[] = [];
    sentences.forEach((s, i) => (i === 0 || breaks[i] ? paragraphs.push(s) : (paragraphs[paragraphs.length - 1] += s)));
    return fc.option(fc.constantFrom('公园建设同步推进', '文化服务'), { nil: undefined }).map((heading) =>
      paragraphs.length > 2 && heading ? [{ paragraphs: paragraphs.slice(0, 2) }, { heading, paragraphs: paragraphs.slice(2) }] : [{ paragraphs }],
    );
  }),
);
const article: fc.Arbitrary<ArticleSpec> = fc.record({
  title: fc.constantFrom(['文化中心开门迎客'], ['海滨新建二十座公园', '方便市民就近休闲'], ['公共文化服务走进千家万户']),
  sections,
});
const style = fc.record({
  measure: fc.integer({ min: 11, max: 20 }),
  blankLines: fc.boolean(),
  doubled: fc.constantFrom('none' as const, 'lines' as const, 'runs' as const),
  latinSpaces: fc.boolean(),
});

describe('the cleaner', () => {
  it('invents nothing: every character it outputs is in its input (after NFKC)', () => {
    const noise = fc.array(fc.oneof(fc.constantFrom(...SENTENCES, '— 5 —', '2011 年 4 月 18 日', '本报记者 张三', '编者按：', '\f', '', '。', '——'), fc.string({ maxLength: 12 })), { maxLength: 40 });
    fc.assert(
      fc.property(noise, (lines) => {
        const raw = lines.join('\n');
        let page: Page;
        try {
          page = cleanText(raw);
        } catch {
          return; // refused (unreadable): nothing output at all
        }
        const input = new Set(Array.from(raw.normalize('NFKC')).concat(Array.from(raw)));
        for (const ch of outputChars(page)) expect(input.has(ch) || input.has(ch.normalize('NFKC')), ch).toBe(true);
      }),
    );
  });

  it('loses nothing of a body: every character of a typeset article comes out', () => {
    fc.assert(
      fc.property(article, style, (spec, printStyle) => {
        const page = cleanText(printPage(printArticle(spec, printStyle), printStyle));
        const got = new Map<string, number>();
        for (const ch of outputChars(page)) got.set(ch, (got.get(ch) ?? 0) + 1);
        const want = new Map<string, number>();
        for (const ch of Array.from(spec.sections.flatMap((s) => s.paragraphs).join('')).filter((c) => !/\s/u.test(c))) want.set(ch, (want.get(ch) ?? 0) + 1);
        for (const [ch, n] of want) expect(got.get(ch) ?? 0, ch).toBeGreaterThanOrEqual(n);
      }),
    );
  });
});
