import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * What the app's four dialogs (help, settings, paste, confirm) share: a native <dialog> opened as
 * a modal (the browser traps focus and Esc closes it), and focus back on the element it was opened
 * from once it closes, unless that element has gone or the dialog sends focus elsewhere.
 *
 * Contract with the host: `dialog` returns its rendered <dialog>; the host calls `returnFocus()`
 * from the dialog's `close` event (after deciding, with `dropReturn()`, that focus goes elsewhere).
 */
export class ModalController implements ReactiveController {
  #returnFocusTo: HTMLElement | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly dialog: () => HTMLDialogElement,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#returnFocusTo = null;
  }

  /** Opens the dialog as a modal (once); focus goes back to `returnFocusTo` when it closes. */
  show(returnFocusTo: HTMLElement | null): void {
    this.#returnFocusTo = returnFocusTo;
    const dialog = this.dialog();
    if (!dialog.open) dialog.showModal();
  }

  /** Focus is to go elsewhere when the dialog closes (the dialog's own doing). */
  dropReturn(): void {
    this.#returnFocusTo = null;
  }

  /** From the dialog's `close` event: focus goes back where it came from, if that is still there. */
  returnFocus(): void {
    const target = this.#returnFocusTo;
    this.#returnFocusTo = null;
    if (target?.isConnected) target.focus();
  }
}
