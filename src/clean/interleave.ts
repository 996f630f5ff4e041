/**
 * Columns printed together, and how to take them apart again.
 *
 * Most extractors print a multi-column page column by column. poppler's pdftotext (without
 * `-layout`) instead builds its text blocks from words that sit close together, and on a CJK page
 * whose gutters are about one em wide it often builds one block across two or three neighbouring
 * columns. Inside such a block it prints lines in the order of their baselines:
 *
 * - lines of neighbouring columns on the same baseline come out as one printed line, the pieces
 *   separated by a single space (`…左栏这一行的末尾 右栏同一基线的那行…`). Only
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
 * unpunctuated. `untangleColumns` finds pages printed that way (at least two printed lines that
 * split at a space into pieces of column width: a cheap test lets every other page through as it
 * is) and then:
 *
 * 1. splits the joined lines (`splitJoined`);
 * 2. separates the fragments of each block (lines between blank lines) into column streams with a
 *    beam search (`separate`), each step priced as a rough log-likelihood:
 *    - the paragraph shape across the break (`continuity`): running text goes on with a full line
 *      or a paragraph's last; after a sentence's end comes a paragraph's first line (set in) or a
 *      heading; a line wider than its column cannot be in it;
 *    - the page's own words (`Bigrams`): a break inside a word joins a pair the page's lines hold
 *      far more often than chance; a new paragraph starts with a character that starts clauses;
 *      measured on sample pages as likelihood ratios against breaks between unrelated lines;
 *    - the rhythm of the baselines (`rhythm`): columns of one body type advance together, so
 *      between two lines of one column every other column prints one; a column out of step needs
 *      a heading's space, which the line after it must bear out; a heading comes after the
 *      columns beside it; two lines that met at the gutter would have been joined;
 *    - a heading's words, found again in its section's first lines (`aboutTopic`);
 *    - opening a stream, more for one that opens in mid-paragraph beside others; and, once the
 *      block is read, a stream opening in mid-paragraph at the block's top that takes up where
 *      another ends at its bottom (columns flow on, `flowLinks`);
 *    a second reading adds to the page's statistics the pairs the first reading's breaks join;
 * 3. puts the streams back in reading order (`chain`): columns of a block left to right, a
 *    stream that ends in mid-sentence followed by the one that takes the sentence up (measure,
 *    words), notes and furniture stranded inside the flow moved out of it; where the rebuilt
 *    order puts side by side two pieces printed apart with nothing running across, the lines say
 *    so (`afterJump`), and the page does not join their bodies.
 *
 * The work is linear in the page's lines (a beam of bounded width, blocks read one by one) and
 * done only on pages that need it.
 */
import { type PrintedLine, printedLine, quantiles } from './lines.ts';
import { isFurnitureLine } from './furniture.ts';
import { noteLabel } from './notes.ts';
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
  return untangle(lines, pieces, measures, explain);
}

/** The narrowest a printed line holding two columns' pieces can be, in ems. */
const MIN_JOINED = 12;

interface Measures {
  /** The page's typical column measure (median width of its lines). */
  low: number;
  /** The widest column measure on the page. */
  high: number;
}

/**
 * Column measures of a page: a typical measure and the 90th percentile of the widths of the lines
 * that tell it, to a tenth of an em (a histogram, no sort: this runs on every page with wide spaced
 * lines). Those lines are, from the surest to the last resort:
 * 1. full lines of running text (punctuated, not a paragraph's last line), which are a column
 *    wide, their median; a space next to Latin text or digits is the spacing extractors put around
 *    them, while one between two wide characters may be a gutter, so only those lines are left out;
 * 2. when a page has fewer than three of those, every line that holds no space (never joined),
 *    their upper quartile: the page's short lines (headings, paragraph ends) say nothing of its
 *    measure, and the full lines are the widest;
 * 3. when there are fewer than eight of those, every line.
 */
const MEASURE_PASSES: readonly { keep: (l: PrintedLine) => boolean; enough: number; q: number }[] = [
  {
    keep: (l) => !/[^\x00-\x7f] +[^\x00-\x7f]/u.test(l.text) && /[，、；：,;:]/.test(l.compact) && !/[。！？!?]$/.test(l.compact),
    enough: 3,
    q: 0.5,
  },
  { keep: (l) => !l.text.includes(' '), enough: 8, q: 0.75 },
  { keep: () => true, enough: 0, q: 0.75 },
];

function pageMeasures(lines: readonly PrintedLine[]): Measures {
  const histogram = new Uint16Array(1024);
  let n = 0;
  let q = 0.5;
  for (const pass of MEASURE_PASSES) {
    histogram.fill(0);
    n = 0;
    for (const l of lines) {
      if (l.width < 6 || !pass.keep(l)) continue;
      histogram[Math.min(1023, Math.round(l.width * 10))]!++;
      n++;
    }
    q = pass.q;
    if (n >= pass.enough) break;
  }
  const at = (q: number): number => {
    const rank = Math.round(q * (n - 1));
    for (let w = 0, seen = 0; w < 1024; w++) {
      seen += histogram[w]!;
      if (seen > rank) return w / 10;
    }
    return 0;
  };
  const low = at(q);
  return { low, high: Math.max(low, at(0.9)) };
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
        // Letter spacing running across the space: one line spread to its measure. Digits and
        // Latin words sit in such a line as short tokens, so a space with short tokens on both
        // sides, and a letter-spaced character next to them, is spacing too.
        if (isSingleWide(left) && isSingleWide(right)) continue;
        if (isSpacedAt(tokens, s - 1, -1) && isSpacedAt(tokens, s, 1)) continue;
        if (!isWide(a) || !isWide(b)) {
          // Spacing around Latin text: a gutter only when both sides are column-wide.
          // (The piece before ends at s; it starts at the cut before that.)
          if (w < minFull || widthOf(before.cuts.length > 1 ? before.cuts[before.cuts.length - 2]! : 0, s) < minFull) continue;
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

/**
 * Token `i` is part of a letter-spaced run, looking one way (`dir` -1: it and the token before;
 * 1: it and the token after): it is short (one wide character, or a short Latin or digit word) and
 * so is its neighbour that way, one of the two being a single wide character.
 */
function isSpacedAt(tokens: readonly string[], i: number, dir: -1 | 1): boolean {
  const here = tokens[i];
  const there = tokens[i + dir];
  if (here === undefined || there === undefined) return false;
  const short = (t: string): boolean => isSingleWide(t) || /^[\p{N}\p{L}.,%]{1,6}$/u.test(t) && !/\p{sc=Han}/u.test(t);
  return short(here) && short(there) && (isSingleWide(here) || isSingleWide(there));
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
   * Its printed line joins a heading's piece to others: a heading's taller line box spans the
   * baselines of two lines beside it, so the row is no sure time step.
   */
  loose: boolean;
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
  /** Its character bigrams (as in `Bigrams`), for a heading's words. */
  grams: readonly number[];
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
    loose: false,
    lo: line.width - line.slack - 0.5 * quotes,
    hi: line.width + line.slack,
    bare: !/[，。、；：！？,;:!?]/.test(line.compact),
    badStart: CLOSERS.includes(first) || CLAUSE_MARKS.includes(first) || SENTENCE_END.includes(first),
    titleLike: !line.endsPunctuation && !/[。！？!?]/.test(line.compact),
    grams: wordPairs(line.compact),
  };
}

/** Bigrams of word characters (Han, digits, Latin letters) in a text, as numbers. */
function wordPairs(text: string): number[] {
  const out: number[] = [];
  for (let i = 1; i < text.length; i++) {
    const a = text.charCodeAt(i - 1);
    const b = text.charCodeAt(i);
    if (isWordChar(a) && isWordChar(b)) out.push(a * 0x10000 + b);
  }
  return out;
}

function isWordChar(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * A heading's words, followed down its column: a section heading says what the section is about,
 * so its words come back in the section's first lines (the same evidence that ties a title to its
 * body, see attribution.ts). `lines` counts the section's lines seen (0: still in the heading).
 */
interface Topic {
  grams: readonly number[];
  lines: number;
}

/** A column stream being followed by the search. */
interface Track {
  /** Index of its first fragment, its last, and the one before (-1: none). */
  born: number;
  last: number;
  before: number;
  /** The column's measure, as supposed when the stream was opened. */
  measure: number;
  /** Skipped by the other columns' rhythm already (it may have ended). */
  lapped: boolean;
  /** What it owes for being out of step, payable when it goes on (see `rhythm`). */
  debt: Debt | null;
  /** The heading it is under, while its section's first lines come. */
  topic: Topic | null;
  /** It opened in mid-paragraph (its start was printed elsewhere, or is another column's end). */
  openStart: boolean;
}

/**
 * A charge for a column out of step: `always`, plus `unexplained` unless its next line shows that
 * a heading made the space (a heading's line if `needsHeading`, else also a paragraph's first).
 */
interface Debt {
  always: number;
  unexplained: number;
  needsHeading: boolean;
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

/**
 * A key for states that would go on alike: their streams, in the columns' order, with all that
 * prices what comes next (last line, measure, start, skip mark, debt, heading). Two 26-bit hashes
 * in one number: states that collide (one in 2^52) lose only the dearer.
 */
function stateKey(tracks: readonly Track[]): number {
  let a = 0x2545f491;
  let b = 0x6b43a9b5;
  const mix = (x: number): void => {
    a = Math.imul(a ^ x, 0x9e3779b1);
    a ^= a >>> 15;
    b = Math.imul(b + x, 0x85ebca6b);
    b ^= b >>> 13;
  };
  for (const t of tracks) {
    const d = t.debt;
    mix(t.last);
    mix(Math.round(t.measure * 8));
    mix((t.openStart ? 1 : 0) | (t.lapped ? 2 : 0) | (d?.needsHeading ? 4 : 0) | (d ? 8 : 0));
    if (d) mix(Math.round(d.always * 100) * 1000 + Math.round(d.unexplained * 100));
    mix(t.topic ? t.topic.lines * 4096 + t.topic.grams.length + 1 : 0);
  }
  return (a >>> 6) * 0x4000000 + (b >>> 6);
}

/** A way to go on from a state with the next fragment (see `separate`), priced before it is made. */
interface Move {
  cost: number;
  state: State;
  /** The state's streams still going on. */
  live: readonly Track[];
  /** The stream it goes on (index into `live`), or -1 to open one… */
  s: number;
  heading: boolean;
  /** …of this measure, at this place among the columns. */
  measure: number;
  at: number;
  parts: readonly number[] | null;
}

/** Costs, in nats of a rough log-likelihood. */
const COST = {
  /** Opening another stream. */
  newTrack: 2.5,
  /** A column out of step with the others, unexplained (baselines advance together). */
  lap: 4,
  /** A column out of step by the space around a heading. */
  shift: 0.4,
  /** Weight of the page's bigram evidence across a line break. */
  text: 0.6,
  /** A column opening in mid-paragraph beside others already going on. */
  openStart: 1.5,
  /** A column of a block that takes up where another of the block ends (columns flow on). */
  flow: 1.5,
  /** Weight of a heading's words found in its section's first lines. */
  topic: 1,
  /** A line that fits no reading of the column's paragraph shape. */
  misfit: 3,
};
const BEAM = 100;
/** How much dearer than the cheapest move a move may be and still be considered. */
const MARGIN = 8;
/** At most this many states in the beam that differ only in measures, debts and headings. */
const VARIANTS = 3;
/** Fragments after which a stream that got none is taken as ended. */
const DORMANT = 14;
/** Lines of a section weighed by its heading's words. */
const TOPIC_LINES = 4;
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
   * These statistics with the pairs that line breaks split, as a first reading of the columns
   * joins them (`a * 0x10000 + b` each): the page's text read along its columns.
   */
  withBreaks(breaks: readonly number[]): Bigrams {
    const out = new Bigrams([]);
    for (const [k, v] of this.pairs) out.pairs.set(k, v);
    for (const [k, v] of this.lefts) out.lefts.set(k, v);
    for (const [k, v] of this.rights) out.rights.set(k, v);
    for (const [k, v] of this.initials) out.initials.set(k, v);
    out.total = this.total + breaks.length;
    out.initialTotal = this.initialTotal;
    for (const g of breaks) {
      const a = Math.floor(g / 0x10000);
      const b = g % 0x10000;
      out.pairs.set(g, (out.pairs.get(g) ?? 0) + 1);
      out.lefts.set(a, (out.lefts.get(a) ?? 0) + 1);
      out.rights.set(b, (out.rights.get(b) ?? 0) + 1);
    }
    return out;
  }

  /** How often the pair `g` (a * 0x10000 + b) occurs inside the page's lines. */
  count(g: number): number {
    return this.pairs.get(g) ?? 0;
  }

  /**
   * Evidence, in nats, that a line ending in `a` goes on with a line starting with `b`: the log of
   * how much likelier the pair is at a true line break than at a break between unrelated lines.
   * Half of all breaks fall inside a word, whose pair the page usually holds elsewhere, and holds
   * far more often than chance (the pair's pointwise mutual information inside the page's lines);
   * unrelated lines seldom make such a pair. Measured on sample pages: a pair never seen is about
   * half as likely at a true break; beyond that the evidence grows with the association, about one
   * nat short of it.
   */
  association(a: number, b: number, own = 0): number {
    // (`own`: occurrences that are this very break, as a first reading joined it.)
    const n = (this.pairs.get(a * 0x10000 + b) ?? 0) - own;
    if (n === 0) return -0.64;
    const pmi = Math.log((n / (this.lefts.get(a) ?? 1)) * (this.total / (this.rights.get(b) ?? 1)));
    return Math.max(-0.64, Math.min(5, pmi - 1));
  }

  /**
   * Evidence, likewise, that a line starting with `b` starts a paragraph or a heading rather than
   * going on with a sentence: from how often `b` follows a mark inside the page's lines (half as
   * likely at a paragraph's start when never; somewhat likelier when it does).
   */
  initial(b: number): number {
    const n = this.initials.get(b) ?? 0;
    return n === 0 ? -0.7 : Math.min(2, 0.4 + 0.4 * Math.log(n));
  }
}



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
function continuity(p: Frag, f: Frag, m: number, bigrams: Bigrams, own = 0): [number, number, boolean] {
  const pl = p.line;
  const fl = f.line;
  const pFull = pl.spread || p.hi >= m - 1.25;
  const pEnds = pl.endsSentence;
  // Short, with no mark at its end nor a sentence's end inside: a heading's line.
  const pHeading = p.titleLike && !pFull;
  // Not a finished sentence, and as wide as running text or a paragraph's first line (a shorter
  // line stops short of the measure only at a paragraph's end or a heading's).
  const pRunning = !pEnds && (pFull || p.hi >= m - 3.25);
  const fFull = fl.spread || f.hi >= m - 1.25;
  const fIndent = fl.spread || (f.hi >= m - 3.25 && f.lo <= m - 1.25);
  const fHeading = f.titleLike && !fFull;
  // A closing bracket can end a paragraph without a sentence's end (a credit: `（记者 某某）`).
  const fEnds = fl.endsSentence || CLOSERS.includes(fl.compact[fl.compact.length - 1]!);
  const first = fl.compact.charCodeAt(0);
  const starts = -COST.text * bigrams.initial(first);
  const joined = pEnds ? starts : -COST.text * bigrams.association(pl.compact.charCodeAt(pl.compact.length - 1), first, own);
  let best: [number, number, boolean] = [COST.misfit, 0, false];
  const consider = (shape: number, words: number, heading = false): void => {
    if (shape + words < best[0] + best[1]) best = [shape, words, heading];
  };
  // The paragraph goes on: a full line, or its last.
  if ((pRunning || (pEnds && pFull)) && (fFull || fEnds) && !(pEnds && f.badStart)) consider(pEnds ? 0.5 : 0, joined);
  // A new paragraph, set in.
  if ((pEnds || pHeading) && fIndent && !f.badStart) consider(pEnds ? 0.2 : 0.3, starts);
  // A heading after a paragraph, or a heading's second line (its first was wrapped).
  if (fHeading && pEnds) consider(0.8, starts, true);
  if (fHeading && pHeading) consider(p.hi >= 0.75 * m ? 0.5 : 1.5, joined, true);
  // A heading wrapped at the full measure (no clause inside: running text has them), and its tail.
  if (fHeading && p.titleLike && pFull && !/[，、；,;]/.test(pl.compact)) consider(0.8, joined, true);
  if (!fl.spread && f.lo > m + 1) best = [best[0] + COST.misfit, best[1], best[2]]; // wider than the column
  return best;
}

/**
 * Evidence that `f`, a line of a section, belongs under `topic`: the heading's bigrams it holds
 * (with the pair across the break from `p`), each weighted by its rarity on the page (a word the
 * page uses everywhere says little). Returns a cost (negative).
 */
function aboutTopic(topic: Topic, p: Frag, f: Frag, bigrams: Bigrams): number {
  let sum = 0;
  const a = p.line.compact;
  const across = a.charCodeAt(a.length - 1) * 0x10000 + f.line.compact.charCodeAt(0);
  for (const g of [across, ...f.grams]) if (topic.grams.includes(g)) sum += 1 / Math.max(1, bigrams.count(g));
  return -COST.topic * Math.min(1.5, sum);
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
 * of step needs vertical space to explain it, and only a heading has any (paragraphs follow one
 * another on the grid):
 *
 * - skipped (it printed nothing while another printed two lines): free if it ended there; when it
 *   goes on, a charge, mostly waived if it went on with a heading after a paragraph's end, or if
 *   its last line was a heading (its next line is a paragraph's first or the heading's own);
 * - behind (others printed two lines or more since its last): space below `p` (a heading, if `f`
 *   starts afresh) or above `f` (a heading, which the line after it shows) explains it.
 *
 * Returns the cost of this step; with `out` (a copy of `live`), writes the tracks' new skip marks
 * and debts there.
 */
function rhythm(frags: readonly Frag[], live: readonly Track[], s: number, f: Frag, heading: boolean, out: Track[] | null): number {
  let cost = 0;
  const t = live[s]!;
  const p = frags[t.last]!;
  const m = t.measure;
  const short = (x: Frag, measure: number): boolean => !x.line.spread && x.hi < measure - 1.25;
  // May be a heading's line (in a column of that measure); `f` follows a heading (a paragraph's
  // first line, or a heading's line).
  const mayHead = (x: Frag, measure = m): boolean => x.titleLike && short(x, measure);
  const isHeading = f.titleLike && short(f, m);
  const startsAfresh = isHeading || f.line.spread || (f.hi >= m - 3.25 && f.lo <= m - 1.25 && !f.badStart);
  // What this column owes for being out of step, now that it goes on. A heading's space is a line
  // or two: a column silent for longer is out of step whatever follows.
  let debt: Debt | null = null;
  if (t.debt) {
    const brief = f.row - p.row <= 3 * live.length;
    cost += t.debt.always + (brief && (t.debt.needsHeading ? isHeading : startsAfresh) ? 0 : t.debt.unexplained);
    // Waived on the word of a line that looks like a heading: its own next line must bear it out
    // (a heading is followed by a paragraph's first line or its own next, not by running text).
    if (brief && t.debt.needsHeading && isHeading) debt = { always: 0, unexplained: t.debt.unexplained, needsHeading: false };
  }
  // Rows, not fragments: pieces of one printed line share a baseline.
  const row = p.row;
  const beforeRow = t.before >= 0 ? frags[t.before]!.row : -1;
  // Columns right of this one may still get a piece of this printed line.
  const pending = f.part < f.parts - 1;
  // Two columns side by side whose lines share this printed line shared the one before too, if
  // both had one there: had those two lines sat on one baseline apart (one printed just after the
  // other), the left reaching its column's right edge and the right starting at its left edge,
  // the extractor would have joined them as it joined these.
  if (f.part > 0 && s > 0) {
    const a = live[s - 1]!;
    if (frags[a.last]!.row === f.row && a.before >= 0) {
      const pa = frags[a.before]!;
      const pb = p;
      const flushRight = pa.line.spread || pa.hi >= a.measure - 3.25;
      const flushLeft = !pb.line.spread && (pb.hi >= m - 1.25 || (pb.line.endsSentence && pb.hi < m - 3.25));
      if (pa.parts === 1 && pb.parts === 1 && Math.abs(pa.row - pb.row) === 1 && flushRight && flushLeft && !pa.titleLike) cost += COST.lap;
    }
  }
  // A loose row is no sure time step: no charge against its lines.
  if (p.loose || f.loose) {
    if (out) out[s] = { ...t, lapped: false, debt: null };
    return cost;
  }
  for (let k = 0; k < live.length; k++) {
    const other = live[k]!;
    if (other === t || (pending && k > s)) continue;
    const o = frags[other.last]!;
    // A heading after a paragraph has space above it: every column in step beside it prints its
    // next line first.
    if (heading && p.line.endsSentence && !other.lapped && other.born < t.last && o.row <= row) cost += COST.lap;
    if (o.row < row) {
      if (other.lapped || o.row < beforeRow) continue;
      const ends = o.line.endsSentence;
      const excusable = ends || mayHead(o, other.measure);
      if (excusable) {
        if (out) out[k] = { ...other, lapped: true, debt: { always: COST.shift, unexplained: COST.lap - COST.shift, needsHeading: !mayHead(o, other.measure) } };
      } else {
        // Stopped in mid-sentence while this column went on: out of step, or a column cut off
        // inside its block. Free only for a column that began after it (a block printed after
        // the others' ends).
        if (t.born < other.last) cost += COST.lap;
        if (out) out[k] = { ...other, lapped: true };
      }
    } else if (!t.debt && other.before >= 0 && frags[other.before]!.row > row) {
      // (A column skipped pays its debt instead: the same space.)
      if (mayHead(p) && startsAfresh) cost += COST.shift;
      else if (isHeading) {
        cost += COST.shift;
        debt = { always: 0, unexplained: Math.max(debt?.unexplained ?? 0, COST.lap - COST.shift), needsHeading: false };
      } else cost += COST.lap;
    }
  }
  if (out) out[s] = { ...t, lapped: false, debt };
  return cost;
}

/**
 * The line starts in mid-paragraph in a column of measure `m`: with closing punctuation, as a full
 * line (with marks, or bare but followed by running text, not a heading's short tail), or as a
 * paragraph's short last line.
 */
function startsMidParagraph(f: Frag, m: number, next?: Frag): boolean {
  if (f.badStart || f.line.spread) return true;
  const full = (x: Frag): boolean => x.line.spread || x.hi >= m - 1.25;
  if (full(f)) return !f.bare || (next !== undefined && full(next));
  return !f.bare && f.line.endsSentence && f.hi < m - 3.25;
}

/**
 * How many of a path's streams that open in mid-paragraph at the block's top can take up, one
 * each, where another stream ends in mid-sentence at the block's bottom (a column flowing into the
 * next, within the block).
 */
function flowLinks(frags: readonly Frag[], state: State): number {
  const pred = new Int32Array(frags.length).fill(-1);
  for (let t = state.trail; t; t = t.prev) pred[t.frag] = t.pred;
  const streams: number[][] = [];
  const streamOf = new Int32Array(frags.length);
  for (let i = 0; i < frags.length; i++) {
    if (pred[i]! < 0) {
      streamOf[i] = streams.length;
      streams.push([i]);
    } else {
      streamOf[i] = streamOf[pred[i]!]!;
      streams[streamOf[i]!]!.push(i);
    }
  }
  // A column flows into the next within the block from the block's bottom to its top.
  const lastRow = frags[frags.length - 1]!.row;
  const opens: number[] = [];
  const ends: number[] = [];
  streams.forEach((st, k) => {
    const top = frags[st[0]!]!.row <= 2;
    const bottom = frags[st[st.length - 1]!]!.row >= lastRow - 2;
    // The stream's measure: its second widest line (one can be a hair over).
    const widths = st.map((i) => frags[i]!.lo).sort((a, b) => b - a);
    const m = widths[Math.min(1, widths.length - 1)]!;
    if (top && startsMidParagraph(frags[st[0]!]!, m, st.length > 1 ? frags[st[1]!] : undefined)) opens.push(k);
    const l = frags[st[st.length - 1]!]!;
    if (bottom && !l.line.endsSentence && !(l.titleLike && l.hi < m - 3.25)) ends.push(k);
  });
  // Greedy one-to-one matching, never a stream with itself.
  let links = 0;
  const used = new Set<number>();
  for (const o of opens) {
    const e = ends.find((x) => x !== o && !used.has(x));
    if (e === undefined) continue;
    used.add(e);
    links++;
  }
  return links;
}

/**
 * Separates the fragments of one block into column streams. A beam search over the streams'
 * states: each fragment goes on an open stream or opens one. Streams are kept in their columns'
 * order, left to right: pieces of one printed line go to streams from left to right. With
 * `sequential`, a new stream ends the last (a block without joined lines: columns one after the
 * other).
 */
function separate(frags: readonly Frag[], bigrams: Bigrams, sequential: boolean, first?: Int32Array, explain?: (line: string) => void): number[][] {
  const measures = blockMeasures(frags);
  /**
   * What the measure of a column opening with `f` may be: a measure of the block's that the line
   * fits (full, set in, or shorter), else its own width or two ems more.
   */
  const guesses = (f: Frag): number[] => {
    const fits = measures.filter((m) => m >= f.lo - 0.5);
    if (fits.length > 0) return fits;
    return [f.lo + 2, f.lo];
  };
  let beam: State[] = [{ cost: 0, tracks: [], trail: null }];
  const moves: Move[] = [];
  for (let i = 0; i < frags.length; i++) {
    const f = frags[i]!;
    // First every move of every state, priced; then the cheapest made, until the beam is full
    // (most moves are never made: their states are not built).
    moves.length = 0;
    // Moves dearer than the cheapest by more than MARGIN are hopeless: not even priced further.
    let cheapest = Infinity;
    const add = (move: Move): void => {
      if (move.cost > cheapest + MARGIN) return;
      if (move.cost < cheapest) cheapest = move.cost;
      moves.push(move);
    };
    for (const state of beam) {
      // (The beam is in order of cost, and no step gains more than a few nats.)
      if (state.cost - 8 > cheapest + MARGIN) break;
      // Streams that got nothing for long have ended. One that ended in mid-sentence while a
      // column beside it went on was cut off inside its block: rare (a block split).
      const live = state.tracks.some((t) => i - t.last > DORMANT) ? state.tracks.filter((t) => i - t.last <= DORMANT) : state.tracks;
      let base = state.cost;
      for (const t of state.tracks) {
        if (i - t.last !== DORMANT + 1 || frags[t.last]!.line.endsSentence) continue;
        if (state.tracks.some((o) => o !== t && o.born < t.last && o.last > t.last)) base += COST.lap;
      }
      // Pieces of one printed line go to streams left to right: right of the previous piece's.
      let from = 0;
      if (f.part > 0) from = live.findIndex((t) => t.last === i - 1) + 1;
      for (let s = from; s < live.length; s++) {
        const t = live[s]!;
        const p = frags[t.last]!;
        const [shape, words, heading] = continuity(p, f, t.measure, bigrams, first && first[i] === t.last && !p.line.endsSentence ? 1 : 0);
        const beat = rhythm(frags, live, s, f, heading, null);
        // A heading's lines gather its words; the section's first lines are weighed by them.
        const mayHead = f.titleLike && !f.line.spread && f.hi < t.measure - 1.25 && p.line.endsSentence && !/[，、；,;]/.test(f.line.compact);
        const about = !heading && !mayHead && t.topic && t.topic.lines < TOPIC_LINES ? aboutTopic(t.topic, p, f, bigrams) : 0;
        add({ cost: base + shape + words + beat + about, state, live, s, heading, measure: 0, at: 0, parts: explain ? [shape, words + about, beat] : null });
      }
      const opens = sequential || live.length < MAX_TRACKS;
      if (!opens) continue;
      // A column that opens in mid-paragraph beside others already going on: its start was
      // printed elsewhere (rare: a block's order broken).
      // Otherwise it starts a paragraph or a heading: where clauses start, as the words tell.
      const openStart = live.length > 0 && startsMidParagraph(f, measures[0]!) ? COST.openStart : -COST.text * bigrams.initial(f.line.compact.charCodeAt(0));
      for (const measure of guesses(f)) {
        if (sequential) add({ cost: base + COST.newTrack * 2, state, live, s: -1, heading: false, measure, at: 0, parts: null });
        // A new column, anywhere right of the previous piece of the line.
        else for (let at = from; at <= live.length; at++) add({ cost: base + COST.newTrack + openStart, state, live, s: -1, heading: false, measure, at, parts: null });
      }
    }
    moves.sort((x, y) => x.cost - y.cost);
    const next: State[] = [];
    const seen = new Set<number>();
    const variants = new Map<number, number>();
    for (const move of moves) {
      if (next.length >= BEAM) break;
      const { state, live, s } = move;
      let tracks: Track[];
      let pred = -1;
      if (s >= 0) {
        const t = live[s]!;
        tracks = live.slice();
        rhythm(frags, live, s, f, move.heading, tracks);
        // A heading's lines gather its words (and a line that may be a heading as well as a
        // paragraph's first, after a paragraph's end: the words that follow tell).
        let topic: Topic | null = null;
        const mayHead = f.titleLike && !f.line.spread && f.hi < t.measure - 1.25 && frags[t.last]!.line.endsSentence && !/[，、；,;]/.test(f.line.compact);
        if (move.heading) topic = t.topic && t.topic.lines === 0 ? { grams: [...t.topic.grams, ...f.grams], lines: 0 } : { grams: f.grams, lines: 0 };
        else if (mayHead) topic = { grams: f.grams, lines: 0 };
        else if (t.topic && t.topic.lines < TOPIC_LINES) topic = { grams: t.topic.grams, lines: t.topic.lines + 1 };
        const u = tracks[s]!;
        tracks[s] = { born: u.born, last: i, before: t.last, measure: u.measure, lapped: u.lapped, debt: u.debt, topic, openStart: u.openStart };
        pred = t.last;
      } else {
        const opensHeading = f.titleLike && !f.line.spread && f.hi < move.measure - 1.25 && !/[，、；,;]/.test(f.line.compact);
        const track: Track = { born: i, last: i, before: -1, measure: move.measure, lapped: false, debt: null, topic: opensHeading ? { grams: f.grams, lines: 0 } : null, openStart: startsMidParagraph(f, measures[0]!) };
        tracks = sequential ? [track] : [...live.slice(0, move.at), track, ...live.slice(move.at)];
      }
      const key = stateKey(tracks);
      if (seen.has(key)) continue;
      seen.add(key);
      // Room for other readings: a few variants (measures, debts) of one assignment at most.
      let lasts = 0;
      for (const t of tracks) lasts = Math.imul(lasts ^ t.last, 0x9e3779b1) ^ (t.openStart ? 0x55 : 0);
      const n = variants.get(lasts) ?? 0;
      if (n >= VARIANTS) continue;
      variants.set(lasts, n + 1);
      next.push({ cost: move.cost, tracks, trail: { frag: i, pred, step: move.cost - state.cost, parts: move.parts, prev: state.trail } });
    }
    beam = next;
    if (beam.length === 0) {
      explain?.(`no path at ${i}`);
      return [];
    }
  }
  // The best path, with the flow of the block's columns: a column that opens in mid-paragraph
  // takes up where another of the block ends in mid-sentence (never where it ends itself).
  let best = beam[0]!;
  let bestCost = Infinity;
  for (const state of beam) {
    const c = state.cost - COST.flow * flowLinks(frags, state);
    if (c < bestCost) {
      bestCost = c;
      best = state;
    }
  }
  // Trace back the best path: chains of predecessors are the streams.
  const pred = new Int32Array(frags.length).fill(-1);
  const steps: Trail[] = [];
  for (let t = best.trail; t; t = t.prev) {
    pred[t.frag] = t.pred;
    steps[t.frag] = t;
  }
  if (explain) {
    const sum = [0, 0, 0, 0];
    for (const t of steps) {
      if (t.parts) t.parts.forEach((x, k) => (sum[k]! += x));
      else sum[3]! += t.step;
    }
    explain(`cost ${best.cost.toFixed(2)} (shape ${sum[0]!.toFixed(2)}, words ${sum[1]!.toFixed(2)}, rhythm ${sum[2]!.toFixed(2)}, new ${sum[3]!.toFixed(2)})`);
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
  /** Each line's place among all fragments of the page as printed, and the blank lines before it. */
  seq: number[];
  gaps: number[];
  block: number;
  /** Order of the piece among all pieces as first printed (block, then columns left to right). */
  order: number;
  /** Column measure (the width of its full lines). */
  measure: number;
}

function untangle(lines: readonly PrintedLine[], split: readonly (string[] | null)[], measures: Measures, explain?: (line: string) => void): PrintedLine[] {
  const fragTexts: string[] = [];
  lines.forEach((line, i) => {
    const parts = split[i];
    if (parts) for (const p of parts) fragTexts.push(p.replace(/\s+/g, ''));
    else fragTexts.push(line.compact);
  });
  const bigrams = new Bigrams(fragTexts);
  // The blocks (runs of lines between blank lines) and their fragments.
  const blocks: { frags: Frag[]; gaps: number[]; joined: boolean }[] = [];
  for (let start = 0; start < lines.length; ) {
    let end = start + 1;
    while (end < lines.length && lines[end]!.gapBefore === 0) end++;
    const frags: Frag[] = [];
    const gaps: number[] = [];
    for (let i = start; i < end; i++) {
      const parts = split[i];
      if (!parts) frags.push(frag(lines[i]!, i - start, 0));
      else {
        const row = parts.map((text, k) => frag(printedLine(text, 0, 0), i - start, k, parts.length));
        const loose = row.some((f) => f.titleLike && f.hi < measures.low - 1.25);
        for (const f of row) frags.push({ ...f, loose });
      }
      while (gaps.length < frags.length) gaps.push(i === start && gaps.length === 0 ? lines[i]!.gapBefore : 0);
    }
    blocks.push({ frags, gaps, joined: split.slice(start, end).some((p) => p !== null) });
    start = end;
  }
  // A first reading of each block's columns; then, with the pairs its line breaks join added to
  // the page's statistics, a second reading of the blocks that hold joined lines.
  const separateAll = (stats: Bigrams, first?: readonly Int32Array[]): number[][][] =>
    blocks.map((b, k) => (b.frags.length > 1 && (!first || b.joined) ? separate(b.frags, stats, !b.joined, first?.[k], explain) : [b.frags.map((_, i) => i)]));
  let streamsOf = separateAll(bigrams);
  const breaks: number[] = [];
  const firstPred = streamsOf.map((streams, k) => {
    const pred = new Int32Array(blocks[k]!.frags.length).fill(-1);
    for (const st of streams) {
      for (let i = 1; i < st.length; i++) {
        pred[st[i]!] = st[i - 1]!;
        const a = blocks[k]!.frags[st[i - 1]!]!.line;
        const b = blocks[k]!.frags[st[i]!]!.line;
        if (!a.endsSentence) breaks.push(a.compact.charCodeAt(a.compact.length - 1) * 0x10000 + b.compact.charCodeAt(0));
      }
    }
    return pred;
  });
  if (blocks.some((b) => b.joined)) {
    const second = separateAll(bigrams.withBreaks(breaks), firstPred);
    streamsOf = streamsOf.map((s, k) => (blocks[k]!.joined ? second[k]! : s));
  }
  const pieces: Piece[] = [];
  let seq = 0;
  blocks.forEach((b, block) => {
    for (const s of columnOrder(streamsOf[block]!, b.frags)) {
      const ls = s.map((k) => b.frags[k]!.line);
      pieces.push({ lines: ls, seq: s.map((k) => seq + k), gaps: s.map((k) => b.gaps[k]!), block, order: pieces.length, measure: pieceMeasure(ls) });
    }
    seq += b.frags.length;
  });
  const next = chain(pieces, bigrams, explain);
  const hasPred = new Set(next.filter((n) => n >= 0));
  const out: PrintedLine[] = [];
  const emitted = new Uint8Array(pieces.length);
  // A page's note (编者按…) is a box of its own that the extractor prints wherever its flow puts
  // it, often between two columns of one article: it goes last, out of the articles' way.
  const isNote = (p: number): boolean => noteLabel(pieces[p]!.lines[0]!.text) !== null;
  // Likewise page furniture (a folio, a date line) printed between a column's end and the column
  // that takes it up: it belongs to no article and goes last. (Elsewhere it stays: between two
  // articles' columns it parts them.)
  const isFurniture = (p: number): boolean => pieces[p]!.lines.every((l) => isFurnitureLine(l.text));
  const isStrayFurniture = (p: number): boolean => {
    if (!isFurniture(p)) return false;
    let before = p - 1;
    while (before >= 0 && isFurniture(before)) before--;
    let after = p + 1;
    while (after < pieces.length && isFurniture(after)) after++;
    return before >= 0 && after < pieces.length && next[before] === after;
  };
  const movedOut = (p: number): boolean => isNote(p) || isStrayFurniture(p);
  let lastSeq = -1;
  let lastPiece = -1;
  const emit = (p: number): void => {
    for (let k = p; k >= 0 && !emitted[k]; k = next[k]!) {
      emitted[k] = 1;
      const piece = pieces[k]!;
      // Printed apart (but for notes and furniture moved out), in another block, and not taken
      // up from the piece before: a jump.
      let printedBefore = k - 1;
      while (printedBefore >= 0 && movedOut(printedBefore)) printedBefore--;
      const jump = lastPiece >= 0 && pieces[lastPiece]!.block !== piece.block && next[lastPiece] !== k && printedBefore !== lastPiece;
      piece.lines.forEach((line, j) => {
        // Where the order is the printed one, the printed gap; a piece moved gets a blank line.
        const seqHere = piece.seq[j]!;
        const gap = out.length === 0 ? 0 : seqHere === lastSeq + 1 ? piece.gaps[j]! : j === 0 ? Math.max(1, piece.gaps[j]!) : 0;
        out.push({ ...line, index: out.length, gapBefore: gap, afterJump: j === 0 && jump });
        lastSeq = seqHere;
      });
      lastPiece = k;
    }
  };
  pieces.forEach((_, p) => {
    if (!hasPred.has(p) && !isNote(p) && !isStrayFurniture(p)) emit(p);
  });
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

/**
 * How likely a piece starts in mid-paragraph, as a cost of taking it so (Infinity: it cannot):
 * with closing punctuation, or a full line that is not a heading's (one with marks, or followed
 * by running text rather than a heading's short tail), it surely does; a line as short as a
 * paragraph's first (a line can stop short of the measure before a mark that may not start one)
 * may, rarely (a new paragraph, far likelier), when the words say so.
 */
function openStartCost(p: Piece): number {
  const head = p.lines[0]!;
  const first = head.compact[0]!;
  if (CLOSERS.includes(first) || CLAUSE_MARKS.includes(first)) return 0;
  if (p.lines.length < 2) return Infinity;
  const full = (l: PrintedLine): boolean => l.spread || l.width + l.slack >= p.measure - 1.25;
  if (full(head)) return /[，。、；：！？]/.test(head.compact) || full(p.lines[1]!) ? 0 : Infinity;
  const setIn = head.width + head.slack >= p.measure - 3.25 && !head.endsSentence;
  return setIn && full(p.lines[1]!) ? 3 : Infinity;
}

/**
 * Links each piece that ends in mid-sentence to the piece that takes the sentence up (one that
 * starts in mid-paragraph, of the same measure): the one-to-one choice of links of least cost.
 * Returns, per piece, the piece to print after it (or -1).
 */
function chain(pieces: readonly Piece[], bigrams: Bigrams, explain?: (line: string) => void): number[] {
  const ends = pieces.map((_, k) => k).filter((k) => endsOpen(pieces[k]!));
  const startCost = pieces.map((p) => openStartCost(p));
  const starts = pieces.map((_, k) => k).filter((k) => startCost[k]! < Infinity);
  const next = pieces.map(() => -1);
  if (ends.length === 0 || starts.length === 0) return next;
  const cost = (e: number, s: number): number => {
    if (e === s) return Infinity;
    const a = pieces[e]!;
    const b = pieces[s]!;
    const diff = Math.abs(a.measure - b.measure);
    if (diff > 1.5) return Infinity;
    const tail = a.lines[a.lines.length - 1]!.compact;
    let c = startCost[s]! + 0.5 * diff - COST.text * bigrams.association(tail.charCodeAt(tail.length - 1), b.lines[0]!.compact.charCodeAt(0));
    if (a.block === b.block) c -= 1;
    if (b.order < a.order) c += 0.3;
    return c;
  };
  const LINK = 2.5;
  if (explain) {
    for (const e of ends) for (const st of starts) if (cost(e, st) < LINK) explain(`chain ${cost(e, st).toFixed(2)}: …${pieces[e]!.lines[pieces[e]!.lines.length - 1]!.text} → ${pieces[st]!.lines[0]!.text}…`);
  }
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

