/**
 * Scoring of cleaned pages against the expected output of the sample pages (src/clean/fixtures):
 * shared by the unit tests and `npm run eval:clean`. Pure TypeScript (no Node APIs).
 */
import type { Article, Page } from '../types.ts';

export interface ExpectedArticle {
  title: string;
  byline: string | null;
  headings: string[];
  paragraphs: string[];
  sections: { heading: string | null; paragraphs: string[] }[];
}
export interface ExpectedPage {
  articles: ExpectedArticle[];
  notes: string[];
}

/** Compare text without regard to white space, and with the byline separator as a space. */
export const norm = (s: string | null): string => (s ?? '').replace(/[●■□◆▲○◎★☆]/g, ' ').replace(/\s+/g, '');

export interface Score {
  file: string;
  expected: number;
  found: number;
  titles: number;
  bylines: number;
  attributed: number;
  paragraphs: number;
  paragraphsTotal: number;
  headings: number;
  headingsTotal: number;
  notes: boolean;
  problems: string[];
}

function bodyText(a: { sections: { paragraphs: string[] }[] }): string {
  return norm(a.sections.flatMap((s) => s.paragraphs).join(''));
}

/** Share of the expected body's characters found in order in the output (LCS-free approximation by 8-grams). */
function overlap(expected: string, got: string): number {
  if (!expected) return 0;
  const grams = new Set<string>();
  for (let i = 0; i + 8 <= got.length; i++) grams.add(got.slice(i, i + 8));
  let hit = 0;
  let total = 0;
  for (let i = 0; i + 8 <= expected.length; i += 4) {
    total++;
    if (grams.has(expected.slice(i, i + 8))) hit++;
  }
  return total ? hit / total : 0;
}

export function score(file: string, page: Page, expected: ExpectedPage): Score {
  const problems: string[] = [];
  const s: Score = {
    file,
    expected: expected.articles.length,
    found: page.articles.length,
    titles: 0,
    bylines: 0,
    attributed: 0,
    paragraphs: 0,
    paragraphsTotal: 0,
    headings: 0,
    headingsTotal: 0,
    notes: norm(page.notes.join('|')) === norm(expected.notes.join('|')),
    problems,
  };
  if (!s.notes) problems.push(`notes: got ${JSON.stringify(page.notes.map((n) => n.slice(0, 30)))}`);
  for (const exp of expected.articles) {
    const body = bodyText(exp);
    // The output article holding most of this body.
    let best: Article | null = null;
    let bestOverlap = 0;
    for (const a of page.articles) {
      const o = overlap(body, bodyText(a));
      if (o > bestOverlap) {
        bestOverlap = o;
        best = a;
      }
    }
    s.paragraphsTotal += exp.paragraphs.length;
    s.headingsTotal += exp.headings.length;
    if (!best || bestOverlap < 0.5) {
      problems.push(`missing body of 「${exp.title}」 (best overlap ${bestOverlap.toFixed(2)})`);
      continue;
    }
    if (bestOverlap > 0.9) s.attributed++;
    else problems.push(`body of 「${exp.title}」 only ${(bestOverlap * 100).toFixed(0)}% in one article`);
    if (norm(best.title) === norm(exp.title)) s.titles++;
    else problems.push(`title: expected 「${exp.title}」 got 「${best.title}」`);
    if (norm(best.byline) === norm(exp.byline)) s.bylines++;
    else problems.push(`byline of 「${exp.title}」: expected ${JSON.stringify(exp.byline)} got ${JSON.stringify(best.byline)}`);
    const got = new Set(best.sections.flatMap((x) => x.paragraphs).map(norm));
    for (const p of exp.paragraphs) {
      if (got.has(norm(p))) s.paragraphs++;
      else problems.push(`paragraph of 「${exp.title}」 missing: ${p.slice(0, 24)}…`);
    }
    const gotHeadings = new Set(best.sections.map((x) => norm(x.heading)).filter(Boolean));
    for (const h of exp.headings) {
      if (gotHeadings.has(norm(h))) s.headings++;
      else problems.push(`heading of 「${exp.title}」 missing: ${h}`);
    }
  }
  return s;
}

