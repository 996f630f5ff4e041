import { cleanText, UnreadableTextError } from '../clean/index.ts';
import type { Page } from '../clean/types.ts';
import { PdfError } from '../pdf/load.ts';
import { DecodeError, decodeRaw } from './decode.ts';
import { libraryEntry } from './measure.ts';
import {
  ImportCancelledError,
  MAX_IMPORT_BYTES,
  MAX_PDF_BYTES,
  importedId,
  type ImportProblem,
  type ImportProgress,
  type ImportedArticle,
} from './import-rules.ts';
import { LIBRARY_FORMAT } from './types.ts';

/**
 * What a listener brings: a newspaper page PDF, or a file (or pasted text) as a PDF extractor
 * printed it from one → articles in the library's own shapes (`LibraryEntry`, `ArticleDocument`), ready to be
 * stored on the device (src/storage/imported.ts). The same decoder and cleaner as the build
 * (scripts/articles-plugin.ts), so an imported page reads exactly like a bundled one.
 *
 * A PDF is read with pdf.js (src/pdf/pdfjs.ts, loaded only when a PDF comes) and laid out from
 * its geometry (src/pdf/); text goes to the cleaner.
 *
 * Pure: no DOM, no Node. It runs in the import Web Worker (import-worker.ts), so that a large file
 * never freezes the page, and in the unit tests.
 */

/** What became of one file or pasted text. `name` is the file's name (or the pasted text's label). */
export type ImportOutcome =
  | { name: string; ok: true; articles: ImportedArticle[] }
  | { name: string; ok: false; problem: ImportProblem };

/** What the page sends the worker: files (read in the worker) or pasted text. */
export type ImportSource = { kind: 'file'; name: string; file: Blob } | { kind: 'text'; name: string; text: string };

/** Reading a PDF: its progress, page by page; aborting stops it (the import is then cancelled). */
export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
}

/** Cleans text into articles; `name` becomes each article's `source`. */
export function importText(text: string, name: string): ImportOutcome {
  if (utf8Length(text) > MAX_IMPORT_BYTES) return { name, ok: false, problem: 'too-large' };
  if (text.trim() === '') return { name, ok: false, problem: 'empty' };
  try {
    return importPage(cleanText(text), name);
  } catch (error) {
    if (error instanceof UnreadableTextError) return { name, ok: false, problem: 'unreadable' };
    throw error;
  }
}

/**
 * Reads a PDF and lays out its pages' articles, every page's in page order. pdf.js comes with the
 * first PDF (a chunk of its own), never with text files or the first page.
 */
export async function importPdf(bytes: Uint8Array, name: string, options: ImportOptions = {}): Promise<ImportOutcome> {
  if (bytes.length > MAX_PDF_BYTES) return { name, ok: false, problem: 'pdf-too-large' };
  const { pdfToPages } = await import('../pdf/pdfjs.ts');
  let pages: Array<{ number: number; page: Page }>;
  try {
    pages = await pdfToPages(bytes, {
      signal: options.signal,
      onProgress: (done, total) => options.onProgress?.({ name, page: done, pages: total }),
    });
  } catch (error) {
    if (!(error instanceof PdfError)) throw error;
    if (error.problem === 'cancelled') throw new ImportCancelledError(`${name}: cancelled`);
    return { name, ok: false, problem: error.problem };
  }
  // Each article's source names its page when the file has several: `edition.pdf 第3页`.
  const articles = pages.flatMap(({ number, page }) => {
    const outcome = importPage(page, name, pages.length > 1 ? `${name} 第${number}页` : name);
    return outcome.ok ? outcome.articles : [];
  });
  if (articles.length === 0) return { name, ok: false, problem: 'no-articles' };
  return { name, ok: true, articles };
}

/** A cleaned page's articles in the library's shapes; `source` says where they came from. */
function importPage(page: Page, name: string, source = name): ImportOutcome {
  if (page.articles.length === 0) return { name, ok: false, problem: 'no-articles' };
  const articles = page.articles.map((cleaned): ImportedArticle => {
    const id = importedId(cleaned.id);
    const article = { ...cleaned, id };
    return {
      entry: libraryEntry(article, source),
      document: { format: LIBRARY_FORMAT, article, notes: page.notes, source },
    };
  });
  return { name, ok: true, articles };
}

/**
 * Decodes a text file's bytes (UTF-8, UTF-16 with a BOM, GB18030/GBK) and cleans them. PDFs go to
 * `importPdf` (`importSource` tells them apart by their signature).
 */
export function importBytes(bytes: Uint8Array, name: string): ImportOutcome {
  if (bytes.length > MAX_IMPORT_BYTES) return { name, ok: false, problem: 'too-large' };
  let text: string;
  try {
    text = decodeRaw(bytes, name);
  } catch (error) {
    if (error instanceof DecodeError) return { name, ok: false, problem: error.reason };
    throw error;
  }
  return importText(text, name);
}

/**
 * One source, whatever its kind: a PDF (by its signature, whatever its name), or text. A file over
 * its kind's limit is refused before it is read.
 */
export async function importSource(source: ImportSource, options: ImportOptions = {}): Promise<ImportOutcome> {
  if (source.kind === 'text') return importText(source.text, source.name);
  const { file, name } = source;
  if (isPdf(new Uint8Array(await file.slice(0, 5).arrayBuffer()))) {
    if (file.size > MAX_PDF_BYTES) return { name, ok: false, problem: 'pdf-too-large' };
    return importPdf(new Uint8Array(await file.arrayBuffer()), name, options);
  }
  if (/\.pdf$/iu.test(name)) return { name, ok: false, problem: 'not-pdf' };
  if (file.size > MAX_IMPORT_BYTES) return { name, ok: false, problem: 'too-large' };
  return importBytes(new Uint8Array(await file.arrayBuffer()), name);
}

/** `%PDF-`: the signature every PDF file starts with (ISO 32000-1 §7.5.2). */
export function isPdf(bytes: Uint8Array): boolean {
  const signature = [0x25, 0x50, 0x44, 0x46, 0x2d];
  return signature.every((byte, i) => bytes[i] === byte);
}

/** Bytes of the text in UTF-8, without encoding it. */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      n += 4; // a surrogate pair: one code point beyond the BMP
      i++;
    } else n += 3;
  }
  return n;
}
