import { readFileSync } from 'node:fs';
import type { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from '../src/clean/types.ts';
import { layoutPdf } from '../src/pdf/layout.ts';
import { readPdf, type PdfReadOptions } from '../src/pdf/load.ts';

/**
 * PDFs in Node (the command line, the build's articles, the evaluation): pdf.js's legacy build,
 * which runs its worker code in the same thread here.
 */

export async function pdfToPage(bytes: Uint8Array, options?: PdfReadOptions): Promise<Page> {
  return layoutPdf(await readPdf(await pdfjs(), bytes, options));
}

/**
 * pdf.js, loaded when first needed: its legacy build brings core-js, which replaces
 * `JSON.stringify` with a polyfill about twelve times slower for what Node's own already does
 * (well-formed output). The build that loads this module writes tens of megabytes of JSON
 * (scripts/articles-plugin.ts; Vite itself too), so Node's own is put back. (A static import would
 * not do: bundled with vite.config.ts, pdf.js would be loaded with the config, before anything here.)
 */
async function pdfjs(): Promise<typeof getDocument> {
  const stringify = JSON.stringify;
  const module = await import('pdfjs-dist/legacy/build/pdf.mjs');
  JSON.stringify = stringify;
  return module.getDocument;
}

export async function pdfFileToPage(path: string): Promise<Page> {
  return pdfToPage(new Uint8Array(readFileSync(path)));
}
