/**
 * The geometry a PDF page gives: text runs with position, size and font, as pdf.js reports them
 * (load.ts), in top-down page coordinates. Pure data, no DOM, no Node: the layout (lines.ts,
 * reading-order.ts, articles.ts) runs on it in the import worker, the build and the command line.
 */

/** One run of text drawn with one font at one size on one baseline. */
export interface TextRun {
  text: string;
  /** Left edge of the run, in points from the page's left edge. */
  x: number;
  /** The baseline, in points from the page's top edge (down is positive). */
  y: number;
  /** Advance width of the run, in points. */
  width: number;
  /** Type size in points (the text matrix's vertical scale). */
  size: number;
  /** The font's name in the PDF (an id; the same id is the same face). */
  font: string;
}

/** One page's text: its size and its horizontal runs (rotated or vertical runs are left out). */
export interface PageText {
  /** Page number, from 1. */
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
}

/** A line of text: runs on one baseline, one size, without a gap wider than a column gutter. */
export interface Line {
  text: string;
  /** Left and right edges. */
  x0: number;
  x1: number;
  /** Baseline (top-down). */
  y: number;
  size: number;
  /** Drawn twice a fraction of a point apart (fake bold), in all or most of its characters. */
  bold: boolean;
}

/** Top edge of a line's box (ascent of a CJK face, about 0.88 em). */
export function lineTop(line: Line): number {
  return line.y - 0.88 * line.size;
}

/** Bottom edge of a line's box (descent, about 0.12 em). */
export function lineBottom(line: Line): number {
  return line.y + 0.12 * line.size;
}
