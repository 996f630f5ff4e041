/**
 * Hash routes. Hash routing keeps every view a static file the service worker can serve offline,
 * with no server rewrite rules:
 *
 * - `#/` (or no hash): the library;
 * - `#/article/<id>`: the reader for one article (`id` as in `LibraryEntry.id`, URI-encoded).
 */
export type Route = { view: 'library' } | { view: 'article'; id: string } | { view: 'not-found' };

/** Article ids are slugs; anything else in the hash is not a route of ours. */
const ID = /^[\p{L}\p{N}_~-][\p{L}\p{N}_.~-]{0,199}$/u;

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '' || path === '/') return { view: 'library' };
  const match = /^\/article\/([^/?#]+)\/?$/.exec(path);
  if (match) {
    let id: string;
    try {
      id = decodeURIComponent(match[1]!);
    } catch {
      return { view: 'not-found' };
    }
    return ID.test(id) ? { view: 'article', id } : { view: 'not-found' };
  }
  return { view: 'not-found' };
}

export function articleHref(id: string): string {
  return `#/article/${encodeURIComponent(id)}`;
}

export const LIBRARY_HREF = '#/';

export function sameRoute(a: Route, b: Route): boolean {
  return a.view === b.view && (a.view !== 'article' || a.id === (b as { id: string }).id);
}
