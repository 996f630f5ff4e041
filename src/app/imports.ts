import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { articleLabel } from '../library/label.ts';
import { DeleteRequestEvent, ImportRequestEvent, type ImportReport } from '../state/events.ts';
import type { ImportedStore } from '../storage/imported.ts';
import { hasImported } from '../storage/imported-probe.ts';
import type { PositionStore } from '../storage/positions.ts';
import { formatDeleted, strings } from '../strings.ts';

/** What the imports need from the shell. */
export interface ImportsOptions {
  positions: PositionStore;
  /** The store has loaded (once): the shell provides it to the library. */
  loaded(store: ImportedStore): void;
  /** An imported article was deleted. */
  deleted(id: string): void;
  announce(message: string): void;
}

/**
 * The listener's own articles (ImportedStore, IndexedDB): loaded, with its module, only when the
 * device holds any or the listener imports or deletes one (or opens one, `store()`); imports
 * (ImportRequestEvent; the cleaning runs in a Web Worker loaded with the first import, see
 * importer.ts), text and files shared from another app (src/pwa/share-target.ts), deletions
 * (DeleteRequestEvent).
 *
 * Contract with the host: the requests are listened for on the host while it is connected.
 */
export class Imports implements ReactiveController {
  #loading: Promise<ImportedStore> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly deps: ImportsOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener(ImportRequestEvent.type, this.#onImportRequest);
    this.host.addEventListener(DeleteRequestEvent.type, this.#onDeleteRequest);
    void hasImported().then((any) => {
      if (any) void this.store();
    });
    void this.#importShared();
  }

  hostDisconnected(): void {
    this.host.removeEventListener(ImportRequestEvent.type, this.#onImportRequest);
    this.host.removeEventListener(DeleteRequestEvent.type, this.#onDeleteRequest);
  }

  /** The imported-articles store, loaded (module and list) on first need. */
  store(): Promise<ImportedStore> {
    this.#loading ??= import('../storage/imported.ts').then(async ({ ImportedStore }) => {
      const store = new ImportedStore();
      this.deps.loaded(store);
      await store.load();
      return store;
    });
    return this.#loading;
  }

  #onImportRequest = (event: ImportRequestEvent): void => {
    event.respond(this.#import(event));
  };

  /**
   * Runs an import. The importer and the worker client are loaded with the first import: most
   * listeners never import, and the first load stays small.
   */
  async #import(event: ImportRequestEvent): Promise<ImportReport> {
    try {
      const [{ runImport }, { cleanSources }] = await Promise.all([import('./importer.ts'), import('../data/import-client.ts')]);
      const result = await runImport(event.sources, { clean: cleanSources, store: await this.store() }, event.options);
      // What was imported; or nothing, which empties the region of "正在导入…" (the problems are
      // in the library's alert).
      this.deps.announce(result.announcement ?? '');
      return result;
    } catch (error) {
      this.deps.announce('');
      throw error;
    }
  }

  /**
   * Text or files another app shared (Web Share Target, src/pwa/share-target.ts): imported at
   * start-up like chosen files; what went wrong is said in the status region.
   */
  async #importShared(): Promise<void> {
    if (!location.search) return;
    const { takeShared } = await import('../pwa/share-target.ts');
    const sources = await takeShared(strings.sharedText);
    if (sources.length === 0) return;
    try {
      const report = await this.#import(new ImportRequestEvent(sources));
      if (report.added.length === 0 && report.problems.length > 0) this.deps.announce(report.problems.join(' '));
    } catch {
      this.deps.announce(strings.sharedFailed);
    }
  }

  #onDeleteRequest = (event: DeleteRequestEvent): void => {
    event.respond(this.#delete(event.articleId));
  };

  /** Deletes an imported article with its reading position; rejects (and keeps both) when it cannot. */
  async #delete(id: string): Promise<void> {
    const store = await this.store();
    const entry = store.get(id);
    const title = entry ? articleLabel(entry) : undefined;
    await store.delete(id);
    this.deps.positions.remove(id);
    this.deps.deleted(id);
    if (title !== undefined) this.deps.announce(formatDeleted(title));
  }
}
