/// <reference types="trusted-types" />
import { ImportCancelledError } from '../library/import-rules.ts';
import type { ImportOptions, ImportOutcome, ImportSource } from '../library/import.ts';
import type { ImportRequest, ImportWorkerMessage } from '../library/import-worker.ts';
import workerScript from '../library/import-worker.ts?worker&url';
import { IMPORT_WORKER_TRUSTED_TYPES_POLICY } from '../pwa/constants.ts';

/**
 * Runs the import worker (src/library/import-worker.ts) for one request: one worker per request,
 * ended as soon as it has answered, so that a large file's memory goes with it.
 *
 * The worker is bundled by Vite (`?worker&url` gives the built chunk's URL, and vite.config.ts's
 * `worker.format: 'es'` makes it a module) and precached by the service worker like every other
 * script, so importing works offline. Not `new Worker(new URL('…', import.meta.url))`: Vite only
 * bundles that exact expression, and under Trusted Types the URL has to pass through a policy
 * first.
 *
 * Trusted Types: our CSP (vite.config.ts) enforces them, and `new Worker(url)` is a
 * TrustedScriptURL sink. The named policy `tingdu-import-worker` turns exactly one URL, the import
 * worker's own (Vite's `?worker&url`: the built worker chunk), into a TrustedScriptURL and refuses
 * anything else, like `tingdu-sw` does for the service worker (src/pwa/register.ts).
 */

/**
 * The worker failed. `started: false`: it never ran (the constructor threw, or its script could not
 * be loaded); otherwise it crashed (out of memory, say) or reported a bug.
 */
export class ImportWorkerError extends Error {
  override name = 'ImportWorkerError';
  constructor(
    message: string,
    readonly started: boolean,
  ) {
    super(message);
  }
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
 * source, in order; rejects with an `ImportWorkerError` when the worker cannot do it, and with
 * `ImportCancelledError` when `signal` aborts (the worker is ended there and then: a PDF of hundreds
 * of pages stops at once, whatever page it is on). `onProgress` hears each page of a PDF read.
 */
export function cleanInWorker(sources: ImportSource[], options: ImportOptions = {}): Promise<ImportOutcome[]> {
  const { signal, onProgress } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new ImportCancelledError('cancelled before it started'));
      return;
    }
    let worker: Worker;
    try {
      worker = new (Worker as TrustedWorkerConstructor)(workerScriptURL(), { type: 'module', name: 'tingdu-import' });
    } catch (error) {
      reject(new ImportWorkerError(`the import worker did not start: ${String(error)}`, false));
      return;
    }
    const onAbort = (): void => {
      worker.terminate();
      reject(new ImportCancelledError('cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const fail = (message: string, started = true): void => {
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
      reject(new ImportWorkerError(message, started));
    };
    worker.onmessage = (event: MessageEvent<ImportWorkerMessage | null>) => {
      const message = event.data;
      if (message?.kind === 'progress') onProgress?.(message.progress);
      if (message?.kind !== 'reply') return;
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
      const reply = message;
      if (reply.ok) resolve(reply.outcomes);
      else reject(new ImportWorkerError(`the import worker failed: ${reply.message}`, true));
    };
    // A script that throws, or a worker that dies (out of memory), gets an ErrorEvent; a script
    // that cannot be fetched or parsed gets a plain Event (HTML: "run a worker", step 12).
    worker.onerror = (event: Event) => {
      event.preventDefault();
      if (event instanceof ErrorEvent) fail(`the import worker crashed: ${event.message || 'no message'}`);
      else fail('the import worker script could not be loaded', false);
    };
    worker.onmessageerror = () => fail('the import worker sent a message that could not be read');
    const request: ImportRequest = { sources };
    worker.postMessage(request);
  });
}

/**
 * Reads, decodes and cleans the sources: in the import worker, or, where the worker cannot start
 * at all (no module workers, a script blocked or missing), here on the main thread, with the same
 * code (the page may freeze while a large file is cleaned, but the import works). A worker that
 * started and then crashed is not retried here: whatever killed it (memory, say) would freeze or
 * kill the page too.
 */
export async function cleanSources(sources: readonly ImportSource[], options: ImportOptions = {}): Promise<ImportOutcome[]> {
  try {
    return await cleanInWorker([...sources], options);
  } catch (error) {
    if (!(error instanceof ImportWorkerError) || error.started) throw error;
    const { importSource } = await import('../library/import.ts');
    const outcomes: ImportOutcome[] = [];
    for (const source of sources) {
      if (options.signal?.aborted) throw new ImportCancelledError('cancelled');
      outcomes.push(await importSource(source, options));
    }
    return outcomes;
  }
}
