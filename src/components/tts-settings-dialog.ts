import { consume } from '@lit/context';
import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { settingsContext } from '../state/contexts.ts';
import { PreferencesChangeEvent } from '../state/events.ts';
import { DEFAULT_SETTINGS, TEXT_SIZES, THEMES, type Settings, type Theme } from '../state/settings.ts';
import { strings } from '../strings.ts';
import { buttonStyles, dialogStyles, focusRing } from '../styles/shared.ts';
import './tts-storage-usage.ts';
import './tts-pronunciations.ts';
import { formatTextSize, settingsStrings } from '../strings-settings.ts';
import { ModalController } from '../controllers/modal-controller.ts';

const THEME_LABELS: Record<Theme, string> = {
  system: settingsStrings.themeSystem,
  light: settingsStrings.themeLight,
  dark: settingsStrings.themeDark,
};

/**
 * The app's settings other than rate and voice (those are in the player, where they are used):
 * theme, article text size, keeping the screen on while reading, and how text is spoken:
 * announced headings, the word highlight, and the pronunciation dictionary (<tts-pronunciations>). A native modal
 * <dialog> (focus trapped, Esc closes), opened with `show(trigger)`; focus returns to `trigger`
 * when it closes. Every choice applies at once (PreferencesChangeEvent up to the shell), so the
 * listener sees the effect behind the dialog. Loaded on first use.
 */
@customElement('tts-settings-dialog')
export class TtsSettingsDialog extends LitElement {
  static override styles = [
    focusRing,
    buttonStyles,
    dialogStyles,
    css`
      fieldset {
        border: 0;
        margin: 0 0 var(--tts-space-4);
        padding: 0;
        min-inline-size: 0;
      }
      legend {
        font-weight: 600;
        padding: 0;
        margin-block-end: var(--tts-space-1);
      }
      .choices {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(7.5rem, 100%), 1fr));
        gap: var(--tts-space-2);
      }
      .choice {
        display: inline-flex;
        align-items: center;
        gap: var(--tts-space-1);
        min-block-size: var(--tts-target-size);
        padding-inline: var(--tts-space-2) var(--tts-space-3);
        border: 1px solid var(--tts-color-border);
        border-radius: var(--tts-radius);
        cursor: pointer;
      }
      .choice:has(input:checked) {
        border-color: var(--tts-color-accent);
        box-shadow: inset 0 0 0 1px var(--tts-color-accent);
      }
      input {
        inline-size: 1.25rem;
        block-size: 1.25rem;
        margin: 0;
        accent-color: var(--tts-color-accent);
      }
      .check {
        display: grid;
        grid-template-columns: auto 1fr;
        align-items: center;
        column-gap: var(--tts-space-2);
        margin-block-end: var(--tts-space-4);
      }
      .check label {
        font-weight: 600;
        min-block-size: var(--tts-target-size);
        display: flex;
        align-items: center;
        cursor: pointer;
      }
      .hint {
        grid-column: 2;
        margin: 0;
        color: var(--tts-color-text-muted);
        font-size: var(--tts-font-size-small);
      }
      .actions {
        display: flex;
        justify-content: flex-end;
      }
      @media (forced-colors: active) {
        dialog,
        .choice {
          border-color: CanvasText;
        }
        .choice:has(input:checked) {
          border-color: Highlight;
          box-shadow: inset 0 0 0 1px Highlight;
        }
      }
    `,
  ];

  @consume({ context: settingsContext, subscribe: true })
  @state()
  private settings: Settings = DEFAULT_SETTINGS;

  @query('dialog') private dialog!: HTMLDialogElement;
  readonly #modal = new ModalController(this, () => this.dialog);

  /** Opens the dialog; focus returns to `returnFocusTo` when it closes. */
  show(returnFocusTo: HTMLElement | null): void {
    this.#modal.show(returnFocusTo);
    void this.renderRoot.querySelector('tts-storage-usage')?.refresh();
  }

  protected override render(): TemplateResult {
    const { theme, textSize, keepAwake, announceHeadings, wordHighlight } = this.settings;
    return html`<dialog aria-labelledby="settings-heading" closedby="any" @close=${this.#onClose}>
      <h2 id="settings-heading">${settingsStrings.settingsHeading}</h2>
      <fieldset>
        <legend>${settingsStrings.theme}</legend>
        <div class="choices">
          ${THEMES.map(
            (value) => html`<label class="choice">
              <input
                type="radio"
                name="theme"
                .checked=${value === theme}
                @change=${() => this.#change({ theme: value })}
              />${THEME_LABELS[value]}
            </label>`,
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend>${settingsStrings.textSize}</legend>
        <div class="choices">
          ${TEXT_SIZES.map(
            (value) => html`<label class="choice">
              <input
                type="radio"
                name="text-size"
                .checked=${value === textSize}
                @change=${() => this.#change({ textSize: value })}
              />${formatTextSize(value)}
            </label>`,
          )}
        </div>
      </fieldset>
      <div class="check">
        <input
          id="keep-awake"
          type="checkbox"
          aria-describedby="keep-awake-hint"
          .checked=${keepAwake}
          @change=${(e: Event) => this.#change({ keepAwake: (e.target as HTMLInputElement).checked })}
        />
        <label for="keep-awake">${settingsStrings.keepAwake}</label>
        <p class="hint" id="keep-awake-hint">${settingsStrings.keepAwakeHint}</p>
      </div>
      <tts-storage-usage></tts-storage-usage>
      <div class="check">
        <input
          id="announce-headings"
          type="checkbox"
          aria-describedby="announce-headings-hint"
          .checked=${announceHeadings}
          @change=${(e: Event) => this.#change({ announceHeadings: (e.target as HTMLInputElement).checked })}
        />
        <label for="announce-headings">${settingsStrings.announceHeadings}</label>
        <p class="hint" id="announce-headings-hint">${settingsStrings.announceHeadingsHint}</p>
      </div>
      <div class="check">
        <input
          id="word-highlight"
          type="checkbox"
          aria-describedby="word-highlight-hint"
          .checked=${wordHighlight}
          @change=${(e: Event) => this.#change({ wordHighlight: (e.target as HTMLInputElement).checked })}
        />
        <label for="word-highlight">${settingsStrings.wordHighlight}</label>
        <p class="hint" id="word-highlight-hint">${settingsStrings.wordHighlightHint}</p>
      </div>
      <tts-pronunciations></tts-pronunciations>
      <form method="dialog" class="actions">
        <button class="primary">${strings.close}</button>
      </form>
    </dialog>`;
  }

  #change(patch: PreferencesChangeEvent['patch']): void {
    this.dispatchEvent(new PreferencesChangeEvent(patch));
  }

  #onClose = (): void => {
    this.#modal.returnFocus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'tts-settings-dialog': TtsSettingsDialog;
  }
}
