/// <reference types="trusted-types" />
import type { ImportOutcome, ImportSource } from '../library/import.ts';
import type { ImportReply, ImportRequest } from '../library/import-worker.ts';
import workerScript from '../library/import-worker.ts?worker&url';
import { IMPORT_WORKER_TRUSTED_TYPES_POLICY } from '../pwa/constants.ts';

/**
 * Runs the import worker (src/library/import-worker.ts) for one request: one worker per request,
 * ended as soon as it has answered, so that a large file's memory goes with it.
 *
 * Trusted Types: our CSP (vite.config.ts) enforces them, and `new Worker(url)` is a
 * TrustedScriptURL sink. The named policy `tingdu-import-worker` turns exactly one URL, the import
 * worker's own (Vite's `?worker&url`: the built worker chunk), into a TrustedScriptURL and refuses
 * anything else, like `tingdu-sw` does for the service worker (src/pwa/register.ts).
 */

/** The worker failed: it could not start, it crashed (out of memory, say) or it reported a bug. */
export class ImportWorkerError extends Error {
  override name = 'ImportWorkerError';
}

/** `Worker` as the Trusted Types spec declares it: lib.dom does not know TrustedScriptURL yet. */
type TrustedWorkerConstructor = new (scriptURL: string | URL | TrustedScriptURL, options?: WorkerOptions) => Worker;

let policy: { createScriptURL(input: string): TrustedScriptURL } | null = null;

/** The worker's script URL, as a TrustedScriptURL where the browser enforces Trusted Types. */
function workerScriptURL(): string | TrustedScriptURL {
  const factory = window.trustedTypes;
  if (!factory) return workerScript;
  // Once per page: a second createPolicy with the same name would throw.
  const created = (policy ??= factory.createPolicy(IMPORT_WORKER_TRUSTED_TYPES_POLICY, {
    createScriptURL: (input: string) => {
      if (input !== workerScript) throw new TypeError(`${IMPORT_WORKER_TRUSTED_TYPES_POLICY}: refused script URL ${input}`);
      return input;
    },
  }));
  return created.createScriptURL(workerScript);
}

/**
 * Reads, decodes and cleans the sources in the import worker. Resolves with one outcome per
 * source, in order; rejects with an `ImportWorkerError` when the worker cannot do it.
 */
export function cleanInWorker(sources: ImportSource[]): Promise<ImportOutcome[]> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new (Worker as TrustedWorkerConstructor)(workerScriptURL(), { type: 'module', name: 'tingdu-import' });
    } catch (error) {
      reject(new ImportWorkerError(`the import worker did not start: ${String(error)}`));
      return;
    }
    const fail = (message: string): void => {
      worker.terminate();
      reject(new ImportWorkerError(message));
    };
    worker.onmessage = (event: MessageEvent<ImportReply>) => {
      worker.terminate();
      const reply = event.data;
      if (reply.ok) resolve(reply.outcomes);
      else reject(new ImportWorkerError(`the import worker failed: ${reply.message}`));
    };
    // A script that fails to load or throws, or a worker that dies (out of memory).
    worker.onerror = (event) => {
      event.preventDefault();
      fail(`the import worker crashed: ${event.message || 'no message'}`);
    };
    worker.onmessageerror = () => fail('the import worker sent a message that could not be read');
    const request: ImportRequest = { sources };
    worker.postMessage(request);
  });
}
