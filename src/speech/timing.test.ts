import { describe, expect, it } from 'vitest';
import { clampRate, RATE_PRESETS } from './rate.ts';
import { estimateSeconds, measuredSpeed, MIN_CHARS_PER_SECOND, spokenLength, watchdogMs } from './timing.ts';

describe('timing', () => {
  it('counts letters and digits as speech and punctuation as pauses', () => {
    expect(spokenLength('会议指出：“要加快推进城市更新！”')).toBe(13);
    expect(spokenLength('GDP增长5.2%。')).toBe(7);
    // 16 characters of which 15 spoken and one 。 at 4.5 a second.
    expect(estimateSeconds('政法工作肩负着维护国家政治安全。', 1)).toBeCloseTo(15 / 4.5 + 0.3);
    expect(estimateSeconds('政法工作肩负着维护国家政治安全。', 2)).toBeCloseTo(15 / 9 + 0.3);
  });

  it('gives an utterance twice its estimate plus 3 s', () => {
    expect(watchdogMs('政法工作肩负着维护国家政治安全。', 1)).toBe(Math.round((2 * (15 / 4.5 + 0.3) + 3) * 1000));
    expect(watchdogMs('政法工作肩负着维护国家政治安全。', 1, 2)).toBe(Math.round((2 * (15 / 2 + 0.3) + 3) * 1000));
  });

  it('measures a voice’s speed at rate 1, within reason', () => {
    // espeak-ng cmn on Linux Chromium: this sentence took 6.8 s at rate 1 and 3.1 s at rate 2.
    expect(measuredSpeed('政法工作肩负着维护国家政治安全。', 1, 6.8)).toBeCloseTo(15 / 6.8);
    expect(measuredSpeed('政法工作肩负着维护国家政治安全。', 2, 3.1)).toBeCloseTo(15 / 6.2);
    expect(measuredSpeed('好。', 1, 2)).toBeNull();
    expect(measuredSpeed('政法工作肩负着维护国家政治安全。', 1, 0.1)).toBeNull();
    expect(measuredSpeed('政法工作肩负着维护国家政治安全。', 1, 60)).toBe(MIN_CHARS_PER_SECOND);
  });
});

describe('rate', () => {
  it('clamps and rounds to the 0.05 step; presets are within range', () => {
    expect(clampRate(0.72)).toBe(0.7);
    expect(clampRate(0.73)).toBe(0.75);
    expect(clampRate(1.1 + 0.05)).toBe(1.15);
    expect(clampRate(2.5)).toBe(2);
    expect(clampRate(0)).toBe(0.5);
    expect(clampRate(Number.NaN)).toBe(1);
    for (const r of RATE_PRESETS) expect(clampRate(r)).toBe(r);
  });
});
