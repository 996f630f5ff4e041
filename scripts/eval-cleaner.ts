/**
 * `npm run eval:clean`: the cleaner's figures on every page with a known answer — the seed, the
 * fixtures (src/clean/fixtures) and the corpus (corpus/, its build and check halves apart) — per
 * extractor and overall: attribution, body character F1, section headings, paragraph starts,
 * kickers and subtitles, notes, and articles that do not exist (per page).
 *
 *   npm run eval:clean -- --verbose           every problem of every page
 *   npm run eval:clean -- --only=017          only the files whose path contains 017
 *   npm run eval:clean -- --set=build         only one set (seed, fixtures, build, check)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanText } from '../src/clean/index.ts';
import { addTally, emptyTally, measurePage, summarise, type Tally, type TruthPage } from '../src/clean/testing/metrics.ts';

export interface EvalInput {
  /** The set it belongs to: seed, fixtures, build or check. */
  set: string;
  /** Path shown in reports, relative to the repository. */
  file: string;
  extractor: string;
  raw: string;
  truth: TruthPage;
}

const repo = new URL('../', import.meta.url).pathname;
const read = (path: string): string => readFileSync(join(repo, path), 'utf8');

/** Pages of a folder of cases (`NNN/expected.json`, `NNN/alt/raw_<tool>.txt`), one input per extractor. */
function folderInputs(dir: string, setOf: (caseName: string) => string): EvalInput[] {
  const out: EvalInput[] = [];
  for (const name of readdirSync(join(repo, dir)).sort()) {
    const truthPath = join(dir, name, 'expected.json');
    if (!existsSync(join(repo, truthPath))) continue;
    const truth = JSON.parse(read(truthPath)) as TruthPage & { extractor?: { tool?: string } };
    const alt = join(dir, name, 'alt');
    const files = existsSync(join(repo, alt)) ? readdirSync(join(repo, alt)).sort().map((f) => join(alt, f)) : [join(dir, name, 'raw.txt')];
    for (const file of files) {
      const extractor = /raw_(\w+)\.txt$/.exec(file)?.[1] ?? truth.extractor?.tool ?? 'raw';
      out.push({ set: setOf(name), file, extractor, raw: read(file), truth });
    }
  }
  return out;
}

/** True for a corpus case of the check half (every third case); the rest is the build half. */
export const isCheckCase = (name: string): boolean => Number(name) % 3 === 0;

/** The corpus's pages, each through every extractor, marked build or check. */
export function corpusInputs(): EvalInput[] {
  return folderInputs('corpus', (name) => (isCheckCase(name) ? 'check' : 'build'));
}

/** The seed page (the bundled articles' source) and the fixtures, through every extractor. */
export function fixtureInputs(): EvalInput[] {
  const seedRaw = readdirSync(join(repo, 'content/raw')).find((f) => f.startsWith('000_'))!;
  const seed: EvalInput = {
    set: 'seed',
    file: join('content/raw', seedRaw),
    extractor: 'seed',
    raw: read(join('content/raw', seedRaw)),
    truth: JSON.parse(read('src/clean/fixtures/seed/expected.json')) as TruthPage,
  };
  return [seed, ...folderInputs('src/clean/fixtures', () => 'fixtures').filter((i) => !i.file.includes('/seed/'))];
}

/** Cleans one input and measures it; a page the cleaner refuses counts as nothing found. */
export function evaluate(input: EvalInput, problems?: string[]): Tally {
  let page;
  try {
    page = cleanText(input.raw);
  } catch {
    page = null;
  }
  return measurePage(page, input.truth, problems);
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(6);

function row(label: string, t: Tally): string {
  const f = summarise(t);
  return [
    label.padEnd(20),
    String(t.pages).padStart(5),
    pct(f.attribution),
    pct(f.body),
    pct(f.headings),
    pct(f.starts),
    pct(f.decks),
    pct(f.notes),
    f.invented.toFixed(2).padStart(7),
  ].join(' ');
}

const isMain = process.argv[1]?.endsWith('eval-cleaner.ts');
if (isMain) {
  const verbose = process.argv.includes('--verbose');
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
  const onlySet = process.argv.find((a) => a.startsWith('--set='))?.slice(6);
  const started = performance.now();
  const inputs = [...fixtureInputs(), ...corpusInputs()].filter((i) => (!only || i.file.includes(only)) && (!onlySet || i.set === onlySet));
  const bySet = new Map<string, Map<string, Tally>>();
  for (const input of inputs) {
    const problems: string[] | undefined = verbose ? [] : undefined;
    const t = evaluate(input, problems);
    if (problems?.length) {
      console.log(input.file);
      for (const p of problems) console.log('   ', p);
    }
    const set = bySet.get(input.set) ?? new Map<string, Tally>();
    bySet.set(input.set, set);
    set.set(input.extractor, addTally(set.get(input.extractor) ?? emptyTally(), t));
  }
  console.log(['set / extractor'.padEnd(20), 'pages', 'attrib', '  body', ' heads', 'starts', ' decks', ' notes', 'unreal'].join(' '));
  for (const [set, byTool] of bySet) {
    let all = emptyTally();
    for (const [tool, t] of [...byTool].sort()) {
      if (byTool.size > 1) console.log(row(`${set} ${tool}`, t));
      all = addTally(all, t);
    }
    console.log(row(`${set} ALL`, all));
  }
  console.log(
    '\nattrib: right title and byline on a body of char F1 >= 0.9; body: char (bigram) F1 of the best output article; heads, starts (paragraph starts), decks (kicker/subtitle), notes: F1; unreal: articles that do not exist, per page.',
  );
  console.log(`${inputs.length} extractions in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
