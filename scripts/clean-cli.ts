import { readFileSync, statSync } from 'node:fs';
import { cleanText, UnreadableTextError } from '../src/clean/index.ts';
import { explainPage } from '../src/clean/explain.ts';
import { decodeRaw, DecodeError } from '../src/library/decode.ts';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Exit statuses: 0 done, 1 the input cannot be cleaned, 2 the command was used wrongly. */
export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;

const USAGE =
  'usage: npm run --silent clean -- [--explain] <raw.txt>   (a raw page as a PDF extractor printed it; pages separated by form feeds)\n' +
  '  --explain   print every block of each page with the role it got and the evidence, instead of the JSON';

/** Runs the `clean` command: one file in, its Page JSON out. Returns the exit status. */
export function runCleanCli(argv: readonly string[], io: CliIo): number {
  const explain = argv.includes('--explain');
  const args = argv.filter((a) => a !== '--explain');
  const fail = (message: string, status = EXIT_BAD_INPUT): number => {
    io.stderr(`clean: ${message}\n`);
    return status;
  };
  if (args.length === 1 && (args[0] === '-h' || args[0] === '--help')) {
    io.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (args.length !== 1) return fail(args.length === 0 ? `no file given\n${USAGE}` : `give one file, not ${args.length}\n${USAGE}`, EXIT_USAGE);
  const path = args[0]!;

  let bytes: Uint8Array;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return fail(`${path} is a directory, not a text file`);
    if (!stat.isFile()) return fail(`${path} is not a regular file`);
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail(`${path}: no such file`);
    if (code === 'EACCES') return fail(`${path}: permission denied`);
    return fail(`${path}: cannot be read (${code ?? 'unknown error'})`);
  }

  let text: string;
  try {
    text = decodeRaw(bytes, path);
  } catch (error) {
    if (error instanceof DecodeError) return fail(error.message);
    throw error;
  }
  if (text.trim() === '') return fail(`${path} has no text (only white space)`);

  try {
    const page = cleanText(text);
    if (explain) {
      const pages = text.replace(/\r\n?/g, '\n').split('\f').filter((p) => p.trim());
      pages.forEach((p, i) => io.stdout(`${pages.length > 1 ? `page ${i + 1}\n` : ''}${explainPage(p).join('\n')}\n`));
      return EXIT_OK;
    }
    io.stdout(`${JSON.stringify(page, null, 2)}\n`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UnreadableTextError) return fail(`${path} cannot be read: ${error.message}`);
    // A bug of ours: say so in one line; the details are for a developer with a debugger.
    return fail(`internal error while cleaning ${path}: ${(error as Error).message}`, 70);
  }
}
