import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { APP_VERSION } from '../pwa/version.ts';
import { strings } from '../strings.ts';
import { buttonStyles, dialogStyles, focusRing } from '../styles/shared.ts';
import { formatVersion, helpStrings } from '../strings-help.ts';
import { ModalController } from '../controllers/modal-controller.ts';

/** One shortcut: the keys (each shown as a <kbd>) and what they do. */
const SHORTCUTS: ReadonlyArray<{ keys: readonly string[]; action: string }> = [
  { keys: [helpStrings.keySpace], action: helpStrings.helpPlayPause },
  { keys: [helpStrings.keyLeft], action: helpStrings.helpPreviousSentence },
  { keys: [helpStrings.keyRight], action: helpStrings.helpNextSentence },
  { keys: [helpStrings.keyShift, helpStrings.keyLeft], action: helpStrings.helpPreviousParagraph },
  { keys: [helpStrings.keyShift, helpStrings.keyRight], action: helpStrings.helpNextParagraph },
  { keys: [helpStrings.keyPlus], action: helpStrings.helpFaster },
  { keys: [helpStrings.keyMinus], action: helpStrings.helpSlower },
  { keys: [helpStrings.keyHelp], action: helpStrings.helpOpenHelp },
];

/**
 * The help: keyboard shortcuts, then what to know about reading aloud on this platform (the screen
 * lock, headset keys, offline voices, saved positions), and the app's version. A native modal <dialog> (focus is trapped and Esc closes it, by the browser),
 * opened with `show(trigger)`; when it closes, focus goes back to `trigger`. A click outside it
 * closes it too where `closedby` is supported. Loaded on first use.
 */
@customElement('tts-help-dialog')
export class TtsHelpDialog extends LitElement {
  static override styles = [
    focusRing,
    buttonStyles,
    dialogStyles,
    css`
      table {
        border-collapse: collapse;
        inline-size: 100%;
        margin-block: var(--tts-space-2) var(--tts-space-4);
      }
      th,
      td {
        text-align: start;
        padding: var(--tts-space-1) var(--tts-space-2);
        border-block-end: 1px solid var(--tts-color-border);
        vertical-align: top;
      }
      th {
        white-space: nowrap;
        font-weight: 400;
      }
      kbd {
        display: inline-block;
        min-inline-size: 1.5em;
        padding: 0 0.4em;
        border: 1px solid var(--tts-color-border);
        border-radius: 0.25em;
        font-family: inherit;
        text-align: center;
      }
      p {
        margin-block: 0 var(--tts-space-3);
      }
      h3 {
        font-size: 1.0625rem;
        margin-block: var(--tts-space-4) var(--tts-space-2);
      }
      .actions {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: var(--tts-space-3);
      }
      .version {
        color: var(--tts-color-text-muted);
        font-size: var(--tts-font-size-small);
        margin: 0;
      }
      @media (forced-colors: active) {
        dialog,
        kbd,
        th,
        td {
          border-color: CanvasText;
        }
      }
    `,
  ];

  @query('dialog') private dialog!: HTMLDialogElement;
  readonly #modal = new ModalController(this, () => this.dialog);

  /** Opens the dialog; focus returns to `returnFocusTo` when it closes. */
  show(returnFocusTo: HTMLElement | null): void {
    this.#modal.show(returnFocusTo);
  }

  protected override render(): TemplateResult {
    return html`<dialog aria-labelledby="help-heading" closedby="any" @close=${this.#onClose}>
      <h2 id="help-heading">${helpStrings.helpHeading}</h2>
      <p>${helpStrings.helpIntro}</p>
      <table>
        <tbody>
          ${SHORTCUTS.map(
            ({ keys, action }) => html`<tr>
              <th scope="row">${keys.map((key, i) => html`${i > 0 ? ' + ' : ''}<kbd>${key}</kbd>`)}</th>
              <td>${action}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <p>${helpStrings.helpSentence}</p>
      <h3>${helpStrings.helpAboutHeading}</h3>
      <p>${helpStrings.helpLimits}</p>
      <p>${helpStrings.helpMediaKeys}</p>
      <p>${helpStrings.helpOffline}</p>
      <p>${helpStrings.helpProgress}</p>
      <form method="dialog" class="actions">
        <p class="version">${formatVersion(APP_VERSION)}</p>
        <button class="primary">${strings.close}</button>
      </form>
    </dialog>`;
  }

  #onClose = (): void => {
    this.#modal.returnFocus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'tts-help-dialog': TtsHelpDialog;
  }
}
