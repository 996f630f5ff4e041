import { consume } from '@lit/context';
import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { settingsContext } from '../state/contexts.ts';
import { PreferencesChangeEvent } from '../state/events.ts';
import { checkEntry, exportDictionary, importDictionary, withEntry, type EntryProblem, MAX_FROM, MAX_TO } from '../speech/dictionary.ts';
import { DEFAULT_SETTINGS, type Settings } from '../state/settings.ts';
import { buttonStyles, focusRing, problemStyles } from '../styles/shared.ts';
import { formatDictionaryImported, formatPronunciation, formatPronunciationAdded, formatPronunciationDelete, settingsStrings } from '../strings-settings.ts';

const PROBLEMS: Record<EntryProblem, string> = {
  empty: settingsStrings.dictionaryEmptyEntry,
  'too-long': settingsStrings.dictionaryTooLong,
  same: settingsStrings.dictionarySame,
  loop: settingsStrings.dictionaryLoop,
  full: settingsStrings.dictionaryFull,
};

/** Name of an exported dictionary file. */
const EXPORT_NAME = 'tingdu-pronunciations.json';
/** Largest file taken as a dictionary (500 entries of 60 characters fit in far less). */
const MAX_FILE_BYTES = 256 * 1024;

/**
 * The pronunciation dictionary (读音词典) in the settings dialog: a form to add `原文 → 读作`, the list
 * with a delete button per entry, and export/import as a small JSON file. Entries are checked by
 * src/speech/dictionary.ts; a refused one is said in one message beside the form, and what was
 * typed stays. Changes go up as PreferencesChangeEvent (the shell stores them and respells the
 * article being read).
 */
@customElement('tts-pronunciations')
export class TtsPronunciations extends LitElement {
  static override styles = [
    focusRing,
    buttonStyles,
    problemStyles,
    css`
      :host {
        display: block;
      }
      h3 {
        font-size: var(--tts-font-size-body);
        margin-block: 0 var(--tts-space-1);
      }
      .hint {
        margin-block: 0 var(--tts-space-2);
        color: var(--tts-color-text-muted);
        font-size: var(--tts-font-size-small);
      }
      form {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: var(--tts-space-2);
      }
      .field {
        display: flex;
        flex-direction: column;
        flex: 1 1 7rem;
        min-inline-size: 0;
      }
      label {
        font-weight: 600;
      }
      input[type='text'] {
        min-block-size: var(--tts-target-size);
        font: inherit;
        color: var(--tts-color-text);
        background: var(--tts-color-surface);
        border: 1px solid var(--tts-color-border);
        border-radius: var(--tts-radius);
        padding-inline: var(--tts-space-2);
        min-inline-size: 0;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: var(--tts-space-3) 0 0;
        display: grid;
        gap: var(--tts-space-1);
      }
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--tts-space-2);
      }
      .empty {
        margin: var(--tts-space-3) 0 0;
        color: var(--tts-color-text-muted);
      }
      .file {
        display: flex;
        flex-wrap: wrap;
        gap: var(--tts-space-2);
        margin-block-start: var(--tts-space-3);
      }
      .status {
        margin: var(--tts-space-2) 0 0;
      }
      .status:empty {
        display: none;
      }
      input[type='file'] {
        display: none;
      }
    `,
  ];

  @consume({ context: settingsContext, subscribe: true })
  @state()
  private settings: Settings = DEFAULT_SETTINGS;

  /** What went wrong with the last entry or file (one message, in the alert). */
  @state() private problem = '';
  /** What the last action did (the polite status inside the dialog). */
  @state() private done = '';

  @query('#from') private fromInput!: HTMLInputElement;
  @query('#to') private toInput!: HTMLInputElement;
  @query('input[type="file"]') private fileInput!: HTMLInputElement;

  protected override render(): TemplateResult {
    const { dictionary } = this.settings;
    return html`<section aria-labelledby="dictionary-heading">
      <h3 id="dictionary-heading">${settingsStrings.dictionaryHeading}</h3>
      <p class="hint" id="dictionary-hint">${settingsStrings.dictionaryHint}</p>
      <form @submit=${this.#add} novalidate>
        <div class="field">
          <label for="from">${settingsStrings.dictionaryFrom}</label>
          <input
            id="from"
            type="text"
            lang="zh-CN"
            autocomplete="off"
            maxlength=${MAX_FROM * 2}
            aria-describedby="dictionary-hint dictionary-problem"
            aria-invalid=${this.problem ? 'true' : 'false'}
          />
        </div>
        <div class="field">
          <label for="to">${settingsStrings.dictionaryTo}</label>
          <input
            id="to"
            type="text"
            lang="zh-CN"
            autocomplete="off"
            maxlength=${MAX_TO * 2}
            aria-describedby="dictionary-problem"
            aria-invalid=${this.problem ? 'true' : 'false'}
          />
        </div>
        <button type="submit">${settingsStrings.dictionaryAdd}</button>
      </form>
      <div class="problems" id="dictionary-problem" role="alert">${this.problem ? html`<p>${this.problem}</p>` : ''}</div>
      <p class="status" role="status">${this.done}</p>
      ${dictionary.length === 0
        ? html`<p class="empty">${settingsStrings.dictionaryEmpty}</p>`
        : html`<ul aria-label=${settingsStrings.dictionaryListLabel}>
            ${dictionary.map(
              (entry) => html`<li>
                <span lang="zh-CN">${formatPronunciation(entry.from, entry.to)}</span>
                <button type="button" @click=${() => this.#remove(entry.from)}>${formatPronunciationDelete(entry.from)}</button>
              </li>`,
            )}
          </ul>`}
      <div class="file">
        <button type="button" ?disabled=${dictionary.length === 0} @click=${this.#export}>${settingsStrings.dictionaryExport}</button>
        <button type="button" @click=${() => this.fileInput.click()}>${settingsStrings.dictionaryImport}</button>
        <input type="file" accept=".json,application/json" tabindex="-1" aria-hidden="true" @change=${this.#import} />
      </div>
    </section>`;
  }

  #save(dictionary: Settings['dictionary']): void {
    this.dispatchEvent(new PreferencesChangeEvent({ dictionary }));
  }

  #add = (event: SubmitEvent): void => {
    event.preventDefault();
    const check = checkEntry(this.fromInput.value, this.toInput.value, this.settings.dictionary);
    if (!check.ok) {
      this.problem = PROBLEMS[check.problem];
      this.done = '';
      (check.problem === 'empty' && this.fromInput.value.trim() !== '' ? this.toInput : this.fromInput).focus();
      return;
    }
    this.problem = '';
    this.#save(withEntry(this.settings.dictionary, check.entry));
    this.done = formatPronunciationAdded(check.entry.from, check.entry.to);
    this.fromInput.value = '';
    this.toInput.value = '';
    this.fromInput.focus();
  };

  #remove(from: string): void {
    this.#save(this.settings.dictionary.filter((e) => e.from !== from));
    this.problem = '';
    this.done = '';
    // The button goes away with its entry: focus goes back to the form.
    this.fromInput.focus();
  }

  #export = (): void => {
    const blob = new Blob([exportDictionary(this.settings.dictionary)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = EXPORT_NAME;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  #import = async (event: Event): Promise<void> => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const text = file.size <= MAX_FILE_BYTES ? await file.text() : '';
    const result = importDictionary(text, this.settings.dictionary);
    if (!result.ok) {
      this.problem = settingsStrings.dictionaryNotAFile;
      this.done = '';
      return;
    }
    this.problem = '';
    this.#save(result.dictionary);
    this.done = formatDictionaryImported(result.accepted, result.refused);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'tts-pronunciations': TtsPronunciations;
  }
}
