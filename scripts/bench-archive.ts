import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build, preview, type Plugin } from 'vite';
import { chromiumPath, QUIET_FLAGS } from '../e2e/support/chromium.ts';
import { buildArchive } from './articles-plugin.ts';
import { generateArchive, samplePages, variant } from './generate-archive.ts';
import { median, row } from './bench-stats.ts';

/**
 * `npm run bench -- --archive`: the archive at 10, 1,000 and 10,000 pages (ten pages an edition,
 * generated from the repository's sample pages, every article distinct), each built and served as
 * a listener gets it:
 * - cold build (`vite build`, empty clean cache) and the archive step alone;
 * - rebuild after one page changed (the cache holds the rest), whole and archive step alone;
 * - first-visit bytes: everything the server sends from the first request until 可离线使用 (the
 *   page, the service worker's install, the latest edition fetched for offline use);
 * - library ready time (navigation → the first article link), DOM nodes (shadow roots included)
 *   and JS heap after a garbage collection, medians of five cold visits (every size is built first,
 *   then served at once and visited in turn, so that a busy moment of a shared machine does not
 *   fall on one size only);
 * - the search index's size (what the first search fetches), as built and gzipped.
 * Targets (issue 11): first-visit bytes and ready time at 10,000 pages within 1.2× of 10 pages;
 * build 1,000 → 10,000 at most 11×; rebuild after one change under 3 s at 10,000 pages.
 * `--archive-sizes=10,1000` runs only those sizes.
 */

const PAGES_PER_EDITION = 10;

interface Figures {
  pages: number;
  articles: number;
  coldBuild: number;
  coldArchive: number;
  rebuild: number;
  rebuildArchive: number;
  /** CPU time of the same (this process's threads): what a busy shared machine does not inflate. */
  rebuildArchiveCpu: number;
  firstVisitBytes: number;
  readyMs: number;
  domNodes: number;
  heapBytes: number;
  /** The search index (fetched at the first search), as built and gzipped. */
  searchBytes: number;
  searchGzipBytes: number;
}

/** Counts the bytes the preview server sends (bodies and headers as written). */
function byteCounter(): { plugin: Plugin; take: () => number } {
  let bytes = 0;
  const plugin: Plugin = {
    name: 'bench-byte-counter',
    configurePreviewServer(server) {
      server.middlewares.use((_req, res: ServerResponse, next) => {
        const write = res.write.bind(res) as (...args: unknown[]) => boolean;
        const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
        const count = (chunk: unknown): void => {
          if (typeof chunk === 'string') bytes += Buffer.byteLength(chunk);
          else if (chunk instanceof Uint8Array) bytes += chunk.byteLength;
        };
        res.write = ((...args: unknown[]) => (count(args[0]), write(...args))) as typeof res.write;
        res.end = ((...args: unknown[]) => (count(args[0]), end(...args))) as typeof res.end;
        next();
      });
    },
  };
  return {
    plugin,
    take: () => {
      const taken = bytes;
      bytes = 0;
      return taken;
    },
  };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** Navigation → the first article link of the library; DOM nodes and JS heap once it is there. */
async function visit(browser: Browser, url: string): Promise<{ readyMs: number; domNodes: number; heapBytes: number }> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  // tsx wraps named functions in `__name(…)`, which the functions evaluated in the page call.
  await context.addInitScript('globalThis.__name = (target) => target;');
  const page: Page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const readyMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const look = (): void => {
            const library = document.querySelector('tts-app')?.shadowRoot?.querySelector('tts-library')?.shadowRoot;
            if (library?.querySelector('a[href^="#/article/"]')) resolve(performance.now());
            else requestAnimationFrame(look);
          };
          look();
        }),
    );
    const domNodes = await page.evaluate(() => {
      const count = (root: Node): number => {
        let n = 0;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
        for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
          n++;
          if (node instanceof Element && node.shadowRoot) n += count(node.shadowRoot);
        }
        return n;
      };
      return count(document);
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return { readyMs, domNodes, heapBytes: usedSize };
  } finally {
    await context.close();
  }
}

/** First visit until 可离线使用 (the service worker installed and the latest edition kept). */
async function firstVisit(browser: Browser, url: string, counter: { take: () => number }): Promise<number> {
  const context = await browser.newContext({ serviceWorkers: 'allow', locale: 'zh-CN' });
  const page = await context.newPage();
  try {
    counter.take();
    await page.goto(url);
    await page.getByRole('status', { name: '通知' }).getByText('可离线使用').waitFor({ timeout: 120_000 });
    return counter.take();
  } finally {
    await context.close();
  }
}

/** An archive of one size, built (timings) and kept on disk for the visits. */
interface Built extends Omit<Figures, 'firstVisitBytes' | 'readyMs' | 'domNodes' | 'heapBytes'> {
  work: string;
  outDir: string;
}

async function buildSize(root: string, pages: number): Promise<Built> {
  const work = mkdtempSync(join(tmpdir(), `tingdu-bench-archive-${pages}-`));
  const content = join(work, 'raw');
  const cache = join(work, 'cache');
  const outDir = join(work, 'dist');
  const written = generateArchive(content, { pages, pagesPerEdition: PAGES_PER_EDITION });
  process.env.TINGDU_CONTENT = content;
  process.env.TINGDU_CLEAN_CACHE = cache;
  try {
    const viteBuild = (): Promise<unknown> => build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    const coldBuild = await timed(viteBuild);
    rmSync(cache, { recursive: true, force: true });
    let articles = 0;
    const coldArchive = await timed(async () => {
      articles = (await buildArchive(content, { cacheDir: cache })).articles.size;
    });
    // One page changed (the oldest edition's first page, a new variant of its text).
    const changed = written.at(-1)!;
    writeFileSync(changed, variant(samplePages()[0]!, 999_983));
    const cpu = process.cpuUsage();
    const rebuildArchive = await timed(() => buildArchive(content, { cacheDir: cache }));
    const { user, system } = process.cpuUsage(cpu);
    writeFileSync(changed, variant(samplePages()[1]!, 999_979));
    const rebuild = await timed(viteBuild);
    const searchIndex = readFileSync(join(outDir, 'articles', 'search.json'));
    return {
      pages,
      articles,
      coldBuild,
      coldArchive,
      rebuild,
      rebuildArchive,
      rebuildArchiveCpu: (user + system) / 1000,
      searchBytes: searchIndex.byteLength,
      searchGzipBytes: gzipSync(searchIndex).byteLength,
      work,
      outDir,
    };
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  } finally {
    delete process.env.TINGDU_CONTENT;
    delete process.env.TINGDU_CLEAN_CACHE;
  }
}

/** Visits per size; the sizes' visits take turns, so that a busy moment of the machine does not fall on one size only. */
const VISITS = 5;

/** Serves every size at once and visits them in turn: first visit bytes, then VISITS rounds of cold visits. */
async function visitSizes(root: string, sizes: readonly Built[], browser: Browser): Promise<Figures[]> {
  const servers: Array<{ url: string; counter: ReturnType<typeof byteCounter>; close: () => Promise<void> }> = [];
  try {
    for (const size of sizes) {
      const counter = byteCounter();
      const server = await preview({ root, logLevel: 'silent', plugins: [counter.plugin], build: { outDir: size.outDir }, preview: { port: 0, host: '127.0.0.1' } });
      servers.push({ url: '', counter, close: () => server.close() });
      const address = server.httpServer.address();
      if (!address || typeof address === 'string') throw new Error('preview server has no port');
      servers.at(-1)!.url = `http://127.0.0.1:${address.port}/`;
    }
    const firstVisitBytes: number[] = [];
    for (const server of servers) firstVisitBytes.push(await firstVisit(browser, server.url, server.counter));
    const visits: Array<Array<Awaited<ReturnType<typeof visit>>>> = sizes.map(() => []);
    for (let round = 0; round < VISITS; round++) {
      for (const [i, server] of servers.entries()) visits[i]!.push(await visit(browser, server.url));
    }
    return sizes.map(({ work: _work, outDir: _outDir, ...built }, i) => ({
      ...built,
      firstVisitBytes: firstVisitBytes[i]!,
      readyMs: median(visits[i]!.map((v) => v.readyMs)),
      domNodes: median(visits[i]!.map((v) => v.domNodes)),
      heapBytes: median(visits[i]!.map((v) => v.heapBytes)),
    }));
  } finally {
    for (const server of servers) await server.close();
  }
}

export async function benchArchive(root: string, sizes: readonly number[] = [10, 1000, 10000]): Promise<void> {
  console.log(`\nArchive (${PAGES_PER_EDITION} pages an edition; production build, Chromium; visits are medians of ${VISITS}, the sizes' in turn)`);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: QUIET_FLAGS });
  const built: Built[] = [];
  let results: Figures[] = [];
  try {
    for (const pages of sizes) built.push(await buildSize(root, pages));
    results = await visitSizes(root, built, browser);
  } finally {
    await browser.close();
    for (const { work } of built) rmSync(work, { recursive: true, force: true });
  }
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
  for (const f of results) {
    console.log(`  — ${f.pages.toLocaleString('en')} pages, ${f.articles.toLocaleString('en')} articles`);
    row('cold build (vite build)', `${(f.coldBuild / 1000).toFixed(1)} s`);
    row('cold archive step (clean + index)', `${(f.coldArchive / 1000).toFixed(1)} s`);
    row('rebuild after one page changed', `${(f.rebuild / 1000).toFixed(1)} s`);
    row('archive step after one page changed', `${(f.rebuildArchive / 1000).toFixed(2)} s`, `(target < 3 s at 10,000; CPU ${(f.rebuildArchiveCpu / 1000).toFixed(2)} s)`);
    row('first-visit bytes (until 可离线使用)', kb(f.firstVisitBytes));
    row('library ready (navigation → first link)', `${f.readyMs.toFixed(0)} ms`);
    row('DOM nodes (shadow roots included)', `${f.domNodes}`, '(at most ~2,000)');
    row('JS heap after GC', `${(f.heapBytes / 1024 / 1024).toFixed(2)} MiB`);
    row('search index (first search), gzip', `${kb(f.searchBytes)}, ${kb(f.searchGzipBytes)}`);
  }
  const first = results[0];
  const last = results.at(-1);
  const thousand = results.find((r) => r.pages === 1000);
  if (first && last && last !== first) {
    console.log(`  — growth, ${first.pages.toLocaleString('en')} → ${last.pages.toLocaleString('en')} pages`);
    row('first-visit bytes', `${(last.firstVisitBytes / first.firstVisitBytes).toFixed(2)}×`, '(target ≤ 1.2×)');
    row('library ready time', `${(last.readyMs / first.readyMs).toFixed(2)}×`, '(target ≤ 1.2×)');
  }
  if (thousand && last && last.pages === 10000) {
    row('cold build, 1,000 → 10,000 pages', `${(last.coldBuild / thousand.coldBuild).toFixed(1)}×`, '(target ≤ 11×)');
    row('cold archive step, 1,000 → 10,000 pages', `${(last.coldArchive / thousand.coldArchive).toFixed(1)}×`);
  }
}
