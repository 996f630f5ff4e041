import { ContextConsumer, type Context } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A calm store from context (an EventTarget that says when it changed), for a component that
 * shows what is in it: re-renders the host when the store arrives and whenever it fires
 * `changeEvent`. Subscribed, so a store the shell provides later (or null until then) is picked up.
 *
 * Contract with the host: `store` is the current store (undefined before the context answers);
 * the listener is added in hostConnected (through the context) and removed in hostDisconnected.
 */
export class StoreController<S extends EventTarget> implements ReactiveController {
  protected store: S | undefined;
  #listening = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    context: Context<unknown, S | null>,
    private readonly changeEvent: string,
  ) {
    host.addController(this);
    // Added after this controller, so on connection hostConnected runs first, then the callback.
    new ContextConsumer(host, { context, subscribe: true, callback: (store) => store && this.#attach(store) });
  }

  hostConnected(): void {
    this.#listen();
  }

  hostDisconnected(): void {
    this.#unlisten();
  }

  #attach(store: S): void {
    if (store === this.store && this.#listening) return;
    this.#unlisten();
    this.store = store;
    this.#listen();
    this.host.requestUpdate();
  }

  #listen(): void {
    if (!this.store || this.#listening) return;
    this.store.addEventListener(this.changeEvent, this.#onChange);
    this.#listening = true;
  }

  #unlisten(): void {
    if (!this.store || !this.#listening) return;
    this.store.removeEventListener(this.changeEvent, this.#onChange);
    this.#listening = false;
  }

  #onChange = (): void => this.host.requestUpdate();
}
