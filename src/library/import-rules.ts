import type { ArticleDocument, LibraryEntry } from './types.ts';

/**
 * What an import of the listener's own text accepts and how its articles are named: the facts the
 * first load needs (the library lists imported articles, the strings name the size limit) without
 * the cleaner, which only the import worker loads (import.ts).
 */

/**
 * The largest file (or pasted text, in UTF-8) taken: 20 MB. A newspaper page is 10–30 KB of text,
 * so this is several hundred pages; cleaning it takes a few seconds on a laptop (the cleaner does
 * about 6 MB/s), longer on a phone, and the text is held in memory several times over meanwhile.
 */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * The largest PDF taken: 200 MB. An e-paper page PDF is 0.3–5 MB, so this is a whole edition of
 * a few hundred pages; pdf.js holds the file in memory while it reads the pages one by one.
 */
export const MAX_PDF_BYTES = 200 * 1024 * 1024;

/**
 * Imported articles' ids: this prefix, then the cleaner's id (`a-…`, stable for the same text).
 * Bundled articles' ids are the cleaner's ids as they are, so the two can never collide (a page
 * that is also bundled, imported, has its own entry and its own reading position), and the same
 * text imported twice gets the same id (which is how a re-import is recognised).
 */
export const IMPORTED_ID_PREFIX = 'u-';

export function importedId(cleanerId: string): string {
  return `${IMPORTED_ID_PREFIX}${cleanerId}`;
}

export function isImportedId(id: string): boolean {
  return id.startsWith(IMPORTED_ID_PREFIX);
}

/**
 * Why a file gave no articles:
 * - `too-large`: text over MAX_IMPORT_BYTES (not read at all);
 * - `pdf-too-large`: a PDF over MAX_PDF_BYTES (not read at all);
 * - `empty`: no bytes, or only white space;
 * - `not-pdf`: named .pdf, but not a PDF (no `%PDF-` signature);
 * - `pdf-password`: a PDF that needs a password to open;
 * - `pdf-damaged`: a PDF whose structure pdf.js cannot read;
 * - `pdf-scanned`: a PDF without a text layer (scanned page images: no OCR here);
 * - `pdf-unreadable`: a PDF whose fonts have no Unicode mapping (its text reads as symbols);
 * - `binary`: an image, an archive… (NUL or control bytes);
 * - `encoding`: text, but neither UTF-8 (or UTF-16 with a BOM) nor GB18030/GBK;
 * - `unreadable`: text that an extractor printed from fonts without a Unicode mapping (symbol
 *   soup or Latin-1 mojibake: src/clean/readable.ts), not a page of articles;
 * - `no-articles`: text in which the cleaner found no article.
 */
export type ImportProblem =
  | 'too-large'
  | 'pdf-too-large'
  | 'empty'
  | 'not-pdf'
  | 'pdf-password'
  | 'pdf-damaged'
  | 'pdf-scanned'
  | 'pdf-unreadable'
  | 'binary'
  | 'encoding'
  | 'unreadable'
  | 'no-articles';

/** How far the reading of a long PDF has got: page `page` of `pages` of the file `name`. */
export interface ImportProgress {
  name: string;
  page: number;
  pages: number;
}

/** One article made from imported text: its library line and its document. */
export interface ImportedArticle {
  entry: LibraryEntry;
  document: ArticleDocument;
}

/** The listener cancelled the import while it ran: nothing is imported. */
export class ImportCancelledError extends Error {
  override name = 'ImportCancelledError';
}
