import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { strings } from '../strings.ts';
import { buttonStyles, dialogStyles, focusRing } from '../styles/shared.ts';
import { ModalController } from '../controllers/modal-controller.ts';

/** What the confirmation asks: a question, what it means, and the name of the action's button. */
export interface Confirmation {
  heading: string;
  body: string;
  confirm: string;
}

/**
 * A question before something that cannot be undone (删除 of an imported article): a native modal
 * <dialog> with `role="alertdialog"`, named by its question and described by what it means. Focus
 * starts on 取消, the safe answer; Esc answers 取消 too. `ask()` resolves `true` for the action,
 * `false` otherwise; after 取消 focus returns to the trigger, after the action the caller moves it
 * (the trigger may be about to go away). Loaded on first use.
 */
@customElement('tts-confirm-dialog')
export class TtsConfirmDialog extends LitElement {
  static override styles = [
    focusRing,
    buttonStyles,
    dialogStyles,
    css`
      p {
        margin: 0;
      }
      button.danger {
        color: var(--tts-color-error);
        border-color: var(--tts-color-error);
        font-weight: 600;
      }
      @media (forced-colors: active) {
        button.danger {
          color: ButtonText;
          border-color: ButtonText;
        }
      }
    `,
  ];

  @state() private question: Confirmation | null = null;
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('.cancel') private cancelButton!: HTMLButtonElement;
  readonly #modal = new ModalController(this, () => this.dialog);
  #answer: ((yes: boolean) => void) | null = null;

  /** Asks; resolves with the answer once the dialog has closed. */
  async ask(question: Confirmation, returnFocusTo: HTMLElement | null): Promise<boolean> {
    this.#answer?.(false);
    this.question = question;
    await this.updateComplete;
    this.#modal.show(returnFocusTo);
    this.cancelButton.focus();
    return new Promise((resolve) => (this.#answer = resolve));
  }

  protected override render(): TemplateResult {
    const question = this.question;
    return html`<dialog role="alertdialog" aria-labelledby="confirm-heading" aria-describedby="confirm-body" @close=${this.#onClose}>
      <h2 id="confirm-heading">${question?.heading ?? ''}</h2>
      <p id="confirm-body" lang="zh-CN">${question?.body ?? ''}</p>
      <form method="dialog" class="actions">
        <button class="cancel" value="cancel">${strings.cancel}</button>
        <button class="danger" value="confirm">${question?.confirm ?? ''}</button>
      </form>
    </dialog>`;
  }

  #onClose = (): void => {
    const yes = this.dialog.returnValue === 'confirm';
    this.dialog.returnValue = '';
    const answer = this.#answer;
    this.#answer = null;
    // Confirmed: the item and its button are going away; the asker moves focus.
    if (yes) this.#modal.dropReturn();
    this.#modal.returnFocus();
    answer?.(yes);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'tts-confirm-dialog': TtsConfirmDialog;
  }
}
