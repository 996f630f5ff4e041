import type { Line, TextRun } from './geometry.ts';

/**
 * Runs → lines. Three things happen here:
 *
 * - **Fake bold**: typesetting systems embolden a face by drawing the same glyphs twice, a
 *   fraction of a point apart. A run with the same text, size and baseline as one already seen,
 *   shifted by less than DOUBLE_SHIFT em, is that second copy: it is dropped and the first marked
 *   bold.
 * - **Lines**: runs on one baseline at one size, split where the gap between two runs is wider than
 *   any gap inside a line (letter spacing and justification stay under half an em; column gutters
 *   are wider). A hanging opening quote sits in the gutter, so before one a smaller gap splits, and
 *   so does one between two sizes (two headlines side by side).
 * - **Text**: the spaces pdf.js prints for letter-spaced and justified lines are dropped; a space
 *   is kept only between two Latin letters or digits (words of a Latin name), and between names of
 *   two or three Han characters that make up a whole line (a byline of several people).
 */

/** Largest shift of a fake-bold copy, in ems (typesetters use 0.02–0.05 em). */
const DOUBLE_SHIFT = 0.15;
/** A gap wider than this, in ems, ends a line: columns' gutters are wider, letter spacing narrower. */
const LINE_GAP = 0.65;
/** Before an opening quote or bracket (hanging punctuation in a gutter), a narrower gap ends a line. */
const HANGING_GAP = 0.45;
/** Between runs of two sizes (more than 2% apart), a gap wider than this, in ems, ends a line. */
const RESIZED_GAP = 0.3;
const OPENERS = '“‘「『（《〈【〔［(';

interface Placed extends TextRun {
  /** Characters of this run that were drawn twice. */
  doubled: number;
}

/** Drops the second copy of every doubled run and counts it on the first. */
export function undouble(runs: readonly TextRun[]): Placed[] {
  const kept: Placed[] = [];
  const byKey = new Map<string, Placed[]>();
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  for (const run of sorted) {
    const key = `${run.text}\u0000${run.size.toFixed(2)}`;
    const seen = byKey.get(key);
    const twin = seen?.find(
      (k) => Math.abs(k.y - run.y) < 0.05 * run.size && Math.abs(k.x - run.x) < DOUBLE_SHIFT * run.size && k.doubled === 0,
    );
    if (twin) {
      twin.doubled = [...run.text].length;
      continue;
    }
    const placed: Placed = { ...run, doubled: 0 };
    kept.push(placed);
    if (seen) seen.push(placed);
    else byKey.set(key, [placed]);
  }
  return kept;
}

/** The lines of a page's runs, top to bottom, left to right. */
export function buildLines(runs: readonly TextRun[]): Line[] {
  const placed = undouble(runs.filter((r) => r.text.trim() !== '' && r.size > 0));
  placed.sort((a, b) => a.y - b.y || a.x - b.x);
  // Baseline rows: runs of one size whose baselines are within 0.3 em.
  const rows: Placed[][] = [];
  for (const run of placed) {
    const row = rows.findLast(
      (r) => Math.abs(r[0]!.y - run.y) < 0.3 * run.size && Math.abs(r[0]!.size - run.size) <= 0.05 * run.size,
    );
    if (row && run.y - row[0]!.y < 0.3 * run.size) row.push(run);
    else rows.push([run]);
  }
  const lines: Line[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let current: Placed[] = [];
    for (const run of row) {
      const last = current.at(-1);
      if (last) {
        const gap = (run.x - (last.x + last.width)) / run.size;
        const limit = OPENERS.includes(run.text.trimStart()[0] ?? '') ? HANGING_GAP : LINE_GAP;
        // Two sizes side by side, set apart: two headlines on one baseline, not one line.
        const resized = Math.abs(run.size - last.size) > 0.02 * run.size && gap > RESIZED_GAP;
        if (gap > limit || resized) {
          lines.push(toLine(current));
          current = [];
        }
      }
      current.push(run);
    }
    if (current.length > 0) lines.push(toLine(current));
  }
  return lines.sort((a, b) => a.y - b.y || a.x0 - b.x0);
}

function toLine(runs: readonly Placed[]): Line {
  let text = '';
  let chars = 0;
  let doubled = 0;
  let end = runs[0]!.x;
  for (const run of runs) {
    text = joinText(text, run.text, (run.x - end) / run.size);
    end = run.x + run.width;
    chars += [...run.text.replace(/\s/g, '')].length;
    doubled += run.doubled;
  }
  const first = runs[0]!;
  const last = runs.at(-1)!;
  const size = runs.reduce((s, r) => s + r.size, 0) / runs.length;
  return { text: tidy(text), x0: first.x, x1: last.x + last.width, y: first.y, size, bold: doubled * 2 >= chars && chars > 0 };
}

const LATIN = /[\p{Script=Latin}\p{Nd}%.,'&+\-/]/u;

/** Joins two runs' texts; a visible gap becomes a space (kept by `tidy` only between Latin words). */
function joinText(left: string, right: string, gap: number): string {
  if (left === '') return right;
  return gap > 0.15 ? `${left} ${right}` : left + right;
}

/** Names of two or three Han characters set apart by spaces (a byline of several people): their spaces are kept. */
const NAMES = /^\p{Script=Han}{2,3}(?: \p{Script=Han}{2,3}){1,3}$/u;

/** Drops spaces except one between two Latin letters or digits, or between names. */
export function tidy(text: string): string {
  const names = text.trim().replace(/\s+/gu, ' ');
  if (NAMES.test(names)) return names;
  const chars = [...text.trim()];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (/\s/u.test(c)) {
      let j = i;
      while (j + 1 < chars.length && /\s/u.test(chars[j + 1]!)) j++;
      const before = chars[i - 1];
      const after = chars[j + 1];
      if (before !== undefined && after !== undefined && LATIN.test(before) && LATIN.test(after) && /[\p{L}\p{Nd}]/u.test(before) && /[\p{L}\p{Nd}]/u.test(after)) out += ' ';
      i = j;
      continue;
    }
    out += c;
  }
  return out;
}
