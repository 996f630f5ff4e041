import { lineBottom, lineTop, type Line } from './geometry.ts';

/**
 * Lines in reading order → blocks: consecutive lines of one type size, one under the other at
 * a line's spacing, overlapping in x (one column of one paragraph run, one headline).
 */
export interface Block {
  lines: Line[];
  size: number;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Most of its lines are fake bold. */
  bold: boolean;
  /** The lines' text joined. */
  text: string;
}

/** Largest distance between two baselines of one block, in ems (leading 1.2–1.6, plus paragraph spacing). */
const MAX_LEADING = 2.1;

export function buildBlocks(lines: readonly Line[]): Block[] {
  const blocks: Line[][] = [];
  for (const line of lines) {
    const current = blocks.at(-1);
    const last = current?.at(-1);
    // A short piece may go back to a line above the last (a headline's part read after its wrap).
    const beside = current?.findLastIndex((l, k) => continuesOnBaseline(l, line) && (k === current.length - 1 || [...line.text].length <= 4)) ?? -1;
    if (current && beside >= 0) current[beside] = joinOnBaseline(current[beside]!, line);
    else if (current && last && belongsUnder(last, line)) current.push(line);
    else blocks.push([line]);
  }
  return blocks.map(toBlock);
}

/**
 * A line spread wide to fill its measure (a short line of a justified column, pushed out) leaves
 * gaps wider than a gutter between its characters, and so does a two-part headline with an
 * ideographic space; the cut reads the pieces apart (one after another, or the last after the
 * line below). Within three ems on one baseline they are one line.
 */
function continuesOnBaseline(left: Line, right: Line): boolean {
  return Math.abs(left.y - right.y) < 0.2 * right.size && Math.abs(left.size - right.size) < 0.02 * right.size && right.x0 >= left.x1 && right.x0 - left.x1 < 3 * right.size;
}

function joinOnBaseline(left: Line, right: Line): Line {
  return { ...left, text: left.text + right.text, x1: right.x1, bold: left.bold && right.bold };
}

function belongsUnder(above: Line, line: Line): boolean {
  if (Math.abs(above.size - line.size) > 0.02 * line.size) return false;
  const dy = line.y - above.y;
  if (dy < 0.8 * line.size || dy > MAX_LEADING * line.size) return false;
  const overlap = Math.min(above.x1, line.x1) - Math.max(above.x0, line.x0);
  return overlap > 0.3 * Math.min(above.x1 - above.x0, line.x1 - line.x0);
}

function toBlock(lines: Line[]): Block {
  return {
    lines,
    size: lines.reduce((s, l) => s + l.size, 0) / lines.length,
    x0: Math.min(...lines.map((l) => l.x0)),
    x1: Math.max(...lines.map((l) => l.x1)),
    top: Math.min(...lines.map(lineTop)),
    bottom: Math.max(...lines.map(lineBottom)),
    bold: lines.filter((l) => l.bold).length * 2 > lines.length,
    text: lines.map((l) => l.text).join(''),
  };
}
