import type { ReadingScript } from '../library/script.ts';
import type { ArticleDocument } from '../library/types.ts';
import { archiveStrings, strings } from '../strings.ts';
import type { LibraryError } from '../data/library-client.ts';

/** The article view's data: loading, loaded (with its reading script) or failed. */
export type ArticleState =
  | { status: 'loading'; id: string }
  | { status: 'ready'; id: string; document: ArticleDocument; script: ReadingScript }
  | { status: 'error'; id: string; kind: LibraryError['kind'] };

/** What the reader says instead of an article that could not be opened. */
export function articleProblem(kind: LibraryError['kind']): string {
  if (kind === 'not-found') return strings.articleNotFound;
  return kind === 'offline' ? archiveStrings.needsNetwork : strings.articleError;
}
