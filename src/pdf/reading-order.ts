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
  const median = sizes[Math.floor(sizes.length / 2)]!;
  const verticals = gaps(lines.map((l) => [textLeft(l), l.x1])).filter((g) => g.width >= minGap);
  const horizontals = gaps(lines.map((l) => [lineTop(l), lineBottom(l)]));
  const horizontal = widest(horizontals);
  let vertical = widest(verticals);
  if (vertical && horizontal && horizontal.width > vertical.width) {
    // Headlines over columns: cut off, they would be read before every article of the row. Where
    // the white space between two articles runs down between their headlines too, the vertical
    // cut comes first; a headline over only some of the columns stays above them.
    const heads = lines.filter((l) => lineBottom(l) <= horizontal.at);
    const headlinesAbove = heads.every((l) => l.size > 1.2 * median);
    const between = verticals.filter((g) => heads.some((l) => l.x1 <= g.at) && heads.some((l) => textLeft(l) >= g.at));
    vertical = headlinesAbove ? widest(between) : null;
  }
  const useVertical = vertical !== null;
  if (useVertical) {
    const at = vertical!.at;
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

/** The gaps between the intervals' union. */
function gaps(intervals: Array<[number, number]>): Gap[] {
  intervals.sort((a, b) => a[0] - b[0]);
  let end = intervals[0]![1];
  const out: Gap[] = [];
  for (const [start, stop] of intervals.slice(1)) {
    if (start > end) out.push({ at: end + (start - end) / 2, width: start - end });
    end = Math.max(end, stop);
  }
  return out;
}

function widest(list: readonly Gap[]): Gap | null {
  let best: Gap | null = null;
  for (const g of list) if (best === null || g.width > best.width) best = g;
  return best;
}
