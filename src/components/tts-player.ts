import { consume } from '@lit/context';
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { settingsContext } from '../state/contexts.ts';
import { AnnounceEvent, RateChangeEvent, VoiceChangeEvent } from '../state/events.ts';
import { KEYSHORTCUTS } from '../controllers/hotkeys-controller.ts';
import { ResumeOfferController } from '../controllers/resume-offer-controller.ts';
import { SpeechProgressController } from '../controllers/speech-progress-controller.ts';
import { RATE_MAX, RATE_MIN, RATE_PRESETS, RATE_STEP, clampRate } from '../speech/rate.ts';
import type { VoiceInfo } from '../speech/types.ts';
import { isCantonese, sameVoice } from '../speech/voices.ts';
import { DEFAULT_SETTINGS, type Settings } from '../state/settings.ts';
import { formatPosition } from '../strings.ts';
import { buttonStyles, focusRing, visuallyHidden } from '../styles/shared.ts';
import { icons } from './icons.ts';
import './tts-listening-options.ts';
import { formatRate, formatResumeFrom, formatTimeLeft, formatVoiceAuto, formatVoiceOption, readerStrings } from '../strings-reader.ts';

/**
 * The player: a bar at the bottom of the reader, within a thumb's reach, with the play/pause
 * toggle, previous/next sentence and paragraph, progress (sentence N of M, time left), and the
 * rate and voice (in a disclosure on narrow screens, always shown on wide ones).
 *
 * Transport buttons call the engine directly in their click handlers: `play()` must run
 * synchronously inside the gesture (iOS drops a later speak(); Chrome fires `not-allowed`).
 * Rate and voice choices go up to the shell as RateChangeEvent/VoiceChangeEvent.
 *
 * Compact when space is short (a phone with large text: the viewport under 36 rem tall, so 568 px
 * at 200% text): only 上一句, 播放/暂停, 下一句 and 更多, which opens the rest (where we are, 上一段 and
 * 下一段, rate, voice, the listening options) above them. The article keeps most of the screen.
 *
 * Trouble is shown here too: a focused "点击继续朗读" when the browser blocked speech, a focused
 * "从第 N 句继续" when speech was stopped from outside (screen lock, another app:
 * ResumeOfferController), a `role="alert"` with "重试"/"更换语音" when speaking failed, and a
 * disabled play button with its reason when there is no Chinese voice.
 */
@customElement('tts-player')
export class TtsPlayer extends LitElement {
  static override styles = [
    focusRing,
    buttonStyles,
    visuallyHidden,
    css`
      :host {
        display: block;
        container-type: inline-size;
      }
      .bar {
        box-sizing: border-box;
        /* Never more than part of the screen, however large the text: the rest scrolls inside. */
        max-block-size: 70dvh;
        overflow-y: auto;
        background: var(--tts-color-surface-raised);
        border-block-start: 1px solid var(--tts-color-border);
        box-shadow: 0 -2px 10px var(--tts-color-shadow);
        padding: var(--tts-space-2) var(--tts-space-3) calc(var(--tts-space-2) + env(safe-area-inset-bottom, 0px));
      }
      .inner {
        max-inline-size: 64rem;
        margin-inline: auto;
        display: grid;
        gap: var(--tts-space-2);
        grid-template-columns: minmax(0, 1fr);
        grid-template-areas: 'trouble' 'status' 'transport' 'settings';
      }
      .trouble {
        grid-area: trouble;
      }
      .status {
        grid-area: status;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--tts-space-1) var(--tts-space-3);
      }
      .position {
        flex: 1 1 12em;
        margin: 0;
        font-size: var(--tts-font-size-small);
        color: var(--tts-color-text-muted);
        display: flex;
        flex-wrap: wrap;
        column-gap: var(--tts-space-3);
      }
      progress {
        flex: 1 0 100%;
        order: 3;
        inline-size: 100%;
        block-size: 0.375rem;
        accent-color: var(--tts-color-accent);
      }
      .toggle {
        display: inline-flex;
        align-items: center;
        gap: var(--tts-space-1);
        font-size: var(--tts-font-size-small);
      }
      .transport {
        grid-area: transport;
        display: flex;
        justify-content: center;
        align-items: stretch;
        gap: var(--tts-space-1);
        flex-wrap: wrap;
      }
      .transport button {
        display: inline-flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 0.125rem;
        min-inline-size: 3.25rem;
        padding-inline: var(--tts-space-1);
        font-size: var(--tts-font-size-small);
      }
      .transport svg {
        inline-size: 1.5rem;
        block-size: 1.5rem;
      }
      .transport .play {
        min-inline-size: var(--tts-target-size-primary);
        min-block-size: var(--tts-target-size-primary);
        font-weight: 600;
      }
      .settings {
        grid-area: settings;
        display: flex;
        flex-wrap: wrap;
        gap: var(--tts-space-2) var(--tts-space-4);
        align-items: center;
      }
      .settings[hidden] {
        display: none;
      }
      /* Only in the compact dock: 更多, and 上一段/下一段 in the part it opens. */
      .more,
      .paragraphs {
        display: none;
      }
      .paragraphs {
        flex: 1 1 100%;
        gap: var(--tts-space-2);
      }
      /* The listening options (连续播放, 睡眠定时) are part of what 更多 opens. */
      .listening:empty {
        display: none;
      }
      .field {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--tts-space-1) var(--tts-space-2);
        flex: 1 1 14rem;
        min-inline-size: 0;
      }
      label {
        font-weight: 600;
      }
      input[type='range'] {
        flex: 1 1 8rem;
        min-inline-size: 0;
        min-block-size: var(--tts-target-size);
        margin: 0;
        accent-color: var(--tts-color-accent);
      }
      .rate-value {
        min-inline-size: 4em;
        font-variant-numeric: tabular-nums;
      }
      .presets {
        display: flex;
        flex-wrap: wrap;
        gap: var(--tts-space-1);
        flex: 1 1 100%;
      }
      .presets button {
        min-inline-size: var(--tts-target-size);
        padding-inline: var(--tts-space-2);
        font-size: var(--tts-font-size-small);
      }
      .presets button[aria-pressed='true'] {
        background: var(--tts-color-accent);
        border-color: var(--tts-color-accent);
        color: var(--tts-color-on-accent);
      }
      select {
        flex: 1 1 10rem;
        inline-size: 100%;
        min-inline-size: 0;
        text-overflow: ellipsis;
        max-inline-size: 100%;
        min-block-size: var(--tts-target-size);
        font: inherit;
        color: var(--tts-color-text);
        background: var(--tts-color-surface);
        border: 1px solid var(--tts-color-border);
        border-radius: var(--tts-radius);
        padding-inline: var(--tts-space-2);
      }
      .notice,
      [role='alert'] {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--tts-space-2);
        padding: var(--tts-space-2) var(--tts-space-3);
        border: 2px solid var(--tts-color-border);
        border-radius: var(--tts-radius);
        background: var(--tts-color-surface);
      }
      [role='alert'] {
        border-color: var(--tts-color-error);
      }
      .notice p,
      [role='alert'] p {
        margin: 0;
        flex: 1 1 14rem;
      }
      strong {
        color: var(--tts-color-error);
      }
      /*
       * Narrow for its text size (320 px, or 200% text on a phone): icons only, the labels stay
       * as the buttons' names for screen readers and voice control.
       */
      @container (max-width: 19.5rem) {
        .transport button > span,
        .toggle > span {
          position: absolute;
          inline-size: 1px;
          block-size: 1px;
          overflow: hidden;
          clip-path: inset(50%);
          white-space: nowrap;
        }
        .transport {
          gap: 2px;
        }
        .transport button {
          min-inline-size: 44px;
          min-block-size: 44px;
          padding: 2px;
        }
        .transport .play {
          min-inline-size: 56px;
          min-block-size: 48px;
        }
        .toggle {
          min-inline-size: 44px;
          padding: 2px;
          justify-content: center;
        }
      }
      @media (min-width: 60rem) {
        .inner {
          grid-template-columns: minmax(12rem, 1fr) auto minmax(16rem, 1.3fr);
          column-gap: var(--tts-space-4);
          grid-template-areas: 'trouble trouble trouble' 'status transport settings';
          align-items: center;
        }
        .settings[hidden] {
          display: flex;
        }
        .toggle {
          display: none;
        }
      }
      /*
       * Compact: space is short for the text size. Four buttons in one row; the rest opens above
       * them with 更多. (After the wide layout, which it overrides on a short wide screen.)
       */
      @media (max-height: 36rem) {
        .inner,
        .inner.open {
          grid-template-columns: minmax(0, 1fr);
          grid-template-areas: 'trouble' 'status' 'settings' 'transport';
        }
        .status,
        .toggle,
        .transport .paragraph {
          display: none;
        }
        .inner.open .status {
          display: flex;
        }
        .settings[hidden] {
          display: none;
        }
        .more,
        .paragraphs {
          display: inline-flex;
        }
        .paragraphs {
          display: flex;
          flex-wrap: wrap;
        }
        /* The four buttons never scroll away: only what 更多 opens scrolls, within its own part. */
        .bar {
          max-block-size: none;
          overflow: visible;
          padding-block: var(--tts-space-1) calc(var(--tts-space-1) + env(safe-area-inset-bottom, 0px));
        }
        .settings {
          max-block-size: 45dvh;
          overflow-y: auto;
        }
        .inner {
          gap: var(--tts-space-1);
        }
      }
      @media (forced-colors: active) {
        .bar {
          border-block-start-color: CanvasText;
        }
        .presets button[aria-pressed='true'] {
          forced-color-adjust: none;
          background: Highlight;
          color: HighlightText;
          border-color: Highlight;
        }
        strong {
          color: CanvasText;
        }
        [role='alert'] {
          border-color: CanvasText;
        }
      }
    `,
  ];

  @consume({ context: settingsContext, subscribe: true })
  @state()
  private settings: Settings = DEFAULT_SETTINGS;

  /** The rate shown while the slider is being dragged (applied on `change`). */
  @state() private draftRate: number | null = null;
  /** Whether the rate and voice panel is open (narrow screens). */
  @state() private settingsOpen = false;

  @query('.continue') private continueButton!: HTMLButtonElement | null;
  @query('.resume') private resumeButton!: HTMLButtonElement | null;
  /** Whether the last render showed the blocked state (focus moves only when it first appears). */
  #wasBlocked = false;
  @query('select') private voiceSelect!: HTMLSelectElement | null;

  readonly #speech: SpeechProgressController = new SpeechProgressController(this, {
    renders: ['state', 'index', 'voices', 'voice', 'voiceStatus', 'error'],
    onState: (event) => this.#resumeOffer.onState(event),
  });

  readonly #resumeOffer = new ResumeOfferController(this, () => this.#speech.engine);

  protected override render(): TemplateResult {
    const view = this.#speech.view;
    const engine = this.#speech.engine;
    const progress = engine?.progress;
    const playing = view.state === 'playing';
    const noVoice = view.voiceStatus === 'missing' || view.voiceStatus === 'unsupported';
    const rate = this.draftRate ?? this.settings.rate;
    return html`<section class="bar" aria-label=${readerStrings.playerLabel}>
      <div class="inner ${this.settingsOpen ? 'open' : ''}">
        <div class="trouble">${this.#renderTrouble(noVoice)}</div>
        <div class="status">
          <p class="position">
            ${progress && progress.count > 0
              ? html`<span>${formatPosition(progress.index, progress.count)}</span>
                  <span>${formatTimeLeft(progress.secondsLeft)}</span>`
              : nothing}
          </p>
          ${progress && progress.count > 0
            ? html`<progress max=${progress.count} .value=${progress.position} aria-hidden="true"></progress>`
            : nothing}
          <button
            class="toggle"
            type="button"
            aria-expanded=${this.settingsOpen ? 'true' : 'false'}
            aria-controls="settings"
            @click=${this.#toggleSettings}
          >
            ${icons.settings}<span>${readerStrings.settingsToggle}</span>
          </button>
        </div>
        <div class="transport">
          <button class="paragraph" type="button" aria-keyshortcuts=${KEYSHORTCUTS.previousParagraph} @click=${this.#previousParagraph}>
            ${icons.previousParagraph}<span>${readerStrings.previousParagraph}</span>
          </button>
          <button type="button" aria-keyshortcuts=${KEYSHORTCUTS.previousSentence} @click=${this.#previousSentence}>
            ${icons.previousSentence}<span>${readerStrings.previousSentence}</span>
          </button>
          <button
            class="play primary"
            type="button"
            aria-keyshortcuts=${KEYSHORTCUTS.togglePlay}
            aria-disabled=${noVoice ? 'true' : nothing}
            aria-describedby=${noVoice ? 'no-voice' : nothing}
            @click=${this.#togglePlay}
          >
            ${playing ? icons.pause : icons.play}<span>${playing ? readerStrings.pause : readerStrings.play}</span>
          </button>
          <button type="button" aria-keyshortcuts=${KEYSHORTCUTS.nextSentence} @click=${this.#nextSentence}>
            ${icons.nextSentence}<span>${readerStrings.nextSentence}</span>
          </button>
          <button class="paragraph" type="button" aria-keyshortcuts=${KEYSHORTCUTS.nextParagraph} @click=${this.#nextParagraph}>
            ${icons.nextParagraph}<span>${readerStrings.nextParagraph}</span>
          </button>
          <button
            class="more"
            type="button"
            aria-expanded=${this.settingsOpen ? 'true' : 'false'}
            aria-controls="settings"
            @click=${this.#toggleSettings}
          >
            ${icons.more}<span>${readerStrings.more}</span>
          </button>
        </div>
        <div class="settings" id="settings" ?hidden=${!this.settingsOpen}>
          <div class="paragraphs">
            <button type="button" aria-keyshortcuts=${KEYSHORTCUTS.previousParagraph} @click=${this.#previousParagraph}>
              ${readerStrings.previousParagraph}
            </button>
            <button type="button" aria-keyshortcuts=${KEYSHORTCUTS.nextParagraph} @click=${this.#nextParagraph}>
              ${readerStrings.nextParagraph}
            </button>
          </div>
          <div class="field">
            <label for="rate">${readerStrings.rate}</label>
            <input
              id="rate"
              type="range"
              min=${RATE_MIN}
              max=${RATE_MAX}
              step=${RATE_STEP}
              .value=${String(rate)}
              aria-valuetext=${formatRate(rate)}
              aria-keyshortcuts=${KEYSHORTCUTS.rate}
              @input=${this.#onRateInput}
              @change=${this.#onRateChange}
            />
            <span class="rate-value" aria-hidden="true">${formatRate(rate)}</span>
            <div class="presets" role="group" aria-label=${readerStrings.ratePresets}>
              ${RATE_PRESETS.map(
                (preset) =>
                  html`<button type="button" aria-pressed=${preset === rate ? 'true' : 'false'} @click=${() => this.#chooseRate(preset)}>
                    ${formatRate(preset)}
                  </button>`,
              )}
            </div>
          </div>
          <div class="field">
            <label for="voice">${readerStrings.voice}</label>
            <select id="voice" ?disabled=${view.voices.length === 0} @change=${this.#onVoiceChange}>
              ${this.#renderVoiceOptions(view.voices)}
            </select>
          </div>
          <div class="listening"><tts-listening-options></tts-listening-options></div>
        </div>
      </div>
    </section>`;
  }

  #renderTrouble(noVoice: boolean): TemplateResult | typeof nothing {
    const { state, error } = this.#speech.view;
    if (noVoice) {
      const reason = this.#speech.view.voiceStatus === 'unsupported' ? readerStrings.playUnsupported : readerStrings.playUnavailable;
      return html`<p class="notice" id="no-voice">${reason}</p>`;
    }
    if (state === 'paused' && this.#resumeOffer.offered) {
      return html`<div class="notice">
        <p>${readerStrings.resumeExplanation}</p>
        <button class="resume primary" type="button" @click=${this.#play}>${formatResumeFrom(this.#speech.view.index)}</button>
      </div>`;
    }
    if (state === 'blocked') {
      return html`<div class="notice">
        <p>${readerStrings.blockedExplanation}</p>
        <button class="continue primary" type="button" @click=${this.#play}>${readerStrings.continueReading}</button>
      </div>`;
    }
    if (state === 'error' || error === 'failed') {
      return html`<div role="alert">
        <p><strong>${readerStrings.errorHeading}</strong> ${readerStrings.errorBody}</p>
        <button type="button" @click=${this.#play}>${readerStrings.retry}</button>
        <button type="button" @click=${this.#changeVoice}>${readerStrings.changeVoice}</button>
      </div>`;
    }
    return nothing;
  }

  #renderVoiceOptions(voices: readonly VoiceInfo[]): TemplateResult {
    if (voices.length === 0) return html`<option value="" selected>${readerStrings.voiceNone}</option>`;
    const chosen = this.settings.voice;
    const selected = chosen ? voices.findIndex((v) => sameVoice(v, chosen)) : -1;
    const auto = selected < 0 ? (this.#speech.view.voice?.name ?? null) : null;
    return html`<option value="" ?selected=${selected < 0}>${formatVoiceAuto(auto)}</option>
      ${voices.map(
        (voice, i) =>
          html`<option value=${i} ?selected=${i === selected}
            >${formatVoiceOption(voice.name, voice.lang, voice.localService, isCantonese(voice.lang))}</option
          >`,
      )}`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('settings')) this.draftRate = null;
    // Blocked: put the one button that helps where the keyboard and the screen reader are.
    if (this.#speech.view.state === 'blocked' && this.#wasBlocked === false) this.continueButton?.focus();
    this.#wasBlocked = this.#speech.view.state === 'blocked';
    // Stopped from outside: the one tap that goes on is where focus lands when the listener is back.
    if (this.#resumeOffer.takeAppeared()) this.resumeButton?.focus();
  }

  // Transport: straight to the engine, synchronously.
  #togglePlay = (): void => {
    const engine = this.#speech.engine;
    if (!engine) return;
    const { voiceStatus } = this.#speech.view;
    if (voiceStatus === 'missing' || voiceStatus === 'unsupported') {
      this.dispatchEvent(new AnnounceEvent(voiceStatus === 'missing' ? readerStrings.playUnavailable : readerStrings.playUnsupported));
      return;
    }
    engine.toggle();
  };
  #play = (): void => {
    this.#speech.engine?.play();
  };
  #previousSentence = (): void => this.#speech.engine?.previous();
  #nextSentence = (): void => this.#speech.engine?.next();
  #previousParagraph = (): void => this.#speech.engine?.previousParagraph();
  #nextParagraph = (): void => this.#speech.engine?.nextParagraph();

  #toggleSettings = (): void => {
    this.settingsOpen = !this.settingsOpen;
  };

  #onRateInput = (event: Event): void => {
    this.draftRate = clampRate(Number((event.target as HTMLInputElement).value));
  };

  #onRateChange = (event: Event): void => {
    this.#chooseRate(Number((event.target as HTMLInputElement).value));
  };

  #chooseRate(rate: number): void {
    this.draftRate = null;
    this.dispatchEvent(new RateChangeEvent(clampRate(rate)));
  }

  #onVoiceChange = (event: Event): void => {
    const select = event.target as HTMLSelectElement;
    const voice = select.value === '' ? undefined : this.#speech.view.voices[Number(select.value)];
    this.dispatchEvent(new VoiceChangeEvent(voice ? { name: voice.name, lang: voice.lang } : null));
  };

  /** "更换语音": open the voice choice and put focus on it. */
  #changeVoice = async (): Promise<void> => {
    this.settingsOpen = true;
    await this.updateComplete;
    this.voiceSelect?.focus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'tts-player': TtsPlayer;
  }
}
