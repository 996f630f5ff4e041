import { describe, expect, it } from 'vitest';
import { endsSentence, lineWidth, normaliseSpaces } from './text.ts';

describe('lineWidth', () => {
  it('counts Han and full-width punctuation as one em, Latin as about 0.6', () => {
    expect(lineWidth('盈科（上海）律师事务所李仁')).toBe(13);
    expect(lineWidth('“两个维护”，在思想上')).toBe(11);
    expect(lineWidth('2025')).toBeCloseTo(2.4);
  });
  it('does not count the gaps of a letter-spaced line', () => {
    expect(lineWidth('落 实《中 国 共 产 党 政 法 工 作 条')).toBe(lineWidth('落实《中国共产党政法工作条'));
  });
});

describe('normaliseSpaces', () => {
  it('removes the spaces extractors put around digits and Latin text in Chinese', () => {
    expect(normaliseSpaces('2 月 18 日，市委政法工作会议召')).toBe('2月18日，市委政法工作会议召');
    expect(normaliseSpaces('发挥好 12309 检察服务中')).toBe('发挥好12309检察服务中');
    expect(normaliseSpaces('强专业之能。接续推进“1 带 N”')).toBe('强专业之能。接续推进“1带N”');
  });
  it('joins letter-spaced lines', () => {
    expect(normaliseSpaces('落 实《中 国 共 产 党 政 法 工 作 条')).toBe('落实《中国共产党政法工作条');
    expect(normaliseSpaces('政 权 安 全 、制 度 安 全 、意 识 形 态 安')).toBe('政权安全、制度安全、意识形态安');
    expect(normaliseSpaces('场 购 买 了 13 件 “ 实 木 家')).toBe('场购买了13件“实木家');
  });
  it('drops stray justification gaps next to a single character', () => {
    expect(normaliseSpaces('里，其 中，重庆境 内 112 公')).toBe('里，其中，重庆境内112公');
  });
  it('keeps a real gap: after a dateline, between two phrases of a name', () => {
    expect(normaliseSpaces('7 月 17 日电 记者从杭州')).toBe('7月17日电 记者从杭州');
    expect(normaliseSpaces('本报开设“起笔新答卷 阔步新征程”专栏')).toBe('本报开设“起笔新答卷 阔步新征程”专栏');
  });
  it('keeps one space between Latin words', () => {
    expect(normaliseSpaces('Mr.  Smith said')).toBe('Mr. Smith said');
  });
});

describe('endsSentence', () => {
  it('is true after 。！？… and a closing quote after them', () => {
    for (const t of ['展和高水平安全。', '真的吗？', '贯通……', '就要跟进到哪里。”', '“哪里！”']) expect(endsSentence(t)).toBe(true);
  });
  it('is false after a quoted term, a bracket or clause punctuation', () => {
    for (const t of ['为书写中国式现代化“包头答卷”', '（以下简称达芬奇）', '坚决做到', '积极', '部署工作，']) expect(endsSentence(t)).toBe(false);
  });
});
