import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.ts';

const texts = (p: string): string[] => splitSentences(p).map((s) => s.text);

describe('splitSentences', () => {
  it('ends sentences at 。！？ and keeps closing quotes with their sentence', () => {
    expect(texts('会议召开。会议指出：“要加快推进！”与会者鼓掌。真的吗？')).toEqual([
      '会议召开。',
      '会议指出：“要加快推进！”',
      '与会者鼓掌。',
      '真的吗？',
    ]);
  });

  it('never ends a sentence at an opening quote or bracket (ICU attaches them to the previous one)', () => {
    expect(texts('他说完了。“你好。”她答。')).toEqual(['他说完了。', '“你好。”', '她答。']);
    expect(texts('结束了。（完）下一句。')).toEqual(['结束了。', '（完）下一句。']);
    expect(texts('第一句。《人民日报》报道。')).toEqual(['第一句。', '《人民日报》报道。']);
    expect(texts('第一句！「引号」测试。')).toEqual(['第一句！', '「引号」测试。']);
  });

  it('keeps a quoted sentence whole when the quote closes after the mark', () => {
    expect(texts('“党的中心工作推动到哪里，检察工作就要跟进到哪里。”检察机关作为法律监督机关。')).toEqual([
      '“党的中心工作推动到哪里，检察工作就要跟进到哪里。”',
      '检察机关作为法律监督机关。',
    ]);
  });

  it('ends a sentence at an ellipsis followed by more text', () => {
    expect(texts('今年5月底，天定高速全线贯通……日前，记者从省交通运输厅了解到。')).toEqual([
      '今年5月底，天定高速全线贯通……',
      '日前，记者从省交通运输厅了解到。',
    ]);
  });

  it('breaks a long enumeration at ；so it reads in breaths, but not short clauses', () => {
    expect(texts('要加强刑事审判工作，对危害国家安全的犯罪保持高压态势；扎实推进涉诉信访法治化，及时处理群众诉求。')).toEqual([
      '要加强刑事审判工作，对危害国家安全的犯罪保持高压态势；',
      '扎实推进涉诉信访法治化，及时处理群众诉求。',
    ]);
    expect(texts('一是稳；二是进；三是好。')).toEqual(['一是稳；二是进；三是好。']);
  });

  it('does not split numbers like 3.5亿 or 260.89亿元', () => {
    expect(texts('完成投资3.5亿元，同比增长7.5%。共完成260.89亿元。')).toEqual(['完成投资3.5亿元，同比增长7.5%。', '共完成260.89亿元。']);
  });

  it('handles Latin text inside Chinese: abbreviations, and a full stop before Chinese', () => {
    expect(texts('英文 Mr. Smith said "Hello." 然后他走了。')).toEqual(['英文 Mr. Smith said "Hello."', '然后他走了。']);
    expect(texts('G7 京新高速公路甘肃段、G7011 十天高速公路已通车。')).toEqual(['G7 京新高速公路甘肃段、G7011 十天高速公路已通车。']);
  });

  it('returns offsets into the paragraph that cover each sentence exactly', () => {
    const p = '他说完了。“你好。”她答……随后散会。';
    const spans = splitSentences(p);
    for (const s of spans) expect(p.slice(s.start, s.end)).toBe(s.text);
    expect(spans.map((s) => s.text).join('')).toBe(p);
    expect(spans[1]).toMatchObject({ start: 5, text: '“你好。”' });
  });

  it('splits a very long paragraph exactly as its sentences one by one', () => {
    const sentences = Array.from({ length: 6000 }, (_, i) => (i % 7 === 3 ? `他说：“第${i}句。”` : `这是第${i}句，包含一些内容。`));
    const spans = splitSentences(sentences.join(''));
    expect(spans.map((s) => s.text)).toEqual(sentences);
  });

  it('keeps text without a final mark as one sentence and ignores white space', () => {
    expect(texts('  没有句号的标题  ')).toEqual(['没有句号的标题']);
    expect(splitSentences('')).toEqual([]);
  });
});
