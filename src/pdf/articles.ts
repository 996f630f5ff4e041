import { articleId } from '../clean/slug.ts';
import type { Article, Section } from '../clean/types.ts';
import type { Block } from './blocks.ts';
import type { Line } from './geometry.ts';

/**
 * Blocks in reading order → the Page model. Roles come from type size against the body text that
 * follows (a title is set at 1.6 times the body or more, a section heading a little larger than
 * the body or bold at its size, a kicker or subtitle between them, captions and credits smaller),
 * from shape (text runs to sentences and several lines, a headline does not) and from position
 * (a kicker before its title, a subtitle and byline after it, all before the body; page furniture
 * in the page's top and bottom rows).
 */

/** A headline this many times the body's size or more is a title; below it, a heading or deck. */
const TITLE_RATIO = 1.45;
/** A block this much larger than the body (or bold at its size) is a headline of some kind. */
const HEADLINE_RATIO = 1.02;
/** A deck under the title that does not open with —— is a subtitle from this size up (a section heading below it). */
const SUBTITLE_RATIO = 1.3;
/** A block of sentences this much larger than the body under the next title is that title's lead. */
const LEAD_RATIO = 1.25;
/** Smaller than this against the body: a caption, credit or byline, not body text. */
const SMALL_RATIO = 0.93;
/** A paragraph's first line is set in by two ems; more than this many ems counts as set in. */
const INDENT = 1.2;

const SENTENCE_END = /[。！？!?…][”’」』）)]*$/u;
const BYLINE_CUE = /记者|通讯员|特约|本报|撰稿|作者|文[／/]|图[／/]|摄影/u;
const FURNITURE = /^[—–\-－\s]*\d+[—–\-－\s]*$|第\s*\d+\s*版|星期[一二三四五六日天]|\d{4}\s*年\s*\d+\s*月\s*\d+\s*日/u;

/** The parts of one article, before it becomes the Page model's `Article` (one place: `toArticle`). */
export interface ArticleParts {
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  byline: string | null;
  sections: Section[];
}

/** The Page model's article from its parts (no title when none was found: nothing is invented). */
export function toArticle(parts: ArticleParts): Article {
  const { kicker, title, subtitle, byline, sections } = parts;
  return { id: articleId(title ?? '', sections), kicker, title, subtitle, byline, sections };
}

/** Text runs to several lines or to sentences; a headline may end with ？ or ！, not go on after one. */
function isTextLike(block: Block): boolean {
  return block.lines.length >= 3 || /[。；]|[！？][”’」』）]*[^\s”’」』）]/u.test(block.text) || [...block.text].length > 45;
}

/** What a draft article holds, in reading order, until its sections are made (`finish`). */
type Item = { kind: 'heading'; block: Block } | { kind: 'body'; block: Block };

interface Draft {
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  byline: string | null;
  /** Lead paragraphs set above the headline. */
  lead: string[];
  items: Item[];
  /** The body has begun. */
  body: boolean;
  /** The title's (last) block. */
  titleBlock: Block | null;
}

function emptyDraft(): Draft {
  return { kicker: null, title: null, subtitle: null, byline: null, lead: [], items: [], body: false, titleBlock: null };
}

/** Lays out one page's blocks (in reading order) as articles. */
export function layoutArticles(blocks: readonly Block[], columnEdges: readonly number[]): ArticleParts[] {
  const content = dropFurniture(blocks);
  const bodySizes = content.map((_, i) => bodySizeFrom(content, i));
  const drafts: Draft[] = [];
  let draft: Draft | null = null;
  const startNew = (): Draft => {
    const d = emptyDraft();
    drafts.push(d);
    return d;
  };
  for (let i = 0; i < content.length; i++) {
    const block = content[i]!;
    const body = bodySizes[i]!;
    const ratio = block.size / body;
    // Larger than the body and without a sentence's end: a headline, however long it runs.
    const text = isTextLike(block) && !(ratio >= HEADLINE_RATIO && block.lines.length <= 4 && !/[。；]/u.test(block.text));
    const heading = !text && (ratio >= HEADLINE_RATIO || block.bold);
    const next = content[i + 1];
    if (!text && ratio >= TITLE_RATIO && !(draft && !draft.body && draft.titleBlock) && next && isKickerOver(block, next)) {
      // A kicker set large (title-sized against the body), right above a title far larger still.
      draft = startNew();
      draft.kicker = headlineText(block);
      continue;
    }
    if (!text && ratio >= TITLE_RATIO) {
      // A second title-sized block right under a title not yet followed by body goes on it (a
      // title's two lines are often set at two sizes, the longer one smaller to fit).
      const above = draft?.titleBlock;
      if (draft && !draft.body && above && block.top - above.bottom < 0.8 * block.size && overlaps(block, above)) {
        draft.title = `${draft.title ?? ''} ${headlineText(block)}`;
        draft.titleBlock = block;
        continue;
      }
      const before: Draft | null = draft;
      if (!draft || draft.body || draft.title !== null) draft = startNew();
      draft.title = headlineText(block);
      draft.titleBlock = block;
      // Its byline, set just under it but outside its width, may have been read before it.
      const last = before?.items.at(-1);
      if (before && before !== draft && last?.kind === 'heading' && (isName(last.block) || isBylineLike(last.block)) && isBylineOf(last.block, block, content[i + 1])) {
        before.items.pop();
        draft.byline = headlineText(last.block);
      }
      continue;
    }
    // Sentences in type larger than the text under the title that follows them: that title's lead.
    const leadOver = text && next !== undefined && !isTextLike(next) && next.size / bodySizes[i + 1]! >= TITLE_RATIO && block.size >= LEAD_RATIO * bodySizes[i + 1]!;
    if (text && (ratio >= 1.08 || leadOver) && (!draft || draft.body || draft.title === null)) {
      // Larger type than the body, shaped like text: a lead set above the headline.
      if (!draft || draft.body) draft = startNew();
      draft.lead.push(...paragraphs(block, columnEdges).map((p) => p.text));
      continue;
    }
    if (heading) {
      if (draft && !draft.body && draft.title !== null) {
        // Under the title: a subtitle (often opening with ——), or a byline (a name or two, at about the body's size).
        // A headline at a section heading's size that does not open with —— heads the first section.
        const name = isName(block) && ratio < 1.15;
        const dash = /^[—–]/u.test(block.text);
        if (draft.subtitle === null && !dash && (name || BYLINE_CUE.test(block.text))) draft.byline ??= headlineText(block);
        else if (draft.subtitle === null && (dash || ratio >= SUBTITLE_RATIO)) draft.subtitle = headlineText(block);
        else if (!dash && ratio < SUBTITLE_RATIO) {
          draft.items.push({ kind: 'heading', block });
          draft.body = true;
        } else draft.byline ??= headlineText(block);
        continue;
      }
      if (next && next.size / bodySizes[i + 1]! >= TITLE_RATIO && !isTextLike(next) && isRightAbove(block, next)) {
        // A kicker: a smaller headline right above a title.
        draft = startNew();
        draft.kicker = headlineText(block);
        continue;
      }
      if (draft?.body) {
        // A byline set after a lead, or beside the title: a name (or cue word) at about body size, early on.
        const early = draft.items.filter((item) => item.kind === 'body').length <= 1;
        if (early && draft.byline === null && ratio < 1.15 && (isName(block) || isBylineLike(block))) draft.byline = headlineText(block);
        else draft.items.push({ kind: 'heading', block });
        continue;
      }
      if (!draft) {
        draft = startNew();
        draft.items.push({ kind: 'heading', block });
        continue;
      }
      // Before the title of a draft with a lead or kicker: another kicker line.
      draft.kicker = draft.kicker === null ? headlineText(block) : `${draft.kicker} ${headlineText(block)}`;
      continue;
    }
    if (ratio < SMALL_RATIO) {
      if (BYLINE_CUE.test(block.text) && block.lines.length <= 2 && draft && !draft.body) draft.byline ??= headlineText(block);
      // Otherwise a caption, a credit or a table: not article text.
      continue;
    }
    // Body text (or a short line at body size: a byline before the body, a dateline).
    const early = !draft || draft.items.filter((item) => item.kind === 'body').length <= 1;
    if (!text && isBylineLike(block) && early && draft?.byline == null) {
      draft ??= startNew();
      draft.byline ??= block.text;
      continue;
    }
    if (!draft) draft = startNew();
    if (!draft.body) takeBack(drafts, draft, block);
    draft.items.push({ kind: 'body', block });
    draft.body = true;
  }
  settleByMeasure(drafts);
  return drafts.map((d) => finish(d, columnEdges)).filter((a) => a.sections.length > 0);
}

/**
 * An article is set at one measure. Body blocks read at the border of two articles of different
 * measures (a column after the next title, a column before its own) go to the one whose measure
 * they have.
 */
function settleByMeasure(drafts: readonly Draft[]): void {
  for (let i = 1; i < drafts.length; i++) {
    const a = drafts[i - 1]!;
    const b = drafts[i]!;
    const ma = dominantMeasure(a);
    const mb = dominantMeasure(b);
    if (ma === null || mb === null) continue;
    const fits = (item: Item, mine: number, other: number): boolean =>
      item.kind === 'body' && Math.abs(measure(item.block) - mine) < item.block.size && Math.abs(measure(item.block) - other) >= item.block.size;
    // A section heading goes with the body block under it.
    const lead = (): number => (fits(b.items[0]!, ma, mb) ? 1 : b.items[0]!.kind === 'heading' && b.items.length > 2 && fits(b.items[1]!, ma, mb) ? 2 : 0);
    for (let n = lead(); n > 0 && b.items.length > n; n = lead()) a.items.push(...b.items.splice(0, n));
    while (a.items.length > 1 && fits(a.items.at(-1)!, mb, ma)) b.items.unshift(a.items.pop()!);
  }
}

/** The measure most of a draft's body text is set at (body blocks of three lines or more), or null. */
function dominantMeasure(draft: Draft): number | null {
  const weight = new Map<number, number>();
  for (const item of draft.items) {
    if (item.kind !== 'body' || item.block.lines.length < 3) continue;
    const key = Math.round(measure(item.block) / item.block.size);
    weight.set(key, (weight.get(key) ?? 0) + item.block.text.length);
  }
  const best = [...weight].sort((x, y) => y[1] - x[1])[0];
  if (!best) return null;
  const sample = draft.items.find((item) => item.kind === 'body' && item.block.lines.length >= 3 && Math.round(measure(item.block) / item.block.size) === best[0]);
  return sample ? measure(sample.block) : null;
}

/**
 * Columns of an article read before its title: a title narrower than its article leaves the
 * first columns free of it, so the cut reads them first, at the end of the article before. They
 * go back to this title when they lie below it and the article before has its title above this
 * one (an article of an earlier row) and does not hold their column beside this title, or when
 * they are set at this article's measure (the width of `first`, its first column read after the
 * title) and not at the article before's.
 */
function takeBack(drafts: readonly Draft[], draft: Draft, first: Block): void {
  const title = draft.titleBlock;
  const previous = drafts.at(-2);
  if (!title || !previous || previous === draft) return;
  const bodies = previous.items.filter((item) => item.kind === 'body' && item.block.lines.length >= 3);
  const theirs = bodies.length > 0 ? measure(bodies[0]!.block) : null;
  const ours = measure(first);
  const earlierRow = !previous.titleBlock || previous.titleBlock.bottom < title.top;
  const tolerance = first.size;
  const limit = title.bottom - 0.5 * title.size;
  let k = previous.items.length;
  while (k > 0) {
    const { kind, block } = previous.items[k - 1]!;
    // Below the title, in a column the article before does not hold above it.
    // Below the title, and not in a column of the article before that runs down beside the title.
    const beside = (item: Item): boolean => item.block.top < limit && item.block.bottom > title.top && overlapsX(item.block, block);
    const below = block.top >= limit && (overlapsX(title, block) || !previous.items.slice(0, k - 1).some(beside));
    const ourMeasure = kind === 'heading' || (Math.abs(measure(block) - ours) < tolerance && (theirs === null || Math.abs(measure(block) - theirs) > tolerance));
    if (!(earlierRow ? below : ourMeasure && block.top >= title.top)) break;
    k--;
  }
  // An article with a title keeps its own text; text before any title may all be this title's.
  if (k === previous.items.length || (k === 0 && previous.title !== null)) return;
  draft.items.unshift(...previous.items.splice(k));
}

/** A body block's measure: its width, without hung punctuation. */
function measure(block: Block): number {
  return block.x1 - Math.max(block.x0, modeLeft(block.lines));
}

function finish(draft: Draft, columnEdges: readonly number[]): ArticleParts {
  const sections: Section[] = [];
  if (draft.lead.length > 0) sections.push({ heading: null, paragraphs: [...draft.lead] });
  let open = false;
  for (const item of draft.items) {
    if (item.kind === 'heading') {
      sections.push({ heading: headlineText(item.block), paragraphs: [] });
      open = false;
      continue;
    }
    if (sections.length === 0) sections.push({ heading: null, paragraphs: [] });
    const section = sections.at(-1)!;
    const parts = paragraphs(item.block, columnEdges);
    for (const [k, part] of parts.entries()) {
      if (k === 0 && !part.setIn && open && section.paragraphs.length > 0) section.paragraphs[section.paragraphs.length - 1] += part.text;
      else section.paragraphs.push(part.text);
    }
    const last = parts.at(-1);
    open = last !== undefined && (!SENTENCE_END.test(last.text) || !last.short);
  }
  // A heading with nothing under it is not a section.
  const kept = sections.filter((s) => s.paragraphs.length > 0);
  return { kicker: draft.kicker, title: draft.title, subtitle: draft.subtitle, byline: draft.byline, sections: kept };
}

interface Paragraph {
  text: string;
  /** Its first line is set in (a paragraph's start, not a column's continuation). */
  setIn: boolean;
  /** Its last line stops short of the column's measure. */
  short: boolean;
}

/** A text block's paragraphs: a line set in from the column's left edge starts one. */
function paragraphs(block: Block, columnEdges: readonly number[]): Paragraph[] {
  const out: Paragraph[] = [];
  const right = block.x1;
  for (const line of block.lines) {
    const setIn = indentOf(line, block, columnEdges) >= INDENT;
    const last = out.at(-1);
    if (last && !setIn) last.text += line.text;
    else out.push({ text: line.text, setIn, short: false });
    out.at(-1)!.short = line.x1 < right - line.size;
  }
  return out;
}

/** How far a line is set in from its column's left edge, in ems. */
function indentOf(line: Line, block: Block, columnEdges: readonly number[]): number {
  const hang = /^[“‘「『（《]/u.test(line.text) ? line.size : 0;
  return (line.x0 + hang - columnLeft(block, columnEdges)) / line.size;
}

const lefts = new WeakMap<Block, number>();

/**
 * A block's column's left edge: where most of its lines start; for a block of one or two lines,
 * the nearest column edge of the page at or left of it (within three ems).
 */
function columnLeft(block: Block, columnEdges: readonly number[]): number {
  const known = lefts.get(block);
  if (known !== undefined) return known;
  let left = block.x0;
  if (block.lines.length >= 3) left = modeLeft(block.lines);
  else {
    for (const x of columnEdges) if (x <= block.x0 + 0.3 * block.size && block.x0 - x <= 3 * block.size) left = Math.min(left, x);
  }
  lefts.set(block, left);
  return left;
}

/** The commonest left edge of lines (hung punctuation aside). */
export function modeLeft(lines: readonly Line[]): number {
  const counts = new Map<number, number>();
  for (const l of lines) {
    if (/^[“‘「『（《]/u.test(l.text)) continue;
    const key = Math.round(l.x0 * 2) / 2;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return best ? best[0] : Math.min(...lines.map((l) => l.x0));
}

/** A headline's lines joined: a line that fills its measure wraps on (no space), else a space. */
function headlineText(block: Block): string {
  return block.lines.map((l) => l.text).join(' ');
}

/**
 * The size of the body text that follows block `i` (the next block of text), else the page's
 * commonest. A block of sentences is body text itself; a headline of several lines is not.
 */
function bodySizeFrom(blocks: readonly Block[], i: number): number {
  const start = /[。；]/u.test(blocks[i]!.text) ? i : i + 1;
  for (let j = start; j < blocks.length; j++) {
    const b = blocks[j]!;
    if (b.lines.length >= 2 && isTextLike(b) && !isWrappedHeadline(b) && b.size < blocks[i]!.size * 1.5) return b.size;
  }
  return commonSize(blocks);
}

/** A headline wrapped to a few short lines: no sentence in it, however many lines (not body text). */
function isWrappedHeadline(block: Block): boolean {
  return block.lines.length <= 4 && [...block.text].length <= 45 && !/[。；，！？]/u.test(block.text);
}

function commonSize(blocks: readonly Block[]): number {
  const chars = new Map<number, number>();
  for (const b of blocks) {
    const key = Math.round(b.size * 10) / 10;
    chars.set(key, (chars.get(key) ?? 0) + b.text.length);
  }
  return [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

/**
 * Drops the page's top and bottom rows when they are furniture (page number, date, section, the
 * paper's name: short single lines on one baseline, set apart from the page's text), and page
 * numbers and dates anywhere.
 */
function dropFurniture(blocks: readonly Block[]): Block[] {
  const single = (b: Block): boolean => b.lines.length === 1 && !isTextLike(b) && [...b.text].length <= 30;
  const row = (from: number, step: 1 | -1): number => {
    const first = blocks[from];
    if (!first || !single(first)) return 0;
    let n = 0;
    for (let i = from; i >= 0 && i < blocks.length; i += step) {
      const b = blocks[i]!;
      if (!single(b) || Math.abs(b.lines[0]!.y - first.lines[0]!.y) > Math.max(b.size, first.size)) break;
      n++;
    }
    return n;
  };
  const marked = (pieces: readonly Block[]): boolean => pieces.length >= 2 || pieces.some((b) => FURNITURE.test(b.text) || /\d/u.test(b.text));
  let start = row(0, 1);
  const topRow = blocks.slice(0, start);
  const next = blocks[start];
  const apart = next !== undefined && next.top - Math.max(...topRow.map((b) => b.bottom)) > 1.2 * Math.max(...topRow.map((b) => b.size));
  if (start === 0 || !apart || !marked(topRow)) start = 0;
  let end = blocks.length - row(blocks.length - 1, -1);
  if (end <= start || !marked(blocks.slice(end))) end = blocks.length;
  return blocks.slice(start, end).filter((b) => !(b.lines.length === 1 && FURNITURE.test(b.text)));
}

/** Two blocks share some of their width. */
function overlapsX(a: Block, b: Block): boolean {
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0;
}

/** Two blocks overlap in x by half the narrower one's width. */
function overlaps(a: Block, b: Block): boolean {
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.5 * Math.min(a.x1 - a.x0, b.x1 - b.x0);
}

/** A line naming who wrote the article: short, a cue word, no clause (a dateline's opening is not one). */
function isBylineLike(block: Block): boolean {
  const text = block.text;
  if (block.lines.length !== 1 || [...text].length > 30 || /[，。：]|讯/u.test(text)) return false;
  if ((text.match(/[（(]/gu) ?? []).length !== (text.match(/[）)]/gu) ?? []).length) return false;
  return BYLINE_CUE.test(text);
}

/** A kicker is at most about half its title's size: a title's two lines set at two sizes to fit differ less (up to 1.7 in the corpus's build half). */
const KICKER_RATIO = 1.8;

/** `block` is a one-line headline right above `next`, a headline at least KICKER_RATIO times its size. */
function isKickerOver(block: Block, next: Block): boolean {
  return block.lines.length === 1 && next.size >= KICKER_RATIO * block.size && !isTextLike(next) && isRightAbove(block, next);
}

/** `a` sits right above `b` (within one and a half of its lines), overlapping it in x. */
function isRightAbove(a: Block, b: Block): boolean {
  return a.bottom <= b.top + 0.2 * a.size && b.top - a.bottom < 1.5 * a.size && overlaps(a, b);
}

/** Bare names: one line of two or three Han characters, or a few such set apart by spaces (a byline without a cue word). */
function isName(block: Block): boolean {
  return block.lines.length === 1 && /^\p{Script=Han}{2,3}(?: \p{Script=Han}{2,3}){0,3}$/u.test(block.text);
}

/**
 * `line` sits where a title's byline goes: just under the title's top, within two lines of its
 * bottom, and near it in x or right over the first column under it (`next`: a title centred over
 * its article's columns leaves the byline at the article's left edge, far from the title).
 */
function isBylineOf(line: Block, title: Block, next: Block | undefined): boolean {
  if (line.top < title.top || line.top - title.bottom >= 2 * line.size) return false;
  if (line.x1 > title.x0 - 3 * title.size && line.x0 < title.x1 + 3 * title.size) return true;
  return next !== undefined && next.top >= line.bottom && next.top - line.bottom < 3 * line.size && line.x0 >= next.x0 - line.size && line.x0 < next.x1;
}
