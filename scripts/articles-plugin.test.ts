import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleDocument, EditionIndex, EditionList, SearchIndex } from '../src/library/types.ts';
import { articleJson, buildArchive, editionId, listRaw, pageOf, type Archive } from './articles-plugin.ts';
import { generateArchive, samplePages, variant } from './generate-archive.ts';
import { pdfFileToPage } from './pdf-node.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tingdu-archive-test-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The cleaned pages in a clean cache. */
const cachedPages = (cache: string): string[] => readdirSync(join(cache, 'pages'));

const json = <T>(files: Map<string, string>, name: string): T => JSON.parse(files.get(name)!) as T;
const article = (archive: Archive, name: string): ArticleDocument => JSON.parse(articleJson(archive.articles.get(name)!)) as ArticleDocument;

/** Every file the archive publishes, by name, with its JSON. */
const published = (archive: Archive): Map<string, string> =>
  new Map([...archive.files, ...[...archive.articles].map(([name, file]): [string, string] => [name, articleJson(file)])]);

describe('raw pages', () => {
  it('take the page number from the file name', () => {
    expect(pageOf('01.txt')).toBe('1');
    expect(pageOf('A03.txt')).toBe('A3');
    expect(pageOf('b12-extra.txt')).toBe('B12');
    expect(pageOf('front.txt')).toBeNull();
  });
  it('name editions by paper and date (a hash for a name that is not plain ASCII)', () => {
    expect(editionId('daily', '2026-12-07')).toBe('daily-2026-12-07');
    expect(editionId('人民日报', '2026-12-07')).toMatch(/^e[0-9a-f]{10}-2026-12-07$/);
    expect(editionId(null, null)).toBe('default');
  });
  it('list flat pages and <paper>/<date>/<page>.txt (by name; pages in page order (10 after 9), ignoring the rest', () => {
    const dir = tempDir();
    const day = join(dir, 'daily', '2026-12-07');
    mkdirSync(day, { recursive: true });
    mkdirSync(join(dir, 'daily', 'notes'));
    for (const name of ['10.txt', '02.txt', 'A01.txt', 'readme.md']) writeFileSync(join(day, name), 'x');
    writeFileSync(join(dir, 'flat.txt'), 'x');
    expect(listRaw(dir).map((p) => [p.source, p.paper, p.date, p.page])).toEqual([
      ['daily/2026-12-07/02.txt', 'daily', '2026-12-07', '2'],
      ['daily/2026-12-07/10.txt', 'daily', '2026-12-07', '10'],
      ['daily/2026-12-07/A01.txt', 'daily', '2026-12-07', 'A1'],
      ['flat.txt', null, null, null],
    ]);
  });
});

describe('buildArchive', () => {
  it('publishes the latest edition inline, earlier ones by file, one file per article, and a search index', async () => {
    const dir = tempDir();
    generateArchive(dir, { pages: 6, pagesPerEdition: 2, paper: 'daily', latest: '2026-12-07' });
    const archive = await buildArchive(dir);
    const { files, latestArticleFiles } = archive;
    const list = json<EditionList>(files, 'editions.json');
    expect(list.total).toBe(3);
    expect(list.latest?.edition).toMatchObject({ id: 'daily-2026-12-07', paper: 'daily', date: '2026-12-07' });
    expect(list.latest?.pages.map((p) => p.page)).toEqual(['1', '2']);
    expect(list.editions.map((e) => e.date)).toEqual(['2026-12-06', '2026-12-05']);
    expect(list.next).toBeNull();

    const latestIds = list.latest!.pages.flatMap((p) => p.articles.map((a) => a.id));
    expect(latestArticleFiles).toEqual(latestIds.map((id) => `${id}.json`));
    expect(list.latest!.edition.articles).toBe(latestIds.length);
    expect(list.latest!.edition.bytes).toBe(latestIds.reduce((sum, id) => sum + Buffer.byteLength(articleJson(archive.articles.get(`${id}.json`)!)), 0));

    const older = json<EditionIndex>(files, 'edition-daily-2026-12-05.json');
    const first = older.pages[0]!.articles[0]!;
    const doc = article(archive, `${first.id}.json`);
    expect(doc).toMatchObject({ source: 'daily/2026-12-05/01.txt', edition: 'daily-2026-12-05', article: { id: first.id, title: first.title } });
    expect(first.sentences).toBeGreaterThan(0);

    const search = json<SearchIndex>(files, 'search.json');
    const record = search.articles.find(([id]) => id === first.id)!;
    expect(record.slice(0, 4)).toEqual([first.id, 'daily-2026-12-05', '1', first.title]);
    expect(search.articles).toHaveLength(archive.articles.size); // every article file
    expect(files.size).toBe(5); // the 3 editions' indices, the list, the search
  });

  it('keeps a flat content/raw as one undated edition', async () => {
    const dir = tempDir();
    const seed = new URL('../content/raw/', import.meta.url);
    for (const name of readdirSync(seed)) copyFileSync(new URL(name, seed), join(dir, name));
    const list = json<EditionList>((await buildArchive(dir)).files, 'editions.json');
    expect(list.latest?.edition).toMatchObject({ id: 'default', paper: null, date: null });
    expect(list.latest?.pages).toHaveLength(1);
    expect(list.latest?.pages[0]?.page).toBeNull();
    expect(list.editions).toEqual([]);
  });

  it('lays out a page PDF like a page of text: its articles in its page of the edition, as the PDF layout gives them', async () => {
    const dir = tempDir();
    const day = join(dir, 'demo', '2026-12-07');
    mkdirSync(day, { recursive: true });
    copyFileSync(new URL('../corpus/001/page.pdf', import.meta.url), join(day, '01.pdf'));
    copyFileSync(new URL('../content/raw/000_8e04ed7bb1f39c91.txt', import.meta.url), join(day, '02.txt'));
    expect(listRaw(dir).map((p) => [p.source, p.page])).toEqual([
      ['demo/2026-12-07/01.pdf', '1'],
      ['demo/2026-12-07/02.txt', '2'],
    ]);
    const cache = tempDir();
    const built = await buildArchive(dir, { cacheDir: cache });
    const { files } = built;
    const expected = (await pdfFileToPage(join(day, '01.pdf'))).articles;
    const list = json<EditionList>(files, 'editions.json');
    const [first, second] = list.latest!.pages;
    expect(first!.articles.map((a) => a.id)).toEqual(expected.map((a) => a.id));
    expect(first!.articles.every((a) => a.source === 'demo/2026-12-07/01.pdf')).toBe(true);
    expect(second!.articles.length).toBeGreaterThan(0);
    // Built again from the cache, the same.
    expect(published(await buildArchive(dir, { cacheDir: cache }))).toEqual(published(built));
  });

  it('cleans again only the pages that changed (cache by content hash), with the same result', async () => {
    const dir = tempDir();
    const cache = tempDir();
    const written = generateArchive(dir, { pages: 3, pagesPerEdition: 3 });
    const first = await buildArchive(dir, { cacheDir: cache });
    expect(cachedPages(cache)).toHaveLength(3);
    const again = await buildArchive(dir, { cacheDir: cache });
    expect(published(again)).toEqual(published(first));

    writeFileSync(written[1]!, variant(samplePages()[1]!, 77));
    const changed = await buildArchive(dir, { cacheDir: cache });
    expect(cachedPages(cache)).toHaveLength(4);
    expect(published(changed)).toEqual(published(await buildArchive(dir)));
    expect(published(changed)).not.toEqual(published(first));
  });

  it('publishes unchanged pages from its manifest alone: no cleaned page read, no file rewritten', async () => {
    const dir = tempDir();
    const cache = tempDir();
    generateArchive(dir, { pages: 4, pagesPerEdition: 2 });
    const first = published(await buildArchive(dir, { cacheDir: cache }));
    const mtimes = (): Map<string, number> =>
      new Map(readdirSync(cache, { recursive: true, encoding: 'utf8' }).map((name) => [name, statSync(join(cache, name)).mtimeMs]));
    const before = mtimes();
    // Without the cleaned pages, only the manifest can say what the pages hold.
    rmSync(join(cache, 'pages'), { recursive: true });
    mkdirSync(join(cache, 'pages'));
    expect(published(await buildArchive(dir, { cacheDir: cache }))).toEqual(first);
    const after = mtimes();
    expect([...after].filter(([name, mtime]) => name !== 'pages' && before.get(name) !== mtime)).toEqual([]);
    expect(cachedPages(cache)).toEqual([]);
  });

  it('names the page an article is printed on when a cleaned page is found under another name (a page moved)', async () => {
    const dir = tempDir();
    const cache = tempDir();
    const [from] = generateArchive(dir, { pages: 1, pagesPerEdition: 1, paper: 'daily', latest: '2026-12-07' });
    await buildArchive(dir, { cacheDir: cache });
    const day = join(dir, 'daily', '2026-12-06');
    mkdirSync(day);
    renameSync(from!, join(day, '03.txt'));
    rmSync(join(dir, 'daily', '2026-12-07'), { recursive: true });
    const moved = await buildArchive(dir, { cacheDir: cache });
    expect(cachedPages(cache)).toHaveLength(1); // not cleaned again
    expect(published(moved)).toEqual(published(await buildArchive(dir)));
    const list = json<EditionList>(moved.files, 'editions.json');
    expect(list.latest!.pages[0]!.articles[0]!.source).toBe('daily/2026-12-06/03.txt');
  });
});
