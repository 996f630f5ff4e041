import { cleanText } from '../clean/index.ts';
import { DecodeError, decodeRaw } from './decode.ts';
import { libraryEntry } from './measure.ts';
import { MAX_IMPORT_BYTES, importedId, type ImportProblem, type ImportedArticle } from './import-rules.ts';
import { LIBRARY_FORMAT } from './types.ts';

/**
 * Text a listener brings: a file (or pasted text) as a PDF extractor printed it from a newspaper
 * page → articles in the library's own shapes (`LibraryEntry`, `ArticleDocument`), ready to be
 * stored on the device (src/storage/imported.ts). The same decoder and cleaner as the build
 * (scripts/articles-plugin.ts), so an imported page reads exactly like a bundled one.
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

/** Cleans text into articles; `name` becomes each article's `source`. */
export function importText(text: string, name: string): ImportOutcome {
  if (utf8Length(text) > MAX_IMPORT_BYTES) return { name, ok: false, problem: 'too-large' };
  if (text.trim() === '') return { name, ok: false, problem: 'empty' };
  const page = cleanText(text);
  if (page.articles.length === 0) return { name, ok: false, problem: 'no-articles' };
  const articles = page.articles.map((cleaned): ImportedArticle => {
    const id = importedId(cleaned.id);
    const article = { ...cleaned, id };
    return {
      entry: libraryEntry(article, name),
      document: { format: LIBRARY_FORMAT, article, notes: page.notes, source: name },
    };
  });
  return { name, ok: true, articles };
}

/** Decodes a file's bytes (UTF-8, UTF-16 with a BOM, GB18030/GBK) and cleans them. */
export function importBytes(bytes: Uint8Array, name: string): ImportOutcome {
  if (bytes.length > MAX_IMPORT_BYTES) return { name, ok: false, problem: 'too-large' };
  if (isPdf(bytes)) return { name, ok: false, problem: 'pdf' };
  let text: string;
  try {
    text = decodeRaw(bytes, name);
  } catch (error) {
    if (error instanceof DecodeError) return { name, ok: false, problem: error.reason };
    throw error;
  }
  return importText(text, name);
}

/** One source, whatever its kind. A file over the limit is refused before it is read. */
export async function importSource(source: ImportSource): Promise<ImportOutcome> {
  if (source.kind === 'text') return importText(source.text, source.name);
  if (source.file.size > MAX_IMPORT_BYTES) return { name: source.name, ok: false, problem: 'too-large' };
  return importBytes(new Uint8Array(await source.file.arrayBuffer()), source.name);
}

/** `%PDF-`: the signature every PDF file starts with (ISO 32000-1 §7.5.2). */
function isPdf(bytes: Uint8Array): boolean {
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
