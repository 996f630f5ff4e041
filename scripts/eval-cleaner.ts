/**
 * Scores the cleaner on the sample pages in src/clean/fixtures (every page, every extractor)
 * against their expected output, and prints a table. A development aid: `npm run eval:clean`
 * (add `-- --verbose` to see what differs). The unit tests assert the same facts one by one.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { cleanText } from '../src/clean/index.ts';
import { score, type ExpectedPage } from '../src/clean/testing/score.ts';

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
