import { afterEach, describe, expect, it, vi } from 'vitest';
import { LibraryError, fetchArticle, fetchLibrary } from './library-client.ts';
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

describe('fetchLibrary', () => {
  it('returns a library of the format this app reads', async () => {
    const urls = serve(200, { format: LIBRARY_FORMAT, articles: [] });
    await expect(fetchLibrary()).resolves.toEqual({ format: LIBRARY_FORMAT, articles: [] });
    expect(urls).toEqual(['/articles/index.json']);
  });
  it('refuses another format, or anything else', async () => {
    serve(200, { format: 3, articles: [] });
    await expect(fetchLibrary()).rejects.toBeInstanceOf(LibraryError);
    serve(200, '<!doctype html>');
    await expect(fetchLibrary()).rejects.toBeInstanceOf(LibraryError);
    serve(500, 'oops');
    await expect(fetchLibrary()).rejects.toMatchObject({ kind: 'failed' });
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
