/**
 * How robust the cleaner is beyond the sample pages: real articles (the sample pages' expected
 * ones) are set in columns and printed the way extractors print them (src/clean/testing/typeset.ts:
 * any measure, blank lines or none, fake bold as repeated lines or runs, spaces around numbers),
 * cleaned, and compared with what was set. Prints how many pages come back exactly (titles on
 * their bodies, headings, paragraphs), by failure kind.
 *
 *   npm run eval:robust -- one|natural|last [count] [show]
 *
 * `one`: one article a page; `natural`: two or three in reading order; `last`: their titles
 * printed after all the bodies. `show` prints an example of each failure kind; FAILDIR=dir writes
 * each failing page there (the failure, a form feed, the page). A measurement for development:
 * the generator is cruder than real pages in places (it sets Latin text a little wider than the
 * sample pages do), and some of its pages are ambiguous to any reader.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { ExpectedPage } from '../src/clean/testing/score.ts';
import { checkSample, samplePages, sources, type Mode } from '../src/clean/testing/robustness.ts';

const root = new URL('../src/clean/fixtures/', import.meta.url).pathname;
const specs = sources(
  readdirSync(root)
    .filter((d) => !d.includes('.'))
    .map((d) => JSON.parse(readFileSync(`${root}${d}/expected.json`, 'utf8')) as ExpectedPage),
);
process.stdout.on('error', () => process.exit(0));
const mode = (process.argv[2] ?? 'one') as Mode;
if (!['one', 'natural', 'last'].includes(mode)) {
  console.error(`eval:robust: unknown mode "${mode}" (one, natural or last)`);
  process.exit(2);
}
const n = Number(process.argv[3] ?? 300);
const counts = new Map<string, number>();
const examples = new Map<string, string>();
const samples = samplePages(specs, mode, n);
let ok = 0;
samples.forEach((smp, i) => {
  const r = checkSample(smp);
  if (!r) {
    ok++;
    return;
  }
  if (process.env.FAILDIR) writeFileSync(`${process.env.FAILDIR}/${mode}-${i}.txt`, `${r}\n\f${smp.text}`);
  const key = r.split(':')[0]! + ` ${smp.style.blankLines ? 'blank' : 'noblank'} ${smp.style.doubled}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
  if (!examples.has(key)) examples.set(key, r + '\n' + smp.text.slice(0, 600));
});
console.log(`${mode}: ${ok}/${samples.length} ok`);
for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1])) console.log(v, k);
if (process.argv[4]) for (const [k, v] of examples) console.log('=====', k, '\n', v);
