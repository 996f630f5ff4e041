import { formatByline, isByline } from './byline.ts';
import { undouble } from './doubling.ts';
import { isColumnLabel, isFurnitureLine, junkKind, type JunkKind } from './furniture.ts';
import type { PrintedLine } from './lines.ts';
import { noteLabel } from './notes.ts';
import { CLAUSE_MARKS, CLOSERS, isHan, lineWidth, OPENERS, SENTENCE_END, squash } from './text.ts';

/**
 * Layout analysis of one page: turns printed lines into units in the extractor's order.
 *
 * - `headline`: a title or a section heading (not yet told apart: that needs the articles);
 * - `byline`, `note`, `furniture`;
 * - `paragraph`: body text of a column, with what its lines tell about its measure and its ends.
 */
export type Unit = HeadlineUnit | BylineUnit | NoteUnit | FurnitureUnit | ParagraphUnit;

interface Span {
  /** First and last printed line (indexes into the page's non-blank lines). */
  first: number;
  last: number;
}

export interface HeadlineUnit extends Span {
  kind: 'headline';
  /** The headline's printed lines, drawn once. */
  lines: string[];
  /** Set in fake bold (every run printed twice). */
  doubled: boolean;
}

export interface BylineUnit extends Span {
  kind: 'byline';
  text: string;
}

export interface NoteUnit extends Span {
  kind: 'note';
  lines: string[];
}

export interface FurnitureUnit extends Span {
  kind: 'furniture';
  /** What it is, where more than page furniture: a caption, a credit, an ad… (see `junkKind`). */
  what?: JunkKind;
}

export interface ParagraphUnit extends Span {
  kind: 'paragraph';
  lines: string[];
  /** Widths of the printed lines, in ems, and how far each may be off (see PrintedLine). */
  widths: number[];
  slack: number[];
  /** Which lines are letter-spaced (their characters do not tell their width). */
  spread: boolean[];
  /** The measure (column width in ems) of the paragraph's column. */
  measure: number;
  /** The first line is set in by the paragraph indent: a new paragraph, not a continuation. */
  indented: boolean;
  /** The last line ends a sentence. */
  complete: boolean;
}

type Role = 'headline' | 'furniture' | 'note' | 'byline' | null;

/** Analyses one page's printed lines. */
export function analyseLayout(lines: readonly PrintedLine[]): Unit[] {
  const role: Role[] = lines.map(() => null);
  const units: Unit[] = [];

  findDoubledHeadlines(lines, role, units);
  findFurniture(lines, role, units);
  findNotes(lines, role, units);
  findBylines(lines, role, units);
  findBodies(lines, role, units);

  units.sort((a, b) => a.first - b.first);
  return mergeHeadlineTails(units);
}

/**
 * A headline's wrapped tail of a few characters can come out apart from it (MuPDF.js prints one
 * copy of a doubled `行` after a blank line): join it to the headline printed just before. So are
 * a headline's two plain lines printed as two blocks.
 */
function mergeHeadlineTails(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const unit of units) {
    const prev = out[out.length - 1];
    if (unit.kind === 'headline' && prev?.kind === 'headline' && unit.first === prev.last + 1 && squash(unit.lines.join('')).length <= 4) {
      prev.lines[prev.lines.length - 1] += unit.lines.join('');
      prev.last = unit.last;
      continue;
    }
    // Two single plain lines one right after the other, each printed as a block of its own (MuPDF
    // prints a headline's lines with blank lines between): one headline of two lines, which the
    // title assignment may still read as two titles (page.ts, splits).
    if (
      unit.kind === 'headline' &&
      prev?.kind === 'headline' &&
      unit.first === prev.last + 1 &&
      unit.lines.length === 1 &&
      prev.lines.length === 1 &&
      !unit.doubled &&
      !prev.doubled
    ) {
      prev.lines.push(unit.lines[0]!);
      prev.last = unit.last;
      continue;
    }
    out.push(unit);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Fake-bold headlines

/** How a line relates to its neighbours when fake bold printed copies of it. */
function copySignals(lines: readonly PrintedLine[]): boolean[] {
  // Whether line i and line i+1 (printed with no blank between) share a copy: each pair once.
  const pair = new Uint8Array(lines.length);
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i + 1]!.gapBefore === 0 && sharesCopy(lines[i]!, lines[i + 1]!)) pair[i] = 1;
  }
  // A line printed with its own copy is a headline's: it does not end with punctuation.
  return lines.map(
    (line, i) =>
      (i > 0 && pair[i - 1] === 1) ||
      pair[i] === 1 ||
      (!line.endsPunctuation && mayBeSelfDoubled(line.compact) && undouble([line.text]).doubledShare >= 0.4),
  );
}

/**
 * Cheap necessary condition for a line printed with its own copy (`高质效高质效`): at most about
 * half of its characters are distinct.
 */
function mayBeSelfDoubled(compact: string): boolean {
  if (compact.length < 2 || compact.length > 80) return false;
  stamp = (stamp + 1) & 0xffff;
  if (stamp === 0) {
    seenAt.fill(0);
    stamp = 1;
  }
  let distinct = 0;
  for (let i = 0; i < compact.length; i++) {
    const c = compact.charCodeAt(i);
    if (seenAt[c] !== stamp) {
      seenAt[c] = stamp;
      distinct++;
    }
  }
  return distinct * 10 <= compact.length * 7;
}
/** Scratch table for `mayBeSelfDoubled`: the stamp of the last line each UTF-16 unit was seen in. */
const seenAt = new Uint16Array(0x10000);
let stamp = 0;

/**
 * Two printed lines share a copy: equal, one inside the other (a short unpunctuated piece), or a
 * common token: one with Han text, or any token when both lines are short (`西藏完成投资 85` /
 * `85 亿` / `亿`).
 */
function sharesCopy(la: PrintedLine, lb: PrintedLine): boolean {
  const a = la.text;
  const b = lb.text;
  const sa = la.compact;
  const sb = lb.compact;
  if (sa.length === 0 || sb.length === 0) return false;
  if (sa === sb) return !la.endsPunctuation;
  const [short, long] = sa.length < sb.length ? [sa, sb] : [sb, sa];
  const shortLine = sa.length < sb.length ? la : lb;
  if (long.includes(short) && !shortLine.endsPunctuation && (short.length >= 2 || long.length <= 12)) return true;
  const both = sa.length <= 12 && sb.length <= 12;
  // A token of one printed as the start or end of a token of the other (`85` / `西藏完成投资85`).
  if (sa.length === a.length && sb.length === b.length) return false; // one token each: done above
  // A letter-spaced line's tokens are single characters of running text, and a sentence's end
  // is no headline's: no token evidence from either.
  if (la.spread || lb.spread || hasSentenceEnd(sa) || hasSentenceEnd(sb)) return false;
  // Nor from a line that ends on a clause's punctuation (no headline copy does), nor from pieces
  // of running text around numbers (`公里，`).
  if (la.endsPunctuation || lb.endsPunctuation) return false;
  const ta = a.split(/\s+/).filter((t) => !hasClause(t) && ((t.length >= 2 && hasHan(t)) || (both && /[\p{L}\p{N}]/u.test(t))));
  const tb = b.split(/\s+/);
  return ta.some((t) => tb.some((u) => u === t || ((u.startsWith(t) || u.endsWith(t) || t.startsWith(u) || t.endsWith(u)) && Math.min(u.length, t.length) >= (both ? 1 : 2))));
}

function hasSentenceEnd(text: string): boolean {
  return text.includes('。') || text.includes('！') || text.includes('？');
}

function hasHan(text: string): boolean {
  for (const ch of text) if (isHan(ch.codePointAt(0)!)) return true;
  return false;
}

function findDoubledHeadlines(lines: readonly PrintedLine[], role: Role[], units: Unit[]): void {
  const signal = copySignals(lines);
  const pageMeasure = widthMedian(lines, () => true);
  let previous: HeadlineUnit | null = null;
  for (let i = 0; i < lines.length; i++) {
    // A page number or date printed twice is furniture, never a headline.
    if (!signal[i] || isFurnitureLine(lines[i]!.text)) continue;
    let j = i;
    while (j + 1 < lines.length && signal[j + 1] && lines[j + 1]!.gapBefore === 0) j++;
    const group = lines.slice(i, j + 1).map((l) => l.text);
    const once = undouble(group);
    if (once.doubledShare >= 0.35 && once.lines.length > 0) {
      const text = once.lines.join('');
      // A headline wrapped over two lines can come out as two groups with a blank between them
      // (pdfminer boxes the tail on its own: `建设建设`): the first ended on a long line, or the
      // second is a tail of a few characters.
      const lastLine = previous?.lines[previous.lines.length - 1] ?? '';
      const continues =
        previous &&
        previous.last === i - 1 &&
        (squash(text).length <= 4 ||
          lineWidth(lastLine) >= pageMeasure * 0.75 ||
          (previous.lines.length === 1 && once.lines.length === 1 && squash(lastLine + text).length <= 20));
      if (continues && previous) {
        if (squash(text).length <= 4) previous.lines[previous.lines.length - 1] += once.lines.join('');
        else previous.lines.push(...once.lines);
        previous.last = j;
      } else {
        previous = { kind: 'headline', lines: once.lines, doubled: true, first: i, last: j };
        units.push(previous);
      }
      for (let k = i; k <= j; k++) role[k] = 'headline';
    }
    i = j;
  }
}

/**
 * Median width of the lines of at least 6 ems that `include` picks, to the half em: counted in a
 * histogram rather than sorted (pages have hundreds of lines, and this runs on every page).
 */
function widthMedian(lines: readonly PrintedLine[], include: (i: number) => boolean): number {
  const bins = new Uint16Array(200);
  let n = 0;
  for (let i = 0; i < lines.length; i++) {
    const w = lines[i]!.width;
    if (w < 6 || !include(i)) continue;
    bins[Math.min(199, Math.round(w * 2))]!++;
    n++;
  }
  if (n === 0) return 0;
  let seen = 0;
  for (let b = 0; b < 200; b++) {
    seen += bins[b]!;
    if (seen * 2 >= n) return b / 2;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Furniture

function findFurniture(lines: readonly PrintedLine[], role: Role[], units: Unit[]): void {
  const furniture = lines.map((l, i) => role[i] === null && isFurnitureLine(l.text));
  // Column labels: short label lines printed among the furniture: between furniture lines (or a
  // furniture line and the page's edge), or right next to one when the other side is not a
  // headline line that the label would complete (`中山市三角镇五项举措` / `推进阳光政府采购`).
  const labels: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (furniture[i] || role[i] !== null || !isColumnLabel(lines[i]!.text)) continue;
    const before = i === 0 || furniture[i - 1]!;
    const after = i === lines.length - 1 || furniture[i + 1]!;
    if ((before && after && (furniture[i - 1] || furniture[i + 1])) || (furniture[i - 1] && lines[i]!.gapBefore === 0 && !joinsHeadline(lines, i, i + 1))) {
      labels.push(i);
    } else if (furniture[i + 1] && lines[i + 1]!.gapBefore === 0 && !joinsHeadline(lines, i, i - 1)) {
      labels.push(i);
    }
  }
  for (const i of labels) furniture[i] = true;
  const junk = findJunk(lines, role, furniture);
  for (let i = 0; i < lines.length; i++) {
    if (!furniture[i] && !junk[i]) continue;
    role[i] = 'furniture';
    units.push(junk[i] ? { kind: 'furniture', first: i, last: i, what: junk[i]! } : { kind: 'furniture', first: i, last: i });
  }
  // A page's column label set in fake bold was taken for a headline: one short label line
  // printed against the page's other furniture is furniture too.
  for (let u = 0; u < units.length; u++) {
    const unit = units[u]!;
    // (Six characters at most: a title is longer, and may be printed right after the furniture.)
    if (unit.kind !== 'headline' || unit.lines.length !== 1 || !isColumnLabel(unit.lines[0]!) || squash(unit.lines[0]!).length > 6) continue;
    const before = unit.first === 0 || furniture[unit.first - 1]!;
    const after = unit.last === lines.length - 1 || furniture[unit.last + 1]!;
    if (!(before && after) && !(furniture[unit.first - 1] && lines[unit.first]!.gapBefore === 0) && !(furniture[unit.last + 1] && lines[unit.last + 1]!.gapBefore === 0)) continue;
    units[u] = { kind: 'furniture', first: unit.first, last: unit.last };
    for (let k = unit.first; k <= unit.last; k++) role[k] = 'furniture';
  }
}

/**
 * What is on the page but in no article, line by line (see `junkKind`): credits, prompts and ads
 * on their own; a caption from its first line to the end of its sentence (three lines at most);
 * table rows and lost-document notices only in runs of two or more (one alone may be text).
 */
function findJunk(lines: readonly PrintedLine[], role: readonly Role[], furniture: readonly boolean[]): (JunkKind | null)[] {
  const out: (JunkKind | null)[] = lines.map((l, i) => (role[i] === null && !furniture[i] ? junkKind(l.text) : null));
  for (let i = 0; i < lines.length; i++) {
    const kind = out[i];
    if (kind === 'caption') {
      for (let k = i; k < i + 2 && !lines[k]!.endsSentence && k + 1 < lines.length && role[k + 1] === null && !furniture[k + 1] && !out[k + 1]; k++) out[k + 1] = 'caption';
    } else if (kind === 'table' || kind === 'notice') {
      let j = i;
      while (j + 1 < lines.length && out[j + 1] === kind) j++;
      if (j === i) out[i] = null;
      i = j;
    }
  }
  return out;
}

/** Line `j` is a short unpunctuated line printed right against line `i`: the two make a headline. */
function joinsHeadline(lines: readonly PrintedLine[], i: number, j: number): boolean {
  const other = lines[j];
  if (!other || role0(other)) return false;
  const gap = j > i ? other.gapBefore : lines[i]!.gapBefore;
  return gap === 0 && !other.endsPunctuation && other.compact.length <= 24;
}

function role0(line: PrintedLine): boolean {
  return isFurnitureLine(line.text);
}

// ---------------------------------------------------------------------------------------------
// Notes

function findNotes(lines: readonly PrintedLine[], role: Role[], units: Unit[]): void {
  const bodyWidth = widthMedian(lines, (i) => role[i] === null);
  for (let i = 0; i < lines.length; i++) {
    if (role[i] !== null) continue;
    const label = noteLabel(lines[i]!.text);
    if (label) {
      const start = label.alone ? i + 1 : i;
      const end = noteEnd(lines, role, start);
      if (end >= start) {
        for (let k = i; k <= end; k++) role[k] = 'note';
        units.push({ kind: 'note', first: i, last: end, lines: lines.slice(start, end + 1).map((l) => l.text) });
        i = end;
      }
      continue;
    }
    // Text set across the page, at a measure much wider than the columns: a page note.
    const wide = Math.max(22, bodyWidth * 1.6);
    if (lines[i]!.width >= wide) {
      let end = i;
      while (end + 1 < lines.length && role[end + 1] === null && lines[end + 1]!.width >= wide) end++;
      if (!lines[end]!.endsSentence && end + 1 < lines.length && role[end + 1] === null && lines[end + 1]!.endsSentence) end++;
      const text = lines.slice(i, end + 1).map((l) => l.text);
      if (!text.some((t) => /[。！？]/.test(t))) continue; // a banner headline, not a note
      for (let k = i; k <= end; k++) role[k] = 'note';
      units.push({ kind: 'note', first: i, last: end, lines: text });
      i = end;
    }
  }
}

/** A note runs on until a short line ends a sentence (its paragraph's end) or other text begins. */
function noteEnd(lines: readonly PrintedLine[], role: readonly Role[], start: number): number {
  let measure = 0;
  for (let k = start; k < Math.min(lines.length, start + 3); k++) if (role[k] === null) measure = Math.max(measure, lines[k]!.width);
  let end = start - 1;
  for (let k = start; k < lines.length && k < start + 40; k++) {
    if (role[k] !== null) break;
    const line = lines[k]!;
    end = k;
    if (line.endsSentence && line.width <= measure - 1) break;
  }
  return end;
}

// ---------------------------------------------------------------------------------------------
// Bylines

function findBylines(lines: readonly PrintedLine[], role: Role[], units: Unit[]): void {
  for (let i = 0; i < lines.length; i++) {
    if (role[i] !== null || !isByline(lines[i]!.text)) continue;
    role[i] = 'byline';
    units.push({ kind: 'byline', first: i, last: i, text: formatByline(lines[i]!.text) });
  }
  // A fake-bold byline is found as a doubled headline first.
  for (let u = 0; u < units.length; u++) {
    const unit = units[u]!;
    if (unit.kind !== 'headline' || unit.lines.length !== 1 || !isByline(unit.lines[0]!)) continue;
    units[u] = { kind: 'byline', first: unit.first, last: unit.last, text: formatByline(unit.lines[0]!) };
    for (let k = unit.first; k <= unit.last; k++) role[k] = 'byline';
  }
}

// ---------------------------------------------------------------------------------------------
// Body text and plain headlines

/** Marks that can end a printed line inside a paragraph, or end it. */
const PUNCTUATION_END = SENTENCE_END + CLAUSE_MARKS;


function findBodies(lines: readonly PrintedLine[], role: Role[], units: Unit[]): void {
  const blanks = blankMode(lines, role);
  // The measure of a line comes from its own run of body lines when the run is long enough to
  // tell (another article's column may have another measure), else from all body lines around.
  const free = lines.filter((_, i) => role[i] === null);
  const measures = new Float64Array(lines.length);
  const inLongRun = new Uint8Array(lines.length);
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && role[j] === null) j++;
    if (j - i >= 8) {
      const run = lines.slice(i, j);
      run.forEach((line, k) => {
        measures[line.index] = k > 0 && run[k - 1]!.endsSentence ? measureAfterEnd(run, k) : measureAt(run, k);
        inLongRun[line.index] = 1;
      });
    } else if (j - i >= 4) {
      // A short run tells its measure when three or more of its lines are equally wide and none
      // is wider: full lines of one column.
      const widths = lines.slice(i, j).filter((l) => !l.spread && l.slack === 0).map((l) => l.width);
      const widest = Math.max(...widths);
      if (widths.filter((w) => w === widest).length >= 3) {
        for (let k = i; k < j; k++) {
          measures[k] = widest;
          inLongRun[k] = 1;
        }
      }
    }
    i = j + 1;
  }
  free.forEach((line, k) => {
    if (!inLongRun[line.index]) measures[line.index] = measureAt(free, k);
  });
  let i = 0;
  while (i < lines.length) {
    if (role[i] !== null) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < lines.length && role[j + 1] === null) j++;
    analyseRun(lines.slice(i, j + 1), units, blanks, measures);
    i = j + 1;
  }
}

/**
 * Whether the extractor marks paragraph ends with blank lines: then a short line ending a sentence
 * inside a block is not a paragraph end (a run-in head, `刑事检察方面更加注重质效。`).
 */
function blankMode(lines: readonly PrintedLine[], role: readonly Role[]): boolean {
  let ends = 0;
  let blank = 0;
  for (let i = 1; i < lines.length; i++) {
    if (role[i] !== null || role[i - 1] !== null) continue;
    const a = lines[i - 1]!;
    if (!a.endsSentence) continue;
    ends++;
    if (lines[i]!.gapBefore > 0) blank++;
  }
  return ends > 0 && blank / ends >= 0.6;
}

/**
 * The measure around line `k` (of the body lines, across whatever else is printed between them):
 * the third widest line among its neighbours, so that a short line or two does not count.
 */
function measureAt(run: readonly PrintedLine[], k: number): number {
  // The third widest of the twelve nearest lines, taken from both sides (more from one side
  // near an end).
  let first = -1;
  let second = -1;
  let third = -1;
  let taken = 0;
  for (let d = 1; taken < 12 && (k - d >= 0 || k + d < run.length); d++) {
    for (let side = -1; side <= 1; side += 2) {
      const line = run[k + side * d];
      if (!line) continue;
      const w = line.width;
      taken++;
      if (w > first) {
        third = second;
        second = first;
        first = w;
      } else if (w > second) {
        third = second;
        second = w;
      } else if (w > third) third = w;
    }
  }
  if (taken === 0) return run[k]!.width;
  // With few lines around (a short page), the widest ones are the full lines.
  if (taken >= 9 && third >= 0) return third;
  if (taken >= 5 && second >= 0) return second;
  return first;
}

/**
 * The measure at line `k`, which follows a sentence's end: where the lines before and the lines
 * after have different measures (one column's text ends and another's begins, with no headline
 * printed between), the line may open the next column: then its measure is the one after.
 */
function measureAfterEnd(run: readonly PrintedLine[], k: number): number {
  const before = secondWidest(run, k - 8, k);
  const after = secondWidest(run, k + 1, k + 9);
  const line = run[k]!;
  // The line itself must agree: no wider than the narrower measure after, or wider than the one before.
  if (before > 0 && after > 0 && Math.abs(after - before) >= 1 && (after > before ? line.width > before + 0.5 : line.width <= after + 0.5)) return after;
  return measureAt(run, k);
}

/** The second widest of the lines from..to-1 that are there (0 with fewer than six). */
function secondWidest(run: readonly PrintedLine[], from: number, to: number): number {
  let first = -1;
  let second = -1;
  let n = 0;
  for (let i = Math.max(0, from); i < Math.min(run.length, to); i++) {
    const w = run[i]!.width;
    n++;
    if (w > first) [first, second] = [w, first];
    else if (w > second) second = w;
  }
  return n >= 6 ? second : 0;
}

/**
 * The lines so far end a sentence, or a sentence and a parenthesis after it: a paragraph may close
 * on a credit or a source in brackets (`……完成任务。（记者 某某）`), split over two lines or not.
 */
function endsParagraphText(lines: readonly PrintedLine[]): boolean {
  const last = lines[lines.length - 1]!;
  if (last.endsSentence) return true;
  const text = last.compact;
  if (text[text.length - 1] !== '）' && text[text.length - 1] !== ')') return false;
  const tail = lines.length > 1 ? lines[lines.length - 2]!.compact + text : text;
  return /[。！？][（(][^（）()。！？]{1,24}[）)]$/u.test(tail);
}

function analyseRun(run: readonly PrintedLine[], units: Unit[], blanks: boolean, measures: Float64Array): void {
  const measure = run.map((line) => measures[line.index]!);
  // A letter-spaced line fills its place: the measure, or the measure less the indent when it
  // opens a paragraph after a sentence's end.
  const widthOf = (k: number): number => {
    const line = run[k]!;
    if (!line.spread) return line.width + line.slack;
    const prev = run[k - 1];
    // Its characters alone bound its place from below: too many for a first line's room, it
    // fills the whole measure whatever came before.
    const fits = line.width - line.slack <= measure[k]! - 2 + 0.25;
    const opens = fits && (!prev || prev.endsSentence || (!prev.endsPunctuation && prev.width <= measure[k]! - 3));
    return opens ? measure[k]! - 2 : measure[k]!;
  };
  const short = (k: number, by: number): boolean => widthOf(k) <= measure[k]! - by;
  // Wider than the measure by more than its Latin text could be off: no line of the column.
  const overMeasure = (k: number): boolean => !run[k]!.spread && run[k]!.width - run[k]!.slack >= measure[k]! + 1;
  // Set in by the indent, as best the estimate of its Latin text tells (`short` asks for surely
  // short; a first line with digits in it is as likely narrower as wider than estimated).
  const setIn = (k: number): boolean => (run[k]!.spread ? widthOf(k) : run[k]!.width) <= measure[k]! - 1.5;
  const isHeadlineLine = (k: number): boolean => {
    const line = run[k]!;
    const text = line.text;
    return (
      !line.endsPunctuation &&
      line.compact.length <= 40 &&
      !OPENERS.includes(text[text.length - 1]!) &&
      text.indexOf('。') < 0 &&
      text.indexOf('！') < 0 &&
      text.indexOf('？') < 0
    );
  };
  /** Does a paragraph start at line k (after a sentence end)? */
  const startsParagraph = (k: number): boolean => {
    const line = run[k];
    if (!line) return true;
    if (CLOSERS.includes(line.text[0]!) || CLAUSE_MARKS.includes(line.text[0]!)) return false;
    // A sentence of one or two characters ends a sentence broken off above; no news paragraph
    // opens with one.
    if (/^[^。！？]{1,2}[。！？]/u.test(line.compact)) return false;
    return setIn(k);
  };

  // Line k may stop an em short: the next line starts with what cannot end a line, or with a
  // character and the punctuation that cannot start one (kinsoku pushes it down).
  const pushedDown = (k: number): boolean => {
    const next = run[k + 1];
    return !!next && next.gapBefore === 0 && (OPENERS.includes(next.compact[0]!) || PUNCTUATION_END.includes(next.compact[1] ?? ''));
  };

  // Line k may stop short by as much as the Latin word the next line starts with: such a word
  // is not broken, so it goes down whole when it does not fit (about half an em a letter).
  const latinWrapped = (k: number): number => {
    const next = run[k + 1];
    if (!next || next.gapBefore > 0) return 0;
    const word = /^[A-Za-z0-9]{3,}/.exec(next.compact)?.[0];
    return word ? 0.5 + 0.5 * word.length : 0;
  };

  // The measure the lines right after k show, when two or more of the next four are equally wide
  // and the widest, or the paragraph ends on a short line after them (full lines of the column k
  // opens); else the measure around.
  const measureBelow = (k: number): number => {
    let widest = 0;
    let count = 0;
    for (let i = k + 1; i < run.length && i <= k + 4; i++) {
      const line = run[i]!;
      if (line.gapBefore > 0) break;
      // The paragraph's short last line: what came before it was full.
      if (line.endsSentence && widest > 0 && line.width <= widest - 1.5) return widest;
      if (line.endsSentence) break; // a paragraph's last line, or a sentence's end: no measure
      if (line.spread || line.slack > 0) continue;
      if (line.width > widest) [widest, count] = [line.width, 1];
      else if (line.width === widest) count++;
    }
    return count >= 2 ? widest : measure[k]!;
  };

  // Line k fills a paragraph's first line (the measure less the indent) and the next line goes
  // on from it: a line stops up to an em short when the next one starts with a character that
  // cannot end a line or with one and the punctuation that cannot start one (kinsoku).
  const fillsFirstLine = (k: number): boolean => {
    const line = run[k]!;
    const next = run[k + 1];
    if (!next || next.gapBefore > 0) return false;
    const fits = (measureThere: number): boolean => {
      const room = measureThere - 2;
      return line.width <= room + 0.5 && line.width + line.slack >= room - Math.max(pushedDown(k) ? 1.5 : 0.5, latinWrapped(k));
    };
    // The column it opens, or, after a paragraph's end, the column of the paragraph above.
    if (fits(measureBelow(k))) return true;
    const above = k > 0 && run[k - 1]!.endsSentence ? secondWidest(run, k - 8, k) : 0;
    return above > 0 && fits(above);
  };

  // Line k is a full line of the column (of measure `full`), as near as its Latin text lets us tell.
  const fillsMeasure = (k: number, full = measure[k]!): boolean => {
    const line = run[k];
    if (!line) return false;
    if (line.spread) return true;
    return line.width <= full + 0.5 && line.width + line.slack >= full - 0.5;
  };

  // The shape of a paragraph's start in the lines themselves, whatever the measure around says
  // (a page's other columns may be wider): line k two ems short of the next two, which are equally
  // wide and go on, and either fill the measure around or read as running text (clauses).
  const startsLocally = (k: number): boolean => {
    const [a, b, c] = [run[k]!, run[k + 1], run[k + 2]];
    if (!b || !c || b.gapBefore > 0 || c.gapBefore > 0 || a.spread || b.spread || c.spread) return false;
    if (b.endsSentence || b.slack > 0 || c.slack > 0 || b.width !== c.width) return false;
    const running = (t: string): boolean => hasClause(t) || hasSentenceEnd(t);
    if (b.width < measure[k + 1]! - 1.5 && !running(b.compact) && !running(c.compact)) return false;
    const room = b.width - 2;
    return a.width <= room + 0.5 && a.width + a.slack >= room - (pushedDown(k) ? 1.5 : hasClause(a.compact) ? 1 : 0.5);
  };

  // Line k has the shape of a paragraph's first line, going on into the next: body text.
  const opensBody = (k: number): boolean =>
    (fillsFirstLine(k) && (run[k]!.text.includes('，') || fillsMeasure(k + 1, measureBelow(k)))) || startsLocally(k);

  // 1. Plain headlines: unpunctuated lines after a paragraph's end, ending with a short line,
  //    followed by a new paragraph.
  // In pages whose extractor separates blocks with blank lines, a headline is a block of its own.
  const endsBlock = (m: number): boolean => !blanks || m + 1 >= run.length || run[m + 1]!.gapBefore > 0;
  const headline: number[] = run.map(() => -1); // group number, or -1 for body lines
  for (let k = 0; k < run.length; k++) {
    const afterEnd = k === 0 || run[k - 1]!.endsSentence || headline[k - 1]! >= 0;
    if (!afterEnd || !isHeadlineLine(k)) continue;
    // A clause broken off at exactly a first line's room (the measure less the indent) and
    // going on in the next line is a paragraph's start, not a headline that happens to be that
    // wide.
    if (opensBody(k)) continue;
    let end = -1;
    const ends: number[] = []; // every line the headline could end on
    let depth = 0; // brackets and quotes left open: a headline does not end inside them
    for (let m = k; m < run.length && m < k + 8 && isHeadlineLine(m); m++) {
      depth += bracketDepth(run[m]!.compact);
      // Two full lines: body text. A line wider than the column's measure is not one of its
      // full lines: it is set in a bigger type, or across columns (a headline).
      if (m > k && !short(m, 1.5) && !short(m - 1, 1.5) && !overMeasure(m) && !overMeasure(m - 1)) break;
      // A comma or semicolon inside a headline is rare, in two of its lines rarer still: lines
      // that go on from clause to clause are a paragraph's.
      if (m > k && hasClause(run[m]!.compact) && hasClause(run[m - 1]!.compact)) {
        while (ends.length > 0 && ends[ends.length - 1]! >= m - 1) ends.pop();
        end = ends.length > 0 ? ends[ends.length - 1]! : -1;
        break;
      }
      if (m > k && (hasClause(run[m]!.compact) || hasClause(run[m + 1]?.compact ?? '')) && opensBody(m)) break; // a paragraph begins here
      // Set in by the indent, then full: the shape of a paragraph's start, not of a headline.
      if (m === k + 1 && !short(m, 1.25) && run[m]!.width - run[k]!.width >= 1.5 && run[m]!.width - run[k]!.width <= 2.5) break;
      // A blank gap ends a headline, unless the line before it was wrapped at the measure and
      // this is its tail (`5 年完成中央投资 260 亿通车总里` / `程 58249 公里`).
      if (m > k && run[m]!.gapBefore > 0 && !(run[m - 1]!.width >= measure[m - 1]! - 3 && short(m, 3))) break;
      // The headline ends on a short line before a new paragraph; or, set in a bigger type than
      // the column, on a long one: then what follows must be a real paragraph start (set in and
      // going on) or not body text at all.
      const next = m + 1;
      const opensParagraph = next >= run.length || (setIn(next) && !short(next, pushedDown(next) ? 4 : 3) && !run[next]!.endsSentence);
      // A short unpunctuated line well short of the next line cannot be a paragraph's first line
      // (set in by two ems at most) nor the middle of one (full): it ends a headline.
      const muchShorter =
        next < run.length &&
        run[next]!.width - run[m]!.width >= 4 &&
        !CLOSERS.includes(run[next]!.text[0]!) &&
        !OPENERS.includes(run[next]!.text[0]!) &&
        !run[m]!.text.includes('，');
      // Nor before a scrap of a sentence's end: no paragraph after a headline is that.
      // Nor, after a line that fills a paragraph's first line exactly (the measure less the
      // indent), before a short line that ends a sentence: a paragraph of two lines.
      const firstRoom = !run[m]!.spread && Math.abs(run[m]!.width + run[m]!.slack / 2 - (measure[m]! - 2)) <= 0.5;
      const scrap =
        next < run.length && run[next]!.endsSentence && (run[next]!.width <= measure[next]! / 2 || (m === k && firstRoom && short(next, 1.5)));
      if (depth <= 0 && !scrap && (startsParagraph(next) || (muchShorter && short(m, 1.5))) && endsBlock(m) && (short(m, 1.5) || opensParagraph)) {
        ends.push(m);
        end = m;
      }
    }
    if (end < 0) continue;
    for (let m = k; m <= end; m++) headline[m] = k;
    k = end;
  }

  // Unpunctuated lines after the run's last sentence, two or more, with no clause in them: no
  // paragraph ends so. Headlines printed after the bodies (titles out of reading order).
  let tail = run.length;
  while (tail > 0 && headline[tail - 1]! < 0 && isHeadlineLine(tail - 1) && !hasClause(run[tail - 1]!.compact)) tail--;
  if (run.length - tail >= 2 && (tail === 0 || run[tail - 1]!.endsSentence || headline[tail - 1]! >= 0)) {
    for (let m = tail; m < run.length; m++) headline[m] = tail;
  }

  // 2. Units in order: headline groups (split where a blank gap separates them and the first
  //    ended on a short line), paragraphs.
  let para: PrintedLine[] = [];
  let paraMeasure: number[] = [];
  const flush = (): void => {
    if (para.length === 0) return;
    const first = para[0]!;
    const last = para[para.length - 1]!;
    // The measure of the middle line (inner lines share it; no sort needed for a fallback).
    units.push({
      kind: 'paragraph',
      first: first.index,
      last: last.index,
      lines: para.map((l) => l.text),
      widths: para.map((l) => l.width),
      slack: para.map((l) => l.slack),
      spread: para.map((l) => l.spread),
      measure: paraMeasure[paraMeasure.length >> 1]!,
      indented: first.width <= paraMeasure[0]! - 1.5,
      complete: endsParagraphText(para),
    });
    para = [];
    paraMeasure = [];
  };
  let group: PrintedLine[] = [];
  const flushGroup = (): void => {
    if (group.length === 0) return;
    units.push({
      kind: 'headline',
      first: group[0]!.index,
      last: group[group.length - 1]!.index,
      lines: group.map((l) => l.text),
      doubled: false,
    });
    group = [];
  };
  for (let k = 0; k < run.length; k++) {
    const line = run[k]!;
    if (headline[k]! >= 0) {
      flush();
      if (k > 0 && headline[k - 1] !== headline[k]) flushGroup();
      group.push(line);
      continue;
    }
    flushGroup();
    if (para.length > 0) {
      const prevK = k - 1;
      let breakHere = false;
      if (endsParagraphText(para)) {
        const indented = short(k, 1.5);
        // A line may stop an em short of the measure when the next line starts with a character
        // that cannot end a line (an opening quote or bracket, kinsoku) or with a character and
        // the punctuation that cannot start one.
        const kinsoku = OPENERS.includes(line.text[0]!) || PUNCTUATION_END.includes(line.text.replace(/\s/g, '')[1] ?? '');
        // A paragraph's first line has two ems less room (the indent).
        const room = para.length === 1 && para[0]!.width <= measure[prevK]! - 1.5 ? 2 : 0;
        const prevShort = short(prevK, room + (kinsoku ? 2.25 : 1.25));
        if (line.gapBefore > 0) breakHere = indented || prevShort;
        else breakHere = indented || (!blanks && prevShort);
        if (CLOSERS.includes(line.text[0]!)) breakHere = false;
      }
      if (breakHere) flush();
    }
    para.push(line);
    paraMeasure.push(measure[k]!);
  }
  flush();
  flushGroup();
}

/** Opening brackets and quotes in `text` less the closing ones. */
function bracketDepth(text: string): number {
  let depth = 0;
  for (const ch of text) {
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) depth--;
  }
  return depth;
}

function hasClause(text: string): boolean {
  return text.includes('，') || text.includes('；');
}
