/**
 * A sentence's spoken form beside its shown form.
 *
 * What a voice should say is not always what the reader shows: `3.4km` is shown and `三点四公里`
 * said, `●` is shown and nothing said. The spoken form is the shown text with some ranges replaced;
 * `SpokenText` keeps the pieces of both, so that any range of the spoken form (a word the voice
 * reports with a `boundary` event) maps back to the shown text the highlight marks. A replaced
 * range maps as a whole: a word inside `三点四公里` marks all of `3.4km`.
 *
 * Pure: no DOM, shared by the reading script, the engine and the tests.
 */

/** One replacement of the shown text: `shown.slice(start, end)` is said as `spoken`. */
export interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly spoken: string;
}

/** A stretch of the shown text and what is said for it. */
export interface SpokenPiece {
  readonly shownStart: number;
  readonly shownEnd: number;
  readonly spokenStart: number;
  readonly spokenEnd: number;
  /** `false`: said as shown, character for character; `true`: said as something else. */
  readonly replaced: boolean;
}

export interface SpokenText {
  readonly shown: string;
  readonly spoken: string;
  /** Cover both texts, in order, without gaps: a piece's ends are the next piece's starts. */
  readonly pieces: readonly SpokenPiece[];
}

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** The shown text said as shown. */
export function unchanged(shown: string): SpokenText {
  return spokenText(shown, []);
}

/**
 * The spoken form of `shown` with `replacements` applied. Replacements must not overlap (those
 * that do are dropped, the earlier one wins); their order does not matter. An empty range with a
 * non-empty `spoken` inserts words (`小标题：` before a heading).
 */
export function spokenText(shown: string, replacements: readonly Replacement[]): SpokenText {
  const sorted = [...replacements].sort((a, b) => a.start - b.start || a.end - b.end);
  const pieces: SpokenPiece[] = [];
  let spoken = '';
  let at = 0;
  const keep = (end: number): void => {
    if (end <= at) return;
    pieces.push({ shownStart: at, shownEnd: end, spokenStart: spoken.length, spokenEnd: spoken.length + end - at, replaced: false });
    spoken += shown.slice(at, end);
    at = end;
  };
  for (const r of sorted) {
    if (r.start < at || r.end < r.start || r.end > shown.length) continue;
    if (r.start === r.end && r.spoken === '') continue;
    keep(r.start);
    pieces.push({ shownStart: r.start, shownEnd: r.end, spokenStart: spoken.length, spokenEnd: spoken.length + r.spoken.length, replaced: true });
    spoken += r.spoken;
    at = r.end;
  }
  keep(shown.length);
  return { shown, spoken, pieces };
}

/**
 * The range of the shown text that a range of the spoken form stands for: exact inside text said
 * as shown, the whole replaced range inside a replacement. An empty result (start === end) means
 * the words are not shown at all (an inserted announcement).
 */
export function shownRange(text: SpokenText, start: number, end: number): TextRange {
  const from = Math.max(0, Math.min(start, text.spoken.length));
  const to = Math.max(from, Math.min(end, text.spoken.length));
  let first = -1;
  let last = -1;
  for (const p of text.pieces) {
    const overlaps = from === to ? from >= p.spokenStart && from < p.spokenEnd : p.spokenStart < to && p.spokenEnd > from;
    if (!overlaps) continue;
    const a = p.replaced ? p.shownStart : p.shownStart + Math.max(0, from - p.spokenStart);
    const b = p.replaced ? p.shownEnd : p.shownStart + Math.min(p.spokenEnd, Math.max(to, from + 1)) - p.spokenStart;
    if (first < 0 || a < first) first = a;
    if (b > last) last = b;
  }
  if (first < 0) return { start: 0, end: 0 };
  return { start: first, end: Math.max(first, last) };
}


const words = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;

/**
 * The end of the word that starts at (or contains) `index` of `text`: for a `boundary` event that
 * gives no `charLength` (Safari before 16 and others). ICU's dictionary splits Chinese into words
 * well enough for a highlight; without Intl.Segmenter, one character.
 */
export function wordEnd(text: string, index: number): number {
  if (index >= text.length) return text.length;
  const segment = words?.segment(text).containing(index);
  return segment ? segment.index + segment.segment.length : index + 1;
}
