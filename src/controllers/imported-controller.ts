import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { importedContext } from '../app/contexts.ts';
import type { ImportedEntry, ImportedStore } from '../storage/imported.ts';
import { ImportedChangeEvent } from '../storage/imported-probe.ts';

/**
 * The imported articles for a component that lists them (the library). Consumes the
 * `ImportedStore` from `importedContext` (null until the shell has loaded it) and re-renders the
 * host when it arrives and when its list changes (loaded, an import, a deletion).
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
    // Subscribed: the shell provides the store once it is loaded (only when there is something to list).
    new ContextConsumer(host, { context: importedContext, subscribe: true, callback: (store) => store && this.#attach(store) });
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
