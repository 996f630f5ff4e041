import { describe, expect, it } from 'vitest';
import type { Article } from '../clean/types.ts';
import { shownRange } from '../speech/spoken.ts';
import { notesStart, readingScript } from './script.ts';

const ARTICLE: Article = {
  id: 'a',
  kicker: null,
  title: '气温17~4℃',
  subtitle: null,
  byline: '本报记者 张三',
  sections: [
    { heading: null, paragraphs: ['全程3.4km。用时2小时。'] },
    { heading: '一、GDP增长', paragraphs: ['增长20%。'] },
  ],
};

describe('readingScript', () => {
  it('gives each sentence its shown and spoken form, and marks structure for a pause', () => {
    const script = readingScript(ARTICLE);
    expect(script.sentences.map((s) => [s.text, s.spoken, s.pause])).toEqual([
      ['气温17~4℃', '气温17到4摄氏度', true],
      ['本报记者 张三', '本报记者 张三', true],
      ['全程3.4km。', '全程3点4公里。', false],
      ['用时2小时。', '用时2小时。', false],
      ['一、GDP增长', '一、G D P增长', true],
      ['增长20%。', '增长百分之20。', false],
    ]);
    // Title, byline and heading are blocks of one sentence each: utterances of their own.
    expect(script.blocks.map((b) => [b.kind, b.count])).toEqual([
      ['title', 1],
      ['byline', 1],
      ['paragraph', 2],
      ['heading', 1],
      ['paragraph', 1],
    ]);
  });

  it('reads the headline in order, kicker, title, subtitle, byline, each its own utterance with a pause', () => {
    const script = readingScript({ ...ARTICLE, kicker: '引题文字', subtitle: '副题文字' }, { announce: { subtitle: '副题：' } });
    expect(script.blocks.slice(0, 4).map((b) => [b.kind, b.count])).toEqual([
      ['kicker', 1],
      ['title', 1],
      ['subtitle', 1],
      ['byline', 1],
    ]);
    expect(script.sentences.slice(0, 4).map((s) => [s.spoken, s.pause])).toEqual([
      ['引题文字', true],
      ['气温17到4摄氏度', true],
      ['副题：副题文字', true],
      ['本报记者 张三', true],
    ]);
  });

  it('maps a word said in a sentence back to its shown text', () => {
    const sentence = readingScript(ARTICLE).sentences[2]!;
    const at = sentence.spoken.indexOf('公里');
    const range = shownRange(sentence.speech, at, at + 2);
    expect(sentence.text.slice(range.start, range.end)).toBe('3.4km');
  });

  it('announces blocks when asked, and applies the listener’s pronunciations', () => {
    const script = readingScript(ARTICLE, {
      announce: { heading: '小标题：' },
      dictionary: [{ from: '张三', to: '张叁' }],
    });
    expect(script.sentences[4]!.spoken).toBe('小标题：一、G D P增长');
    expect(script.sentences[4]!.text).toBe('一、GDP增长');
    expect(script.sentences[1]!.spoken).toBe('本报记者 张叁');
  });

  it('reads the page’s notes after the article when asked, as blocks of their own', () => {
    const script = readingScript(ARTICLE, { notes: ['编者按：本版今起推出专栏。敬请关注。'] });
    const note = script.blocks.at(-1)!;
    expect(note).toMatchObject({ kind: 'note', paragraph: 0, count: 2 });
    expect(script.sentences.slice(note.first).map((s) => s.text)).toEqual(['编者按：本版今起推出专栏。', '敬请关注。']);
    expect(notesStart(script)).toBe(note.first);
    expect(script.sentences[0]!.text).toBe('气温17~4℃');
    expect(notesStart(readingScript(ARTICLE))).toBe(-1);
  });
});
