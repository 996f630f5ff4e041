#!/usr/bin/env node
/**
 * `npm run --silent clean -- <raw.txt>`: prints the cleaned Page JSON of a raw newspaper page
 * (or of several pages separated by form feeds) to stdout. Bad input gets one clear line on
 * stderr and a non-zero exit status, never a stack trace.
 */
import { runCleanCli } from './clean-cli.ts';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // A closed pipe (`| head`) is not an error of ours.
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = runCleanCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
