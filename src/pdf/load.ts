import type { PDFDocumentProxy, getDocument as GetDocument } from 'pdfjs-dist';
import type { PageText, TextRun } from './geometry.ts';

/**
 * A PDF's bytes → each page's text runs (geometry.ts), read with pdf.js. The pdf.js build is
 * passed in: the app's import worker uses the modern build (with its worker code run in the same
 * thread, see src/pdf/pdfjs.ts), the build and the command line the legacy build for
 * Node (scripts/pdf-node.ts).
 */

/** Why a PDF gave no text to lay out. */
export type PdfProblem =
  /** Encrypted with a password to open it. */
  | 'pdf-password'
  /** Damaged: pdf.js cannot read its structure. */
  | 'pdf-damaged'
  /** Pages without a text layer (scanned images): nothing to read without OCR. */
  | 'pdf-scanned'
  /** Text whose fonts carry no Unicode mapping: what pdf.js reads is symbol soup. */
  | 'pdf-unreadable'
  /** The listener cancelled it. */
  | 'cancelled';

export class PdfError extends Error {
  override name = 'PdfError';
  constructor(readonly problem: PdfProblem, message: string) {
    super(message);
  }
}

export interface PdfReadOptions {
  /** Called after each page with the pages read so far and the document's page count. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops between two pages with `PdfError('cancelled')`. */
  signal?: AbortSignal;
}

/**
 * Reads every page's text runs. Rejects with a `PdfError` for a file that cannot be read as a
 * newspaper PDF: locked, damaged, without text (scanned), or with text that is not Chinese
 * characters (fonts without a Unicode mapping).
 */
export async function readPdf(getDocument: typeof GetDocument, bytes: Uint8Array, options: PdfReadOptions = {}): Promise<PageText[]> {
  const pages = await readPdfPages(getDocument, bytes, options);
  const chars = pages.flatMap((p) => p.runs.map((r) => r.text)).join('').replace(/\s/gu, '');
  if (chars.length === 0) throw new PdfError('pdf-scanned', 'the PDF has no text layer (a scanned image)');
  if (!isReadable(chars)) throw new PdfError('pdf-unreadable', 'the PDF’s fonts have no Unicode mapping');
  return pages;
}

/** Every page's text runs, whatever the text is (`readPdf` checks it). */
export async function readPdfPages(getDocument: typeof GetDocument, bytes: Uint8Array, options: PdfReadOptions = {}): Promise<PageText[]> {
  const task = getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given: give it a copy.
    data: bytes.slice(),
    // No eval (our CSP forbids it), no font loading: only the text layer is read.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') throw new PdfError('pdf-password', 'the PDF is protected by a password');
    throw new PdfError('pdf-damaged', `the PDF cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const pages: PageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      if (options.signal?.aborted) throw new PdfError('cancelled', 'cancelled');
      pages.push(await readPage(doc, n));
      options.onProgress?.(n, doc.numPages);
    }
    return pages;
  } catch (error) {
    if (error instanceof PdfError) throw error;
    throw new PdfError('pdf-damaged', `the PDF cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await task.destroy();
  }
}

async function readPage(doc: PDFDocumentProxy, number: number): Promise<PageText> {
  const page = await doc.getPage(number);
  const [left, bottom, right, top] = page.view as [number, number, number, number];
  const content = await page.getTextContent();
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const [a, b, c, d, e, f] = item.transform as [number, number, number, number, number, number];
    // Horizontal text only: rotated captions and vertical headlines are left out.
    if (Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3 || a <= 0 || d <= 0) continue;
    if (content.styles[item.fontName]?.vertical) continue;
    runs.push({ text: item.str, x: e - left, y: top - f, width: item.width, size: d, font: item.fontName });
  }
  page.cleanup();
  return { number, width: right - left, height: top - bottom, runs };
}

/**
 * Text a newspaper page prints is mostly Han characters and CJK punctuation. Fonts without a
 * Unicode mapping give their glyph ids instead: ASCII symbol soup or Latin-1 letters.
 */
export function isReadable(chars: string): boolean {
  let han = 0;
  let total = 0;
  for (const ch of chars) {
    total++;
    if (/[\p{Script=Han}\u3000-\u303f\uff01-\uff60“”‘’—…·]/u.test(ch)) han++;
  }
  return total > 0 && han / total >= 0.3;
}
