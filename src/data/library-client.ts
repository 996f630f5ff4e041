import {
  ARCHIVE_FORMAT,
  LIBRARY_FORMAT,
  type ArticleDocument,
  type EditionIndex,
  type EditionList,
  type EditionListPage,
  type SearchIndex,
} from '../library/types.ts';

/**
 * Fetches the archive the build publishes (`articles/editions.json`, `articles/<id>.json`…; see
 * scripts/articles-plugin.ts) and checks that what arrived has the shape and format version this
 * app reads. A stale cache or a half-written file yields a `LibraryError`, not a broken view.
 */
export class LibraryError extends Error {
  override name = 'LibraryError';
  constructor(
    message: string,
    /**
     * `not-found`: no such article (HTTP 404); `offline`: the network could not be reached (and
     * the file is not on the device); `failed`: server or format trouble.
     */
    readonly kind: 'not-found' | 'offline' | 'failed' = 'failed',
  ) {
    super(message);
  }
}

const base = `${import.meta.env.BASE_URL}articles/`;

/** `articles/editions.json`: the latest edition's index and the first page of the earlier editions. */
export async function fetchEditions(signal?: AbortSignal): Promise<EditionList> {
  const data = await fetchJson(`${base}editions.json`, signal);
  if (!isListPage(data) || typeof data.total !== 'number' || !(data.latest === null || isEditionIndex(data.latest))) {
    throw new LibraryError('articles/editions.json: unexpected format');
  }
  return data as unknown as EditionList;
}

/** A further page of the earlier editions (`next` of the page before). */
export async function fetchEditionsPage(file: string, signal?: AbortSignal): Promise<EditionListPage> {
  const data = await fetchJson(`${base}${encodeURIComponent(file)}`, signal);
  if (!isListPage(data)) throw new LibraryError(`articles/${file}: unexpected format`);
  return data as unknown as EditionListPage;
}

/** One edition's articles by page, `articles/edition-<id>.json`. */
export async function fetchEdition(id: string, signal?: AbortSignal): Promise<EditionIndex> {
  const data = await fetchJson(`${base}edition-${encodeURIComponent(id)}.json`, signal);
  if (!isEditionIndex(data)) throw new LibraryError(`articles/edition-${id}.json: unexpected format`);
  return data;
}

/** The search index, `articles/search.json` (fetched only when the listener searches). */
export async function fetchSearchIndex(signal?: AbortSignal): Promise<SearchIndex> {
  const data = await fetchJson(`${base}search.json`, signal);
  if (!isRecord(data) || data.format !== ARCHIVE_FORMAT || !Array.isArray(data.articles) || !isRecord(data.editions)) {
    throw new LibraryError('articles/search.json: unexpected format');
  }
  return data as unknown as SearchIndex;
}

/** The URL of an article's file (what the service worker caches and `下载本期` fetches). */
export function articleUrl(id: string): string {
  return `${base}${encodeURIComponent(id)}.json`;
}

function isListPage(data: unknown): data is Record<string, unknown> {
  return isRecord(data) && data.format === ARCHIVE_FORMAT && Array.isArray(data.editions) && (data.next === null || typeof data.next === 'string');
}

function isEditionIndex(data: unknown): data is EditionIndex {
  return (
    isRecord(data) &&
    data.format === ARCHIVE_FORMAT &&
    isRecord(data.edition) &&
    typeof data.edition.id === 'string' &&
    Array.isArray(data.pages) &&
    data.pages.every((page) => isRecord(page) && Array.isArray(page.articles))
  );
}

export async function fetchArticle(id: string, signal?: AbortSignal): Promise<ArticleDocument> {
  const data = await fetchJson(articleUrl(id), signal);
  if (
    !isRecord(data) ||
    data.format !== LIBRARY_FORMAT ||
    !isRecord(data.article) ||
    !(typeof data.article.title === 'string' || data.article.title === null) ||
    !Array.isArray(data.article.sections)
  ) {
    throw new LibraryError(`articles/${id}.json: unexpected format`);
  }
  if (!Array.isArray(data.notes)) data.notes = [];
  return data as unknown as ArticleDocument;
}

async function fetchJson(url: string, signal?: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    // fetch() rejects only when no answer came: no network, and the file is not on the device.
    throw new LibraryError(`${url}: no network`, 'offline');
  }
  if (response.status === 404) throw new LibraryError(`${url}: not found`, 'not-found');
  if (!response.ok) throw new LibraryError(`${url}: HTTP ${response.status}`);
  try {
    return await response.json();
  } catch {
    // Vite's preview (and many static hosts) answer an unknown path with index.html.
    throw new LibraryError(`${url}: not JSON`, 'not-found');
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
