import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * An element whose module loads on first use (the help, settings, paste and confirm dialogs): the
 * steps are always the same: load the module, render the element, wait for that render, then use
 * it.
 *
 * Contract with the host: render the element only once `loaded` (`${lazy.loaded ? html`<tag>` :
 * nothing}`); `element()` loads, renders and finds it in the host's shadow root.
 */
export class LazyElementController<T extends Element> implements ReactiveController {
  /** The module has loaded: the host renders the element. */
  loaded = false;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly options: { load: () => Promise<unknown>; selector: string },
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The element, rendered: its module is loaded on the first call (which rejects when it cannot). */
  async element(): Promise<T | null> {
    if (!this.loaded) {
      await this.options.load();
      this.loaded = true;
      this.host.requestUpdate();
    }
    await this.host.updateComplete;
    return this.host.renderRoot.querySelector<T>(this.options.selector);
  }
}
