import { readFileSync } from 'node:fs';
// Before pdf.js (see native-json.ts).
import { nativeStringify } from './native-json.ts';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from '../src/clean/types.ts';
import { layoutPdf } from '../src/pdf/layout.ts';
import { readPdf, type PdfReadOptions } from '../src/pdf/load.ts';

/**
 * PDFs in Node (the command line, the build's articles, the evaluation): pdf.js's legacy build,
 * which runs its worker code in the same thread here.
 */

// The build, which loads this module, writes tens of megabytes of JSON (scripts/articles-plugin.ts).
JSON.stringify = nativeStringify;

export async function pdfToPage(bytes: Uint8Array, options?: PdfReadOptions): Promise<Page> {
  return layoutPdf(await readPdf(getDocument, bytes, options));
}

export async function pdfFileToPage(path: string): Promise<Page> {
  return pdfToPage(new Uint8Array(readFileSync(path)));
}
