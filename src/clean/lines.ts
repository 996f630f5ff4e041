import { CLAUSE_MARKS, endsSentence, isLetterSpaced, isWide, lastMark, lineWidth, SENTENCE_END } from './text.ts';

/** One non-blank line as the extractor printed it. */
export interface PrintedLine {
  /** Position among the page's non-blank lines. */
  index: number;
  /** The line without leading and trailing white space. */
  text: string;
  /** The line without any white space. */
  compact: string;
  /** Width in ems (see `lineWidth`). */
  width: number;
  /**
   * How far the width may be off: Latin letters and digits are set in proportional type whose
   * widths we only estimate (about 0.15 em each either way).
   */
  slack: number;
  /** Blank lines printed before this one (extractors mark block and paragraph gaps this way). */
  gapBefore: number;
  /**
   * The reading order was rebuilt here (see interleave.ts): the line before it was printed
   * elsewhere, in another block, and no sentence runs across. Nothing ties the two together.
   */
  afterJump?: boolean;
  /**
   * Letter-spaced: spread to fill the measure (the extractor printed the gaps as spaces), so its
   * characters do not tell its width: it is as wide as the column allows at its place.
   */
  spread: boolean;
  /** Ends a sentence (。！？… possibly with closing quotes). */
  endsSentence: boolean;
  /** Ends with punctuation that can end a line inside a paragraph or end it (，、；：。！？…). */
  endsPunctuation: boolean;
}

/** Splits a page into its non-blank lines. */
export function readLines(page: string): PrintedLine[] {
  const out: PrintedLine[] = [];
  let gap = 0;
  for (const raw of page.split('\n')) {
    const text = raw.replace(/\r$/, '').trim();
    if (text === '') {
      gap++;
      continue;
    }
    out.push(printedLine(text, out.length, out.length === 0 ? 0 : gap));
    gap = 0;
  }
  return out;
}

/** The facts of one printed line (`text` already trimmed, not empty). */
export function printedLine(text: string, index: number, gapBefore: number): PrintedLine {
  const compact = text.includes(' ') || text.includes('\t') || text.includes('\u3000') ? text.replace(/\s+/g, '') : text;
  const mark = lastMark(text);
  const spread = isLetterSpaced(text);
  // A space between two wide characters in a line that is not letter-spaced is a real gap (after a
  // dateline, `7月17日电 记者`): a third of an em to a whole one.
  const gaps = spread || compact.length === text.length ? 0 : wideGaps(text);
  return {
    index,
    text,
    compact,
    width: lineWidth(text) + 0.3 * gaps,
    slack: Math.min(1.2, 0.15 * latinCount(compact)) + 0.7 * gaps,
    spread,
    gapBefore,
    endsSentence: endsSentence(text),
    endsPunctuation: mark !== '' && (SENTENCE_END.includes(mark) || CLAUSE_MARKS.includes(mark)),
  };
}

function wideGaps(text: string): number {
  let n = 0;
  for (let i = 1; i + 1 < text.length; i++) {
    if (text[i] !== ' ' || text[i - 1] === ' ') continue;
    let j = i + 1;
    while (j < text.length && text[j] === ' ') j++;
    if (j < text.length && isWide(text.codePointAt(i - 1)!) && isWide(text.codePointAt(j)!)) n++;
  }
  return n;
}

function latinCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) n++;
  }
  return n;
}

/** Median of numbers (0 for none). */
export function median(values: ArrayLike<number>): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The values at quantiles `qs` (0..1) of the numbers, from one sort. */
export function quantiles(values: ArrayLike<number>, qs: readonly number[]): number[] {
  if (values.length === 0) return qs.map(() => 0);
  const sorted = Float64Array.from(values).sort();
  return qs.map((q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!);
}
