import { describe, expect, it } from 'vitest';
import { chunkSentence, maxChunkChars } from './chunk.ts';

describe('maxChunkChars', () => {
  it('is 40 × rate, capped at rate 1.5 and never below 20', () => {
    expect(maxChunkChars(1)).toBe(40);
    expect(maxChunkChars(1.25)).toBe(50);
    expect(maxChunkChars(1.5)).toBe(60);
    expect(maxChunkChars(2)).toBe(60);
    expect(maxChunkChars(0.75)).toBe(30);
    expect(maxChunkChars(0.5)).toBe(20);
    expect(maxChunkChars(0.1)).toBe(20);
    expect(maxChunkChars(Number.NaN)).toBe(40);
  });
});

/** A 76-character sentence from a People's Daily article, with commas and an enumeration. */
const LONG =
  '会议强调，要坚持以人民为中心的发展思想，统筹发展和安全，推动经济实现质的有效提升和量的合理增长，' +
  '加快建设现代化产业体系、扩大国内需求、深化改革开放。';

describe('chunkSentence', () => {
  it('returns a short sentence whole', () => {
    expect(chunkSentence('政法工作肩负着维护国家政治安全。', 1)).toEqual(['政法工作肩负着维护国家政治安全。']);
    expect(chunkSentence('', 1)).toEqual([]);
  });

  it('splits a long sentence after commas, each chunk within the limit, losslessly', () => {
    expect(LONG.length).toBeGreaterThan(40);
    const chunks = chunkSentence(LONG, 1);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(LONG);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(40);
    for (const c of chunks.slice(0, -1)) expect(c).toMatch(/[，；]$/);
  });

  it('prefers ，； to 、 within the window', () => {
    // The enumeration commas (、) come later in the window than the last ，.
    const text = '一二三四五六七八九十一二三四五六七八，九十一二三四五六七八九十、一二三四五六七、八九十一二三四五六七八九十。';
    const [first] = chunkSentence(text, 1);
    expect(first).toBe('一二三四五六七八九十一二三四五六七八，');
  });

  it('falls back to 、 and ： when there is no ，；', () => {
    const text = '国务院印发通知：要求各地区各部门认真贯彻落实关于进一步优化营商环境降低制度性交易成本的意见、关于推动高质量发展的若干措施。';
    const chunks = chunkSentence(text, 1);
    expect(chunks.join('')).toBe(text);
    expect(chunks[0]).toMatch(/[、：]$/);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(40);
  });

  it('does not cut right after the first few characters', () => {
    const text = '但，' + '这'.repeat(30) + '，' + '那'.repeat(30) + '。';
    const [first] = chunkSentence(text, 1);
    expect(first).toBe('但，' + '这'.repeat(30) + '，');
    // An early ， loses to a later 、: a two-character chunk sounds like a stutter.
    const enumeration = '但，' + '这'.repeat(20) + '、' + '那'.repeat(30) + '。';
    expect(chunkSentence(enumeration, 1)[0]).toBe('但，' + '这'.repeat(20) + '、');
  });

  it('keeps a closing quote with the mark before it', () => {
    const text = '他说：“我们要把这件事情做好，做实，做到老百姓的心坎上，”' + '随后又补充了几句关于下一步工作安排的具体意见和建议。';
    const chunks = chunkSentence(text, 1);
    expect(chunks.join('')).toBe(text);
    expect(chunks.some((c) => c.endsWith('，”'))).toBe(true);
    expect(chunks.every((c) => !c.startsWith('”'))).toBe(true);
  });

  it('hard-splits a run without punctuation into equal parts', () => {
    const text = '中'.repeat(90);
    const chunks = chunkSentence(text, 1);
    expect(chunks.map((c) => c.length)).toEqual([30, 30, 30]);
  });

  it('does not split a surrogate pair or, when it can help it, a Latin word', () => {
    const text = '𠮷'.repeat(25); // 50 UTF-16 units, no punctuation
    const chunks = chunkSentence(text, 1);
    expect(chunks.join('')).toBe(text);
    for (const c of chunks) expect(c).toMatch(/^(?:𠮷)+$/u);

    const latin = '中'.repeat(22) + 'ABCDEFGHIJ' + '中'.repeat(22);
    const parts = chunkSentence(latin, 1);
    expect(parts.join('')).toBe(latin);
    expect(parts.some((c) => c.includes('ABCDEFGHIJ'))).toBe(true);
  });

  it('uses longer chunks at a higher rate and shorter ones at a lower rate', () => {
    expect(chunkSentence(LONG, 2).length).toBeLessThan(chunkSentence(LONG, 1).length);
    const slow = chunkSentence(LONG, 0.5);
    expect(slow.length).toBeGreaterThan(chunkSentence(LONG, 1).length);
    for (const c of slow) expect(c.length).toBeLessThanOrEqual(20);
  });

  it('does not leave punctuation alone in the last chunk', () => {
    // The only break in the window leaves a lone '。' behind: it goes with the chunk before.
    const text = '中'.repeat(39) + '，。';
    expect(chunkSentence(text, 1)).toEqual([text]);
  });
});
