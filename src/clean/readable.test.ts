/**
 * Unreadable text (fonts without a Unicode mapping) is refused with one reason, not cleaned into
 * fragments; a readable page with some Latin, digits or a stray symbol line is not.
 */
import { describe, expect, it } from 'vitest';
import { cleanText, UnreadableTextError } from './index.ts';
import { unreadable } from './readable.ts';
import { setParagraph } from './testing/typeset.ts';

const P1 = '海滨市文化中心昨日正式对外开放。据介绍，该中心总建筑面积两万平方米，设有图书馆、剧场和展览馆，可同时容纳三千名市民参观。';
const P2 = '市民王先生说，以后周末可以带孩子来这里看书，比过去方便多了。中心负责人表示，下一步将推出更多公益讲座和展览。';
const readable = ['文化中心开门迎客', ...setParagraph(P1, 16), ...setParagraph(P2, 16)].join('\n');

/** A page as an extractor prints it from a subset font without a mapping: glyph codes from 1. */
const soup = ['!"#$%&\'()*+,-./ 0 1', '2 3 4 5 6 7 8 9 : ; < = > ? @', '#$% &\'( )*+ ,-. /01 234', '56 7 89: ;<=', '!"# $%& \'()'].join('\n');
/** The bytes of a two-byte encoding read as Latin-1. */
const mojibake = ['ÈgGH¡¢Þß', 'ÄÚÃÉ¹Å×ÔÖÎÇø°üÍ·ÊÐ', 'ÖÐ¼¶ÈËÃñ·¨Ôº', 'µ³×éÊé¼Ç¡¢Ôº³¤'].join('\n');

describe('unreadable text', () => {
  it('tells symbol soup and Latin-1 mojibake', () => {
    expect(unreadable(soup)).toBe('symbols');
    expect(unreadable(mojibake)).toBe('mojibake');
  });

  it('leaves Chinese pages alone, with their digits, Latin and rules', () => {
    expect(unreadable(readable)).toBeNull();
    expect(unreadable(`${readable}\n— 5 —\n2011 年 4 月 18 日\nwww.example.cn ***`)).toBeNull();
    expect(unreadable('Plain English text is not mojibake, and it is not symbols either.')).toBeNull();
  });

  it('is refused by the cleaner with one error that says why', () => {
    expect(() => cleanText(soup)).toThrow(UnreadableTextError);
    expect(() => cleanText(mojibake)).toThrow(expect.objectContaining({ reason: 'mojibake' }));
    let message = '';
    try {
      cleanText(soup);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/no Unicode mapping/);
    expect(message).not.toMatch(/\n/);
  });

  it('is left out of a text where other pages can be read', () => {
    const both = cleanText(`${soup}\f${readable}`);
    expect(both.articles.map((a) => a.title)).toEqual(cleanText(readable).articles.map((a) => a.title));
    expect(both.articles.length).toBe(1);
  });
});
