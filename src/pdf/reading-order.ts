import { lineBottom, lineTop, type Line } from './geometry.ts';

/**
 * Reading order by geometry (a recursive XY cut): a region of the page is cut where a band of
 * white space crosses all of it, at the widest such band, vertical (between columns, between
 * articles side by side) or horizontal (between rows of articles, between a headline and the
 * columns under it, between lines); each side is read in turn, top before bottom, left before
 * right. Columns are where x says, whatever order the PDF drew them in.
 */

/** Narrowest white space, in ems of the region's type, that separates two regions. */
const MIN_GAP = 0.3;

/** The page's lines in reading order. */
export function readingOrder(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  cut([...lines], out);
  return out;
}

interface Gap {
  at: number;
  width: number;
}

function cut(lines: Line[], out: Line[]): void {
  if (lines.length <= 1) {
    out.push(...lines);
    return;
  }
  const sizes = lines.map((l) => l.size).sort((a, b) => a - b);
  const minGap = MIN_GAP * sizes[Math.floor(sizes.length / 2)]!;
  const vertical = widestGap(lines.map((l) => [textLeft(l), l.x1]));
  const horizontal = widestGap(lines.map((l) => [lineTop(l), lineBottom(l)]));
  const useVertical = vertical !== null && vertical.width >= minGap && (horizontal === null || vertical.width >= horizontal.width);
  if (useVertical) {
    const at = vertical.at;
    cut(lines.filter((l) => l.x1 <= at), out);
    cut(lines.filter((l) => l.x1 > at), out);
    return;
    return;
  }
  if (horizontal !== null && horizontal.width > 0) {
    const at = horizontal.at;
    cut(lines.filter((l) => lineBottom(l) <= at), out);
    cut(lines.filter((l) => lineBottom(l) > at), out);
    return;
  }
  // Overlapping lines (text over text): top to bottom, left to right.
  out.push(...[...lines].sort((a, b) => a.y - b.y || a.x0 - b.x0));
}

/**
 * A line's left edge for finding columns: an opening quote or bracket hung into the gutter (by
 * half an em or a whole one) is not where the column starts.
 */
function textLeft(line: Line): number {
  return /^[“‘「『（《〈【〔]/u.test(line.text) ? line.x0 + line.size : line.x0;
}

/** The widest gap between the intervals' union, or null when they overlap into one. */
function widestGap(intervals: Array<[number, number]>): Gap | null {
  intervals.sort((a, b) => a[0] - b[0]);
  let end = intervals[0]![1];
  let best: Gap | null = null;
  for (const [start, stop] of intervals.slice(1)) {
    if (start > end) {
      const width = start - end;
      if (best === null || width > best.width) best = { at: end + width / 2, width };
    }
    end = Math.max(end, stop);
  }
  return best;
}
