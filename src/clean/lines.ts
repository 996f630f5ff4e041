import { lineWidth } from './text.ts';

/** One non-blank line as the extractor printed it. */
export interface PrintedLine {
  /** Position among the page's non-blank lines. */
  index: number;
  /** The line without leading and trailing white space. */
  text: string;
  /** Width in ems (see `lineWidth`). */
  width: number;
  /** Blank lines printed before this one (extractors mark block and paragraph gaps this way). */
  gapBefore: number;
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
    out.push({ index: out.length, text, width: lineWidth(text), gapBefore: out.length === 0 ? 0 : gap });
    gap = 0;
  }
  return out;
}

/** Median of numbers (0 for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The value below which `q` (0..1) of the numbers lie. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;
}
