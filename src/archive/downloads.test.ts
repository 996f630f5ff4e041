import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EditionIndex, LibraryEntry } from '../library/types.ts';
import { EditionDownloads, type DownloadState } from './downloads.ts';

/** A Cache Storage in memory: one cache of URL → body. */
function memoryCaches(): { caches: CacheStorage; stored: Map<string, string> } {
  const stored = new Map<string, string>();
  const cache = {
    match: async (url: string) => (stored.has(url) ? new Response(stored.get(url)) : undefined),
    put: async (url: string, response: Response) => void stored.set(url, await response.text()),
    delete: async (url: string) => stored.delete(url),
  };
  return { caches: { open: async () => cache } as unknown as CacheStorage, stored };
}

const entry = (id: string): LibraryEntry => ({ id, kicker: null, title: id, subtitle: null, byline: null, lead: '', chars: 10, sentences: 2, source: 'p/2026-12-07/01.txt' });
const edition: EditionIndex = {
  format: 1,
  edition: { id: 'p-2026-12-07', paper: 'p', date: '2026-12-07', articles: 3, bytes: 300 },
  pages: [
    { page: '1', articles: [entry('a-1'), entry('a-2')] },
    { page: '2', articles: [entry('a-3')] },
  ],
};
const url = (id: string): string => `http://localhost/articles/${id}.json`;

afterEach(() => vi.unstubAllGlobals());

describe('EditionDownloads', () => {
  it('fetches every article of an edition into the cache, with progress, and removes them again', async () => {
    const { caches, stored } = memoryCaches();
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (u: string) => (fetched.push(u), new Response(`{"id":"${u}"}`)));
    const downloads = new EditionDownloads((id) => `/articles/${id}.json`, caches);
    const seen: DownloadState[] = [];
    downloads.addEventListener('downloads-change', () => seen.push(downloads.state('p-2026-12-07')));

    expect(await downloads.check(edition)).toEqual({ status: 'absent', stored: 0, total: 3 });
    await downloads.download(edition);
    expect(downloads.state('p-2026-12-07')).toEqual({ status: 'stored', total: 3 });
    expect([...stored.keys()].sort()).toEqual(['a-1', 'a-2', 'a-3'].map(url));
    expect(seen.filter((s) => s.status === 'downloading').map((s) => (s.status === 'downloading' ? s.done : -1))).toEqual([0, 1, 2, 3]);

    await downloads.remove(edition);
    expect(stored.size).toBe(0);
    expect(downloads.state('p-2026-12-07')).toEqual({ status: 'absent', stored: 0, total: 3 });
  });

  it('fetches only what is missing, and says when the network failed (keeping what came)', async () => {
    const { caches, stored } = memoryCaches();
    stored.set(url('a-1'), '{}');
    let calls = 0;
    vi.stubGlobal('fetch', async () => {
      if (++calls > 1) throw new TypeError('Failed to fetch');
      return new Response('{}');
    });
    const downloads = new EditionDownloads((id) => `/articles/${id}.json`, caches);
    await downloads.download(edition);
    expect(downloads.state('p-2026-12-07')).toMatchObject({ status: 'failed', full: false });
    expect(stored.size).toBe(2);
  });

  it('keeps the latest edition, except on a connection that saves data', async () => {
    const { caches, stored } = memoryCaches();
    vi.stubGlobal('fetch', async () => new Response('{}'));
    vi.stubGlobal('navigator', { connection: { saveData: true } });
    const downloads = new EditionDownloads((id) => `/articles/${id}.json`, caches);
    await downloads.keepLatest(edition);
    expect(downloads.state('p-2026-12-07')).toEqual({ status: 'skipped', total: 3 });
    expect(stored.size).toBe(0);

    vi.stubGlobal('navigator', { connection: { saveData: false } });
    await downloads.keepLatest(edition);
    expect(downloads.state('p-2026-12-07')).toEqual({ status: 'stored', total: 3 });
  });
});
