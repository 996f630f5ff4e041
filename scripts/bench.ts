/**
 * `npm run bench`: Tingdu's speed and size figures, measured, never asserted in tests.
 *
 *   1. The cleaner's throughput on 1 MB and 10 MB of pages (the seed page repeated, joined by form
 *      feeds), how its time grows from 1 to 10 MB, and its ratio to a baseline that only splits
 *      and joins lines, in the same run.
 *   2. The reader in a real Chromium (the production build, fake speech): press on play → first
 *      speak(); first-load JavaScript (gzip); axe violations; a 100,000-character article's open
 *      time and sentence-step cost against a 1,000-character one.
 *   3. A newspaper page PDF from the file input to its articles listed, and what part is pdf.js
 *      (scripts/bench-pdf.ts).
 *   4. Lighthouse on the production build (performance, accessibility, best practices, bytes).
 *
 * Figures are medians of repeated runs. `npm run bench -- --only=cleaner|reader|pdf|lighthouse`.
 *
 * `npm run bench -- --archive` measures the archive instead, at 10, 1,000 and 10,000 pages (builds,
 * first visit, library): see bench-archive.ts (`--archive-sizes=10,1000` for fewer).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { benchArchive } from './bench-archive.ts';
import { benchReader } from './bench-reader.ts';
import { benchLighthouse } from './bench-lighthouse.ts';
import { benchPdf } from './bench-pdf.ts';
import { median, row } from './bench-stats.ts';

const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const root = new URL('..', import.meta.url).pathname;

/**
 * The cleaner as the browser and the build run it: bundled by Vite (Rolldown) into one ES module,
 * so that the figures are not those of a development loader.
 */
async function bundledCleaner(): Promise<{ cleanText: (raw: string) => unknown; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'tingdu-bench-'));
  await build({
    root,
    logLevel: 'warn',
    configFile: false,
    build: {
      outDir: dir,
      emptyOutDir: true,
      minify: true,
      lib: { entry: join(root, 'src/clean/index.ts'), formats: ['es'], fileName: 'clean' },
    },
  });
  const mod = (await import(join(dir, 'clean.js'))) as { cleanText: (raw: string) => unknown };
  return { cleanText: mod.cleanText, dir };
}

/** The seed page repeated to about `bytes` bytes of UTF-8, pages joined by form feeds. */
function pages(seed: string, bytes: number): string {
  const out: string[] = [];
  let size = 0;
  const pageBytes = Buffer.byteLength(seed) + 1;
  while (size < bytes) {
    out.push(seed);
    size += pageBytes;
  }
  return out.join('\f');
}

/** Only splits the text into lines and joins them again: the floor of any line-based cleaner. */
function baseline(raw: string): string {
  return raw
    .split('\f')
    .map((page) =>
      page
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join(''),
    )
    .join('\n');
}

function timeRuns(fn: () => unknown, runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times;
}

async function benchCleaner(): Promise<void> {
  console.log('\nCleaner (one core, bundled module, medians)');
  const seed = readFileSync(join(root, 'content/raw/000_8e04ed7bb1f39c91.txt'), 'utf8');
  const { cleanText, dir } = await bundledCleaner();
  try {
    const one = pages(seed, 1e6);
    const ten = pages(seed, 1e7);
    const mb1 = Buffer.byteLength(one) / 1e6;
    const mb10 = Buffer.byteLength(ten) / 1e6;
    // Warm up the JIT on both inputs first.
    timeRuns(() => cleanText(one), 5);
    timeRuns(() => baseline(one), 5);
    const clean1 = median(timeRuns(() => cleanText(one), 15));
    const base1 = median(timeRuns(() => baseline(one), 15));
    const clean10 = median(timeRuns(() => cleanText(ten), 7));
    const base10 = median(timeRuns(() => baseline(ten), 7));
    row(`clean ${mb1.toFixed(2)} MB`, `${clean1.toFixed(1)} ms`, `${(mb1 / (clean1 / 1000)).toFixed(1)} MB/s (target ≥ 30)`);
    row(`clean ${mb10.toFixed(2)} MB`, `${clean10.toFixed(1)} ms`, `${(mb10 / (clean10 / 1000)).toFixed(1)} MB/s`);
    row('growth of time, 1 → 10 MB', `${(clean10 / clean1).toFixed(2)}×`, `input grew ${(mb10 / mb1).toFixed(2)}× (linear ≈ the same)`);
    row(`baseline split+join ${mb1.toFixed(2)} MB`, `${base1.toFixed(1)} ms`, `${(mb1 / (base1 / 1000)).toFixed(1)} MB/s`);
    row(`baseline split+join ${mb10.toFixed(2)} MB`, `${base10.toFixed(1)} ms`, `${(mb10 / (base10 / 1000)).toFixed(1)} MB/s`);
    row('cleaner ÷ baseline, 1 MB', `${(clean1 / base1).toFixed(1)}×`, 'same run');
    row('cleaner ÷ baseline, 10 MB', `${(clean10 / base10).toFixed(1)}×`, 'same run');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`Tingdu bench — ${new Date().toISOString()} — Node ${process.version}`);
  if (process.argv.includes('--archive') || process.argv.some((a) => a.startsWith('--archive-sizes='))) {
    const sizes = process.argv.find((a) => a.startsWith('--archive-sizes='))?.slice(16).split(',').map(Number);
    await benchArchive(root, sizes);
    return;
  }
  if (!only || only === 'cleaner') await benchCleaner();
  if (!only || only === 'reader') await benchReader(root);
  if (!only || only === 'pdf') await benchPdf(root);
  if (!only || only === 'lighthouse') await benchLighthouse(root);
}

await main();
