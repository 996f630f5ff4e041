#!/usr/bin/env node
/**
 * `npm run --silent clean -- <raw.txt>`: prints the cleaned Page JSON of a raw newspaper page
 * (or of several pages separated by form feeds) to stdout; `-- <page.pdf>`, of a newspaper page PDF. Bad input gets one clear line on
 * stderr and a non-zero exit status, never a stack trace.
 */
import { runCleanCli, type CliIo } from './clean-cli.ts';
import { runPdfCli } from './clean-pdf.ts';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // A closed pipe (`| head`) is not an error of ours.
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};
const args = process.argv.slice(2);
// A newspaper page PDF: laid out from its geometry (src/pdf/).
process.exitCode = args.length === 1 && /\.pdf$/iu.test(args[0]!) ? await runPdfCli(args[0]!, io) : runCleanCli(args, io);
