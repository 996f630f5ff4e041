import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A stand-in for a Lit element in controller tests (after lit/lit's task test helpers): it keeps
 * the controllers added to it, counts `requestUpdate()` calls, and connects or disconnects them
 * on demand, as an element does when it enters or leaves the document.
 */
export class FakeHost implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  /** How many times a controller asked the host to render again. */
  updates = 0;
  readonly updateComplete = Promise.resolve(true);

  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }

  removeController(controller: ReactiveController): void {
    const i = this.controllers.indexOf(controller);
    if (i >= 0) this.controllers.splice(i, 1);
  }

  requestUpdate(): void {
    this.updates++;
  }

  connect(): void {
    for (const c of this.controllers) c.hostConnected?.();
  }

  disconnect(): void {
    for (const c of this.controllers) c.hostDisconnected?.();
  }
}
