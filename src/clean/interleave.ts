/**
 * Columns printed together, and how to take them apart again.
 *
 * Most extractors print a multi-column page column by column. poppler's pdftotext (without
 * `-layout`) instead builds its text blocks from words that sit close together, and on a CJK page
 * whose gutters are about one em wide it often builds one block across two or three neighbouring
 * columns. Inside such a block it prints lines in the order of their baselines:
 *
 * - lines of neighbouring columns on the same baseline come out as one printed line, the pieces
 *   separated by a single space (`量合格，如果存在欺诈，消费者 家具存在质量问题以及部分家具`). Only
 *   pieces whose gap is small are joined: every piece but the last reaches the right edge of its
 *   column (a full line, or a paragraph's first line, which is set in on the left), and every piece
 *   but the first starts at the left edge of its own (never a paragraph's first line);
 * - lines whose baselines differ a little come out one after the other, so two or three columns'
 *   lines alternate;
 * - whole blocks can come out of reading order: the rest of a column before the column it
 *   continues, a column's top after its bottom.
 *
 * Each column is a stream of lines of one measure (width in ems): paragraphs start set in by two
 * ems after a sentence's end, end on a line that ends a sentence, and headings are short and
 * unpunctuated. `untangleColumns` finds pages printed that way (printed lines that split at a
 * space into pieces of column width), splits the joined lines, separates the lines of each block
 * into column streams with a beam search (costs from the measure, the paragraph shape, the rhythm
 * of alternating baselines and the page's own character bigrams across the line break), and puts
 * the streams back in reading order: a stream that ends in the middle of a sentence is followed by
 * the stream that takes the sentence up. Other pages are returned as they are, after a cheap test.
 */
import { type PrintedLine, printedLine, quantiles } from './lines.ts';
import { CLAUSE_MARKS, CLOSERS, isWide, OPENERS, SENTENCE_END, lineWidth } from './text.ts';

/** Reorders a page's printed lines when its extractor printed neighbouring columns together. */
export function untangleColumns(lines: readonly PrintedLine[], explain?: (line: string) => void): readonly PrintedLine[] {
  // Cheap test first: a joined line holds a space and is wider than any column could be.
  let wide = 0;
  for (const line of lines) if (line.width >= MIN_JOINED && line.text.includes(' ')) wide++;
  if (wide < 2) return lines;
  const measures = pageMeasures(lines);
  const pieces: (string[] | null)[] = lines.map((line) =>
    line.width >= measures.low + 2 && line.text.includes(' ') ? splitJoined(line.text, measures) : null,
  );
  const joined = pieces.filter((p) => p !== null);
  if (joined.length < 2 || !joined.some((p) => p.some((t) => /[，。、；：！？]/.test(t)))) return lines;
  return untangle(lines, pieces, explain);
}

/** The narrowest a printed line holding two columns' pieces can be, in ems. */
const MIN_JOINED = 12;

interface Measures {
  /** The page's typical column measure (median width of its lines). */
  low: number;
  /** The widest column measure on the page. */
  high: number;
}

/** Column measures of a page, from its lines that hold no space (those are never joined). */
function pageMeasures(lines: readonly PrintedLine[]): Measures {
  let widths = lines.filter((l) => l.width >= 6 && !l.text.includes(' ')).map((l) => l.width);
  if (widths.length < 8) widths = lines.filter((l) => l.width >= 6).map((l) => l.width);
  const [low, high] = quantiles(widths, [0.5, 0.9]);
  return { low: low!, high: Math.max(low!, high!) };
}

/**
 * Splits a printed line into the pieces of neighbouring columns it holds, or returns null when it
 * is one column's line. Every piece is at most a column wide; every piece but the last reaches its
 * column's right edge (full or set in on the left only), so it is about a measure wide; the pieces
 * meet at a space between two wide characters (a gutter), not inside a letter-spaced run nor at the
 * spacing around Latin text unless both sides are long. Copies of one text (fake bold printed
 * twice) are not columns.
 */
export function splitJoined(text: string, measures: Measures): string[] | null {
  const tokens = text.trim().split(/[ \t\u00a0]+/);
  const n = tokens.length;
  if (n < 2 || n > 40) return null;
  const minFull = measures.low - 3;
  const maxWidth = measures.high + 1.5;
  const widthOf = (s: number, e: number): number => lineWidth(tokens.slice(s, e).join(' '));
  // best[e]: cheapest split of tokens[0, e) into pieces that each reach their column's right edge.
  const best: { cost: number; cuts: number[] }[] = new Array(n + 1);
  best[0] = { cost: 0, cuts: [] };
  let answer: { cost: number; cuts: number[] } | null = null;
  for (let e = 1; e <= n; e++) {
    for (let s = 0; s < e; s++) {
      const before = best[s];
      if (!before || (s === 0 && e === n)) continue;
      const w = widthOf(s, e);
      if (w > maxWidth) continue;
      let cost = before.cost;
      if (s > 0) {
        const left = tokens[s - 1]!;
        const right = tokens[s]!;
        const a = left.codePointAt(left.length - 1)!;
        const b = right.codePointAt(0)!;
        if (OPENERS.includes(String.fromCodePoint(a))) continue;
        if (CLOSERS.includes(right[0]!) || CLAUSE_MARKS.includes(right[0]!) || SENTENCE_END.includes(right[0]!)) continue;
        // Letter spacing running across the space: one line spread to its measure.
        if (isSingleWide(left) && isSingleWide(right)) continue;
        if (!isWide(a) || !isWide(b)) {
          // Spacing around Latin text: a gutter only when both sides are column-wide.
          if (w < minFull || widthOf(before.cuts.length ? before.cuts[before.cuts.length - 1]! : 0, s) < minFull) continue;
          cost += 1;
        }
      }
      if (e < n) {
        // Not the last piece: it reaches its column's right edge.
        if (w < minFull) continue;
        cost += 0.05 * Math.abs(measures.high - w);
        if (!best[e] || cost < best[e]!.cost) best[e] = { cost, cuts: [...before.cuts, e] };
      } else if (s > 0) {
        if (!answer || cost < answer.cost) answer = { cost, cuts: before.cuts };
      }
    }
  }
  if (!answer) return null;
  const out: string[] = [];
  let s = 0;
  for (const cut of [...answer.cuts, n]) {
    out.push(tokens.slice(s, cut).join(' '));
    s = cut;
  }
  const squashed = out.map((p) => p.replace(/\s+/g, ''));
  for (let i = 0; i < squashed.length; i++)
    for (let j = i + 1; j < squashed.length; j++) if (squashed[i]!.includes(squashed[j]!) || squashed[j]!.includes(squashed[i]!)) return null;
  return out;
}

function isSingleWide(token: string): boolean {
  const c = token.codePointAt(0)!;
  return token.length === (c > 0xffff ? 2 : 1) && isWide(c);
}

// ---------------------------------------------------------------------------------------------
// Separating the streams of a block

/** One column's line: a printed line, or a piece of one, with what its shape tells. */
interface Frag {
  line: PrintedLine;
  /** The printed line (within its block) it came from, and its place there (0 = leftmost). */
  row: number;
  part: number;
  /** How many pieces its printed line holds. */
  parts: number;
  /**
   * Bounds of its width in ems: Latin text is only estimated, and quotes and brackets are often
   * set in half an em (punctuation compression), so a line can hold a character more than its
   * measure.
   */
  lo: number;
  hi: number;
  /** Holds no punctuation at all (a heading's line, or a paragraph's first line). */
  bare: boolean;
  /** Starts with a mark that cannot start a line after a finished sentence. */
  badStart: boolean;
  /** No mark at its end and no sentence's end inside: can be a heading's line. */
  titleLike: boolean;
}

function frag(line: PrintedLine, row: number, part: number, parts = 1): Frag {
  let quotes = 0;
  for (const ch of line.compact) if (OPENERS.includes(ch) || CLOSERS.includes(ch)) quotes++;
  const first = line.compact[0]!;
  return {
    line,
    row,
    part,
    parts,
    lo: line.width - line.slack - 0.5 * quotes,
    hi: line.width + line.slack,
    bare: !/[，。、；：！？,;:!?]/.test(line.compact),
    badStart: CLOSERS.includes(first) || CLAUSE_MARKS.includes(first) || SENTENCE_END.includes(first),
    titleLike: !line.endsPunctuation && !/[。！？!?]/.test(line.compact),
  };
}

/** A column stream being followed by the search. */
interface Track {
  /** Index of its last fragment, and of the one before (-1: none). */
  last: number;
  before: number;
  /** The column's measure, as supposed when the stream was opened. */
  measure: number;
  /** Skipped by the other columns' rhythm already (it may have ended). */
  lapped: boolean;
  /**
   * Charge owed for being out of step, waived if its next line shows a heading made the space:
   * a heading's line (`debtNeedsHeading`), or a heading's line or a paragraph's first line.
   */
  debt: number;
  debtNeedsHeading: boolean;
}

/** The choices of a search path, newest first: each fragment's predecessor in its stream (-1: none). */
interface Trail {
  frag: number;
  pred: number;
  /** The cost of this step, and its shape, wording and rhythm parts (for `explain`). */
  step: number;
  parts: readonly number[] | null;
  prev: Trail | null;
}

interface State {
  cost: number;
  tracks: Track[];
  trail: Trail | null;
}

/** Costs, in nats of a rough log-likelihood. */
const COST = {
  /** Opening another stream. */
  newTrack: 2.5,
  /** A stream skipped while another got two lines (baselines advance together). */
  lap: 2,
  /** Weight of the page's bigram evidence across a line break. */
  text: 0.5,
  /** A line that fits no reading of the column's paragraph shape. */
  misfit: 3,
};
const BEAM = 100;
/** Fragments after which a stream that got none is taken as ended. */
const DORMANT = 14;
/** At most this many columns side by side in one block. */
const MAX_TRACKS = 5;

/**
 * The page's own character statistics, as evidence about line breaks: how often one character
 * follows another inside the page's lines (a break inside a word joins such a pair), and how
 * often a character follows a mark (the characters that start clauses, paragraphs and headings).
 */
class Bigrams {
  private readonly pairs = new Map<number, number>();
  private readonly lefts = new Map<number, number>();
  private readonly rights = new Map<number, number>();
  private readonly initials = new Map<number, number>();
  private total = 0;
  private initialTotal = 0;

  constructor(texts: Iterable<string>) {
    for (const t of texts) {
      for (let i = 1; i < t.length; i++) {
        const a = t.charCodeAt(i - 1);
        const b = t.charCodeAt(i);
        this.pairs.set(a * 0x10000 + b, (this.pairs.get(a * 0x10000 + b) ?? 0) + 1);
        this.lefts.set(a, (this.lefts.get(a) ?? 0) + 1);
        this.rights.set(b, (this.rights.get(b) ?? 0) + 1);
        this.total++;
        if (isMark(a) && !isMark(b)) {
          this.initials.set(b, (this.initials.get(b) ?? 0) + 1);
          this.initialTotal++;
        }
      }
    }
  }

  /**
   * How much likelier `b` is after `a` than anywhere, in nats: the page's bigram model (mixed
   * half and half with its unigram model, so that a pair never seen inside a line, as at most
   * breaks between words, costs little) against the unigram model.
   */
  association(a: number, b: number): number {
    const n = this.pairs.get(a * 0x10000 + b) ?? 0;
    if (n === 0) return LOG_HALF;
    const pb = (this.rights.get(b) ?? 0) / Math.max(1, this.total);
    return Math.min(2, Math.log((0.5 * n) / (this.lefts.get(a) ?? 1) / pb + 0.5));
  }

  /** How much likelier `b` is after a mark (where clauses start) than anywhere, likewise. */
  initial(b: number): number {
    const n = this.initials.get(b) ?? 0;
    if (n === 0) return LOG_HALF;
    const pb = (this.rights.get(b) ?? 0) / Math.max(1, this.total);
    return Math.min(2, Math.log((0.5 * n) / Math.max(1, this.initialTotal) / pb + 0.5));
  }
}

const LOG_HALF = Math.log(0.5);

function isMark(c: number): boolean {
  const ch = String.fromCharCode(c);
  return SENTENCE_END.includes(ch) || CLAUSE_MARKS.includes(ch) || OPENERS.includes(ch) || CLOSERS.includes(ch);
}

/**
 * The cost of `f` following `p` in a column of measure `m`: the cheapest reading of the pair as
 * a paragraph going on, a new paragraph, or a heading. Each reading has a shape part (widths,
 * marks) and a wording part: a paragraph going on joins `p`'s last character to `f`'s first, whose
 * pair the page's lines may hold; a new paragraph or heading starts `f` where a clause starts.
 * Returns the shape and wording parts of the best reading.
 */
function continuity(p: Frag, f: Frag, m: number, bigrams: Bigrams): [number, number] {
  const pl = p.line;
  const fl = f.line;
  const pFull = pl.spread || p.hi >= m - 1.25;
  const pEnds = pl.endsSentence;
  // Short, with no mark at its end nor a sentence's end inside: a heading's line.
  const pHeading = p.titleLike && !pFull;
  // Not a finished sentence, and as wide as running text or a paragraph's first line.
  const pRunning = !pEnds && (pFull || p.hi >= m - 3.25 || !p.bare);
  const fFull = fl.spread || f.hi >= m - 1.25;
  const fIndent = fl.spread || (f.hi >= m - 3.25 && f.lo <= m - 1.25);
  const fHeading = f.titleLike && !fFull;
  // A closing bracket can end a paragraph without a sentence's end (a credit: `（文字赵辉）`).
  const fEnds = fl.endsSentence || CLOSERS.includes(fl.compact[fl.compact.length - 1]!);
  const first = fl.compact.charCodeAt(0);
  const starts = -COST.text * bigrams.initial(first);
  const joined = pEnds ? starts : -COST.text * bigrams.association(pl.compact.charCodeAt(pl.compact.length - 1), first);
  let best: [number, number] = [COST.misfit, 0];
  const consider = (shape: number, words: number): void => {
    if (shape + words < best[0] + best[1]) best = [shape, words];
  };
  // The paragraph goes on: a full line, or its last.
  if ((pRunning || (pEnds && pFull)) && (fFull || fEnds) && !(pEnds && f.badStart)) consider(pEnds ? 0.5 : 0, joined);
  // A new paragraph, set in.
  if ((pEnds || pHeading) && fIndent && !f.badStart) consider(pEnds ? 0.2 : 0.3, starts);
  // A heading after a paragraph, or a heading's second line (its first was wrapped).
  if (fHeading && pEnds) consider(0.8, starts);
  if (fHeading && pHeading) consider(p.hi >= 0.75 * m ? 0.5 : 1.5, joined);
  // A heading wrapped at the full measure, and its short tail.
  if (fHeading && p.titleLike && pFull) consider(0.8, joined);
  if (!fl.spread && f.lo > m + 1) best = [best[0] + COST.misfit, best[1]]; // wider than the column
  return best;
}

/**
 * Measures of a block's columns: the widths most lines have (full lines are the commonest; a
 * paragraph's first line is two ems less, its last line anything).
 */
function blockMeasures(frags: readonly Frag[]): number[] {
  const counts = new Map<number, number>();
  for (const f of frags) if (!f.line.spread) counts.set(Math.round(f.hi), (counts.get(Math.round(f.hi)) ?? 0) + 1);
  const floor = Math.max(3, 0.15 * frags.length);
  const out: number[] = [];
  for (const [w, n] of counts) {
    if (w < 4 || n < floor) continue;
    if ((counts.get(w + 1) ?? 0) > n || (counts.get(w - 1) ?? 0) > n) continue;
    out.push(w);
  }
  if (out.length === 0) out.push(quantiles(frags.map((f) => f.hi), [0.75])[0]!);
  return out.sort((x, y) => x - y);
}

/**
 * The cost of the baselines' rhythm when `f` goes on column `s`: columns of one body type advance
 * together, so between two lines of one column every other column prints one line. A column out
 * of step (it printed none since: skipped, or two or more: ahead) needs vertical space to explain
 * it, and only a heading has any (paragraphs follow one another on the grid). Whether a line was
 * a heading shows only in what follows it (a heading is followed by a paragraph's first line or
 * its own next line, not by running text), so part of the charge is owed by the column and
 * waived or paid at its next line. A column skipped once may have ended: it is charged once.
 * Updates `live` (the tracks' debts and skip marks) and returns the cost.
 */
function rhythm(frags: readonly Frag[], live: Track[], s: number, f: Frag): number {
  let cost = 0;
  const t = live[s]!;
  const p = frags[t.last]!;
  const m = t.measure;
  const short = (x: Frag): boolean => !x.line.spread && x.hi < m - 1.25;
  // May be a heading's line; `f` follows a heading (a paragraph's first line, or a heading's line).
  const mayHead = (x: Frag): boolean => x.titleLike && short(x);
  const afterHeading = f.titleLike && short(f);
  const startsAfresh = afterHeading || (!f.line.spread && f.hi >= m - 3.25 && f.lo <= m - 1.25 && !f.badStart) || f.line.spread;
  // The debt of this column: waived if `f` shows the space was a heading's.
  if (t.debt > 0 && !(t.debtNeedsHeading ? afterHeading : startsAfresh)) cost += t.debt;
  // Rows, not fragments: pieces of one printed line share a baseline.
  const row = p.row;
  const beforeRow = t.before >= 0 ? frags[t.before]!.row : -1;
  // Columns right of this one may still get a piece of this printed line.
  const pending = f.part < f.parts - 1;
  let owed = 0;
  let owedNeedsHeading = false;
  live.forEach((other, k) => {
    if (other === t || (pending && k > s)) return;
    const o = frags[other.last]!;
    if (o.row < row) {
      if (other.lapped || o.row < beforeRow) return;
      // Skipped: space below a heading, or above one after a paragraph's end, would explain it.
      const ends = o.line.endsSentence;
      if (ends || mayHead(o)) {
        cost += COST.lap / 3;
        live[k] = { ...other, lapped: true, debt: other.debt + (COST.lap * 2) / 3, debtNeedsHeading: ends && !mayHead(o) };
      } else {
        cost += COST.lap;
        live[k] = { ...other, lapped: true };
      }
    } else if (other.before >= 0 && frags[other.before]!.row > row) {
      // This column fell behind: space below `p` (a heading, if `f` starts afresh) or above `f`
      // (a heading, shown by the line after it).
      if (mayHead(p) && startsAfresh) cost += COST.lap / 3;
      else if (afterHeading) {
        cost += COST.lap / 3;
        owed = Math.max(owed, (COST.lap * 2) / 3);
        owedNeedsHeading = false;
      } else cost += COST.lap;
    }
  });
  live[s] = { last: t.last, before: t.before, measure: t.measure, lapped: false, debt: owed, debtNeedsHeading: owedNeedsHeading };
  return cost;
}

/**
 * Separates the fragments of one block into column streams. A beam search over the streams'
 * states: each fragment goes on an open stream or opens one. Streams are kept in their columns'
 * order, left to right: pieces of one printed line go to streams from left to right. With
 * `sequential`, a new stream ends the last (a block without joined lines: columns one after the
 * other).
 */
function separate(frags: readonly Frag[], bigrams: Bigrams, sequential: boolean, explain?: (line: string) => void, force?: Int32Array): number[][] {
  const measures = blockMeasures(frags);
  /** What the measure of a column opening with `f` may be: its own width, two ems more, or a block's. */
  const guesses = (f: Frag): number[] => {
    const out: number[] = [];
    for (const m of [...measures, f.lo + 2, f.lo]) if (m >= f.lo - 0.5 && !out.some((o) => Math.abs(o - m) < 0.75)) out.push(m);
    return out;
  };
  let beam: State[] = [{ cost: 0, tracks: [], trail: null }];
  for (let i = 0; i < frags.length; i++) {
    const f = frags[i]!;
    const next = new Map<string, State>();
    const push = (from: State, cost: number, tracks: Track[], pred: number, parts: readonly number[] | null = null): void => {
      let key = '';
      for (const t of tracks) key += `${t.last}:${t.measure}:${t.lapped ? 'l' : ''}${t.debt}${t.debtNeedsHeading ? 'h' : ''},`;
      const old = next.get(key);
      if (!old || cost < old.cost) next.set(key, { cost, tracks, trail: { frag: i, pred, step: cost - from.cost, parts, prev: from.trail } });
    };
    for (const state of beam) {
      // Streams that got nothing for long have ended.
      const live = state.tracks.filter((t) => i - t.last <= DORMANT);
      // Pieces of one printed line go to streams left to right: right of the previous piece's.
      let from = 0;
      if (f.part > 0) from = live.findIndex((t) => t.last === i - 1) + 1;
      for (let s = from; s < live.length; s++) {
        const t = live[s]!;
        if (force && force[i] !== t.last) continue;
        const [shape, words] = continuity(frags[t.last]!, f, t.measure, bigrams);
        const tracks = live.slice();
        const beat = rhythm(frags, tracks, s, f);
        const cost = state.cost + shape + words + beat;
        tracks[s] = { ...tracks[s]!, last: i, before: t.last };
        push(state, cost, tracks, t.last, explain ? [shape, words, beat] : null);
      }
      const opens = (sequential || live.length < MAX_TRACKS) && !(force && force[i]! >= 0);
      if (!opens) continue;
      for (const measure of guesses(f)) {
        const track: Track = { last: i, before: -1, measure, lapped: false, debt: 0, debtNeedsHeading: false };
        if (sequential) push(state, state.cost + COST.newTrack, [track], -1);
        // A new column, anywhere right of the previous piece of the line.
        else for (let s = from; s <= live.length; s++) push(state, state.cost + COST.newTrack, [...live.slice(0, s), track, ...live.slice(s)], -1);
      }
    }
    beam = [...next.values()].sort((a, b) => a.cost - b.cost).slice(0, BEAM);
    if (beam.length === 0) {
      explain?.(`no path at ${i}`);
      return [];
    }
  }
  // Trace back the best path: chains of predecessors are the streams.
  const pred = new Int32Array(frags.length).fill(-1);
  const steps: Trail[] = [];
  for (let t = beam[0]!.trail; t; t = t.prev) {
    pred[t.frag] = t.pred;
    steps[t.frag] = t;
  }
  if (explain) {
    const sum = [0, 0, 0, 0];
    for (const t of steps) {
      if (t.parts) t.parts.forEach((x, k) => (sum[k]! += x));
      else sum[3]! += t.step;
    }
    explain(`cost ${beam[0]!.cost.toFixed(2)} (shape ${sum[0]!.toFixed(2)}, words ${sum[1]!.toFixed(2)}, rhythm ${sum[2]!.toFixed(2)}, new ${sum[3]!.toFixed(2)})`);
  }
  const streamOf = new Int32Array(frags.length);
  const streams: number[][] = [];
  for (let i = 0; i < frags.length; i++) {
    const p = pred[i]!;
    if (p < 0) {
      streamOf[i] = streams.length;
      streams.push([i]);
    } else {
      streamOf[i] = streamOf[p]!;
      streams[streamOf[i]!]!.push(i);
    }
  }
  if (explain) {
    frags.forEach((f, k) => {
      const t = steps[k]!;
      const parts = t.parts ? t.parts.map((x) => x.toFixed(1)).join('/') : 'new';
      explain(`${t.step.toFixed(2).padStart(6)} ${parts.padEnd(13)} ${'  '.repeat(streamOf[k]!)}${streamOf[k]} ${f.line.text}`);
    });
  }
  return streams;
}

// ---------------------------------------------------------------------------------------------
// Putting the streams back in reading order

/** A run of one column's lines, as separated: a stream of a block. */
interface Piece {
  lines: PrintedLine[];
  block: number;
  /** Order of the piece among all pieces as first printed (block, then columns left to right). */
  order: number;
  /** Column measure (the width of its full lines). */
  measure: number;
}

function untangle(lines: readonly PrintedLine[], split: readonly (string[] | null)[], explain?: (line: string) => void): PrintedLine[] {
  const fragTexts: string[] = [];
  lines.forEach((line, i) => {
    const parts = split[i];
    if (parts) for (const p of parts) fragTexts.push(p.replace(/\s+/g, ''));
    else fragTexts.push(line.compact);
  });
  const bigrams = new Bigrams(fragTexts);
  const pieces: Piece[] = [];
  let block = 0;
  for (let start = 0; start < lines.length; block++) {
    let end = start + 1;
    while (end < lines.length && lines[end]!.gapBefore === 0) end++;
    const frags: Frag[] = [];
    for (let i = start; i < end; i++) {
      const parts = split[i];
      if (!parts) frags.push(frag(lines[i]!, i - start, 0));
      else parts.forEach((text, k) => frags.push(frag(printedLine(text, 0, 0), i - start, k, parts.length)));
    }
    const streams = frags.length > 1 ? separate(frags, bigrams, !split.slice(start, end).some((p) => p !== null), explain) : [[0]];
    for (const s of columnOrder(streams, frags)) {
      const ls = s.map((k) => frags[k]!.line);
      pieces.push({ lines: ls, block, order: pieces.length, measure: pieceMeasure(ls) });
    }
    start = end;
  }
  const next = chain(pieces, bigrams);
  const hasPred = new Set(next.filter((n) => n >= 0));
  const out: PrintedLine[] = [];
  const emitted = new Uint8Array(pieces.length);
  const emit = (p: number): void => {
    for (let k = p; k >= 0 && !emitted[k]; k = next[k]!) {
      emitted[k] = 1;
      pieces[k]!.lines.forEach((line, j) => {
        out.push({ ...line, index: out.length, gapBefore: out.length === 0 ? 0 : j === 0 ? 1 : 0 });
      });
    }
  };
  pieces.forEach((_, p) => {
    if (!hasPred.has(p)) emit(p);
  });
  pieces.forEach((_, p) => emit(p));
  return out;
}

/**
 * Orders a block's streams as columns, left to right: a stream whose piece stood left of another's
 * in a joined line comes first; otherwise the one printed first.
 */
function columnOrder(streams: number[][], frags: readonly Frag[]): number[][] {
  if (streams.length < 2) return streams;
  const streamOf = new Int32Array(frags.length);
  streams.forEach((s, k) => s.forEach((f) => (streamOf[f] = k)));
  const votes = streams.map(() => new Int32Array(streams.length));
  for (let i = 1; i < frags.length; i++) {
    if (frags[i]!.part === 0) continue;
    for (let j = i - frags[i]!.part; j < i; j++) votes[streamOf[j]!]![streamOf[i]!]!++;
  }
  const left = (a: number, b: number): boolean => votes[a]![b]! > votes[b]![a]!;
  const out: number[][] = [];
  const done = new Uint8Array(streams.length);
  for (let n = 0; n < streams.length; n++) {
    let pick = -1;
    for (let a = 0; a < streams.length; a++) {
      if (done[a]) continue;
      let blocked = false;
      for (let b = 0; b < streams.length && !blocked; b++) if (!done[b] && b !== a && left(b, a)) blocked = true;
      if (!blocked && (pick < 0 || streams[a]![0]! < streams[pick]![0]!)) pick = a;
    }
    if (pick < 0) for (let a = 0; a < streams.length; a++) if (!done[a] && (pick < 0 || streams[a]![0]! < streams[pick]![0]!)) pick = a;
    done[pick] = 1;
    out.push(streams[pick]!);
  }
  return out;
}

/** The measure of a column's lines: the second widest (one line can be a hair over). */
function pieceMeasure(lines: readonly PrintedLine[]): number {
  const widths = lines.filter((l) => !l.spread).map((l) => l.width);
  if (widths.length === 0) return lines[0]!.width;
  if (widths.length < 3) return Math.max(...widths);
  const [second] = quantiles(widths, [(widths.length - 2) / (widths.length - 1)]);
  return second!;
}

/** Pieces ending in mid-sentence at a column's edge. */
function endsOpen(p: Piece): boolean {
  const tail = p.lines[p.lines.length - 1]!;
  if (tail.endsSentence) return false;
  if (!p.lines.some((l) => /[，。、；：！？]/.test(l.compact))) return false; // headlines only
  return /[，、；：]/.test(tail.compact) || tail.width + tail.slack >= p.measure - 2.5;
}

/** Pieces that start in mid-paragraph: a full line, or one starting with closing punctuation. */
function startsOpen(p: Piece): boolean {
  const head = p.lines[0]!;
  const first = head.compact[0]!;
  if (CLOSERS.includes(first) || CLAUSE_MARKS.includes(first)) return true;
  return p.lines.length >= 2 && (head.spread || head.width + head.slack >= p.measure - 1.25);
}

/**
 * Links each piece that ends in mid-sentence to the piece that takes the sentence up (one that
 * starts in mid-paragraph, of the same measure): the one-to-one choice of links of least cost.
 * Returns, per piece, the piece to print after it (or -1).
 */
function chain(pieces: readonly Piece[], bigrams: Bigrams): number[] {
  const ends = pieces.map((_, k) => k).filter((k) => endsOpen(pieces[k]!));
  const starts = pieces.map((_, k) => k).filter((k) => startsOpen(pieces[k]!));
  const next = pieces.map(() => -1);
  if (ends.length === 0 || starts.length === 0) return next;
  const cost = (e: number, s: number): number => {
    if (e === s) return Infinity;
    const a = pieces[e]!;
    const b = pieces[s]!;
    const diff = Math.abs(a.measure - b.measure);
    if (diff > 1.5) return Infinity;
    const tail = a.lines[a.lines.length - 1]!.compact;
    let c = 0.5 * diff - COST.text * bigrams.association(tail.charCodeAt(tail.length - 1), b.lines[0]!.compact.charCodeAt(0));
    if (a.block === b.block) c -= 1;
    if (b.order < a.order) c += 0.3;
    return c;
  };
  const LINK = 2.5;
  // Exact choice over subsets of the starts when they are few; greedy otherwise.
  if (starts.length <= 12) {
    const full = 1 << starts.length;
    let best = new Float64Array(full).fill(Infinity);
    best[0] = 0;
    const picks: Int8Array[] = [];
    for (const e of ends) {
      const nextBest = new Float64Array(full).fill(Infinity);
      const pick = new Int8Array(full).fill(-1);
      for (let mask = 0; mask < full; mask++) {
        const here = best[mask]!;
        if (here === Infinity) continue;
        if (here < nextBest[mask]!) {
          nextBest[mask] = here;
          pick[mask] = -1;
        }
        starts.forEach((s, k) => {
          if (mask & (1 << k)) return;
          const c = cost(e, s) - LINK;
          if (!(c < 0)) return;
          const m = mask | (1 << k);
          if (here + c < nextBest[m]!) {
            nextBest[m] = here + c;
            pick[m] = k;
          }
        });
      }
      picks.push(pick);
      best = nextBest;
    }
    let mask = 0;
    for (let m = 1; m < full; m++) if (best[m]! < best[mask]!) mask = m;
    for (let i = ends.length - 1; i >= 0; i--) {
      const k = picks[i]![mask]!;
      if (k >= 0) {
        next[ends[i]!] = starts[k]!;
        mask &= ~(1 << k);
      }
    }
  } else {
    const options = ends.flatMap((e) => starts.map((s) => ({ e, s, c: cost(e, s) - LINK }))).filter((o) => o.c < 0);
    options.sort((x, y) => x.c - y.c);
    const used = new Set<number>();
    for (const o of options) {
      if (next[o.e]! >= 0 || used.has(o.s)) continue;
      next[o.e] = o.s;
      used.add(o.s);
    }
  }
  return next;
}

/** For development: the pieces this module works with. */
export const internals = { frag, isMark, continuity, rhythm, separate, Bigrams, blockMeasures, pageMeasures, COST };
