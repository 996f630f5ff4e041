/**
 * Scores of the PDF layout against a corpus page's ground truth (expected.json): shared by
 * `npm run eval:pdf` (scripts/eval-pdf.ts) and the corpus test (src/pdf/corpus.test.ts).
 */
import type { ArticleParts } from '../articles.ts';

/** The ground truth of one corpus page, as far as the PDF evaluation reads it. */
export interface Expected {
  articles: Array<{
    title: string;
    byline: string | null;
    kicker?: string;
    subtitle?: string;
    sections: Array<{ heading: string | null; paragraphs: string[] }>;
  }>;
}

export interface PageScore {
  articles: number;
  attributed: number;
  bodyF1: number;
  decks: Counts;
  headings: Counts;
  starts: Counts;
  invented: number;
  pages: number;
  problems: string[];
}

interface Counts {
  hit: number;
  found: number;
  expected: number;
}

const bare = (text: string | null | undefined): string => (text ?? '').replace(/\s/gu, '');

/** Character F1 of two texts (as multisets of characters, white space ignored). */
export function charF1(a: string, b: string): number {
  const count = new Map<string, number>();
  let na = 0;
  for (const ch of bare(a)) {
    count.set(ch, (count.get(ch) ?? 0) + 1);
    na++;
  }
  let nb = 0;
  let common = 0;
  for (const ch of bare(b)) {
    nb++;
    const left = count.get(ch) ?? 0;
    if (left > 0) {
      common++;
      count.set(ch, left - 1);
    }
  }
  if (na + nb === 0) return 1;
  return (2 * common) / (na + nb);
}

function body(sections: ReadonlyArray<{ paragraphs: readonly string[] }>): string {
  return sections.flatMap((s) => s.paragraphs).join('');
}

function overlap(found: readonly string[], expected: readonly string[]): Counts {
  const pool = expected.map(bare);
  let hit = 0;
  for (const f of found.map(bare)) {
    const i = pool.indexOf(f);
    if (i >= 0) {
      hit++;
      pool.splice(i, 1);
    }
  }
  return { hit, found: found.length, expected: expected.length };
}

const add = (a: Counts, b: Counts): Counts => ({ hit: a.hit + b.hit, found: a.found + b.found, expected: a.expected + b.expected });
const none = (): Counts => ({ hit: 0, found: 0, expected: 0 });

export function scorePage(expected: Expected, found: readonly ArticleParts[]): PageScore {
  const score: PageScore = { articles: 0, attributed: 0, bodyF1: 0, decks: none(), headings: none(), starts: none(), invented: 0, pages: 1, problems: [] };
  const used = new Set<number>();
  for (const truth of expected.articles) {
    score.articles++;
    const text = body(truth.sections);
    let best = -1;
    let bestF1 = 0;
    found.forEach((f, i) => {
      const f1 = charF1(text, body(f.sections));
      if (f1 > bestF1) [best, bestF1] = [i, f1];
    });
    score.bodyF1 += bestF1;
    const match = found[best];
    if (!match) {
      score.problems.push(`missing: ${truth.title}`);
      continue;
    }
    used.add(best);
    const titleOk = bare(match.title) === bare(truth.title);
    const bylineOk = bare(match.byline) === bare(truth.byline);
    if (bestF1 >= 0.9 && titleOk && bylineOk) score.attributed++;
    else score.problems.push(`${truth.title}: F1 ${bestF1.toFixed(3)}${titleOk ? '' : `, title ${JSON.stringify(match.title)}`}${bylineOk ? '' : `, byline ${JSON.stringify(match.byline)} for ${JSON.stringify(truth.byline)}`}`);
    const decks = (a: { kicker?: string | null; subtitle?: string | null }): string[] =>
      [a.kicker ? `k:${bare(a.kicker)}` : '', a.subtitle ? `s:${bare(a.subtitle)}` : ''].filter(Boolean);
    score.decks = add(score.decks, overlap(decks(match), decks(truth)));
    if (decks(match).join() !== decks(truth).join()) score.problems.push(`  decks ${JSON.stringify(decks(match))} for ${JSON.stringify(decks(truth))}`);
    const headings = (s: ReadonlyArray<{ heading: string | null }>): string[] => s.flatMap((x) => (x.heading ? [x.heading] : []));
    const h = overlap(headings(match.sections), headings(truth.sections));
    if (h.hit !== h.found || h.hit !== h.expected) score.problems.push(`  headings ${JSON.stringify(headings(match.sections))} for ${JSON.stringify(headings(truth.sections))}`);
    score.headings = add(score.headings, h);
    const starts = (s: ReadonlyArray<{ paragraphs: readonly string[] }>): string[] => s.flatMap((x) => x.paragraphs.map((p) => bare(p).slice(0, 12)));
    const st = overlap(starts(match.sections), starts(truth.sections));
    score.starts = add(score.starts, st);
  }
  found.forEach((f, i) => {
    if (used.has(i)) return;
    const text = body(f.sections);
    if (!expected.articles.some((t) => charF1(body(t.sections), text) >= 0.1 && overlapShare(text, body(t.sections)) > 0.5)) {
      score.invented++;
      score.problems.push(`invented: ${f.title ?? ''} / ${text.slice(0, 30)}`);
    }
  });
  return score;
}

/** Share of `part`'s characters that occur in `whole` (a fragment of a true article is not invented). */
function overlapShare(part: string, whole: string): number {
  return charF1(part, part) === 0 ? 0 : bare(whole).includes(bare(part).slice(0, 20)) ? 1 : 0;
}

export function sumScores(scores: readonly PageScore[]): PageScore {
  const total: PageScore = { articles: 0, attributed: 0, bodyF1: 0, decks: none(), headings: none(), starts: none(), invented: 0, pages: 0, problems: [] };
  for (const s of scores) {
    total.articles += s.articles;
    total.attributed += s.attributed;
    total.bodyF1 += s.bodyF1;
    total.decks = add(total.decks, s.decks);
    total.headings = add(total.headings, s.headings);
    total.starts = add(total.starts, s.starts);
    total.invented += s.invented;
    total.pages += s.pages;
  }
  return total;
}

/** F1 of pooled counts (1 when there was nothing to find and nothing was found). */
export function f1(c: Counts): number {
  if (c.found + c.expected === 0) return 1;
  return (2 * c.hit) / (c.found + c.expected);
}

export function formatScores(label: string, s: PageScore): string {
  const pct = (x: number): string => x.toFixed(3);
  return [
    `${label}: ${s.pages} pages, ${s.articles} articles`,
    `  attribution ${pct(s.attributed / Math.max(1, s.articles))}  body F1 ${pct(s.bodyF1 / Math.max(1, s.articles))}`,
    `  kicker/subtitle F1 ${pct(f1(s.decks))} (${s.decks.hit}/${s.decks.expected})  headings F1 ${pct(f1(s.headings))}  paragraph starts F1 ${pct(f1(s.starts))}`,
    `  invented articles per page ${(s.invented / Math.max(1, s.pages)).toFixed(2)}`,
  ].join('\n');
}
