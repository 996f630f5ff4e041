import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';

/**
 * Small PDFs for the tests, made in the test: text set where a geometry case needs it (pdf-lib,
 * Latin text in Helvetica, which every PDF reader maps to Unicode), and the bad inputs an import
 * must refuse (written by hand: pdf-lib makes only good PDFs).
 */

/** One line of text to set: its baseline's left end in points from the page's top-left corner. */
export interface SetLine {
  text: string;
  x: number;
  y: number;
  size: number;
  /** Fake bold: drawn a second time this many points to the right (typesetters use 0.2–0.5). */
  doubled?: number;
}

/** A one-page PDF with these lines (page 600 × 800 pt). */
export async function textPdf(lines: readonly SetLine[], size: [number, number] = [600, 800]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage(size);
  for (const line of lines) {
    const draw = (dx: number): void => page.drawText(line.text, { x: line.x + dx, y: size[1] - line.y, size: line.size, font });
    draw(0);
    if (line.doubled !== undefined) draw(line.doubled);
  }
  return doc.save();
}

/** The first page of `pdf` repeated `count` times (its content and resources shared: the file stays small). */
export async function repeatPages(pdf: Uint8Array, count: number): Promise<Uint8Array> {
  const source = await PDFDocument.load(pdf);
  const doc = await PDFDocument.create();
  const [first] = await doc.copyPages(source, [0]);
  doc.addPage(first!);
  for (let i = 1; i < count; i++) {
    const page = doc.addPage([first!.getWidth(), first!.getHeight()]);
    for (const key of ['Contents', 'Resources']) page.node.set(PDFName.of(key), first!.node.get(PDFName.of(key))!);
  }
  return doc.save();
}

/** A PDF from numbered object bodies (1, 2, …) and the trailer's extra entries, with a correct xref table. */
export function writePdf(objects: readonly string[], trailer = ''): Uint8Array {
  let out = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
}

const PAGE_TREE = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'];

function stream(content: string, dict = ''): string {
  return `<< ${dict} /Length ${content.length} >>\nstream\n${content}\nendstream`;
}

/**
 * Locked with a password (the standard security handler, RC4 40-bit): its check values are not
 * those of the empty password, so no reader opens it without asking.
 */
export function encryptedPdf(): Uint8Array {
  const hex32 = (seed: number): string => Array.from({ length: 32 }, (_, i) => ((seed * 31 + i * 7) & 0xff).toString(16).padStart(2, '0')).join('');
  return writePdf(
    [
      ...PAGE_TREE,
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R >>',
      stream('BT /F1 12 Tf 72 700 Td (secret) Tj ET'),
      `<< /Filter /Standard /V 1 /R 2 /O <${hex32(1)}> /U <${hex32(2)}> /P -44 >>`,
    ],
    `/Encrypt 5 0 R /ID [<${hex32(3).slice(0, 32)}> <${hex32(3).slice(0, 32)}>]`,
  );
}

/** A scanned page: one image drawn over the page, no text at all. */
export function imageOnlyPdf(): Uint8Array {
  const pixels = '\u0080'.repeat(16);
  return writePdf([
    ...PAGE_TREE,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>',
    stream('q 500 0 0 700 50 50 cm /Im1 Do Q'),
    stream(pixels, '/Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8'),
  ]);
}

/** A damaged file: a PDF's first bytes, then the rest cut off and overwritten. */
export function brokenPdf(): Uint8Array {
  return Uint8Array.from('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n\u0000\u0001garbage', (c) => c.charCodeAt(0));
}

/** Text whose font maps to no Chinese character: what such a PDF reads as (symbol soup). */
export function symbolSoupPdf(): Promise<Uint8Array> {
  return textPdf(
    Array.from({ length: 12 }, (_, i) => ({ text: `!"#$%&'()*+,-./ 0 1 ${i}`, x: 72, y: 100 + 20 * i, size: 12 })),
  );
}

/** The pages of several PDFs, one after another, in one PDF. */
export async function joinPdfs(pdfs: readonly Uint8Array[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const pdf of pdfs) {
    const source = await PDFDocument.load(pdf);
    for (const page of await doc.copyPages(source, source.getPageIndices())) doc.addPage(page);
  }
  return doc.save();
}
