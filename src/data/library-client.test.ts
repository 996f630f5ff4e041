import { afterEach, describe, expect, it, vi } from 'vitest';
import { LibraryError, fetchArticle, fetchEdition, fetchEditions, fetchSearchIndex } from './library-client.ts';
import { LIBRARY_FORMAT } from '../library/types.ts';

function serve(status: number, body: unknown): string[] {
  const urls: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    urls.push(url);
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  });
  return urls;
}

afterEach(() => vi.unstubAllGlobals());

const article = { id: 'a-1', title: '标题', byline: null, sections: [{ heading: null, paragraphs: ['一句。'] }] };

const edition = { id: 'p-2026-12-07', paper: 'p', date: '2026-12-07', articles: 1, bytes: 100 };
const editionIndex = { format: 1, edition, pages: [{ page: '1', articles: [] }] };

describe('fetchEditions', () => {
  it('returns the edition list of the format this app reads', async () => {
    const list = { format: 1, total: 1, latest: editionIndex, editions: [], next: null };
    const urls = serve(200, list);
    await expect(fetchEditions()).resolves.toEqual(list);
    expect(urls).toEqual(['/articles/editions.json']);
  });
  it('refuses another format, or anything else', async () => {
    serve(200, { format: 2, total: 0, latest: null, editions: [], next: null });
    await expect(fetchEditions()).rejects.toBeInstanceOf(LibraryError);
    serve(200, { format: 1, total: 1, latest: { format: 1 }, editions: [], next: null });
    await expect(fetchEditions()).rejects.toBeInstanceOf(LibraryError);
    serve(200, '<!doctype html>');
    await expect(fetchEditions()).rejects.toBeInstanceOf(LibraryError);
    serve(500, 'oops');
    await expect(fetchEditions()).rejects.toMatchObject({ kind: 'failed' });
  });
});

describe('fetchEdition and fetchSearchIndex', () => {
  it('fetch articles/edition-<id>.json and articles/search.json', async () => {
    const urls = serve(200, editionIndex);
    await expect(fetchEdition('p-2026-12-07')).resolves.toEqual(editionIndex);
    serve(200, { format: 1, editions: {}, articles: [] });
    await expect(fetchSearchIndex()).resolves.toMatchObject({ articles: [] });
    expect(urls).toEqual(['/articles/edition-p-2026-12-07.json']);
  });
  it('say when the network could not be reached', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(fetchEdition('x')).rejects.toMatchObject({ kind: 'offline' });
    await expect(fetchArticle('x')).rejects.toMatchObject({ kind: 'offline' });
  });
});

describe('fetchArticle', () => {
  it('fetches articles/<id>.json with the id encoded', async () => {
    const urls = serve(200, { format: LIBRARY_FORMAT, article, notes: ['编者按'], source: 'x.txt' });
    await expect(fetchArticle('a 1')).resolves.toMatchObject({ article: { title: '标题' }, notes: ['编者按'] });
    expect(urls).toEqual(['/articles/a%201.json']);
  });
  it('treats missing notes as none', async () => {
    serve(200, { format: LIBRARY_FORMAT, article, source: 'x.txt' });
    await expect(fetchArticle('a-1')).resolves.toMatchObject({ notes: [] });
  });
  it('tells "no such article" from "could not load it"', async () => {
    serve(404, 'not found');
    await expect(fetchArticle('nope')).rejects.toMatchObject({ kind: 'not-found' });
    serve(200, '<!doctype html><title>SPA fallback</title>');
    await expect(fetchArticle('nope')).rejects.toMatchObject({ kind: 'not-found' });
    serve(200, { format: LIBRARY_FORMAT, article: { title: 3 } });
    await expect(fetchArticle('bad')).rejects.toMatchObject({ kind: 'failed' });
  });
});
