import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { positionsContext } from '../app/contexts.ts';
import { PositionsChangeEvent, type PositionStore, type ReadingPosition } from '../storage/positions.ts';

/**
 * The reading positions for a component that shows them (the library: progress per article,
 * 继续收听). Consumes the `PositionStore` from `positionsContext` and re-renders the host when the
 * positions change (they finish loading after the first paint).
 *
 * Contract with the host: `get(id)` and `lastRead` are always current; listeners are added in
 * hostConnected (through the context) and removed in hostDisconnected.
 */
export class PositionsController implements ReactiveController {
  #store: PositionStore | undefined;
  #listening = false;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
    // Added after this controller, so on connection hostConnected runs first, then the callback.
    new ContextConsumer(host, { context: positionsContext, callback: (store) => this.#attach(store) });
  }

  get(articleId: string): ReadingPosition | null {
    return this.#store?.get(articleId) ?? null;
  }

  get lastRead(): ReadingPosition | null {
    return this.#store?.lastRead ?? null;
  }

  hostConnected(): void {
    this.#listen();
  }

  hostDisconnected(): void {
    this.#unlisten();
  }

  #attach(store: PositionStore): void {
    if (store === this.#store && this.#listening) return;
    this.#unlisten();
    this.#store = store;
    this.#listen();
    this.host.requestUpdate();
  }

  #listen(): void {
    if (!this.#store || this.#listening) return;
    this.#store.addEventListener(PositionsChangeEvent.type, this.#onChange);
    this.#listening = true;
  }

  #unlisten(): void {
    if (!this.#store || !this.#listening) return;
    this.#store.removeEventListener(PositionsChangeEvent.type, this.#onChange);
    this.#listening = false;
  }

  #onChange = (): void => this.host.requestUpdate();
}
