/**
 * Character classes and measures of Chinese newspaper text, as a PDF extractor prints it.
 *
 * A CJK page is set on a grid: every Han character and every full-width punctuation mark takes
 * one em, Latin letters and digits about half an em. So the width of a printed line, in ems, tells
 * whether it is a full line of its column (the paragraph goes on), a paragraph's first line (two
 * ems of indent that extractors drop), or a paragraph's last line.
 */

/** Han characters (CJK ideographs, including the extension blocks). */
export function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x3134f)
  );
}

/** Full-width (one-em) characters that are not Han: CJK punctuation, full-width forms, bullets, quotes. */
export function isWideSymbol(code: number): boolean {
  return (
    (code >= 0x3000 && code <= 0x303f) || // CJK symbols and punctuation 、。〈〉《》「」『』【】〔〕
    (code >= 0xff01 && code <= 0xff60) || // full-width forms ！（），：；？［］｛｝
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x2018 && code <= 0x201f) || // ‘ ’ “ ” (one em in CJK fonts)
    code === 0x2014 || // — (two make a dash)
    code === 0x2026 || // …
    code === 0x00b7 || // ·
    (code >= 0x2460 && code <= 0x24ff) || // ①…
    (code >= 0x25a0 && code <= 0x25ff) || // ■□▲△◆◇○◎●
    (code >= 0x2600 && code <= 0x26ff) || // ★☆
    (code >= 0x3200 && code <= 0x32ff) || // ㈠…
    (code >= 0xfe30 && code <= 0xfe4f) // vertical forms, ﹏
  );
}

/** One-em characters: Han and wide symbols. */
export function isWide(code: number): boolean {
  return isHan(code) || isWideSymbol(code);
}

export function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0;
}

/**
 * Width of a printed line in ems: wide characters count 1, Latin letters and digits about 0.6
 * (news fonts set digits wider than half an em). Spaces between wide characters count nothing:
 * the extractor prints them for gaps of justification that the line's characters already fill;
 * a space beside a Latin character stands for the CJK–Latin spacing, about 0.3 em.
 */
export function lineWidth(text: string): number {
  let w = 0;
  let prevAscii = false;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) code = text.codePointAt(i++)!;
    if (isSpace(code)) {
      if (code === 0x3000) w += 1; // an ideographic space is a real em
      else pendingSpace = true;
      continue;
    }
    const wide = isWide(code);
    if (pendingSpace && (prevAscii || !wide)) w += 0.3;
    pendingSpace = false;
    w += wide ? 1 : 0.6;
    prevAscii = !wide;
  }
  return w;
}

/** Marks that end a sentence. */
export const SENTENCE_END = '。！？!?…';
/** Closing quotes and brackets: they follow a sentence end and belong to it. */
export const CLOSERS = '”’」』）》〉】〕］｝)]"\'';
/** Opening quotes and brackets: set as hanging punctuation at a line start, never a line end. */
export const OPENERS = '“‘「『（《〈【〔［｛([';

/** The last character of a text that is not white space or a closing quote/bracket. */
export function lastMark(text: string): string {
  for (let i = text.length - 1; i >= 0; i--) {
    const ch = text[i]!;
    if (ch === ' ' || CLOSERS.includes(ch)) continue;
    return ch;
  }
  return '';
}

/** True when a text ends a sentence: 。！？… possibly followed by closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  const t = text.trimEnd();
  if (t === '') return false;
  const last = t[t.length - 1]!;
  if (SENTENCE_END.includes(last)) return true;
  // “……。” closes a sentence; “包头答卷” or （以下简称达芬奇） at a line end does not.
  return CLOSERS.includes(last) && SENTENCE_END.includes(lastMark(t));
}

/** Clause punctuation that can end a printed line inside a sentence. */
export const CLAUSE_MARKS = '，、；：,;:';

/**
 * Joins printed text into clean text: removes the spaces an extractor put between CJK characters
 * and around Latin runs inside CJK text (`2 月 18 日` → `2月18日`, letter-spaced lines), keeps one
 * space between two Latin words, and keeps a real gap between two Han phrases (a dateline's
 * `电 记者`, two phrases of a column name) when neither side is a lone character of justified
 * spacing.
 */
export function normaliseSpaces(text: string): string {
  if (text.indexOf(' ') < 0 && text.indexOf('\t') < 0 && text.indexOf('\u3000') < 0 && text.indexOf('\u00a0') < 0) return text;
  const chars = Array.from(text.replace(/[\t\u00a0\u3000]/g, ' ').trim());
  if (chars.length === 0) return '';
  const letterSpaced = spacedPairs(chars);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch !== ' ') {
      out += ch;
      continue;
    }
    const spaceStart = i;
    let j = i;
    while (j < chars.length && chars[j] === ' ') j++;
    const prev = chars[i - 1] ?? '';
    const next = chars[j] ?? '';
    i = j - 1;
    if (!prev || !next) continue;
    const pc = prev.codePointAt(0)!;
    const nc = next.codePointAt(0)!;
    if (!isWide(pc) && !isWide(nc)) {
      // Latin–Latin: keep one space between words and numbers ("Mr. Smith", "G7 G8"), not
      // inside a number broken by the extractor ("3 000" stays a gap we cannot judge: keep it).
      out += ' ';
      continue;
    }
    if (letterSpaced || !isHan(pc) || !isHan(nc)) continue;
    if (hanRunBefore(chars, spaceStart) >= 2 && hanRunAfter(chars, j) >= 2 && isRealGap(chars, spaceStart, j)) out += ' ';
  }
  return out;
}

/**
 * A line is letter-spaced when many neighbouring wide characters have a gap: the typesetter
 * spread it to fill its measure because the next word (a number, a pair that may not be split)
 * did not fit.
 */
export function isLetterSpaced(text: string): boolean {
  return text.includes(' ') && spacedPairs(Array.from(text));
}

function spacedPairs(chars: string[]): boolean {
  let pairs = 0;
  let gaps = 0;
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === ' ') continue;
    let j = i + 1;
    while (j < chars.length && chars[j] === ' ') j++;
    if (j >= chars.length) break;
    if (isWide(chars[i]!.codePointAt(0)!) && isWide(chars[j]!.codePointAt(0)!)) {
      pairs++;
      if (j > i + 1) gaps++;
    }
    i = j - 1;
  }
  return gaps >= 2 && gaps * 3 >= pairs;
}

function hanRunBefore(chars: string[], end: number): number {
  let n = 0;
  for (let i = end - 1; i >= 0 && isHan(chars[i]!.codePointAt(0)!); i--) n++;
  return n;
}

function hanRunAfter(chars: string[], start: number): number {
  let n = 0;
  for (let i = start; i < chars.length && isHan(chars[i]!.codePointAt(0)!); i++) n++;
  return n;
}

/**
 * A single space between two Han runs is a real gap when the line has no other stray gaps between
 * Han characters (justification spreads gaps over a whole line), and it either ends a dateline
 * (`……日电 `) or separates two phrases of at least three characters.
 */
function isRealGap(chars: string[], spaceStart: number, spaceEnd: number): boolean {
  let otherGaps = 0;
  for (let i = 1; i < chars.length - 1; i++) {
    if (i >= spaceStart && i < spaceEnd) continue;
    if (chars[i] === ' ' && isHan(chars[i - 1]!.codePointAt(0)!) && isHan(chars[i + 1]!.codePointAt(0)!)) otherGaps++;
  }
  if (otherGaps > 0) return false;
  // A dateline: 新华社北京3月5日电 记者…
  if (/日电$/.test(chars.slice(Math.max(0, spaceStart - 2), spaceStart).join(''))) return true;
  return hanRunBefore(chars, spaceStart) >= 3 && hanRunAfter(chars, spaceEnd) >= 3;
}

/** Removes all white space (for comparisons that ignore it). */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
