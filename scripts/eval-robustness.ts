/**
 * How robust the cleaner is beyond the sample pages: real articles (the sample pages' expected
 * ones) are set in columns and printed the way extractors print them (src/clean/testing/typeset.ts:
 * any measure, blank lines or none, fake bold as repeated lines or runs, spaces around numbers),
 * cleaned, and compared with what was set. Prints how many pages come back exactly (titles on
 * their bodies, headings, paragraphs), by failure kind.
 *
 *   npm run eval:robust -- one|natural|last [count] [show]
 *
 * FAILDIR=dir writes each failing page there (the failure, a form feed, the page).
 *
 * `one`: one article a page; `natural`: two or three in reading order; `last`: their titles
 * printed after all the bodies. A measurement for development, not a test: the generator is
 * cruder than real pages in places, and some of its pages are ambiguous to any reader.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { cleanText } from '../src/clean/index.ts';
import type { ExpectedPage } from '../src/clean/testing/score.ts';
import { endsAmbiguously, printArticle, printPage, type ArticleSpec, type PrintStyle } from '../src/clean/testing/typeset.ts';
const root = new URL('../src/clean/fixtures/', import.meta.url).pathname;
type ExpectedArticle = ExpectedPage['articles'][number] & { title_lines?: string[] };
const SOURCES: ArticleSpec[] = readdirSync(root)
  .filter((d) => !d.includes('.'))
  .flatMap((d) => (JSON.parse(readFileSync(`${root}${d}/expected.json`, 'utf8')) as ExpectedPage).articles as ExpectedArticle[])
  .map((a) => ({
    title: a.title_lines ?? [a.title],
    sections: a.sections.map((s) => ({ ...(s.heading ? { heading: s.heading.replace(/\s+/g, '') } : {}), paragraphs: s.paragraphs })),
  }));
const sq = (s: string) => s.replace(/\s+/g, '');
const article = fc.record({ source: fc.integer({ min: 0, max: SOURCES.length - 1 }), sections: fc.integer({ min: 1, max: 3 }), paragraphs: fc.integer({ min: 2, max: 4 }) }).map(({ source, sections, paragraphs }) => { const a = SOURCES[source]!; return { source, title: a.title, sections: a.sections.slice(0, sections).map((s, i) => ({ ...(i > 0 && s.heading ? { heading: s.heading } : {}), paragraphs: s.paragraphs.slice(0, paragraphs) })) }; });
const style = fc.record<PrintStyle>({ measure: fc.integer({ min: 12, max: 17 }), blankLines: fc.boolean(), doubled: fc.constantFrom('none', 'lines', 'runs'), latinSpaces: fc.boolean() });
const unamb = (a: ArticleSpec, m: number) => a.sections.every((s) => s.paragraphs.every((p) => !endsAmbiguously(p, m)));
function check(text: string, arts: ArticleSpec[]): string | null {
  const page = cleanText(text);
  const got = page.articles.map((a) => sq(a.title)).sort(); const exp = arts.map((a) => sq(a.title.join(''))).sort();
  if (JSON.stringify(got) !== JSON.stringify(exp)) return `titles: got ${JSON.stringify(got)} exp ${JSON.stringify(exp)}`;
  for (const spec of arts) {
    const a = page.articles.find((x) => sq(x.title) === sq(spec.title.join('')))!;
    const g = a.sections.map((s) => ({ h: s.heading && sq(s.heading), p: s.paragraphs.map(sq) })); const e = spec.sections.map((s) => ({ h: s.heading ?? null, p: s.paragraphs.map(sq) }));
    if (JSON.stringify(g.map((x) => x.h)) !== JSON.stringify(e.map((x) => x.h))) return `headings: got ${JSON.stringify(g.map((x) => x.h))} exp ${JSON.stringify(e.map((x) => x.h))}`;
    if (JSON.stringify(g.map((x) => x.p.join(''))) !== JSON.stringify(e.map((x) => x.p.join('')))) return 'text';
    if (JSON.stringify(g) !== JSON.stringify(e)) return 'paragraph breaks';
  }
  return null;
}
process.stdout.on('error', () => process.exit(0));
const mode = process.argv[2] ?? 'one';
const n = Number(process.argv[3] ?? 300);
const counts = new Map<string, number>(); const examples = new Map<string, string>();
let ok = 0, total = 0;
const samples = mode === 'one'
  ? fc.sample(fc.tuple(article, style), { numRuns: n, seed: 7 }).map(([a, s]) => unamb(a, s.measure) ? { text: printPage(printArticle(a, s), s), arts: [a], s } : null)
  : fc.sample(fc.tuple(fc.uniqueArray(article, { minLength: 2, maxLength: 3, selector: (a) => a.source }), style, fc.shuffledSubarray([12, 14, 16, 17], { minLength: 3, maxLength: 3 })), { numRuns: n, seed: 7 }).map(([list, s, ms]) => {
      if (!list.every((a, i) => unamb(a, ms[i]!))) return null;
      const printed = list.map((a, i) => printArticle(a, { ...s, measure: ms[i]! }));
      const text = mode === 'last' ? printPage([...printed.flatMap((b) => b.slice(1)), ...printed.map((b) => b[0]!).reverse()], s) : printPage(printed.flat(), s);
      return { text, arts: list, s };
    });
for (const smp of samples) {
  if (!smp) continue; total++;
  const r = check(smp.text, smp.arts);
  if (!r) { ok++; continue; }
  if (process.env.FAILDIR) writeFileSync(`${process.env.FAILDIR}/${mode}-${total - 1}.txt`, `${r}\n\f${smp.text}`);
  const key = r.split(':')[0]! + ` ${smp.s.blankLines ? 'blank' : 'noblank'} ${smp.s.doubled}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
  if (!examples.has(key)) examples.set(key, r + '\n' + smp.text.slice(0, 600));
}
console.log(`${mode}: ${ok}/${total} ok`);
for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1])) console.log(v, k);
if (process.argv[4]) for (const [k, v] of examples) console.log('=====', k, '\n', v);
if (process.env.DUMP) {
  const i = Number(process.env.DUMP);
  const smp = samples.filter(Boolean)[i]!;
  const { analyseLayout } = await import('../src/clean/layout.ts');
  const { readLines } = await import('../src/clean/lines.ts');
  const lines = readLines(smp.text);
  for (const u of analyseLayout(lines)) console.log(u.kind, u.first, u.last, 'lines' in u ? u.lines.join('|').slice(0, 60) : '', u.kind === 'paragraph' ? `m=${u.measure} ind=${u.indented} c=${u.complete}` : '');
  for (const a of cleanText(smp.text).articles) console.log('##', a.title, a.sections.map((s) => s.heading));
}
