/**
 * Scores the cleaner on the sample pages in src/clean/fixtures (every page, every extractor)
 * against their expected output, and prints a table. A development aid: `npm run eval:clean`
 * (add `-- --verbose` to see what differs). The unit tests assert the same facts one by one.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { cleanText } from '../src/clean/index.ts';
import type { Article, Page } from '../src/clean/types.ts';

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

export function fixtureInputs(root: string): { page: string; file: string; raw: string; expected: ExpectedPage }[] {
  const out = [];
  for (const dir of readdirSync(root).sort()) {
    const exp = join(root, dir, 'expected.json');
    if (!existsSync(exp)) continue;
    const expected = JSON.parse(readFileSync(exp, 'utf8')) as ExpectedPage;
    const files = [join(dir, 'raw.txt')];
    const alt = join(root, dir, 'alt');
    if (existsSync(alt)) for (const f of readdirSync(alt).sort()) files.push(join(dir, 'alt', f));
    for (const file of files) out.push({ page: dir, file, raw: readFileSync(join(root, file), 'utf8'), expected });
  }
  return out;
}

const isMain = process.argv[1]?.endsWith('eval-cleaner.ts');
if (isMain) {
  const verbose = process.argv.includes('--verbose');
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
  const root = new URL('../src/clean/fixtures/', import.meta.url).pathname;
  let t = { titles: 0, bylines: 0, attributed: 0, articles: 0, paragraphs: 0, pt: 0, headings: 0, ht: 0, notes: 0, files: 0 };
  console.log('file'.padEnd(28), 'arts', 'titles', 'bylines', 'attrib', 'paras', 'heads', 'notes');
  for (const input of fixtureInputs(root)) {
    if (only && !input.file.includes(only)) continue;
    const page = cleanText(input.raw);
    const s = score(input.file, page, input.expected);
    t = {
      titles: t.titles + s.titles,
      bylines: t.bylines + s.bylines,
      attributed: t.attributed + s.attributed,
      articles: t.articles + s.expected,
      paragraphs: t.paragraphs + s.paragraphs,
      pt: t.pt + s.paragraphsTotal,
      headings: t.headings + s.headings,
      ht: t.ht + s.headingsTotal,
      notes: t.notes + (s.notes ? 1 : 0),
      files: t.files + 1,
    };
    console.log(
      input.file.padEnd(28),
      `${s.found}/${s.expected}`.padEnd(4),
      `${s.titles}/${s.expected}`.padEnd(6),
      `${s.bylines}/${s.expected}`.padEnd(7),
      `${s.attributed}/${s.expected}`.padEnd(6),
      `${s.paragraphs}/${s.paragraphsTotal}`.padEnd(5),
      `${s.headings}/${s.headingsTotal}`.padEnd(5),
      s.notes ? 'ok' : 'NO',
    );
    if (verbose) for (const p of s.problems) console.log('    ', p);
  }
  console.log(
    `TOTAL titles ${t.titles}/${t.articles}  bylines ${t.bylines}/${t.articles}  attributed ${t.attributed}/${t.articles}  paragraphs ${t.paragraphs}/${t.pt}  headings ${t.headings}/${t.ht}  notes ${t.notes}/${t.files}`,
  );
}
