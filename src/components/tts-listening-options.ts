import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { listeningContext } from '../state/contexts.ts';
import { AnnounceEvent } from '../state/events.ts';
import { ListeningChangeEvent, SLEEP_CHOICES, type ListeningOptions, type SleepChoice } from '../archive/listening.ts';
import { StoreController } from '../controllers/store-controller.ts';
import { focusRing } from '../styles/shared.ts';
import { formatNextArticle, formatSleepChoice, formatSleepLeft, formatSleepSet, listeningStrings } from '../strings-reader.ts';

/** How often the time left on the sleep timer is redrawn (it is shown in whole minutes). */
const TICK_MS = 15_000;

class ListeningController extends StoreController<ListeningOptions> {
  constructor(host: LitElement) {
    super(host, listeningContext, ListeningChangeEvent.type);
  }
  get options(): ListeningOptions | undefined {
    return this.store;
  }
}

/**
 * The player's listening options: 连续播放 (a switch, remembered on the device; with it on, the
 * next article is named: 接下来：…) and 睡眠定时 (关闭, 15/30/45/60 分钟, 读完本篇; the time left is
 * shown beside it, and the choice is announced once when made). The state lives in the shell's
 * ListeningOptions (listeningContext); this element only shows it and passes the choices on.
 */
@customElement('tts-listening-options')
export class TtsListeningOptions extends LitElement {
  static override styles = [
    focusRing,
    css`
      :host {
        display: block;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--tts-space-2) var(--tts-space-4);
      }
      label {
        display: inline-flex;
        align-items: center;
        gap: var(--tts-space-2);
        min-block-size: var(--tts-target-size);
      }
      input[type='checkbox'] {
        inline-size: 1.5rem;
        block-size: 1.5rem;
        margin: 0;
        accent-color: var(--tts-color-accent);
      }
      select {
        font: inherit;
        min-block-size: var(--tts-target-size);
        color: inherit;
        background: var(--tts-color-surface-raised);
        border: 1px solid var(--tts-color-border);
        border-radius: var(--tts-radius);
      }
      .left,
      .next {
        color: var(--tts-color-text-muted);
        font-size: var(--tts-font-size-small);
      }
      .next {
        margin: 0;
        overflow-wrap: anywhere;
      }
    `,
  ];

  readonly #listening = new ListeningController(this);
  #tick = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#tick);
    this.#tick = 0;
  }

  protected override render(): TemplateResult | typeof nothing {
    const options = this.#listening.options;
    if (!options) return nothing;
    const endsAt = options.sleepEndsAt;
    this.#keepTicking(endsAt !== null);
    const sleep = options.sleep;
    return html`<div class="row">
        <label><input type="checkbox" role="switch" aria-checked=${options.continuous ? 'true' : 'false'} .checked=${options.continuous} @change=${this.#onContinuous} />${listeningStrings.continuous}</label>
        <label>
          ${listeningStrings.sleep}
          <select @change=${this.#onSleep}>
            ${SLEEP_CHOICES.map((choice, i) => html`<option value=${i} ?selected=${choice === sleep}>${formatSleepChoice(choice)}</option>`)}
          </select>
        </label>
        ${endsAt !== null ? html`<span class="left">${formatSleepLeft(endsAt - Date.now())}</span>` : nothing}
      </div>
      ${options.continuous && options.next ? html`<p class="next" lang="zh-CN">${formatNextArticle(options.next.title)}</p>` : nothing}`;
  }

  #onContinuous = (event: Event): void => {
    this.#listening.options?.setContinuous((event.currentTarget as HTMLInputElement).checked);
  };

  #onSleep = (event: Event): void => {
    const choice: SleepChoice = SLEEP_CHOICES[Number((event.currentTarget as HTMLSelectElement).value)] ?? null;
    this.#listening.options?.setSleep(choice);
    this.dispatchEvent(new AnnounceEvent(formatSleepSet(choice)));
  };

  #keepTicking(on: boolean): void {
    if (on && this.#tick === 0) this.#tick = window.setInterval(() => this.requestUpdate(), TICK_MS);
    if (!on && this.#tick !== 0) {
      clearInterval(this.#tick);
      this.#tick = 0;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tts-listening-options': TtsListeningOptions;
  }
}
