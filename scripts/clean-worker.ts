import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { cleanText } from '../src/clean/index.ts';
import { decodeRaw } from '../src/library/decode.ts';

/**
 * One of the build's cleaning threads (started by scripts/articles-plugin.ts): it is given raw
 * page files one at a time and answers with each cleaned Page (or the error's message).
 */
export interface CleanRequest {
  file: string;
  source: string;
}

export type CleanReply = { ok: true; page: ReturnType<typeof cleanText> } | { ok: false; message: string };

parentPort?.on('message', ({ file, source }: CleanRequest) => {
  let reply: CleanReply;
  try {
    reply = { ok: true, page: cleanText(decodeRaw(readFileSync(file), source)) };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
