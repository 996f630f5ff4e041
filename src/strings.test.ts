import { describe, expect, it } from 'vitest';
import {
  documentTitle,
  formatChars,
  formatDuration,
  formatPosition,
  formatRate,
  formatTimeLeft,
  formatVoiceAuto,
  formatVoiceOption,
} from './strings.ts';

describe('formatRate', () => {
  it('says the rate as a multiple, without trailing zeros', () => {
    expect(formatRate(1)).toBe('1 倍');
    expect(formatRate(1.5)).toBe('1.5 倍');
    expect(formatRate(0.75)).toBe('0.75 倍');
    expect(formatRate(1.2000000000000002)).toBe('1.2 倍');
  });
});

describe('formatDuration / formatTimeLeft', () => {
  it('rounds to whole minutes, as a person would say it', () => {
    expect(formatDuration(0)).toBe('不到 1 分钟');
    expect(formatDuration(29)).toBe('不到 1 分钟');
    expect(formatDuration(31)).toBe('约 1 分钟');
    expect(formatDuration(4 * 60 + 20)).toBe('约 4 分钟');
    expect(formatDuration(4 * 60 + 40)).toBe('约 5 分钟');
    expect(formatDuration(60 * 60)).toBe('约 1 小时');
    expect(formatDuration(65 * 60)).toBe('约 1 小时 5 分钟');
  });
  it('copes with nonsense input', () => {
    expect(formatDuration(NaN)).toBe('不到 1 分钟');
    expect(formatDuration(-5)).toBe('不到 1 分钟');
  });
  it('prefixes the time left', () => {
    expect(formatTimeLeft(600)).toBe('剩余约 10 分钟');
  });
});

describe('other formats', () => {
  it('counts from 1 for people', () => {
    expect(formatPosition(0, 88)).toBe('第 1 句，共 88 句');
    expect(formatPosition(1233, 2000)).toBe('第 1,234 句，共 2,000 句');
  });
  it('groups thousands in character counts', () => {
    expect(formatChars(3812)).toBe('3,812 字');
  });
  it('titles the tab', () => {
    expect(documentTitle()).toBe('听读');
    expect(documentTitle('标题')).toBe('标题 - 听读');
  });
  it('marks network voices', () => {
    expect(formatVoiceOption('Tingting', 'zh-CN', true)).toBe('Tingting（zh-CN）');
    expect(formatVoiceOption('Google 普通话（中国大陆）', 'zh-CN', false)).toBe('Google 普通话（中国大陆）（zh-CN）（需联网）');
    expect(formatVoiceOption('Sinji', 'zh-HK', true, true)).toBe('Sinji（zh-HK）（粤语）');
    expect(formatVoiceAuto('Tingting')).toBe('自动选择（Tingting）');
    expect(formatVoiceAuto(null)).toBe('自动选择');
  });
});
