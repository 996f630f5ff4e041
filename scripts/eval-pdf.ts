#!/usr/bin/env node
/**
 * `npm run eval:pdf`: how the PDF layout (src/pdf/) scores on the corpus's page PDFs
 * (corpus/NNN/page.pdf against corpus/NNN/expected.json, the ground truth that was typeset), with
 * the build half (case numbers not divisible by 3) and the check half (every third) apart:
 *
 * - attribution: the share of true articles found with the right title and byline on a body of
 *   character F1 ≥ 0.9;
 * - body: the mean character F1 of each true article's body against the article that holds most of it;
 * - kicker/subtitle, headings, paragraph starts: F1 over the pooled items of matched articles;
 * - invented: articles that match no true article, per page.
 *
 * `-- --verbose` lists, for every case of the check half, what differs. `-- --cases 1,2,3` runs
 * only those cases. `-- --truth DIR` reads the ground truth from DIR/NNN/expected.json instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ArticleParts } from '../src/pdf/articles.ts';
import { layoutPage } from '../src/pdf/layout.ts';
import { readPdf } from '../src/pdf/load.ts';
import { scorePage, sumScores, formatScores, type Expected, type PageScore } from '../src/pdf/testing/score.ts';
import { measurePage, type TruthPage } from '../src/clean/testing/metrics.ts';
import { toArticle } from '../src/pdf/articles.ts';
import { corpusInputs, evaluate } from './eval-cleaner.ts';

const CORPUS = join(import.meta.dirname, '..', 'corpus');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const casesArg = args[args.indexOf('--cases') + 1];
  const only = args.includes('--cases') && casesArg ? new Set(casesArg.split(',').map(Number)) : null;
  const truthDir = args.includes('--truth') ? args[args.indexOf('--truth') + 1]! : CORPUS;
  const build: PageScore[] = [];
  const check: PageScore[] = [];
  // Against the text cleaner on the same page, measured alike (src/clean/testing/metrics.ts): the
  // pages where the PDF does worse than the best of the six extractors' texts.
  const texts = corpusInputs();
  const worse = { build: { attributed: 0, body: 0 }, check: { attributed: 0, body: 0 } };
  for (let n = 1; n <= 999; n++) {
    const dir = join(CORPUS, String(n).padStart(3, '0'));
    if (!existsSync(join(dir, 'page.pdf'))) break;
    if (only && !only.has(n)) continue;
    const truthPath = join(truthDir, String(n).padStart(3, '0'), 'expected.json');
    const expectedPath = existsSync(truthPath) ? truthPath : null;
    if (!expectedPath) continue;
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected;
    const pages = await readPdf(getDocument, new Uint8Array(readFileSync(join(dir, 'page.pdf'))));
    const found: ArticleParts[] = pages.flatMap((p) => layoutPage(p));
    const score = scorePage(expected, found);
    (n % 3 === 0 ? check : build).push(score);
    const name = String(n).padStart(3, '0');
    const pdf = measurePage({ notes: [], articles: found.map((a) => toArticle(a)) }, expected as unknown as TruthPage);
    const best = texts.filter((t) => t.file.startsWith(`corpus/${name}/`)).map((t) => evaluate(t));
    const half = n % 3 === 0 ? worse.check : worse.build;
    if (best.length > 0 && pdf.attributed < Math.max(...best.map((t) => t.attributed))) half.attributed++;
    if (best.length > 0 && pdf.bodyF1 < Math.max(...best.map((t) => t.bodyF1)) - 1e-9) half.body++;
    if (verbose && (only || n % 3 === 0) && score.problems.length > 0) console.log(`${String(n).padStart(3, '0')}: ${score.problems.join('\n     ')}`);
  }
  console.log(formatScores('build (n % 3 ≠ 0)', sumScores(build)));
  console.log(formatScores('check (n % 3 = 0)', sumScores(check)));
  for (const [half, pages] of [['build', build.length], ['check', check.length]] as const) {
    console.log(`${half}: worse than the best text extractor on the same page: ${worse[half].attributed} of ${pages} pages (attribution), ${worse[half].body} (body F1)`);
  }
}

await main();
