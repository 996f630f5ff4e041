import type { ReactiveControllerHost } from 'lit';
import { importedContext } from '../state/contexts.ts';
import type { ImportedEntry, ImportedStore } from '../storage/imported.ts';
import { ImportedChangeEvent } from '../storage/imported-probe.ts';
import { StoreController } from './store-controller.ts';

/**
 * The imported articles for a component that lists them (the library): the `ImportedStore` from
 * `importedContext` (null until the shell has loaded it); the host re-renders when it arrives and
 * when its list changes (loaded, an import, a deletion). `entries` and `get(id)` are always current.
 */
export class ImportedController extends StoreController<ImportedStore> {
  constructor(host: ReactiveControllerHost & HTMLElement) {
    super(host, importedContext, ImportedChangeEvent.type);
  }

  /** The imported articles, in the order they were imported. */
  get entries(): readonly ImportedEntry[] {
    return this.store?.entries ?? [];
  }

  get(id: string): ImportedEntry | null {
    return this.store?.get(id) ?? null;
  }
}
