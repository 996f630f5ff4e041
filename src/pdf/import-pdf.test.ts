import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { importSource, type ImportOutcome } from '../library/import.ts';
import { MAX_PDF_BYTES } from '../library/import-rules.ts';
import { layoutPdf } from './layout.ts';
import { readPdf } from './load.ts';
import { joinPdfs } from './testing/pdf-writer.ts';

const corpusPage = (n: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../corpus/${n}/page.pdf`, import.meta.url)));
const file = (name: string, bytes: Uint8Array) => ({ kind: 'file' as const, name, file: new Blob([bytes as Uint8Array<ArrayBuffer>]) });

function entries(outcome: ImportOutcome) {
  if (!outcome.ok) throw new Error(`expected articles, got ${outcome.problem}`);
  return outcome.articles.map((a) => a.entry);
}

describe('importing a PDF', () => {
  it('a PDF of two pages: every page’s articles in page order, each source naming its page', { timeout: 60_000 }, async () => {
    const [one, two] = [corpusPage('001'), corpusPage('002')];
    const titles = async (pdf: Uint8Array) => layoutPdf(await readPdf(getDocument, pdf)).articles.map((a) => a.title);
    const [first, second] = [await titles(one), await titles(two)];
    const found = entries(await importSource(file('edition.pdf', await joinPdfs([one, two]))));
    expect(found.map((e) => e.title)).toEqual([...first, ...second]);
    expect(found.map((e) => e.source)).toEqual([...first.map(() => 'edition.pdf 第1页'), ...second.map(() => 'edition.pdf 第2页')]);
    expect(found.every((e) => e.id.startsWith('u-a-'))).toBe(true);
  });

  it('a one-page PDF: sources are the file’s name', { timeout: 60_000 }, async () => {
    const found = entries(await importSource(file('page.pdf', corpusPage('001'))));
    expect(found.length).toBeGreaterThan(1);
    expect(new Set(found.map((e) => e.source))).toEqual(new Set(['page.pdf']));
  });

  it('a PDF over the limit is refused before it is read', async () => {
    const head = new TextEncoder().encode('%PDF-1.7\n');
    const huge = { size: MAX_PDF_BYTES + 1, slice: () => new Blob([head]), arrayBuffer: () => Promise.reject(new Error('read')) } as unknown as Blob;
    const outcome = await importSource({ kind: 'file', name: 'huge.pdf', file: huge });
    expect(outcome).toEqual({ name: 'huge.pdf', ok: false, problem: 'pdf-too-large' });
  });
});
