import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from '../src/clean/types.ts';
import { layoutPdf } from '../src/pdf/layout.ts';
import { readPdf, type PdfReadOptions } from '../src/pdf/load.ts';

/**
 * PDFs in Node (the command line, the build's articles, the evaluation): pdf.js's legacy build,
 * which runs its worker code in the same thread here.
 */
export async function pdfToPage(bytes: Uint8Array, options?: PdfReadOptions): Promise<Page> {
  return layoutPdf(await readPdf(getDocument, bytes, options));
}

export async function pdfFileToPage(path: string): Promise<Page> {
  return pdfToPage(new Uint8Array(readFileSync(path)));
}
