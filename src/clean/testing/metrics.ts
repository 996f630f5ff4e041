/**
 * The cleaner's figures on pages with a known answer (the corpus, the fixtures, the seed):
 * attribution, body character F1, section headings, paragraph starts, kickers and subtitles,
 * notes, and articles that do not exist. Shared by `npm run eval:clean` and the corpus test.
 * Pure TypeScript (no Node APIs).
 */
import type { Article, Page } from '../types.ts';
import { norm } from './score.ts';

/** One article of a page's ground truth, as `expected.json` holds it. */
export interface TruthArticle {
  title: string | null;
  kicker?: string | null;
  subtitle?: string | null;
  byline: string | null;
  headings: string[];
  paragraphs: string[];
  sections: { heading: string | null; paragraphs: string[] }[];
}

/** A page's ground truth. */
export interface TruthPage {
  articles: TruthArticle[];
  notes: string[];
}

/** An output article as the cleaner gives it; kicker and subtitle where the model has them. */
type OutArticle = Article & { kicker?: string | null; subtitle?: string | null };

/** Counts that add up over pages; {@link summarise} turns them into figures. */
export interface Tally {
  pages: number;
  articles: number;
  /** Expected articles whose body was found (F1 ≥ 0.9) under the right title and byline. */
  attributed: number;
  /** Sum over expected articles of the body F1 of the output article that holds most of it. */
  bodyF1: number;
  headings: Counts;
  starts: Counts;
  decks: Counts;
  notes: Counts;
  /** Output articles that are no expected article's best match. */
  inventedArticles: number;
  /** Pages the cleaner refused (threw on). */
  refused: number;
}

/** True positives, output items and expected items, for an F1. */
export interface Counts {
  hit: number;
  got: number;
  want: number;
}

export function emptyTally(): Tally {
  const c = (): Counts => ({ hit: 0, got: 0, want: 0 });
  return { pages: 0, articles: 0, attributed: 0, bodyF1: 0, headings: c(), starts: c(), decks: c(), notes: c(), inventedArticles: 0, refused: 0 };
}

export function addTally(a: Tally, b: Tally): Tally {
  const c = (x: Counts, y: Counts): Counts => ({ hit: x.hit + y.hit, got: x.got + y.got, want: x.want + y.want });
  return {
    pages: a.pages + b.pages,
    articles: a.articles + b.articles,
    attributed: a.attributed + b.attributed,
    bodyF1: a.bodyF1 + b.bodyF1,
    headings: c(a.headings, b.headings),
    starts: c(a.starts, b.starts),
    decks: c(a.decks, b.decks),
    notes: c(a.notes, b.notes),
    inventedArticles: a.inventedArticles + b.inventedArticles,
    refused: a.refused + b.refused,
  };
}

/** F1 of counts; 1 when there was nothing to find and nothing was found. */
export function f1(c: Counts): number {
  if (c.got === 0 && c.want === 0) return 1;
  return (2 * c.hit) / (c.got + c.want);
}

/** The figures of a tally. */
export interface Figures {
  attribution: number;
  body: number;
  headings: number;
  starts: number;
  decks: number;
  notes: number;
  /** Non-existent articles per page. */
  invented: number;
}

export function summarise(t: Tally): Figures {
  return {
    attribution: t.articles ? t.attributed / t.articles : 1,
    body: t.articles ? t.bodyF1 / t.articles : 1,
    headings: f1(t.headings),
    starts: f1(t.starts),
    decks: f1(t.decks),
    notes: f1(t.notes),
    invented: t.pages ? t.inventedArticles / t.pages : 0,
  };
}

/** Multiset of a text's character bigrams (single characters for a text of one). */
function bigrams(text: string): Map<string, number> {
  const chars = Array.from(text);
  const out = new Map<string, number>();
  if (chars.length === 1) out.set(chars[0]!, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

function total(m: Map<string, number>): number {
  let n = 0;
  for (const v of m.values()) n += v;
  return n;
}

/**
 * Character F1 of two texts (white space ignored): the F1 of their multisets of character
 * bigrams, so that both the characters and their order (locally) count.
 */
export function charF1(want: Map<string, number>, got: Map<string, number>): number {
  const a = total(want);
  const b = total(got);
  if (a + b === 0) return 1;
  let hit = 0;
  for (const [g, n] of want) hit += Math.min(n, got.get(g) ?? 0);
  return (2 * hit) / (a + b);
}

const bodyOf = (sections: readonly { paragraphs: readonly string[] }[]): string => norm(sections.flatMap((s) => s.paragraphs).join(''));

/** The keys of a body's paragraph starts: the first characters of each paragraph but the first. */
function startKeys(paragraphs: readonly string[]): Set<string> {
  const out = new Set<string>();
  let text = '';
  for (const p of paragraphs.map(norm)) {
    // The place in the body and the text that starts there: a start is right only where it is.
    if (text) out.add(`${text.slice(-6)}|${p.slice(0, 6)}`);
    text += p;
  }
  return out;
}

function setCounts(want: readonly string[], got: readonly string[]): Counts {
  const w = new Set(want.map(norm).filter(Boolean));
  const g = new Set(got.map(norm).filter(Boolean));
  let hit = 0;
  for (const x of g) if (w.has(x)) hit++;
  return { hit, got: g.size, want: w.size };
}

const addCounts = (a: Counts, b: Counts): void => {
  a.hit += b.hit;
  a.got += b.got;
  a.want += b.want;
};

/** One page's tally, with a line per problem when `problems` is given. */
export function measurePage(page: Page | null, truth: TruthPage, problems?: string[]): Tally {
  const t = emptyTally();
  t.pages = 1;
  t.articles = truth.articles.length;
  if (!page) {
    t.refused = 1;
    for (const a of truth.articles) {
      t.headings.want += a.headings.length;
      t.starts.want += startKeys(a.paragraphs).size;
      t.decks.want += (a.kicker ? 1 : 0) + (a.subtitle ? 1 : 0);
    }
    t.notes.want += truth.notes.length;
    problems?.push('page refused');
    return t;
  }
  const out = page.articles as OutArticle[];
  const outGrams = out.map((a) => bigrams(bodyOf(a.sections)));
  const matched = new Set<number>();
  for (const want of truth.articles) {
    const grams = bigrams(bodyOf(want.sections.length ? want.sections : [{ paragraphs: want.paragraphs }]));
    let best = -1;
    let bestF1 = 0;
    outGrams.forEach((g, i) => {
      const f = charF1(grams, g);
      if (f > bestF1) [best, bestF1] = [i, f];
    });
    const label = `「${want.title ?? want.paragraphs[0]?.slice(0, 12)}」`;
    t.headings.want += want.headings.length;
    t.starts.want += startKeys(want.paragraphs).size;
    const wantDecks = [want.kicker ? `k:${norm(want.kicker)}` : '', want.subtitle ? `s:${norm(want.subtitle)}` : ''].filter(Boolean);
    t.decks.want += wantDecks.length;
    if (best < 0 || bestF1 < 0.3) {
      problems?.push(`missing body of ${label} (best F1 ${bestF1.toFixed(2)})`);
      continue;
    }
    matched.add(best);
    const got = out[best]!;
    t.bodyF1 += bestF1;
    const titleOk = norm(got.title) === norm(want.title);
    const bylineOk = norm(got.byline) === norm(want.byline);
    if (titleOk && bylineOk && bestF1 >= 0.9) t.attributed++;
    if (!titleOk) problems?.push(`title: expected ${label} got 「${got.title}」`);
    if (!bylineOk) problems?.push(`byline of ${label}: expected ${JSON.stringify(want.byline)} got ${JSON.stringify(got.byline)}`);
    if (bestF1 < 0.99) problems?.push(`body of ${label}: F1 ${bestF1.toFixed(3)}`);
    const h = setCounts(want.headings, got.sections.map((s) => s.heading ?? ''));
    t.headings.hit += h.hit;
    t.headings.got += h.got;
    if (h.hit < h.want || h.got > h.hit) {
      problems?.push(`headings of ${label}: expected ${JSON.stringify(want.headings)} got ${JSON.stringify(got.sections.map((s) => s.heading).filter(Boolean))}`);
    }
    const ws = startKeys(want.paragraphs);
    const gs = startKeys(got.sections.flatMap((s) => s.paragraphs));
    let sh = 0;
    for (const k of gs) if (ws.has(k)) sh++;
    t.starts.hit += sh;
    t.starts.got += gs.size;
    if (sh < ws.size || gs.size > sh) problems?.push(`paragraph starts of ${label}: ${sh} right of ${ws.size}, ${gs.size - sh} wrong`);
    const gotDecks = [got.kicker ? `k:${norm(got.kicker)}` : '', got.subtitle ? `s:${norm(got.subtitle)}` : ''].filter(Boolean);
    const d = setCounts(wantDecks, gotDecks);
    t.decks.hit += d.hit;
    t.decks.got += d.got;
    if (d.hit < d.want || d.got > d.hit) problems?.push(`kicker/subtitle of ${label}: expected ${JSON.stringify(wantDecks)} got ${JSON.stringify(gotDecks)}`);
  }
  out.forEach((a, i) => {
    if (matched.has(i)) return;
    t.inventedArticles++;
    // Headings and decks of an article that does not exist are wrong too.
    t.headings.got += a.sections.filter((s) => s.heading).length;
    t.decks.got += (a.kicker ? 1 : 0) + (a.subtitle ? 1 : 0);
    problems?.push(`not an article: 「${a.title}」 ${bodyOf(a.sections).slice(0, 20)}…`);
  });
  addCounts(t.notes, setCounts(truth.notes, page.notes));
  if (t.notes.hit < t.notes.want || t.notes.got > t.notes.hit) problems?.push(`notes: expected ${truth.notes.length} got ${JSON.stringify(page.notes.map((n) => n.slice(0, 20)))}`);
  return t;
}
