import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { strings } from '../strings.ts';
import { buttonStyles, dialogStyles, focusRing, problemStyles } from '../styles/shared.ts';
import { importStrings } from '../strings-import.ts';
import { ModalController } from '../controllers/modal-controller.ts';

/** 导入 pressed in the paste dialog: the text to import (handled by <tts-library>). */
export class PasteSubmitEvent extends Event {
  static readonly type = 'tts-paste-submit';
  constructor(readonly text: string) {
    super(PasteSubmitEvent.type, { bubbles: true, composed: false });
  }
}

/**
 * 粘贴文本: a native modal <dialog> with a <textarea> for text copied from a newspaper page (or
 * printed by a PDF extractor). 导入 sends a PasteSubmitEvent to the library, which imports it and
 * then either closes the dialog (`close(false)`: focus goes to the new article) or hands back what
 * went wrong (`problems`, shown in a `role="alert"` under the text, which is kept). Esc or 取消
 * close it and focus returns to the trigger. Loaded on first use.
 */
@customElement('tts-paste-dialog')
export class TtsPasteDialog extends LitElement {
  static override styles = [
    focusRing,
    buttonStyles,
    dialogStyles,
    problemStyles,
    css`
      label {
        display: block;
        font-weight: 600;
      }
      .hint {
        margin-block: var(--tts-space-1) var(--tts-space-2);
        color: var(--tts-color-text-muted);
        font-size: var(--tts-font-size-small);
      }
      textarea {
        box-sizing: border-box;
        display: block;
        inline-size: 100%;
        min-block-size: 10rem;
        max-block-size: 50dvh;
        resize: vertical;
        padding: var(--tts-space-2);
        border: 1px solid var(--tts-color-border);
        border-radius: var(--tts-radius);
        background: var(--tts-color-surface);
        color: var(--tts-color-text);
        font: inherit;
        line-height: var(--tts-line-height);
      }
      @media (forced-colors: active) {
        textarea {
          border-color: CanvasText;
        }
      }
    `,
  ];

  /** An import of the text is on its way: 导入 says so and does nothing more. */
  @property({ type: Boolean }) busy = false;
  /** What went wrong with the last import of the text (messages from the shell). */
  @property({ attribute: false }) problems: readonly string[] = [];

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('textarea') private textarea!: HTMLTextAreaElement;
  readonly #modal = new ModalController(this, () => this.dialog);

  /** Opens the dialog with the text box focused; focus returns to `returnFocusTo` when it closes. */
  show(returnFocusTo: HTMLElement | null): void {
    this.#modal.show(returnFocusTo);
    this.textarea.focus();
  }

  /** Closes the dialog, emptied; `returnFocus: false` when focus is to go elsewhere (the new article). */
  close(returnFocus = true): void {
    if (!returnFocus) this.#modal.dropReturn();
    this.textarea.value = '';
    this.dialog.close();
  }

  protected override render(): TemplateResult {
    return html`<dialog aria-labelledby="paste-heading" @close=${this.#onClose}>
      <h2 id="paste-heading">${importStrings.pasteHeading}</h2>
      <form @submit=${this.#onSubmit}>
        <label for="paste-text">${importStrings.pasteLabel}</label>
        <p class="hint" id="paste-hint">${importStrings.pasteHint}</p>
        <textarea id="paste-text" lang="zh-CN" spellcheck="false" aria-describedby="paste-hint paste-problems"></textarea>
        <div class="problems" id="paste-problems" role="alert">${this.problems.map((problem) => html`<p>${problem}</p>`)}</div>
        <div class="actions">
          <button type="button" @click=${() => this.dialog.close()}>${strings.cancel}</button>
          <button class="primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
            ${this.busy ? strings.importBusy : importStrings.pasteSubmit}
          </button>
        </div>
      </form>
    </dialog>`;
  }

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.busy) return;
    this.dispatchEvent(new PasteSubmitEvent(this.textarea.value));
  };

  #onClose = (): void => {
    this.#modal.returnFocus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'tts-paste-dialog': TtsPasteDialog;
  }
  interface GlobalEventHandlersEventMap {
    [PasteSubmitEvent.type]: PasteSubmitEvent;
  }
}
