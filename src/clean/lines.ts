import { CLAUSE_MARKS, endsSentence, isLetterSpaced, lastMark, lineWidth, SENTENCE_END } from './text.ts';

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
  return {
    index,
    text,
    compact,
    width: lineWidth(text),
    slack: Math.min(1.2, 0.15 * latinCount(compact)),
    spread: isLetterSpaced(text),
    gapBefore,
    endsSentence: endsSentence(text),
    endsPunctuation: mark !== '' && (SENTENCE_END.includes(mark) || CLAUSE_MARKS.includes(mark)),
  };
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
