import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The shell's one polite status region (`role="status"`): what it says now. A message is put in
 * after the region was emptied, a moment later, so that the same message twice (已暂停 … 已暂停)
 * is announced twice.
 *
 * Contract with the host: render `message` in the region; the controller requests an update
 * whenever it changes.
 */
export class Announcer implements ReactiveController {
  message = '';
  #timer = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  say(message: string): void {
    this.message = '';
    this.host.requestUpdate();
    clearTimeout(this.#timer);
    this.#timer = window.setTimeout(() => {
      this.message = message;
      this.host.requestUpdate();
    }, 50);
  }
}
