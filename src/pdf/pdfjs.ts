import { getDocument } from 'pdfjs-dist';
import * as pdfjsWorker from 'pdfjs-dist/build/pdf.worker.mjs';
import type { Page } from '../clean/types.ts';
import { layoutPdf, layoutPdfPages } from './layout.ts';
import { readPdf, type PdfReadOptions } from './load.ts';

/**
 * pdf.js in the app: its modern build, loaded (as a chunk of its own) only when a PDF is imported.
 *
 * pdf.js parses in a worker of its own, which it starts with `new Worker(workerSrc)`: a Trusted
 * Types sink under our CSP, and a second worker where we already run in one (the import worker,
 * src/library/import-worker.ts). Instead its worker code is bundled here and handed over as
 * `globalThis.pdfjsWorker`, which pdf.js uses in the same thread ("fake worker", pdf.js
 * `PDFWorker#setupFakeWorker`): no script URL, no policy, nothing fetched at run time, and the
 * chunk is precached by the service worker like every other script, so PDFs import offline.
 */
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

export async function pdfToPage(bytes: Uint8Array, options?: PdfReadOptions): Promise<Page> {
  return layoutPdf(await readPdf(getDocument, bytes, options));
}

/** Every page's articles apart, with its page number. */
export async function pdfToPages(bytes: Uint8Array, options?: PdfReadOptions): Promise<Array<{ number: number; page: Page }>> {
  return layoutPdfPages(await readPdf(getDocument, bytes, options));
}
