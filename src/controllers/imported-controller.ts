import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { importedContext } from '../app/contexts.ts';
import { ImportedChangeEvent, type ImportedEntry, type ImportedStore } from '../storage/imported.ts';

/**
 * The imported articles for a component that lists them (the library). Consumes the
 * `ImportedStore` from `importedContext` and re-renders the host when its list changes (loaded
 * after the first paint, an import, a deletion).
 *
 * Contract with the host: `entries` and `get(id)` are always current; listeners are added in
 * hostConnected (through the context) and removed in hostDisconnected.
 */
export class ImportedController implements ReactiveController {
  #store: ImportedStore | undefined;
  #listening = false;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
    // Added after this controller, so on connection hostConnected runs first, then the callback.
    new ContextConsumer(host, { context: importedContext, callback: (store) => this.#attach(store) });
  }

  /** The imported articles, in the order they were imported. */
  get entries(): readonly ImportedEntry[] {
    return this.#store?.entries ?? [];
  }

  get(id: string): ImportedEntry | null {
    return this.#store?.get(id) ?? null;
  }

  hostConnected(): void {
    this.#listen();
  }

  hostDisconnected(): void {
    this.#unlisten();
  }

  #attach(store: ImportedStore): void {
    if (store === this.#store && this.#listening) return;
    this.#unlisten();
    this.#store = store;
    this.#listen();
    this.host.requestUpdate();
  }

  #listen(): void {
    if (!this.#store || this.#listening) return;
    this.#store.addEventListener(ImportedChangeEvent.type, this.#onChange);
    this.#listening = true;
  }

  #unlisten(): void {
    if (!this.#store || !this.#listening) return;
    this.#store.removeEventListener(ImportedChangeEvent.type, this.#onChange);
    this.#listening = false;
  }

  #onChange = (): void => this.host.requestUpdate();
}
