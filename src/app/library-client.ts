import { LIBRARY_FORMAT, type ArticleDocument, type LibraryIndex } from '../library/types.ts';

/**
 * Fetches the library the build publishes (`articles/index.json`, `articles/<id>.json`; see
 * scripts/articles-plugin.ts) and checks that what arrived has the shape and format version this
 * app reads. A stale cache or a half-written file yields a `LibraryError`, not a broken view.
 */
export class LibraryError extends Error {
  override name = 'LibraryError';
  constructor(
    message: string,
    /** `not-found`: no such article (HTTP 404); `failed`: network, server or format trouble. */
    readonly kind: 'not-found' | 'failed' = 'failed',
  ) {
    super(message);
  }
}

const base = `${import.meta.env.BASE_URL}articles/`;

export async function fetchLibrary(signal?: AbortSignal): Promise<LibraryIndex> {
  const data = await fetchJson(`${base}index.json`, signal);
  if (!isRecord(data) || data.format !== LIBRARY_FORMAT || !Array.isArray(data.articles)) {
    throw new LibraryError('articles/index.json: unexpected format');
  }
  return data as unknown as LibraryIndex;
}

export async function fetchArticle(id: string, signal?: AbortSignal): Promise<ArticleDocument> {
  const data = await fetchJson(`${base}${encodeURIComponent(id)}.json`, signal);
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
  const response = await fetch(url, { signal });
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
