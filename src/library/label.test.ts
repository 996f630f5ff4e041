import { describe, expect, it } from 'vitest';
import type { Article } from '../clean/types.ts';
import { articleLabel, articleLabelOf, LEAD_CHARS, leadOf } from './label.ts';
import { libraryEntry } from './measure.ts';
import { readingScript } from './script.ts';

const body = (...paragraphs: string[]): Article['sections'] => [{ heading: null, paragraphs }];

describe('article labels', () => {
  it('a titled article is called by its title', () => {
    expect(articleLabel({ title: '标题', lead: '正文开头' })).toBe('标题');
  });

  it('an untitled article is called by its first words, marked as cut', () => {
    expect(articleLabel({ title: null, lead: '正文开头' })).toBe('正文开头…');
  });

  it('the lead is the first non-blank paragraph’s opening, white space folded', () => {
    expect(leadOf(['  ', ' 第一段\n 开头。', '第二段'])).toBe('第一段 开头。');
    expect(leadOf(['字'.repeat(100)])).toHaveLength(LEAD_CHARS);
    expect(leadOf([])).toBe('');
  });

  it('the library line carries the headline’s parts as they are, and the lead', () => {
    const article: Article = { id: 'a', kicker: null, title: null, subtitle: '——副题', byline: null, sections: body('没有标题的文章从这里开始。') };
    const entry = libraryEntry(article, 'page.txt');
    expect(entry).toMatchObject({ kicker: null, title: null, subtitle: '——副题', lead: '没有标题的文章从这里开始。', source: 'page.txt' });
    expect(articleLabelOf(article)).toBe('没有标题的文章从这里开始。…');
  });
});

describe('reading order of the headline', () => {
  it('kicker, title, subtitle, byline, then the body; only the parts the article has', () => {
    const full: Article = { id: 'a', kicker: '引题', title: '主题', subtitle: '——副题', byline: '记者 某某', sections: body('正文。') };
    expect(readingScript(full).blocks.map((b) => [b.kind, b.text])).toEqual([
      ['kicker', '引题'],
      ['title', '主题'],
      ['subtitle', '——副题'],
      ['byline', '记者 某某'],
      ['paragraph', '正文。'],
    ]);
    const bare: Article = { ...full, kicker: null, title: null, subtitle: null, byline: null };
    expect(readingScript(bare).blocks.map((b) => b.kind)).toEqual(['paragraph']);
  });
});
