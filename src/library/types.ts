import type { Article } from '../clean/types.ts';

/**
 * The bundled library as the build publishes it: `articles/index.json` lists every article,
 * `articles/<id>.json` holds one article with the notes of its page. Both are plain static files,
 * so the service worker can precache them and the reader works offline.
 */

/** Format version of the published files; bump when their shape changes. */
export const LIBRARY_FORMAT = 2;

/** One line of the library list. */
export interface LibraryEntry {
  id: string;
  /** The headline's parts, as the article has them (`title` null: none found; see label.ts). */
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  byline: string | null;
  /** The body's first words (label.ts `leadOf`): the label of an untitled article, and for search. */
  lead: string;
  /** Characters of body text (headings and paragraphs), the basis of the listening-time estimate. */
  chars: number;
  /** Number of sentences the reader will speak. */
  sentences: number;
  /** The raw file the article was cleaned from, e.g. `000_8e04ed7bb1f39c91.txt`. */
  source: string;
}

/** `articles/index.json`. */
export interface LibraryIndex {
  format: typeof LIBRARY_FORMAT;
  articles: LibraryEntry[];
}

/** `articles/<id>.json`. */
export interface ArticleDocument {
  format: typeof LIBRARY_FORMAT;
  article: Article;
  /** Notes of the page the article was printed on (editor's notes, column introductions). */
  notes: string[];
  source: string;
}
