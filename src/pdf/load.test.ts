import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { isReadable, PdfError, readPdf } from './load.ts';
import { brokenPdf, encryptedPdf, imageOnlyPdf, repeatPages, symbolSoupPdf } from './testing/pdf-writer.ts';

const corpusPage = (n: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../corpus/${n}/page.pdf`, import.meta.url)));

async function problemOf(bytes: Uint8Array): Promise<string> {
  try {
    await readPdf(getDocument, bytes);
    return 'read';
  } catch (error) {
    if (error instanceof PdfError) return error.problem;
    throw error;
  }
}

describe('readPdf: bad PDFs each get their own problem', () => {
  it('locked with a password', async () => expect(await problemOf(encryptedPdf())).toBe('pdf-password'));
  it('a scanned page (an image, no text layer)', async () => expect(await problemOf(imageOnlyPdf())).toBe('pdf-scanned'));
  it('damaged', async () => expect(await problemOf(brokenPdf())).toBe('pdf-damaged'));
  it('fonts without a Unicode mapping (symbol soup)', async () => expect(await problemOf(await symbolSoupPdf())).toBe('pdf-unreadable'));
});

describe('readPdf: a newspaper page', () => {
  it('gives its runs in top-down coordinates, with sizes, and the page size', async () => {
    const [page] = await readPdf(getDocument, corpusPage('001'));
    expect(page!.number).toBe(1);
    expect(page!.width).toBeCloseTo(620, 0);
    const title = page!.runs.find((r) => r.text === '木门企业生意有困难')!;
    expect(title.size).toBe(25);
    // Near the top of the page (PDF coordinates run bottom-up).
    expect(title.y).toBeLessThan(page!.height / 4);
  });

  it('reports progress page by page and stops between pages when cancelled', { timeout: 60_000 }, async () => {
    const many = await repeatPages(corpusPage('002'), 6);
    const seen: string[] = [];
    const pages = await readPdf(getDocument, many, { onProgress: (done, total) => seen.push(`${done}/${total}`) });
    expect(pages.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(seen).toEqual(['1/6', '2/6', '3/6', '4/6', '5/6', '6/6']);

    const cancel = new AbortController();
    const read = readPdf(getDocument, many, { signal: cancel.signal, onProgress: (done) => done === 2 && cancel.abort() });
    await expect(read).rejects.toMatchObject({ problem: 'cancelled' });
  });
});

describe('isReadable', () => {
  it('takes Chinese text and refuses symbol soup and Latin-1 mojibake', () => {
    expect(isReadable('近年来，清水县大力发展')).toBe(true);
    expect(isReadable('!"#$%&\'()*+,-./01')).toBe(false);
    expect(isReadable('ÈgGH¡¢Þß')).toBe(false);
  });
});
