import type { EditionIndex } from '../library/types.ts';

/**
 * Editions kept on the device by the listener's choice (`下载本期`), in the Cache Storage the
 * service worker reads too: an article file put in `ARTICLES_CACHE` here opens offline, and an
 * article opened online is put there by the service worker (vite.config.ts, runtime caching).
 *
 * Nothing is fetched without a request, except the latest edition once the app works offline
 * (`keepLatest`), and not even that when the connection asks to save data
 * (`navigator.connection.saveData`): then the edition's state says so (`skipped`).
 */

/** The cache of article files (the service worker's runtime cache of articles has this name). */
export const ARTICLES_CACHE = 'tingdu-articles';

/** How many article files are fetched at once. */
const PARALLEL = 4;

/** Where one edition stands. */
export type DownloadState =
  /** Not known yet (the cache is being looked at), or no Cache Storage at all. */
  | { status: 'unknown' }
  /** Not (all) on the device; `stored` of `total` articles are. */
  | { status: 'absent'; stored: number; total: number }
  /** Being fetched: `done` of `total`. */
  | { status: 'downloading'; done: number; total: number }
  /** Every article is on the device. */
  | { status: 'stored'; total: number }
  /** The latest edition was not fetched because the connection asks to save data. */
  | { status: 'skipped'; total: number }
  /** The download stopped: no network, or the disk is full. What was fetched stays. */
  | { status: 'failed'; done: number; total: number; full: boolean };

/** Fired by `EditionDownloads` when an edition's state changed. */
export class DownloadsChangeEvent extends Event {
  static readonly type = 'downloads-change';
  constructor(readonly editionId: string) {
    super(DownloadsChangeEvent.type);
  }
}

/** Whether the connection asks to save data (Network Information API; Chromium only). */
export function savesData(): boolean {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  return connection?.saveData === true;
}

/** Every article id of an edition, in page order. */
export function editionArticleIds(index: EditionIndex): string[] {
  return index.pages.flatMap((page) => page.articles.map((article) => article.id));
}

/**
 * The state of every edition the library has shown, and the downloads. One instance, created by
 * the shell and given to the library through context (`downloadsContext`).
 */
export class EditionDownloads extends EventTarget {
  readonly #states = new Map<string, DownloadState>();
  readonly #running = new Map<string, AbortController>();

  constructor(
    /** The URL of an article's file. */
    private readonly articleUrl: (id: string) => string,
    private readonly cacheStorage: CacheStorage | undefined = globalThis.caches,
  ) {
    super();
  }

  state(editionId: string): DownloadState {
    return this.#states.get(editionId) ?? { status: 'unknown' };
  }

  /** Looks at the cache for an edition's articles (once, unless `again`). */
  async check(index: EditionIndex, again = false): Promise<DownloadState> {
    const id = index.edition.id;
    if (!again && this.#states.has(id)) return this.state(id);
    if (!this.cacheStorage) return this.state(id);
    const ids = editionArticleIds(index);
    let stored = 0;
    try {
      const cache = await this.cacheStorage.open(ARTICLES_CACHE);
      for (const matched of await Promise.all(ids.map((article) => cache.match(this.#url(article))))) if (matched) stored++;
    } catch {
      return this.state(id);
    }
    if (this.#running.has(id)) return this.state(id);
    this.#set(id, stored === ids.length ? { status: 'stored', total: ids.length } : { status: 'absent', stored, total: ids.length });
    return this.state(id);
  }

  /**
   * Keeps the latest edition on the device once the app works offline: fetches what is missing,
   * unless the connection asks to save data (then `skipped`). Resolves when done (never rejects).
   */
  async keepLatest(index: EditionIndex): Promise<void> {
    const state = await this.check(index, true);
    if (state.status === 'stored' || state.status === 'unknown' || state.status === 'downloading') return;
    if (savesData()) {
      this.#set(index.edition.id, { status: 'skipped', total: editionArticleIds(index).length });
      return;
    }
    await this.download(index);
  }

  /** `下载本期`: fetches every article of the edition not yet on the device, with progress. */
  async download(index: EditionIndex): Promise<void> {
    const id = index.edition.id;
    if (!this.cacheStorage || this.#running.has(id)) return;
    const abort = new AbortController();
    this.#running.set(id, abort);
    const ids = editionArticleIds(index);
    let done = 0;
    this.#set(id, { status: 'downloading', done, total: ids.length });
    try {
      const cache = await this.cacheStorage.open(ARTICLES_CACHE);
      const queue = [...ids];
      const fetchNext = async (): Promise<void> => {
        for (let article = queue.shift(); article !== undefined; article = queue.shift()) {
          try {
            await fetchOne(article);
          } catch (error) {
            queue.length = 0; // the others finish what they are fetching, and stop
            throw error;
          }
        }
      };
      const fetchOne = async (article: string): Promise<void> => {
        const url = this.#url(article);
        if (!(await cache.match(url))) {
          const response = await fetch(url, { signal: abort.signal });
          if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
          await cache.put(url, response);
        }
        if (abort.signal.aborted) return;
        done++;
        this.#set(id, { status: 'downloading', done, total: ids.length });
      };
      // Every fetch in flight ends (and its article is kept) before a failure is reported.
      const results = await Promise.allSettled(Array.from({ length: Math.min(PARALLEL, ids.length) }, fetchNext));
      if (abort.signal.aborted) return;
      const failure = results.find((result) => result.status === 'rejected');
      if (failure) throw failure.reason;
      this.#set(id, { status: 'stored', total: ids.length });
    } catch (error) {
      if (abort.signal.aborted) return;
      const full = error instanceof DOMException && error.name === 'QuotaExceededError';
      this.#set(id, { status: 'failed', done, total: ids.length, full });
    } finally {
      if (this.#running.get(id) === abort) this.#running.delete(id);
    }
  }

  /** `取消`: stops a download; what was fetched stays on the device. */
  cancel(index: EditionIndex): void {
    const abort = this.#running.get(index.edition.id);
    if (!abort) return;
    abort.abort();
    this.#running.delete(index.edition.id);
    void this.check(index, true);
  }

  /** `删除`: removes an edition's articles from the device. */
  async remove(index: EditionIndex): Promise<void> {
    this.cancel(index);
    if (!this.cacheStorage) return;
    const cache = await this.cacheStorage.open(ARTICLES_CACHE);
    await Promise.all(editionArticleIds(index).map((article) => cache.delete(this.#url(article))));
    await this.check(index, true);
  }

  #url(article: string): string {
    return new URL(this.articleUrl(article), globalThis.location?.href ?? 'http://localhost/').href;
  }

  #set(id: string, state: DownloadState): void {
    this.#states.set(id, state);
    this.dispatchEvent(new DownloadsChangeEvent(id));
  }
}
