import type { Article } from '../clean/types.ts';

/**
 * The bundled library as the build publishes it: `articles/<id>.json` holds one article with the
 * notes of its page; the editions (below) list them. All are plain static files, so the service
 * worker can cache them and the reader works offline.
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

/** `articles/<id>.json`. */
export interface ArticleDocument {
  format: typeof LIBRARY_FORMAT;
  article: Article;
  /** Notes of the page the article was printed on (editor's notes, column introductions). */
  notes: string[];
  source: string;
  /** The edition it was printed in (`EditionSummary.id`); absent for an imported article. */
  edition?: string;
}

/*
 * The archive: raw pages are organised as the paper organises them,
 * `content/raw/<paper>/<YYYY-MM-DD>/<page>.txt`, and each paper's day is an edition. (A flat
 * `content/raw/*.txt` is one edition with no paper, date or pages.) The build publishes, beside the
 * article files:
 * - `articles/editions.json` (`EditionList`): the latest edition's index inline and the first
 *   page of the earlier editions, newest first; the only archive file the first visit needs;
 * - `articles/editions-<n>.json` (`EditionListPage`): the next pages of earlier editions;
 * - `articles/edition-<id>.json` (`EditionIndex`): one edition's articles by page, fetched when
 *   the listener opens that edition;
 * - `articles/search.json` (`SearchIndex`): title, byline and first words of every article, fetched
 *   only when the listener searches.
 */

/** Format version of the archive files (editions, search); bump when their shape changes. */
export const ARCHIVE_FORMAT = 1;

/** One edition as listed. */
export interface EditionSummary {
  /** `<paper>-<YYYY-MM-DD>` (or a hash of them where the paper's name is not plain ASCII); `default` for a flat content/raw. */
  id: string;
  /** The paper's name (its folder's name); null for a flat content/raw. */
  paper: string | null;
  /** `YYYY-MM-DD`; null for a flat content/raw. */
  date: string | null;
  /** Number of articles. */
  articles: number;
  /** Bytes of its article files, what `下载本期` fetches. */
  bytes: number;
}

/** The articles printed on one page of an edition, in reading order. */
export interface EditionPage {
  /** The page's number from its file name (`1`, `A3`); null for a flat content/raw. */
  page: string | null;
  articles: LibraryEntry[];
}

/** `articles/edition-<id>.json` (and `latest` in `articles/editions.json`). */
export interface EditionIndex {
  format: typeof ARCHIVE_FORMAT;
  edition: EditionSummary;
  pages: EditionPage[];
}

/** The number of earlier editions per page of the list. */
export const EDITIONS_PER_PAGE = 30;

/** A page of the earlier editions, newest first: `next` names the file of the following page. */
export interface EditionListPage {
  format: typeof ARCHIVE_FORMAT;
  editions: EditionSummary[];
  /** File name (under `articles/`) of the next page, or null at the end. */
  next: string | null;
}

/** `articles/editions.json`. */
export interface EditionList extends EditionListPage {
  /** All editions, the latest included. */
  total: number;
  /** The latest edition (null when there is no article at all). */
  latest: EditionIndex | null;
}

/** One article in the search index: `[id, edition id, page, title (null: none), byline, first words]`. */
export type SearchRecord = [id: string, edition: string, page: string | null, title: string | null, byline: string | null, lead: string];

/** `articles/search.json`. */
export interface SearchIndex {
  format: typeof ARCHIVE_FORMAT;
  /** Every edition, by id (to name where a result was printed). */
  editions: Record<string, { paper: string | null; date: string | null }>;
  articles: SearchRecord[];
}
