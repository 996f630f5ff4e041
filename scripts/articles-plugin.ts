import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Plugin, ViteDevServer } from 'vite';
import {
  ARCHIVE_FORMAT,
  EDITIONS_PER_PAGE,
  LIBRARY_FORMAT,
  type ArticleDocument,
  type EditionIndex,
  type EditionList,
  type EditionListPage,
  type EditionPage,
  type EditionSummary,
  type LibraryEntry,
  type SearchIndex,
  type SearchRecord,
} from '../src/library/types.ts';
import { libraryEntry } from '../src/library/measure.ts';
import { cleanFile, type CleanedPage, type CleanReply, type CleanRequest } from './clean-worker.ts';

/** Where the published files live under the site's base: `articles/editions.json`, `articles/<id>.json`… */
export const ARTICLES_DIR = 'articles';

/** The file of the edition list (the latest edition inline), the only archive file a first visit needs. */
export const EDITIONS_FILE = 'editions.json';

/** The file of one edition's index. */
export function editionFile(id: string): string {
  return `edition-${id}.json`;
}

/** What the build publishes (file names are under `articles/`). */
export interface Archive {
  /** The indices: the edition list and its pages, each edition's index, the search index (file name → JSON). */
  files: Map<string, string>;
  /** The article files, one per article (file name → its JSON or where the build cache keeps it). */
  articles: Map<string, ArticleFile>;
  /** The latest edition's article files: fetched for offline use after the first visit. */
  latestArticleFiles: string[];
}

/** An article's file: its JSON in memory (a build without cache) or a file of the build cache. */
export interface ArticleFile {
  bytes: number;
  json?: string;
  path?: string;
}

/** The JSON of an article's file. */
export function articleJson(file: ArticleFile): string {
  return file.json ?? readFileSync(file.path!, 'utf8');
}

/**
 * Puts an article's file into the output: a hard link to the build cache's copy when it has one
 * (no bytes written: tens of thousands of files in a large archive), else a copy; its JSON when
 * there is no cache.
 */
function writeArticle(file: ArticleFile, to: string): void {
  if (file.json !== undefined) return writeFileSync(to, file.json);
  try {
    linkSync(file.path!, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !existsSync(file.path!)) throw new Error(`${file.path} is missing from the build cache; delete the cache and build again`);
    if (code === 'EEXIST') {
      // An output folder that was not emptied: the same file stays, another is replaced.
      if (statSync(to).ino === statSync(file.path!).ino) return;
      rmSync(to);
      return writeArticle(file, to);
    }
    copyFileSync(file.path!, to); // another file system, or no hard links there
  }
}

/** Where cleaned pages are kept between builds, by content hash (`TINGDU_CLEAN_CACHE` overrides; `off` disables). */
function cacheDirFor(root: string): string | null {
  const setting = process.env.TINGDU_CLEAN_CACHE;
  if (setting === 'off') return null;
  return setting ? resolve(root, setting) : resolve(root, 'node_modules/.cache/tingdu-clean');
}

/**
 * Cleans every raw page with the project's cleaner and publishes the archive as static JSON (see
 * src/library/types.ts): at build time as emitted assets, and in the dev server from memory,
 * rebuilt when a raw file changes. Nothing is hand-edited.
 *
 * The raw pages are `content/raw/<paper>/<YYYY-MM-DD>/<page>.txt` (one edition per paper and day,
 * the page number from the file name: `01.txt`, `A03.txt`), or a flat `content/raw/*.txt` (one
 * edition with no date). `TINGDU_CONTENT` points the build at another folder of raw pages (the
 * archive e2e tests and the bench build generated archives that way).
 *
 * Pages are cleaned in parallel (worker threads) and only when their text (or the cleaner) changed:
 * each cleaned page is cached under the hash of both.
 */
/** The archive's files the service worker precaches, as Workbox lists a precached file. */
export interface PrecacheEntry {
  url: string;
  revision: string;
  size: number;
}

export function articlesPlugin(options: { rawDir?: string } = {}): Plugin & { api: { precache(): PrecacheEntry[] } } {
  let rawDir = '';
  let outRoot = '';
  let cacheDir: string | null = null;
  let archive: Archive = { files: new Map(), articles: new Map(), latestArticleFiles: [] };
  let building: Promise<void> | null = null;

  const rebuild = (): Promise<void> => {
    building = buildArchive(rawDir, { cacheDir }).then((built) => {
      archive = built;
    });
    return building;
  };

  return {
    name: 'tingdu-articles',
    api: {
      /**
       * The edition list, for Workbox's precache (vite.config.ts): given here rather than found by
       * its glob, which then never walks `articles/` (tens of thousands of files in a large archive).
       */
      precache(): PrecacheEntry[] {
        const json = archive.files.get(EDITIONS_FILE);
        if (json === undefined) return [];
        return [{ url: `${ARTICLES_DIR}/${EDITIONS_FILE}`, revision: createHash('md5').update(json).digest('hex'), size: Buffer.byteLength(json) }];
      },
    },
    async configResolved(config) {
      outRoot = config.root;
      rawDir = resolve(config.root, process.env.TINGDU_CONTENT ?? options.rawDir ?? 'content/raw');
      cacheDir = cacheDirFor(config.root);
      if (config.command === 'serve') await rebuild();
    },
    async buildStart() {
      for (const page of listRaw(rawDir)) this.addWatchFile(page.file);
      await rebuild();
    },
    async generateBundle() {
      await building;
      // The indices go through the bundle (the service worker's precache sees the edition list);
      // the article files, tens of thousands in a large archive, are put on disk directly.
      for (const [name, json] of archive.files) this.emitFile({ type: 'asset', fileName: `${ARTICLES_DIR}/${name}`, source: json });
    },
    writeBundle(options) {
      const dir = join(options.dir ?? resolve(outRoot, 'dist'), ARTICLES_DIR);
      mkdirSync(dir, { recursive: true });
      for (const [name, file] of archive.articles) writeArticle(file, join(dir, name));
    },
    configureServer(server: ViteDevServer) {
      server.watcher.add(rawDir);
      server.watcher.on('all', (_event, path) => {
        if (path.startsWith(rawDir)) {
          void rebuild().then(() => server.ws.send({ type: 'full-reload' }));
        }
      });
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0]!;
        const prefix = `${server.config.base}${ARTICLES_DIR}/`;
        if (!url.startsWith(prefix)) return next();
        const name = decodeURIComponent(url.slice(prefix.length));
        const article = archive.articles.get(name);
        const json = article ? articleJson(article) : archive.files.get(name);
        if (json === undefined) return next();
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(json);
      });
    },
  };
}

/** One raw page file and where it belongs. */
export interface RawPage {
  file: string;
  /** The path under the content folder, with `/` (shown as the article's source). */
  source: string;
  paper: string | null;
  date: string | null;
  page: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PAGE = /^([A-Za-z]*)0*(\d+)/;

/** The page number of a page file (`01.txt` → `1`, `A03.txt` → `A3`), or null when the name has none. */
export function pageOf(name: string): string | null {
  const match = PAGE.exec(name);
  return match ? `${match[1]!.toUpperCase()}${match[2]}` : null;
}

function comparePages(a: string | null, b: string | null): number {
  const pa = PAGE.exec(a ?? '');
  const pb = PAGE.exec(b ?? '');
  if (!pa || !pb) return (a ?? '').localeCompare(b ?? '');
  return pa[1]!.localeCompare(pb[1]!) || Number(pa[2]) - Number(pb[2]);
}

/** A raw page file: the text an extractor printed, or the page's PDF. */
const RAW_PAGE = /\.(txt|pdf)$/i;

/** Every raw page: flat `*.txt`/`*.pdf` and `<paper>/<YYYY-MM-DD>/<page>.txt` (or `.pdf`), by name, each day's pages in page order. */
export function listRaw(rawDir: string): RawPage[] {
  if (!existsSync(rawDir)) return [];
  const pages: RawPage[] = [];
  const posix = (file: string): string => relative(rawDir, file).split(sep).join('/');
  for (const name of readdirSync(rawDir).sort()) {
    const path = join(rawDir, name);
    if (RAW_PAGE.test(name) && statSync(path).isFile()) {
      pages.push({ file: path, source: name, paper: null, date: null, page: null });
    } else if (statSync(path).isDirectory()) {
      for (const date of readdirSync(path).sort()) {
        const day = join(path, date);
        if (!DATE.test(date) || !statSync(day).isDirectory()) continue;
        for (const file of readdirSync(day).sort((a, b) => comparePages(pageOf(a), pageOf(b)) || a.localeCompare(b))) {
          if (!RAW_PAGE.test(file)) continue;
          pages.push({ file: join(day, file), source: posix(join(day, file)), paper: name, date, page: pageOf(file) ?? file.replace(RAW_PAGE, '') });
        }
      }
    }
  }
  return pages;
}

/** An edition's id: `<paper>-<date>` where the paper's name is plain ASCII, else a hash of both. */
export function editionId(paper: string | null, date: string | null): string {
  if (paper === null || date === null) return 'default';
  if (/^[A-Za-z0-9_-]+$/.test(paper)) return `${paper}-${date}`;
  return `e${createHash('sha1').update(`${paper}\u0000${date}`).digest('hex').slice(0, 10)}-${date}`;
}

/** A hash of the cleaner's own code: a cached page is used only with the cleaner that made it. */
function cleanerHash(): string {
  // The shape of a cache file (CleanedPage), then the code that makes it.
  const hash = createHash('sha1').update('cleaned-page 3');
  const dirs = [new URL('../src/clean/', import.meta.url), new URL('../src/library/', import.meta.url)];
  for (const dir of dirs) {
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith('.ts') && !name.endsWith('.test.ts')) hash.update(name).update(readFileSync(new URL(name, dir)));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** A published article file as the build knows it after a page is cleaned. */
interface PublishedArticle {
  /** Its library line (lengths, lead…). */
  entry: LibraryEntry;
  /** The sha1 of its JSON (the name it has in the build cache's store) and its length in bytes. */
  hash: string;
  bytes: number;
}

/** One raw page as the last build left it: enough to publish it again without reading anything else. */
interface PageState {
  /** The file's size and `<mtimeNs>/<ctimeNs>` when it was last read. */
  size: number;
  time: string;
  /** The hash of its bytes and of the cleaner (the name of its cleaned form in the cache). */
  key: string;
  articles: PublishedArticle[];
}

/** The build's manifest: every raw page's state, by file. One file, read once per build. */
interface BuildState {
  pages: Record<string, PageState>;
}

/**
 * Where the cleaned pages and the articles' JSON are kept, and the JSON of the articles when there
 * is no cache (then every page is cleaned and everything is kept in memory).
 */
class Store {
  /** Article JSON by hash, when there is no cache folder. */
  readonly memory = new Map<string, string>();

  constructor(readonly dir: string | null) {
    if (dir) {
      mkdirSync(join(dir, 'pages'), { recursive: true });
      mkdirSync(join(dir, 'articles'), { recursive: true });
    }
  }

  pageFile(key: string): string {
    return join(this.dir!, 'pages', `${key}.json`);
  }

  articlePath(hash: string): string {
    return join(this.dir!, 'articles', `${hash}.json`);
  }

  /** Keeps an article's JSON under its hash (written once; an existing file is never rewritten). */
  putArticle(hash: string, json: string): void {
    if (!this.dir) this.memory.set(hash, json);
    else if (!existsSync(this.articlePath(hash))) writeAtomically(this.articlePath(hash), json);
  }

  articleFile(hash: string, bytes: number): ArticleFile {
    return this.dir ? { bytes, path: this.articlePath(hash) } : { bytes, json: this.memory.get(hash)! };
  }
}

/** Writes a file whole or not at all (another build may read it at the same time). */
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** Makes a cleaned page's article files (they name the page they were printed on) and keeps them in the store. */
function publishPage(raw: RawPage, cleaned: CleanedPage, store: Store): PublishedArticle[] {
  const edition = editionId(raw.paper, raw.date);
  return cleaned.page.articles.map((article, a) => {
    const doc: ArticleDocument = { format: LIBRARY_FORMAT, article, notes: cleaned.page.notes, source: raw.source, edition };
    const json = JSON.stringify(doc);
    const hash = createHash('sha1').update(json).digest('hex');
    store.putArticle(hash, json);
    // A cleaned page found in the cache may have been cleaned at another path.
    return { entry: { ...cleaned.entries[a]!, source: raw.source }, hash, bytes: Buffer.byteLength(json) };
  });
}

/**
 * Each raw page's published articles, in the order given. A page whose file has the size and times
 * the manifest remembers costs one stat; a changed file is hashed, and cleaned only when the cache
 * has no cleaned page of that hash (in worker threads when there are many). Writes the manifest
 * only when something changed.
 */
async function pageStates(pages: readonly RawPage[], store: Store): Promise<PageState[]> {
  const cacheDir = store.dir;
  const cleaner = cleanerHash();
  // One manifest per cleaner, of the pages of the last build (by absolute path): a build from
  // another content folder (TINGDU_CONTENT) replaces it, and reads the cleaned pages again.
  const manifestName = `state-${cleaner}.json`;
  const manifestFile = cacheDir ? join(cacheDir, manifestName) : '';
  let previous: BuildState = { pages: {} };
  if (cacheDir && existsSync(manifestFile)) {
    try {
      previous = JSON.parse(readFileSync(manifestFile, 'utf8')) as BuildState;
    } catch {
      previous = { pages: {} };
    }
  }
  const states: PageState[] = new Array(pages.length);
  const todo: number[] = [];
  let changed = Object.keys(previous.pages).length !== pages.length;
  for (const [i, page] of pages.entries()) {
    if (!cacheDir) {
      todo.push(i);
      continue;
    }
    const stat = statSync(page.file, { bigint: true });
    const size = Number(stat.size);
    const time = `${stat.mtimeNs}/${stat.ctimeNs}`;
    const known = previous.pages[page.file];
    if (known && known.size === size && known.time === time) {
      states[i] = known;
      continue;
    }
    changed = true;
    const key = createHash('sha1').update(cleaner).update(readFileSync(page.file)).digest('hex');
    states[i] = { size, time, key, articles: [] };
    const cachedPage = store.pageFile(key);
    let cleaned: CleanedPage | null = null;
    if (existsSync(cachedPage)) {
      try {
        cleaned = JSON.parse(readFileSync(cachedPage, 'utf8')) as CleanedPage;
      } catch {
        cleaned = null; // half written: cleaned again
      }
    }
    if (cleaned) states[i]!.articles = publishPage(page, cleaned, store);
    else todo.push(i);
  }

  const fresh = (i: number, cleaned: CleanedPage): void => {
    if (cacheDir) writeAtomically(store.pageFile(states[i]!.key), JSON.stringify(cleaned));
    else states[i] = { size: 0, time: '', key: '', articles: [] };
    states[i]!.articles = publishPage(pages[i]!, cleaned, store);
  };
  // Page PDFs are laid out here (pdf.js is asynchronous and heavy to start per thread); texts in
  // the threads.
  const pdfs = todo.filter((i) => isPdfPage(pages[i]!));
  const texts = todo.filter((i) => !isPdfPage(pages[i]!));
  for (const i of pdfs) fresh(i, await cleanPdfFile(pages[i]!.file, pages[i]!.source));
  const threads = Math.min(Number(process.env.TINGDU_BUILD_THREADS ?? availableParallelism()), Math.ceil(texts.length / 16));
  if (threads <= 1) {
    for (const i of texts) fresh(i, cleanFile(pages[i]!.file, pages[i]!.source));
  } else {
    await cleanInWorkers(
      texts.map((i) => pages[i]!),
      threads,
      (k, cleaned) => fresh(texts[k]!, cleaned),
    );
  }
  if (cacheDir && changed) {
    const next: BuildState = { pages: {} };
    for (const [i, page] of pages.entries()) next.pages[page.file] = states[i]!;
    writeAtomically(manifestFile, JSON.stringify(next));
    // A manifest of another cleaner will never be read again.
    for (const name of readdirSync(cacheDir)) if (/^(state|files)-\w+\.json$/.test(name) && name !== manifestName) rmSync(join(cacheDir, name), { force: true });
  }
  return states;
}

/** tsx's programmatic API (ESM), which loads a TypeScript module in a worker thread. */
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');

function cleanInWorkers(pages: readonly RawPage[], threads: number, done: (k: number, cleaned: CleanedPage) => void): Promise<void> {
  const script = new URL('./clean-worker.ts', import.meta.url);
  let next = 0;
  let finished = 0;
  return new Promise((resolvePromise, reject) => {
    const workers: Worker[] = [];
    const stop = (error?: Error): void => {
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolvePromise();
    };
    for (let t = 0; t < threads; t++) {
      // The worker is TypeScript: it is loaded through tsx's loader, as the rest of the build tooling.
      const worker = new Worker(`import(${JSON.stringify(TSX_API)}).then((tsx) => tsx.tsImport(${JSON.stringify(script.href)}, ${JSON.stringify(import.meta.url)}))`, { eval: true });
      workers.push(worker);
      let current = -1;
      const feed = (): void => {
        if (next >= pages.length) return;
        current = next++;
        const { file, source } = pages[current]!;
        worker.postMessage({ file, source } satisfies CleanRequest);
      };
      worker.on('message', (reply: CleanReply) => {
        if (!reply.ok) return stop(new Error(`${pages[current]!.source}: ${reply.message}`));
        done(current, reply.cleaned);
        if (++finished === pages.length) stop();
        else feed();
      });
      worker.on('error', (error) => stop(error));
      feed();
    }
  });
}

function isPdfPage(page: RawPage): boolean {
  return /\.pdf$/i.test(page.file);
}

/** Lays out a page PDF (src/pdf/) and measures its articles, as cleanFile does for a text. */
async function cleanPdfFile(file: string, source: string): Promise<CleanedPage> {
  // pdf.js only when the archive has a page PDF.
  const { pdfFileToPage } = await import('./pdf-node.ts');
  const page = await pdfFileToPage(file);
  return { page, entries: page.articles.map((article) => libraryEntry(article, source)) };
}

/**
 * Cleans the raw pages that changed and returns the archive (see src/library/types.ts for the
 * files' shapes). With a cache folder, an unchanged page costs one stat: its articles come from the
 * manifest, their JSON stays in the cache until the build links it into the output.
 */
export async function buildArchive(rawDir: string, { cacheDir = null }: { cacheDir?: string | null } = {}): Promise<Archive> {
  const raw = listRaw(rawDir);
  const store = new Store(cacheDir);
  const states = await pageStates(raw, store);
  const files = new Map<string, string>();
  const articles = new Map<string, ArticleFile>();
  const editions = new Map<string, { summary: EditionSummary; pages: EditionPage[]; articleFiles: string[] }>();
  const search: SearchRecord[] = [];

  for (const [i, rawPage] of raw.entries()) {
    const { paper, date, page: pageNumber } = rawPage;
    const id = editionId(paper, date);
    let edition = editions.get(id);
    if (!edition) {
      edition = { summary: { id, paper, date, articles: 0, bytes: 0 }, pages: [], articleFiles: [] };
      editions.set(id, edition);
    }
    let group = edition.pages.at(-1);
    if (!group || group.page !== pageNumber) {
      group = { page: pageNumber, articles: [] };
      edition.pages.push(group);
    }
    for (const { entry, hash, bytes } of states[i]!.articles) {
      const name = `${entry.id}.json`;
      // The same article printed twice (a wire story in two editions): published once, where first seen.
      if (articles.has(name)) continue;
      articles.set(name, store.articleFile(hash, bytes));
      edition.articleFiles.push(name);
      edition.summary.articles++;
      edition.summary.bytes += bytes;
      group.articles.push(entry);
      search.push([entry.id, id, pageNumber, entry.title, entry.byline, entry.lead]);
    }
  }

  // Newest first; the undated edition (a flat content/raw) after every dated one.
  const ordered = [...editions.values()]
    .filter((e) => e.summary.articles > 0)
    .sort((a, b) => (b.summary.date ?? '').localeCompare(a.summary.date ?? '') || (a.summary.paper ?? '').localeCompare(b.summary.paper ?? ''));
  for (const edition of ordered) {
    edition.pages = edition.pages.filter((p) => p.articles.length > 0);
    const index: EditionIndex = { format: ARCHIVE_FORMAT, edition: edition.summary, pages: edition.pages };
    files.set(editionFile(edition.summary.id), JSON.stringify(index));
  }

  const [latest, ...earlier] = ordered;
  const pageFile = (n: number): string => `editions-${n}.json`;
  const chunks: EditionSummary[][] = [];
  for (let i = 0; i < earlier.length; i += EDITIONS_PER_PAGE) chunks.push(earlier.slice(i, i + EDITIONS_PER_PAGE).map((e) => e.summary));
  const list: EditionList = {
    format: ARCHIVE_FORMAT,
    total: ordered.length,
    latest: latest ? { format: ARCHIVE_FORMAT, edition: latest.summary, pages: latest.pages } : null,
    editions: chunks[0] ?? [],
    next: chunks.length > 1 ? pageFile(1) : null,
  };
  files.set(EDITIONS_FILE, JSON.stringify(list));
  for (let n = 1; n < chunks.length; n++) {
    const listPage: EditionListPage = { format: ARCHIVE_FORMAT, editions: chunks[n]!, next: n + 1 < chunks.length ? pageFile(n + 1) : null };
    files.set(pageFile(n), JSON.stringify(listPage));
  }

  const searchIndex: SearchIndex = {
    format: ARCHIVE_FORMAT,
    editions: Object.fromEntries(ordered.map((e) => [e.summary.id, { paper: e.summary.paper, date: e.summary.date }])),
    articles: search,
  };
  files.set('search.json', JSON.stringify(searchIndex));
  return { files, articles, latestArticleFiles: latest?.articleFiles ?? [] };
}
