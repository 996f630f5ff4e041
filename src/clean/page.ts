import { assign, BigramCounts, bigramSet, headlineScore } from './attribution.ts';
import { findDecks } from './decks.ts';
import { analyseLayout, type BylineUnit, type HeadlineUnit, type ParagraphUnit, type Unit } from './layout.ts';
import { untangleColumns } from './interleave.ts';
import { quantiles, readLines, type PrintedLine } from './lines.ts';
import { articleId } from './slug.ts';
import { joinLines, joinTitle } from './join.ts';
import { unreadable, UnreadableTextError, type UnreadableReason } from './readable.ts';
import type { Article, Page, Section } from './types.ts';

/**
 * Cleans the text of one or more pages (separated by form feeds) into one Page, in page order.
 * Pages that cannot be read (see readable.ts) are left out; when no page can be read, it throws
 * an {@link UnreadableTextError} saying why.
 */
export function cleanText(raw: string): Page {
  const out: Page = { notes: [], articles: [] };
  const used = new Set<string>();
  const next = new Map<string, number>(); // the next suffix to try for each id
  let refused: UnreadableReason | null = null;
  let read = 0;
  for (const pageText of raw.replace(/\r\n?/g, '\n').split('\f')) {
    if (!pageText.trim()) continue;
    const reason = unreadable(pageText);
    if (reason) {
      refused ??= reason;
      continue;
    }
    read++;
    const page = cleanPage(pageText);
    out.notes.push(...page.notes);
    for (const article of page.articles) {
      // Ids are stable per text; the same article printed twice gets -2, -3…
      let id = article.id;
      if (used.has(id)) {
        let n = next.get(article.id) ?? 2;
        while (used.has(`${article.id}-${n}`)) n++;
        id = `${article.id}-${n}`;
        next.set(article.id, n + 1);
      }
      used.add(id);
      out.articles.push({ ...article, id });
    }
  }
  if (refused && read === 0) throw new UnreadableTextError(refused);
  return out;
}

/** A run of body paragraphs printed together, with the heading the layout put before it. */
interface Segment {
  paragraphs: ParagraphUnit[];
  /** Section heading that opens this segment (set while grouping). */
  heading: HeadlineUnit | null;
  /** The segment's first paragraph continues the previous segment's last one (a column break). */
  continues: boolean;
  /** Position of the segment in the unit sequence. */
  at: number;
  /** Column measure, computed when needed. */
  measure?: Measure;
}

/** A headline that may head an article, with its byline. */
interface Candidate {
  unit: HeadlineUnit;
  /** Lines of the unit this candidate covers (a run of several titles is split). */
  lines: string[];
  byline: BylineUnit | null;
  /** Index in the unit sequence of the headline's last unit (itself or its byline). */
  at: number;
}

/** Bonus (in nats) for a headline printed right before its body. */
const ADJACENT = 1.5;
/**
 * A headline printed right before a body can open that body's first section if it heads no
 * article; any other headline can only be a title. Leaving one of those unused costs this much,
 * so that every headline is explained when the words allow it.
 */
const ORPHAN = 4;
/**
 * Two bodies of one measure around one headline whose words are this little alike (cosine of
 * their bigram counts) are two articles: a section goes on with its article's subject.
 */
const SUBJECT_CUT = 0.05;
/**
 * The same, for two bodies of `LONG_ENOUGH` characters or more each (set on the corpus's build
 * half: of 0.1/150, 0.12/200, 0.15/200, 0.15/300 and 0.2/400, this pair attributed most).
 */
const SUBJECT_CUT_LONG = 0.15;
const LONG_ENOUGH = 300;

/** Cleans one page. `explain`, for development, receives the title candidates' scores. */
export function cleanPage(text: string, explain?: (line: string) => void): Page {
  const lines = untangleColumns(readLines(text));
  const units = analyseLayout(lines);
  const notes = units.filter((u) => u.kind === 'note').map((u) => joinLines(u.lines));

  // 1. Segments: runs of paragraphs, and what separates them.
  const seq = segmentRuns(units, lines);
  // 2. Articles: consecutive segments belong together unless something between them says not.
  const { groups, usedAsHeading } = groupSegments(seq);

  // 3. Title candidates: the other headlines (not their kickers and subtitles), each with a
  //    byline printed next to it.
  const { kickerOf, subtitleOf, decks } = findDecks(seq);
  const titleOfKicker = new Map([...kickerOf].map(([below, kicker]) => [kicker, below]));
  const candidates: Candidate[] = [];
  const bylineTaken = new Set<BylineUnit>();
  seq.forEach((x, at) => {
    if ('paragraphs' in x || x.kind !== 'headline' || usedAsHeading.has(x) || decks.has(x)) return;
    if (subtitleOf.has(x) && decks.has(seq[at + 1] as HeadlineUnit)) at++; // the byline follows the subtitle
    const after = seq[at + 1];
    const before = seq[at - 1];
    let byline: BylineUnit | null = null;
    if (after && !('paragraphs' in after) && after.kind === 'byline') byline = after;
    else if (before && !('paragraphs' in before) && before.kind === 'byline' && !isHeadline(seq[at - 2])) byline = before;
    if (byline) bylineTaken.add(byline);
    candidates.push({ unit: x, lines: x.lines, byline, at: byline === after ? at + 1 : at });
  });

  // 4. Assign titles to articles by content: count, in each body, the bigrams the headlines use.
  const wanted = new Set<number>();
  const words = new Map<Candidate['lines'], Set<number>>();
  const wordsOf = (c: Candidate): Set<number> => {
    let set = words.get(c.lines);
    if (!set) words.set(c.lines, (set = bigramSet(c.lines.join('') + (c.byline?.text ?? ''))));
    return set;
  };
  for (const c of candidates) for (const g of bigramSet(c.lines.join('') + (c.byline?.text ?? ''))) wanted.add(g);
  const bodies = groups.map((g) => {
    const counts = new BigramCounts(wanted);
    for (const s of g) for (const p of s.paragraphs) for (const line of p.lines) counts.add(line);
    return counts;
  });
  const pageCounts = BigramCounts.sum(bodies);
  const firstAt = groups.map((g) => g[0]!.at);
  // Section headings of an article share a style: a fake-bold headline does not open a body whose
  // headings are plain, nor the other way round.
  const headingStyles = groups.map((g) => new Set(g.filter((s) => s.heading).map((s) => s.heading!.doubled)));
  const isOrphan = (c: Candidate): boolean => {
    const a = firstAt.findIndex((at) => precedes(seq, c.at, at));
    return a < 0 || (headingStyles[a]!.size > 0 && !headingStyles[a]!.has(c.unit.doubled));
  };
  // The last lines of a headline unit that holds several (a title and the first section's heading
  // printed together, no gap between) read as that heading when their words gather in the first
  // section rather than over the whole article, as a title's do: leaving them to that role is
  // worth the concentration.
  const asHeading = (c: Candidate): number => {
    if (c.lines.length === c.unit.lines.length) return 0;
    const g = firstAt.findIndex((at) => precedes(seq, c.at, at));
    if (g < 0 || groups[g]!.length < 2 || groups[g]![0]!.heading) return 0;
    const grams = wordsOf(c);
    const section = new BigramCounts(grams);
    for (const p of groups[g]![0]!.paragraphs) for (const line of p.lines) section.add(line);
    const article = new BigramCounts(grams);
    for (const seg of groups[g]!) for (const p of seg.paragraphs) for (const line of p.lines) article.add(line);
    return Math.max(0, headlineScore(grams, section, article));
  };
  const { picks: chosen, leftover } = chooseTitles(candidates, groups.length, isOrphan, asHeading, (c, a) => {
    let score = headlineScore(wordsOf(c), bodies[a]!, pageCounts);
    if (precedes(seq, c.at, firstAt[a]!)) score += ADJACENT;
    if (isOrphan(c)) score += ORPHAN;
    explain?.(`${c.lines.join('|')} → article ${a}: ${score.toFixed(2)}`);
    return score;
  });

  // 5. Unchosen headlines right before an article's first segment open its first section (with a
  //    unit split into a title and more, the pieces left over).
  for (const c of [...candidates, ...leftover]) {
    if (chosen.some((t) => t.candidate.unit === c.unit && (c.lines === c.unit.lines || t.candidate.lines === c.lines))) continue;
    const g = groups.findIndex((group) => precedes(seq, c.at, group[0]!.at));
    if (g >= 0 && !groups[g]![0]!.heading) groups[g]![0]!.heading = { ...c.unit, lines: c.lines };
  }

  // 6. Bylines that no headline took: the article whose body follows them.
  const looseBylines = new Map<number, string>();
  seq.forEach((x, at) => {
    if ('paragraphs' in x || x.kind !== 'byline' || bylineTaken.has(x)) return;
    const g = groups.findIndex((group) => group[0]!.at > at);
    if (g >= 0 && !looseBylines.has(g)) looseBylines.set(g, x.text);
  });

  const articles: Article[] = groups.flatMap((group, g): Article[] => {
    const title = chosen.find((t) => t.article === g);
    // The headline: the chosen title's lines, with the kicker above them and the subtitle below.
    // A kicker taken as the title of this very body, over a fake-bold headline no article took,
    // is that headline's kicker (the headline then opened the body as its heading).
    let titleLines = title?.candidate.lines ?? null;
    let unit = title?.candidate.unit;
    let kickerUnit = unit && titleLines![0] === unit.lines[0] ? kickerOf.get(unit) : undefined;
    const below = unit && titleOfKicker.get(unit);
    if (below && titleLines === unit!.lines && !chosen.some((t) => t.candidate.unit === below)) {
      kickerUnit = unit;
      unit = below;
      titleLines = below.lines;
      if (group[0]!.heading?.first === below.first) group[0]!.heading = null;
    }
    const sections = buildSections(group);
    let titleText: string | null = titleLines ? joinTitle(titleLines) : null;
    if (!titleText && sections[0]?.heading) {
      // No title, but a headline opens the body: it is the title the page printed. Its section's
      // paragraphs stay: they open the body.
      const first = sections[0];
      titleText = first.heading;
      first.heading = null;
      if (first.paragraphs.length === 0) sections.shift();
    }
    const byline = title?.candidate.byline?.text ?? looseBylines.get(g) ?? null;
    const kicker = kickerUnit && kickerUnit !== unit && !chosen.some((t) => t.candidate.unit === kickerUnit && t.article !== g) ? joinTitle(kickerUnit.lines) : null;
    const subtitle = unit && titleLines && titleLines[titleLines.length - 1] === unit.lines[unit.lines.length - 1] ? (subtitleOf.get(unit) ?? null) : null;
    return [{ id: articleId(titleText ?? '', sections), kicker, title: titleText || null, subtitle, byline, sections }];
  });
  return { notes, articles: articles.filter((a) => a.sections.some((s) => s.paragraphs.length > 0)) };
}

/**
 * How little two bodies may share their words and still be one article's. Short texts share few
 * bigrams by chance, so only bodies long enough to tell (a few hundred characters each) are held
 * to the higher bar.
 */
function subjectCut(group: readonly Segment[], seg: Segment): number {
  const chars = (segs: readonly Segment[]): number => segs.reduce((n, s) => n + s.paragraphs.reduce((m, p) => m + p.lines.reduce((k, l) => k + l.length, 0), 0), 0);
  return chars(group) >= LONG_ENOUGH && chars([seg]) >= LONG_ENOUGH ? SUBJECT_CUT_LONG : SUBJECT_CUT;
}

/** Cosine of the bigram counts of an article so far and of a segment: how much they share their words. */
function sharedWords(group: readonly Segment[], seg: Segment): number {
  const a = new BigramCounts();
  for (const s of group) for (const p of s.paragraphs) for (const line of p.lines) a.add(line);
  const b = new BigramCounts();
  for (const p of seg.paragraphs) for (const line of p.lines) b.add(line);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [g, n] of a.counts) {
    na += n * n;
    dot += n * b.get(g);
  }
  for (const n of b.counts.values()) nb += n * n;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Step 1: the page's units in printed order, with runs of paragraphs gathered into segments. */
function segmentRuns(units: readonly Unit[], lines: readonly PrintedLine[]): (Unit | Segment)[] {
  const seq: (Unit | Segment)[] = [];
  for (let u = 0; u < units.length; u++) {
    const unit = units[u]!;
    const last = seq[seq.length - 1];
    if (unit.kind === 'paragraph') {
      // Two columns of different measures printed one after the other are two bodies; so are two
      // pieces that a rebuilt reading order put side by side with nothing running across.
      const prev = last && 'paragraphs' in last ? last.paragraphs[last.paragraphs.length - 1]! : null;
      if (last && 'paragraphs' in last && !(prev && measureChanges(last.paragraphs, fullWidthsFrom(units, u))) && !lines[unit.first]!.afterJump) last.paragraphs.push(unit);
      else seq.push({ paragraphs: [unit], heading: null, continues: false, at: seq.length });
    } else {
      seq.push(unit);
    }
  }
  return seq;
}

/**
 * Step 2: the segments grouped into articles (each segment marked as opening a section under a
 * heading, or continuing the one before), and the headlines that became section headings.
 */
function groupSegments(seq: readonly (Unit | Segment)[]): { groups: Segment[][]; usedAsHeading: Set<HeadlineUnit> } {
  const segments = seq.filter((x): x is Segment => 'paragraphs' in x);
  const usedAsHeading = new Set<HeadlineUnit>();
  const groups: Segment[][] = [];
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s]!;
    const prev = segments[s - 1];
    if (!prev) {
      groups.push([seg]);
      continue;
    }
    const between = seq.slice(prev.at + 1, seg.at) as Unit[];
    let relation = relate(prev, seg, between);
    // A section goes on with its article's subject; another article's body under its own title
    // has a subject of its own: the two bodies hardly share their words.
    if (relation === 'section' && sharedWords(groups[groups.length - 1]!, seg) < subjectCut(groups[groups.length - 1]!, seg)) relation = 'cut';
    if (relation === 'cut') {
      groups.push([seg]);
      continue;
    }
    if (relation === 'continue') seg.continues = true;
    else {
      const heads = between.filter((u): u is HeadlineUnit => u.kind === 'headline');
      for (const h of heads) usedAsHeading.add(h);
      // A heading's two lines printed as two units (a blank line between them) are one heading.
      seg.heading = heads.length === 1 ? heads[0]! : { ...heads[0]!, last: heads[1]!.last, lines: [...heads[0]!.lines, ...heads[1]!.lines] };
    }
    groups[groups.length - 1]!.push(seg);
  }
  return { groups, usedAsHeading };
}

type Relation = 'cut' | 'section' | 'continue';

/**
 * A segment's column measure: the median width of its full lines and their interquartile spread,
 * and the most common width with the share of lines that have it (full lines of a column are
 * mostly exactly as wide as each other).
 */
interface Measure {
  width: number;
  spread: number;
  mode: number;
  modeShare: number;
  /** How many full lines have each width. */
  counts: Map<number, number>;
  lines: number;
}

function shareAt(m: Measure, width: number): number {
  return (m.counts.get(width) ?? 0) / Math.max(1, m.lines);
}

/** How two consecutive body segments relate, given the units printed between them. */
function relate(prev: Segment, next: Segment, between: readonly Unit[]): Relation {
  const last = prev.paragraphs[prev.paragraphs.length - 1]!;
  const first = next.paragraphs[0]!;
  // A sentence broken off and taken up again: one flow, whatever was drawn in between.
  if (!last.complete && !first.indented) return 'continue';
  if (between.some((u) => u.kind === 'note' || u.kind === 'furniture' || u.kind === 'byline')) return 'cut';
  const headlines = between.filter((u): u is HeadlineUnit => u.kind === 'headline');
  // One headline, or a heading's two lines printed apart: two single lines one after the other,
  // neither fake bold (a title's mark) — else a title and what goes with it, or two titles.
  const twoLineHeading =
    headlines.length === 2 &&
    between.length === 2 &&
    headlines.every((h) => h.lines.length === 1 && !h.doubled) &&
    headlines[1]!.first === headlines[0]!.last + 1;
  if (headlines.length !== 1 && !twoLineHeading) return 'cut';
  // One headline between two bodies of the same measure: a section heading of one article.
  // Machine-set pages fill every line to the measure exactly; real ones vary by an em or so with
  // punctuation compression, so the tolerance follows the spread of each side's full lines.
  const a = (prev.measure ??= measure(prev));
  const b = (next.measure ??= measure(next));
  // Most full lines of each exactly one width, and the two widths differ: two columns.
  if (a.mode !== b.mode && a.modeShare >= 0.5 && b.modeShare >= 0.5 && shareAt(a, b.mode) < 0.15 && shareAt(b, a.mode) < 0.15) return 'cut';
  return Math.abs(a.width - b.width) < 0.9 + Math.max(a.spread, b.spread) ? 'section' : 'cut';
}

/** The column measure of a segment (median width of lines inside paragraphs) and its spread. */
function measure(seg: Segment): Measure {
  // Full lines are inner lines, and first lines two ems of indent short of the measure. Lines
  // with Latin text are measured only roughly: left out where there are others.
  const widths: number[] = [];
  const rough: number[] = [];
  for (const p of seg.paragraphs) {
    if (p.widths.length >= 2 && p.indented) (p.slack[0] ? rough : widths).push(p.widths[0]! + 2);
    for (let i = 1; i < p.widths.length - 1; i++) (p.slack[i] ? rough : widths).push(p.widths[i]!);
  }
  if (widths.length < 3) widths.push(...rough);
  if (widths.length === 0) for (const p of seg.paragraphs) widths.push(p.measure);
  const [q25, q50, q75] = quantiles(widths, [0.25, 0.5, 0.75]);
  const counts = new Map<number, number>();
  for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
  let mode = q50!;
  let top = 0;
  for (const [w, n] of counts) if (n > top || (n === top && w > mode)) [mode, top] = [w, n];
  // A share counts only with lines enough to tell.
  return { width: q50!, spread: q75! - q25!, mode, modeShare: widths.length >= 4 ? top / widths.length : 0, counts, lines: widths.length };
}

/**
 * The measure changes after the paragraphs `before` (a segment so far), given the full-line widths
 * from the next paragraph on: each side has full lines enough to tell its measure (set without
 * Latin text), and they differ by an em or more.
 */
function measureChanges(before: readonly ParagraphUnit[], wb: readonly number[]): boolean {
  const a = before[before.length - 1]!;
  if (!a.complete) return false;
  // The last paragraph's full lines, or, too few to tell, those of the paragraphs before it too.
  const wa = fullWidths(a);
  for (let v = before.length - 2; v >= 0 && v >= before.length - 4 && wa.length < 3; v--) wa.push(...fullWidths(before[v]!));
  if (wa.length < 2 || wb.length < 2) return false;
  const [la, ha] = quantiles(wa, [0, 1]);
  const [lb, hb] = quantiles(wb, [0, 1]);
  // Every full line of one is narrower than every full line of the other, by an em.
  return lb! - ha! >= 1 || la! - hb! >= 1;
}

/** Widths of a paragraph's full lines (inner lines without Latin text, not letter-spaced). */
function fullWidths(p: ParagraphUnit): number[] {
  const out: number[] = [];
  for (let i = 1; i < p.widths.length - 1; i++) if (!p.slack[i] && !p.spread[i]) out.push(p.widths[i]!);
  return out;
}

/**
 * The full-line widths that tell the measure from paragraph `units[u]` on: its own, or, for a
 * paragraph too short to tell, its first line's room and the paragraphs right after it.
 */
function fullWidthsFrom(units: readonly Unit[], u: number): number[] {
  const first = units[u] as ParagraphUnit;
  const own = fullWidths(first);
  if (own.length >= 2) return own;
  if (first.indented && !first.slack[0] && !first.spread[0] && first.widths.length >= 2) own.push(first.widths[0]! + 2);
  for (let v = u + 1; v < units.length && v <= u + 3 && own.length < 3; v++) {
    const next = units[v]!;
    if (next.kind !== 'paragraph') break;
    own.push(...fullWidths(next));
  }
  return own;
}

function isHeadline(x: Unit | Segment | undefined): boolean {
  return !!x && !('paragraphs' in x) && x.kind === 'headline';
}

/** True when only bylines and furniture stand between sequence positions `at` and `target`. */
function precedes(seq: readonly (Unit | Segment)[], at: number, target: number): boolean {
  if (target <= at || !Number.isInteger(at)) return false;
  for (let k = at + 1; k < target; k++) {
    const x = seq[k]!;
    if ('paragraphs' in x) return false;
    if (x.kind !== 'byline' && x.kind !== 'furniture') return false;
  }
  return true;
}

interface ChosenTitle {
  candidate: Candidate;
  article: number;
}

/**
 * Chooses each article's title among the candidates. A headline of three lines or more may be
 * several titles printed together: every split into groups of one to three lines is tried.
 */
function chooseTitles(
  candidates: Candidate[],
  articles: number,
  isOrphan: (c: Candidate) => boolean,
  asHeading: (c: Candidate) => number,
  score: (c: Candidate, a: number) => number,
): { picks: ChosenTitle[]; leftover: Candidate[] } {
  if (articles === 0 || articles > 12) return { picks: [], leftover: [] };
  const options = candidates.map((c) => splits(c));
  let best: { total: number; picks: ChosenTitle[]; leftover: Candidate[] } = { total: -Infinity, picks: [], leftover: [] };
  // Try each combination of splits (few: most headlines have one or two lines).
  const combos = cartesian(options.map((o) => o.length), 64);
  for (const combo of combos) {
    const flat = combo.flatMap((k, c) => options[c]![k]!);
    // A piece left to head its section keeps that role's worth; choosing it as a title gives it up.
    const kept = flat.map((c) => asHeading(c));
    const matrix = flat.map((c, i) => Array.from({ length: articles }, (_, a) => score(c, a) - kept[i]!));
    const picks = assign(matrix, articles, 0);
    // A two-line headline read as two pieces is two neighbouring articles' titles printed
    // together, or nothing: a two-line title with its section heading is not told apart so.
    if (flat.some((c, i) => picks[i]! < 0 && c.unit.lines.length === 2 && c.lines.length === 1)) continue;
    let total = kept.reduce((x, y) => x + y, 0);
    const chosen: ChosenTitle[] = [];
    picks.forEach((a, i) => {
      if (a < 0) return;
      total += matrix[i]![a]!;
      chosen.push({ candidate: flat[i]!, article: a });
    });
    // Orphans' scores carry the cost of leaving them unused (see ORPHAN); splitting must pay for
    // itself: each extra piece costs a little.
    total -= ORPHAN * flat.filter(isOrphan).length + 0.5 * (flat.length - candidates.length);
    // How titles are set: mostly two lines (a phrase and its complement), often one, seldom three.
    // Only headlines of three lines or more can be read several ways; their reading pays this.
    for (const piece of flat) if (piece.unit.lines.length >= 2) total -= titleShapeCost(piece.lines.length);
    if (total > best.total) {
      // Pieces of a split unit that no article took.
      const leftover = flat.filter((c, i) => picks[i]! < 0 && c.lines !== c.unit.lines && chosen.some((t) => t.candidate.unit === c.unit));
      best = { total, picks: chosen, leftover };
    }
  }
  return { picks: best.picks, leftover: best.leftover };
}

/** −log of how often a title runs to `lines` lines (two: 0.6, one: 0.3, three: 0.1, more: less). */
function titleShapeCost(lines: number): number {
  if (lines === 2) return 0.5;
  if (lines === 1) return 1.2;
  return 2.3 + 1.5 * (lines - 3);
}

/** Ways to read a headline unit as one or several consecutive titles. */
function splits(c: Candidate): Candidate[][] {
  const n = c.lines.length;
  if (n < 2 || n > 8) return [[c]];
  const out: Candidate[][] = [];
  const walk = (start: number, acc: Candidate[]): void => {
    if (start === n) {
      out.push(acc);
      return;
    }
    for (let size = 1; size <= 3 && start + size <= n; size++) {
      const last = start + size === n;
      const piece: Candidate = {
        unit: c.unit,
        lines: c.lines.slice(start, start + size),
        byline: last ? c.byline : null,
        at: last ? c.at : c.at - 0.5, // earlier pieces are not adjacent to what follows
      };
      walk(start + size, [...acc, piece]);
    }
  };
  walk(0, []);
  // The unit read whole first: where a page has more ways than are tried, the rest read whole.
  return out.sort((a, b) => a.length - b.length);
}

function cartesian(sizes: readonly number[], limit: number): number[][] {
  let out: number[][] = [[]];
  for (const size of sizes) {
    const next: number[][] = [];
    for (const prefix of out) for (let k = 0; k < size && next.length < limit; k++) next.push([...prefix, k]);
    out = next;
  }
  return out;
}

function buildSections(group: readonly Segment[]): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  for (const seg of group) {
    if (seg.heading || !current) {
      current = { heading: seg.heading ? joinTitle(seg.heading.lines) : null, paragraphs: [] };
      sections.push(current);
    }
    seg.paragraphs.forEach((p, i) => {
      const text = joinLines(p.lines);
      if (i === 0 && seg.continues && current!.paragraphs.length > 0) {
        current!.paragraphs[current!.paragraphs.length - 1] = joinLines([current!.paragraphs[current!.paragraphs.length - 1]!, text]);
      } else {
        current!.paragraphs.push(text);
      }
    });
  }
  return sections.filter((s, i) => i > 0 || s.heading !== null || s.paragraphs.length > 0);
}
