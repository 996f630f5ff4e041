import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { cleanText, type Page } from '../src/clean/index.ts';
import { decodeRaw } from '../src/library/decode.ts';
import { libraryEntry } from '../src/library/measure.ts';
import type { LibraryEntry } from '../src/library/types.ts';

/**
 * One of the build's cleaning threads (started by scripts/articles-plugin.ts): it is given raw
 * page files one at a time and answers with each cleaned Page (or the error's message).
 */
export interface CleanRequest {
  file: string;
  source: string;
}

/** A cleaned page with each article's library line (lengths, lead…), as the build caches it. */
export interface CleanedPage {
  page: Page;
  entries: LibraryEntry[];
}

export type CleanReply = { ok: true; cleaned: CleanedPage } | { ok: false; message: string };

/** Cleans one raw page file and measures its articles. */
export function cleanFile(file: string, source: string): CleanedPage {
  const page = cleanText(decodeRaw(readFileSync(file), source));
  return { page, entries: page.articles.map((article) => libraryEntry(article, source)) };
}

parentPort?.on('message', ({ file, source }: CleanRequest) => {
  let reply: CleanReply;
  try {
    reply = { ok: true, cleaned: cleanFile(file, source) };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
