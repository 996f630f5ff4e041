import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shownRange, spokenText, unchanged, wordEnd } from './spoken.ts';

describe('spokenText', () => {
  it('says unchanged text as shown, and maps every range onto itself', () => {
    const text = unchanged('气温不高。');
    expect(text.spoken).toBe('气温不高。');
    expect(shownRange(text, 2, 4)).toEqual({ start: 2, end: 4 });
  });

  it('applies replacements and keeps what lies between them', () => {
    const text = spokenText('全程3.4km，17~4℃。', [
      { start: 2, end: 7, spoken: '三点四公里' },
      { start: 8, end: 13, spoken: '十七到四摄氏度' },
    ]);
    expect(text.spoken).toBe('全程三点四公里，十七到四摄氏度。');
    expect(text.shown).toBe('全程3.4km，17~4℃。');
  });

  it('maps a word inside a replacement to the whole shown range it replaced', () => {
    const text = spokenText('全程3.4km。', [{ start: 2, end: 7, spoken: '三点四公里' }]);
    // 公里 is spoken at 5..7
    expect(shownRange(text, 5, 7)).toEqual({ start: 2, end: 7 });
    // 全程 is said as shown
    expect(shownRange(text, 0, 2)).toEqual({ start: 0, end: 2 });
    // the full stop after the replacement: spoken 7, shown 7
    expect(shownRange(text, 7, 8)).toEqual({ start: 7, end: 8 });
    // a range across both marks both
    expect(shownRange(text, 1, 4)).toEqual({ start: 1, end: 7 });
  });

  it('maps an empty range (a boundary without a length) to the character it is at', () => {
    const text = spokenText('全程3.4km。', [{ start: 2, end: 7, spoken: '三点四公里' }]);
    expect(shownRange(text, 1, 1)).toEqual({ start: 1, end: 2 });
    expect(shownRange(text, 3, 3)).toEqual({ start: 2, end: 7 });
  });

  it('maps inserted words (an announcement) to nothing shown', () => {
    const text = spokenText('一、总体要求', [{ start: 0, end: 0, spoken: '小标题：' }]);
    expect(text.spoken).toBe('小标题：一、总体要求');
    const inserted = shownRange(text, 0, 3);
    expect(inserted.end - inserted.start).toBe(0);
    expect(shownRange(text, 4, 6)).toEqual({ start: 0, end: 2 });
  });

  it('drops overlapping replacements, the earlier one winning', () => {
    const text = spokenText('abcdef', [
      { start: 1, end: 4, spoken: 'X' },
      { start: 2, end: 5, spoken: 'Y' },
    ]);
    expect(text.spoken).toBe('aXef');
  });

  it('round trip: the pieces rebuild both texts, and every spoken range maps inside the shown text', () => {
    const replacement = fc
      .tuple(fc.nat(30), fc.nat(5), fc.string({ maxLength: 6 }))
      .map(([start, length, spoken]) => ({ start, end: start + length, spoken }));
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.array(replacement, { maxLength: 6 }), fc.nat(60), fc.nat(10), (shown, replacements, a, n) => {
        const text = spokenText(shown, replacements);
        expect(text.pieces.map((p) => text.shown.slice(p.shownStart, p.shownEnd)).join('')).toBe(shown);
        expect(text.pieces.map((p) => text.spoken.slice(p.spokenStart, p.spokenEnd)).join('')).toBe(text.spoken);
        for (const p of text.pieces) {
          if (!p.replaced) expect(text.spoken.slice(p.spokenStart, p.spokenEnd)).toBe(shown.slice(p.shownStart, p.shownEnd));
        }
        const range = shownRange(text, a, a + n);
        expect(range.start).toBeGreaterThanOrEqual(0);
        expect(range.end).toBeGreaterThanOrEqual(range.start);
        expect(range.end).toBeLessThanOrEqual(shown.length);
      }),
    );
  });
});

describe('wordEnd', () => {
  it('extends a boundary without a length to the end of its word', () => {
    const text = '国务院总理主持召开会议';
    expect(text.slice(0, wordEnd(text, 0))).toBe('国务院');
    expect(text.slice(3, wordEnd(text, 3))).toBe('总理');
    expect(wordEnd(text, 99)).toBe(text.length);
  });
});
