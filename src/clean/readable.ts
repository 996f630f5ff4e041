/**
 * Unreadable text: what an extractor prints from a page whose fonts carry no Unicode mapping.
 * Without the mapping it prints the glyphs' codes as if they were characters: runs of ASCII
 * symbols and digits (`!"#$%&'()*+,-./ 0 1`: "symbol soup", the codes of a subset font counted
 * from 1), Latin-1 letters (`ÈgGH¡¢Þß`: the bytes of a two-byte encoding read one by one), or
 * private-use characters. Such text holds no article: the cleaner refuses it with one clear
 * reason rather than returning fragments.
 */

/** Why a text cannot be read: see {@link UnreadableTextError}. */
export type UnreadableReason = 'symbols' | 'mojibake';

/**
 * Thrown by `cleanText` for text that holds no readable page: `reason` says which kind, for a
 * message in the reader's language (the import dialog, the command line).
 */
export class UnreadableTextError extends Error {
  override name = 'UnreadableTextError';
  constructor(readonly reason: UnreadableReason) {
    super(
      reason === 'symbols'
        ? 'the text is symbols and digits, not words: the PDF\'s fonts have no Unicode mapping, so its extractor could not tell the characters'
        : 'the text is Latin-1 letters where Chinese was expected (mojibake): the PDF\'s fonts have no Unicode mapping, or the text was decoded with the wrong encoding',
    );
  }
}

/** Counts of the kinds of characters that tell readable text from unreadable. */
interface CharCounts {
  /** Characters other than white space. */
  all: number;
  /** Han, kana, Hangul and CJK punctuation: the stuff of a Chinese page. */
  cjk: number;
  /** ASCII letters. */
  latin: number;
  /** Latin-1 supplement letters and signs (U+00A1–U+00FF) and private-use characters. */
  latin1: number;
  /** ASCII digits, punctuation and symbols. */
  symbols: number;
}

function countChars(text: string): CharCounts {
  const c: CharCounts = { all: 0, cjk: 0, latin: 0, latin1: 0, symbols: 0 };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp <= 0x20 || cp === 0x3000 || cp === 0xa0) continue;
    c.all++;
    if (cp < 0x7f) {
      if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) c.latin++;
      else c.symbols++;
    } else if ((cp >= 0xa1 && cp <= 0xff) || (cp >= 0xe000 && cp <= 0xf8ff)) c.latin1++;
    else if ((cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xffef) || cp >= 0x20000) c.cjk++;
  }
  return c;
}

/**
 * Why one page's text cannot be read, or `null` when it can. A page is readable when a fair
 * share of it is Chinese; one with hardly any is unreadable when most of it is symbols and
 * digits, or Latin-1 letters (plain English or pinyin is neither, and is left to the cleaner).
 */
export function unreadable(text: string): UnreadableReason | null {
  const c = countChars(text);
  if (c.all === 0 || c.cjk >= 0.1 * c.all) return null;
  if (c.latin1 >= 0.2 * c.all) return 'mojibake';
  if (c.symbols >= 0.5 * c.all && c.latin < 0.3 * c.all) return 'symbols';
  return null;
}
