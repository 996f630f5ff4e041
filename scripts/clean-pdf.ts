import { readFileSync, statSync } from 'node:fs';
import { PdfError } from '../src/pdf/load.ts';
import { EXIT_BAD_INPUT, EXIT_OK, type CliIo } from './clean-cli.ts';
import { pdfToPage } from './pdf-node.ts';

/** What `clean` says about a PDF it cannot lay out, by problem. */
const PROBLEMS: Record<PdfError['problem'], string> = {
  'pdf-password': 'is protected by a password',
  'pdf-damaged': 'is damaged (pdf.js cannot read it)',
  'pdf-scanned': 'has no text layer (a scanned image): there is nothing to read without OCR',
  'pdf-unreadable': 'has text whose fonts carry no Unicode mapping (it reads as symbols)',
  cancelled: 'was cancelled',
};

/** `npm run --silent clean -- page.pdf`: the Page JSON of a newspaper page PDF (every page's articles, in page order). */
export async function runPdfCli(path: string, io: CliIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr(`clean: ${message}\n`);
    return EXIT_BAD_INPUT;
  };
  let bytes: Uint8Array;
  try {
    if (!statSync(path).isFile()) return fail(`${path} is not a regular file`);
    bytes = new Uint8Array(readFileSync(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot be read (${code ?? 'unknown error'})`);
  }
  if (!/^%PDF-/u.test(new TextDecoder('latin1').decode(bytes.subarray(0, 5)))) return fail(`${path} is named .pdf but is not a PDF`);
  try {
    io.stdout(`${JSON.stringify(await pdfToPage(bytes), null, 2)}\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof PdfError) return fail(`${path} ${PROBLEMS[error.problem]}`);
    return fail(`internal error while reading ${path}: ${(error as Error).message}`);
  }
}
