import type { ImportProgress } from './import-rules.ts';
import { importSource, type ImportOutcome, type ImportSource } from './import.ts';

/**
 * The import Web Worker: reads, decodes and cleans what the listener brought (import.ts) off the
 * page's main thread, so that cleaning a large file never freezes the page. Started by
 * src/data/import-client.ts for one request and ended when it has answered.
 *
 * Protocol: one `ImportRequest` in; while a PDF is read, `ImportProgressMessage`s (one per page);
 * then one `ImportReply` out, the outcomes in the order of the sources. A bug in the cleaner
 * answers `{ ok: false }` rather than leaving the page waiting. Cancelling is the page's: it ends
 * the worker (src/data/import-client.ts), so nothing half-read is ever answered.
 */
export interface ImportRequest {
  sources: ImportSource[];
}

export type ImportReply = { kind: 'reply' } & ({ ok: true; outcomes: ImportOutcome[] } | { ok: false; message: string });

export interface ImportProgressMessage {
  kind: 'progress';
  progress: ImportProgress;
}

/**
 * What this worker sends, told apart by `kind`: the page ignores anything else. (pdf.js's worker
 * code, run in this thread, announces itself on the worker's port too: pdf.worker.mjs calls
 * `WorkerMessageHandler.initializeFromPort(self)` in any worker it is loaded in.)
 */
export type ImportWorkerMessage = ImportReply | ImportProgressMessage;

/** The worker's global scope, as far as this file uses it (lib.dom types the global as a Window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage(message: ImportWorkerMessage): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  void answer(event.data);
};

async function answer(request: ImportRequest): Promise<void> {
  let reply: ImportReply;
  try {
    const outcomes: ImportOutcome[] = [];
    const onProgress = (progress: ImportProgress): void => scope.postMessage({ kind: 'progress', progress });
    for (const source of request.sources) outcomes.push(await importSource(source, { onProgress }));
    reply = { kind: 'reply', ok: true, outcomes };
  } catch (error) {
    reply = { kind: 'reply', ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply);
}
