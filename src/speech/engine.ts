import { chunkSentence } from './chunk.ts';
import {
  SpeechBoundaryEvent,
  SpeechErrorEvent,
  SpeechNoticeEvent,
  SpeechRateEvent,
  SpeechSentenceEvent,
  SpeechStateEvent,
  SpeechVoicesEvent,
  type SpeechEngineEventMap,
  type SpeechErrorKind,
  type SpeechNoticeKind,
} from './events.ts';
import { clampRate, RATE_DEFAULT } from './rate.ts';
import { CHARS_PER_SECOND, measuredSpeed, spokenLength, WATCHDOG_FIRST_SPEED, watchdogMs } from './timing.ts';
import type {
  PlaybackState,
  SpeechProgress,
  SpeechSentence,
  SpeechSentenceInput,
  StateChangeReason,
  VoiceChoice,
  VoiceInfo,
  VoiceStatus,
} from './types.ts';
import { chineseVoices, pickVoice, sameVoice, toVoiceInfo } from './voices.ts';

/** Settings of a SpeechEngine; all optional. The timings are for tests, the defaults for browsers. */
export interface SpeechEngineOptions {
  /** Initial rate (clamped to 0.5–2), e.g. from saved settings. Default 1. */
  rate?: number;
  /** The voice the user chose before (saved as name + lang). It wins whenever it is listed. */
  voice?: VoiceChoice | null;
  /** How long to wait for `voiceschanged` when the first `getVoices()` is empty. Default 3000 ms. */
  voiceWaitMs?: number;
  /** After that, how many more times to poll `getVoices()`... Default 2. */
  voicePolls?: number;
  /** ...and how far apart. Default 2000 ms. Then an empty list means there are no voices. */
  voicePollMs?: number;
  /** Pause between `cancel()` and the next `speak()`. Default 100 ms. */
  cancelGapMs?: number;
  /** Silence before and after a sentence marked `pause` (a title, a heading). Default 500 ms. */
  structurePauseMs?: number;
  /** How long the very first utterance may take to `start` before the engine asks for a tap. Default 2000 ms. */
  firstStartTimeoutMs?: number;
}

type Timer = ReturnType<typeof setTimeout>;

/** The platform's speech synthesis, looked up at each use so that tests can replace it. */
function synthesis(): SpeechSynthesis | null {
  return typeof globalThis.speechSynthesis === 'undefined' ? null : globalThis.speechSynthesis;
}

/**
 * Reads a list of sentences aloud with the browser's speech synthesis, one utterance per sentence
 * (or per clause of a long sentence), one at a time, and tells the UI which sentence to highlight.
 *
 * The engine owns the playback state: it never reads `speechSynthesis.speaking` or `paused`, which
 * are unreliable (docs/web-speech.md §0). It knows nothing about Lit or the DOM tree.
 *
 * Contracts:
 * - `play()`, `resume()` and `toggle()` call `speechSynthesis.speak()` synchronously, before they
 *   return, when they start speech: call them directly in a click/keydown handler, with no `await`
 *   before. Chrome refuses speech without user activation (`not-allowed`) and iOS drops a `speak()`
 *   outside a gesture without any event. (Exception: within 100 ms of a `cancel()`, once speech has
 *   worked in this page, the `speak()` waits out the gap; see `cancelGapMs`.)
 * - Index `i` is sentence `i` of the list given to `load()`: the i-th sentence element of the
 *   reader view.
 * - Pause is `cancel()`; resume speaks the current sentence again from its start.
 * - Events (see SpeechEngineEventMap) are dispatched synchronously from API calls and from the
 *   platform's callbacks. A listener may call the API.
 *
 * Create one engine per page, early (Firefox loads voices only once they are asked for), and
 * `dispose()` it when done.
 */
export class SpeechEngine extends EventTarget {
  private _state: PlaybackState = 'idle';
  private _index = 0;
  private _sentences: readonly SpeechSentence[] = [];
  /** For each sentence, the index of the first sentence of its paragraph. */
  private paragraphStarts: number[] = [];
  /** For each sentence, the spoken characters from it to the end. */
  private charsFrom: number[] = [];
  private _rate: number;

  /** The user's explicit choice (setVoice / options.voice); `null` = automatic. */
  private remembered: VoiceChoice | null;
  private _voice: VoiceInfo | null = null;
  private platformVoice: SpeechSynthesisVoice | null = null;
  private platformVoices: readonly SpeechSynthesisVoice[] = [];
  private _voices: readonly VoiceInfo[] = [];
  private _voiceStatus: VoiceStatus = 'loading';
  /** Voices that failed twice in a row in this session; automatic choice avoids them. */
  private failedVoices: VoiceChoice[] = [];
  private voicesLoading = false;
  private voiceTimer: Timer | undefined;
  private readonly listened: SpeechSynthesis | null;

  /**
   * Bumped for every utterance spoken and every cancel: an utterance's events count only while the
   * generation it was spoken in is current. After `cancel()`, events of the old utterance arrive
   * late or never (Blink `speech_synthesis.cc`; tested: queued utterances get no event at all).
   */
  private generation = 0;
  /**
   * Utterances not yet settled. Holding them keeps old engines from garbage-collecting an
   * utterance and never firing its `end` (SO 23483990, "SpeechSynthesis API onend callback not
   * working"); it also tells whether there is anything to cancel.
   */
  private readonly live = new Set<SpeechSynthesisUtterance>();
  private chunks: string[] = [];
  private chunkIndex = 0;
  /**
   * The slowest speed measured for the voice in use (characters a second at rate 1), for the
   * watchdog. Until measured, a slow voice is assumed (espeak-ng reads 2.1–2.6), so that the
   * watchdog never cuts a first sentence that is only slow.
   */
  private voiceSpeed = WATCHDOG_FIRST_SPEED;
  /** Consecutive failures of the current utterance: 1 → retry, 2 → next voice, 3 → error. */
  private failures = 0;
  private watchdog: Timer | undefined;
  private startTimer: Timer | undefined;
  private pendingSpeak: Timer | undefined;
  private lastCancelAt = Number.NEGATIVE_INFINITY;
  /** Whether any utterance has started in this page: the gesture gate is then open for good. */
  private everStarted = false;
  /** The last sentence was spoken: the next `play()` starts over. */
  private finished = false;
  /** The sentence the UI was last told to highlight. */
  private shown = -1;
  private disposed = false;

  private readonly voiceWaitMs: number;
  private readonly voicePolls: number;
  private readonly voicePollMs: number;
  private readonly cancelGapMs: number;
  private readonly structurePauseMs: number;
  private readonly firstStartTimeoutMs: number;

  private readonly onVoicesChanged = (): void => {
    if (!this.disposed) this.refreshVoices('list');
  };

  /**
   * Starts loading voices at once (`getVoices()`, then `voiceschanged` or polling). Read `voices`,
   * `voice` and `voiceStatus` after construction: the list may already be there, and then no
   * `voiceschange` follows until it changes.
   */
  constructor(options: SpeechEngineOptions = {}) {
    super();
    this._rate = clampRate(options.rate ?? RATE_DEFAULT);
    this.remembered = options.voice ? { name: options.voice.name, lang: options.voice.lang } : null;
    this.voiceWaitMs = options.voiceWaitMs ?? 3000;
    this.voicePolls = options.voicePolls ?? 2;
    this.voicePollMs = options.voicePollMs ?? 2000;
    this.cancelGapMs = options.cancelGapMs ?? 100;
    this.structurePauseMs = options.structurePauseMs ?? 500;
    // 3 s: a real voice on a busy machine took 1.75 s to start (espeak-ng via speech-dispatcher).
    this.firstStartTimeoutMs = options.firstStartTimeoutMs ?? 3000;
    this.listened = synthesis();
    if (!this.listened) {
      this._voiceStatus = 'unsupported';
      return;
    }
    this.listened.addEventListener('voiceschanged', this.onVoicesChanged);
    this.voicesLoading = true; // until the list has voices, or the wait below gives up
    this.refreshVoices('list');
    if (this.voicesLoading) this.waitForVoices();
  }

  // ---- Readable state ------------------------------------------------------------------------

  /** What the engine is doing. Changes fire `statechange`. */
  get state(): PlaybackState {
    return this._state;
  }

  /**
   * Whether the engine is silent on purpose, its next utterance scheduled: the pause around a title
   * or heading, or the gap it leaves after a cancel. Nothing is speaking then, and nothing is wrong.
   */
  get betweenUtterances(): boolean {
    return this._state === 'playing' && this.pendingSpeak !== undefined;
  }

  /** The current sentence (highlighted; spoken when playing). 0 when nothing is loaded. */
  get index(): number {
    return this._index;
  }

  /** The loaded sentences. */
  get sentences(): readonly SpeechSentence[] {
    return this._sentences;
  }

  /** The speaking rate, 0.5–2 in steps of 0.05. Changes fire `ratechange`. */
  get rate(): number {
    return this._rate;
  }

  /** The voice in use, `null` while none is chosen (loading, or no Mandarin voice). */
  get voice(): VoiceInfo | null {
    return this._voice;
  }

  /** Chinese voices for a voice menu, best first; Cantonese ones last. Changes fire `voiceschange`. */
  get voices(): readonly VoiceInfo[] {
    return this._voices;
  }

  /** Whether there is a Mandarin voice; see VoiceStatus. Changes fire `voiceschange`. */
  get voiceStatus(): VoiceStatus {
    return this._voiceStatus;
  }

  /** Sentence N of M and the estimated time left. Read it again on `sentencechange`, `ratechange` and after `load()`. */
  get progress(): SpeechProgress {
    const count = this._sentences.length;
    if (count === 0) return { index: -1, position: 0, count: 0, secondsLeft: 0 };
    const chars = this.charsFrom[this._index] ?? 0;
    return {
      index: this._index,
      position: this._index + 1,
      count,
      secondsLeft: chars / (CHARS_PER_SECOND * this._rate),
    };
  }

  // ---- Playback ------------------------------------------------------------------------------

  /**
   * Replaces the sentences and moves to `startIndex` (clamped). Stops any speech: state `idle`.
   * Fires `sentencechange` for the start sentence (when the list is not empty).
   */
  load(sentences: readonly SpeechSentenceInput[], startIndex = 0): void {
    if (this.disposed) return;
    this.cancelSpeech();
    this._sentences = sentences.map((s) => ({
      text: s.text,
      spoken: s.spoken ?? s.text,
      pause: s.pause ?? false,
      paragraph: 'paragraph' in s ? s.paragraph : s.block,
    }));
    this.paragraphStarts = [];
    this._sentences.forEach((s, i) => {
      const previous = this._sentences[i - 1];
      this.paragraphStarts.push(previous && previous.paragraph === s.paragraph ? this.paragraphStarts[i - 1]! : i);
    });
    this.charsFrom = new Array<number>(this._sentences.length + 1).fill(0);
    for (let i = this._sentences.length - 1; i >= 0; i--) {
      this.charsFrom[i] = this.charsFrom[i + 1]! + spokenLength(this._sentences[i]!.spoken);
    }
    this.chunks = [];
    this.failures = 0;
    this.finished = false;
    this.shown = -1;
    this._index = this.clampIndex(startIndex);
    this.setState('idle', 'load');
    if (this._sentences.length > 0) this.emitSentence(this._index);
  }

  /**
   * Changes how the loaded sentences are spoken (the listener edited a pronunciation, or asked for
   * headings to be announced) without stopping: the utterance being spoken goes on, the new forms
   * apply from the next one. A list of another length is a new text: `load()` it, at the same index.
   */
  respell(sentences: readonly SpeechSentenceInput[]): void {
    if (this.disposed) return;
    if (sentences.length !== this._sentences.length) {
      this.load(sentences, this._index);
      return;
    }
    this._sentences = this._sentences.map((s, i) => ({ ...s, spoken: sentences[i]!.spoken ?? s.text, pause: sentences[i]!.pause ?? false }));
    for (let i = this._sentences.length - 1; i >= 0; i--) {
      this.charsFrom[i] = this.charsFrom[i + 1]! + spokenLength(this._sentences[i]!.spoken);
    }
  }

  /**
   * Starts or resumes reading at the current sentence, from its start; after the last sentence was
   * read, starts over at the first. Calls `speechSynthesis.speak()` before returning (see the class
   * contract). Does nothing while playing or with nothing loaded. Fires a `speecherror` instead
   * when there is no Mandarin voice (`no-voice`) or no speech synthesis (`unsupported`).
   * Also the action of "点击继续朗读" (state `blocked`) and "重试" (state `error`).
   */
  play(): void {
    if (this.disposed || this._state === 'playing' || this._sentences.length === 0) return;
    if (!synthesis() || typeof globalThis.SpeechSynthesisUtterance === 'undefined') {
      this.fail('unsupported', null);
      return;
    }
    if (!this._voice && this._voiceStatus === 'missing') {
      this.fail('no-voice', null);
      return;
    }
    // An utterance still live here was never started (state `blocked` after the start timeout):
    // iOS dropped it. Forget it without cancel(), because WebKit could drop a speak() that follows
    // a cancel() at once (WebKit bug 191745), and this speak() must happen now, in the gesture.
    this.forget();
    if (this.finished) {
      this.finished = false;
      this._index = 0;
    }
    this.failures = 0;
    // speak() comes first: listeners of the state and sentence events (the UI re-rendering,
    // scrolling, announcing) must not delay it inside the gesture. They hear about it right after.
    const previous = this._state;
    this._state = 'playing';
    this.startSentence();
    if (this._state === 'playing') this.dispatchEvent(new SpeechStateEvent('playing', previous, 'user'));
    this.emitSentence(this._index);
  }

  /** Same as `play()`: speaks the current sentence again from its start. */
  resume(): void {
    this.play();
  }

  /**
   * Stops speaking and keeps the position: state `paused`. It is `cancel()`, never
   * `speechSynthesis.pause()`, which is a cancel on Android (Chromium `tts_android.cc`) and
   * unreliable elsewhere (docs/web-speech.md §1.4).
   */
  pause(): void {
    if (this.disposed || (this._state !== 'playing' && this._state !== 'blocked')) return;
    this.cancelSpeech();
    this.setState('paused', 'user');
  }

  /** `pause()` while playing, else `play()`. */
  toggle(): void {
    if (this._state === 'playing') this.pause();
    else this.play();
  }

  /** Stops speaking: state `idle`; the position is kept (the next `play()` starts there). */
  stop(): void {
    if (this.disposed) return;
    this.cancelSpeech();
    this.finished = false;
    this.setState('idle', 'user');
  }

  /**
   * Moves to sentence `index` (clamped). While playing, cancels and speaks from there, from the
   * sentence's start (even when it is the current one). Otherwise only moves: the state stays.
   */
  seek(index: number): void {
    if (this.disposed || this._sentences.length === 0) return;
    const wasPlaying = this._state === 'playing';
    this.cancelSpeech();
    this.failures = 0;
    this.finished = false;
    this._index = this.clampIndex(index);
    this.emitSentence(this._index);
    if (wasPlaying) this.startSentence();
  }

  /** To the next sentence; nothing at the last one. */
  next(): void {
    if (this._index + 1 < this._sentences.length) this.seek(this._index + 1);
  }

  /** To the previous sentence; at the first one, to its start. */
  previous(): void {
    this.seek(Math.max(0, this._index - 1));
  }

  /** To the first sentence of the next paragraph; nothing in the last paragraph. */
  nextParagraph(): void {
    const here = this.paragraphStarts[this._index];
    for (let i = this._index + 1; i < this._sentences.length; i++) {
      if (this.paragraphStarts[i] !== here) {
        this.seek(i);
        return;
      }
    }
  }

  /**
   * Like a music player's "previous track": to the first sentence of this paragraph when past it,
   * else to the first sentence of the previous paragraph (at the very start: the start again).
   */
  previousParagraph(): void {
    if (this._sentences.length === 0) return;
    const start = this.paragraphStarts[this._index]!;
    if (this._index > start) this.seek(start);
    else this.seek(start > 0 ? this.paragraphStarts[start - 1]! : 0);
  }

  /**
   * Sets the rate (clamped to 0.5–2, rounded to 0.05). While playing, the current sentence is
   * spoken again from its start at the new rate, since an utterance's rate is fixed once spoken.
   * Calls during a slider drag are cheap: the re-speak waits out `cancelGapMs` after the last one.
   */
  setRate(rate: number): void {
    if (this.disposed) return;
    const next = clampRate(rate);
    if (next === this._rate) return;
    this._rate = next;
    this.dispatchEvent(new SpeechRateEvent(next));
    if (this._state === 'playing') this.restartSentence();
  }

  /**
   * Chooses a voice by name and language, or `null` for the automatic choice. The choice is
   * remembered: when it is not (yet, or no longer) listed, the automatic choice is used until it
   * is. While playing, a change of voice re-speaks the current sentence at once. No notice is fired
   * for this change (the UI made it); `voiceschange` is.
   */
  setVoice(choice: VoiceChoice | null): void {
    if (this.disposed) return;
    this.remembered = choice ? { name: choice.name, lang: choice.lang } : null;
    if (choice) this.failedVoices = this.failedVoices.filter((v) => !sameVoice(v, choice));
    const before = this._voice;
    this.refreshVoices('user');
    if (!sameVoice(before, this._voice) && this._state === 'playing') this.restartSentence();
  }

  /** Stops for good: cancels speech, drops listeners and timers. The engine is unusable after. */
  dispose(): void {
    if (this.disposed) return;
    this.cancelSpeech();
    this.setState('idle', 'user');
    clearTimeout(this.voiceTimer);
    this.listened?.removeEventListener('voiceschanged', this.onVoicesChanged);
    this.disposed = true;
  }

  // ---- Typed events --------------------------------------------------------------------------

  override addEventListener<K extends keyof SpeechEngineEventMap>(
    type: K,
    listener: (event: SpeechEngineEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void {
    super.addEventListener(type, listener, options);
  }

  override removeEventListener<K extends keyof SpeechEngineEventMap>(
    type: K,
    listener: (event: SpeechEngineEventMap[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void {
    super.removeEventListener(type, listener, options);
  }

  // ---- Speaking ------------------------------------------------------------------------------

  private startSentence(): void {
    const sentence = this._sentences[this._index];
    this.chunks = sentence ? chunkSentence(sentence.spoken, this._rate) : [];
    this.chunkIndex = 0;
    this.speakSoon();
  }

  /**
   * The next sentence after a silence: around a title or a heading, so that the listener hears
   * where a section starts. Cancelling (pause, seek) clears the timer like any pending speak.
   */
  private startAfterPause(): void {
    clearTimeout(this.pendingSpeak);
    const generation = ++this.generation;
    // The highlight moves now: the silence belongs to the sentence about to be read.
    this.emitSentence(this._index);
    this.pendingSpeak = setTimeout(() => {
      this.pendingSpeak = undefined;
      if (generation === this.generation && this._state === 'playing') this.startSentence();
    }, this.structurePauseMs);
  }

  private restartSentence(): void {
    this.cancelSpeech();
    this.startSentence();
  }

  /**
   * Speaks the current chunk now or, right after a `cancel()`, a little later: Chrome and WebKit
   * have dropped a `speak()` that follows `cancel()` at once (WebKit bug 191745; Chrome reports,
   * docs/web-speech.md §1.10). Only once speech has started in this page, so that the gesture gate
   * is open (Chrome's is sticky; iOS unlocks the SpeechSynthesis object for good); before that the
   * speak must stay inside the gesture.
   */
  private speakSoon(): void {
    clearTimeout(this.pendingSpeak);
    this.pendingSpeak = undefined;
    const wait = this.everStarted ? this.lastCancelAt + this.cancelGapMs - Date.now() : 0;
    if (wait <= 0) {
      this.speakChunk();
      return;
    }
    const generation = this.generation;
    this.pendingSpeak = setTimeout(() => {
      this.pendingSpeak = undefined;
      if (generation === this.generation && this._state === 'playing') this.speakChunk();
    }, wait);
  }

  private speakChunk(): void {
    const synth = synthesis();
    const Utterance = globalThis.SpeechSynthesisUtterance;
    if (!synth || typeof Utterance === 'undefined') {
      this.fail('unsupported', null);
      return;
    }
    if (this.chunks.length === 0) {
      this.advance(); // an empty sentence: nothing to say
      return;
    }
    const generation = ++this.generation;
    const index = this._index;
    const text = this.chunks[this.chunkIndex]!;
    const offset = this.chunks.slice(0, this.chunkIndex).join('').length;
    const current = (): boolean => generation === this.generation;
    const rate = this._rate;
    let startedAt = -1;

    const utterance = new Utterance(text);
    // Always set lang: it is what the platform falls back on when the voice is missing or not yet
    // known (Chrome's GetMatchingVoice scores lang).
    utterance.lang = 'zh-CN';
    utterance.rate = this._rate;
    if (this.platformVoice) utterance.voice = this.platformVoice;
    utterance.addEventListener('start', () => {
      if (!current()) return;
      startedAt = Date.now();
      this.onStart(index);
    });
    utterance.addEventListener('end', () => {
      this.live.delete(utterance);
      if (!current()) return;
      if (startedAt >= 0) this.learnSpeed(text, rate, (Date.now() - startedAt) / 1000);
      this.onEnd();
    });
    utterance.addEventListener('error', (event) => {
      this.live.delete(utterance);
      if (current()) this.onError(event.error);
    });
    utterance.addEventListener('boundary', (event) => {
      if (!current()) return;
      this.dispatchEvent(new SpeechBoundaryEvent(index, offset + event.charIndex, event.charLength ?? 0, event.name));
    });
    this.live.add(utterance);
    this.armWatchdog(generation, text);
    if (!this.everStarted) this.armStartTimer(generation);
    synth.speak(utterance);
    // Highlight now as well as on `start`: `start` may never come (iOS drops a speak() outside a
    // gesture silently; Google voices on Chrome have been reported to fire no events).
    if (current()) this.emitSentence(index);
  }

  private onStart(index: number): void {
    this.everStarted = true;
    clearTimeout(this.startTimer);
    this.startTimer = undefined;
    // Speech came after all, after the start timeout had asked for a tap.
    if (this._state === 'blocked') this.setState('playing', 'started');
    this.emitSentence(index);
  }

  private onEnd(): void {
    this.clearUtteranceTimers();
    this.failures = 0;
    // Spoken after all (without a `start`), after the start timeout had asked for a tap.
    if (this._state === 'blocked') this.setState('playing', 'started');
    this.advance();
  }

  /** On to the next chunk, the next sentence, or the end. */
  private advance(): void {
    if (this.chunkIndex + 1 < this.chunks.length) {
      this.chunkIndex++;
      this.speakSoon();
    } else if (this._index + 1 < this._sentences.length) {
      const pause = this._sentences[this._index]!.pause || this._sentences[this._index + 1]!.pause;
      this._index++;
      if (pause && this.structurePauseMs > 0) this.startAfterPause();
      else this.startSentence();
    } else {
      this.generation++;
      this.finished = true;
      this.setState('idle', 'ended');
    }
  }

  private onError(code: string): void {
    this.clearUtteranceTimers();
    if (code === 'not-allowed') {
      // Chrome (M71+): speak() without user activation (Blink speech_synthesis.cc, IsAllowedToStartByAutoplay).
      this.generation++;
      this.setState('blocked', 'blocked');
      this.fail('blocked', code);
      return;
    }
    if (code === 'interrupted' || code === 'canceled') {
      // The generation is current, so we did not cancel: the platform stopped us (Android screen
      // off, another tab's or an extension's speak(): Chromium's TTS controller is browser-global).
      this.generation++;
      this.setState('paused', 'interrupted');
      return;
    }
    this.failures++;
    if (this.failures === 1) {
      this.speakSoon(); // once more, same voice
      return;
    }
    if (this.failures === 2 && this.switchVoiceAfterFailure()) {
      this.startSentence();
      return;
    }
    this.generation++;
    this.setState('error', 'failed');
    this.fail('failed', code);
  }

  private switchVoiceAfterFailure(): boolean {
    const from = this._voice;
    if (from) this.failedVoices.push({ name: from.name, lang: from.lang });
    const next = pickVoice(this.platformVoices, this.remembered, this.failedVoices);
    if (!next || sameVoice(next, from)) return false;
    this.usePlatformVoice(next);
    this.dispatchVoices();
    this.dispatchEvent(new SpeechNoticeEvent('voice-failed', from, this._voice));
    return true;
  }

  /** Cancels our utterance, if any, and makes the events of everything spoken so far stale. */
  private cancelSpeech(): void {
    this.generation++;
    this.clearUtteranceTimers();
    clearTimeout(this.pendingSpeak);
    this.pendingSpeak = undefined;
    if (this.live.size === 0) return;
    this.live.clear();
    synthesis()?.cancel();
    this.lastCancelAt = Date.now();
  }

  /** Makes everything spoken so far stale, without `cancel()`. */
  private forget(): void {
    this.generation++;
    this.clearUtteranceTimers();
    clearTimeout(this.pendingSpeak);
    this.pendingSpeak = undefined;
    this.live.clear();
  }

  /**
   * When neither `end` nor `error` comes in time, give up on the utterance and go on: events go
   * missing (Chrome's network voices stop after ~15 s silently, crbug 679437; cancelled utterances
   * may never settle).
   */
  private armWatchdog(generation: number, text: string): void {
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => {
      this.watchdog = undefined;
      if (generation !== this.generation) return;
      this.cancelSpeech();
      this.failures = 0;
      if (this._state === 'playing') this.advance();
    }, watchdogMs(text, this._rate, this.voiceSpeed));
  }

  /** Slows the watchdog down for a voice that reads slower than a newsreader (espeak-ng). */
  private learnSpeed(text: string, rate: number, seconds: number): void {
    const speed = measuredSpeed(text, rate, seconds);
    if (speed !== null && speed < this.voiceSpeed) this.voiceSpeed = speed;
  }

  /**
   * Until speech has started once in this page: when the first utterance does not start in time,
   * ask for a tap (state `blocked`). iOS returns silently from a speak() outside a user gesture,
   * with no event at all (WebKit SpeechSynthesis.cpp, RequireUserGestureForSpeechStart). The
   * utterance is left alone: should it start after all, the state goes back to `playing`.
   */
  private armStartTimer(generation: number): void {
    clearTimeout(this.startTimer);
    this.startTimer = setTimeout(() => {
      this.startTimer = undefined;
      if (generation !== this.generation || this.everStarted || this._state !== 'playing') return;
      this.setState('blocked', 'blocked');
      this.fail('blocked', null);
    }, this.firstStartTimeoutMs);
  }

  private clearUtteranceTimers(): void {
    clearTimeout(this.watchdog);
    clearTimeout(this.startTimer);
    this.watchdog = undefined;
    this.startTimer = undefined;
  }

  // ---- Voices --------------------------------------------------------------------------------

  /**
   * The first `getVoices()` was empty: Chrome and Safari fill the list asynchronously and fire
   * `voiceschanged`, which may never come (docs/web-speech.md §1.1). Wait for it, then poll; an
   * empty list after that is the answer.
   */
  private waitForVoices(): void {
    let polls = 0;
    const check = (): void => {
      this.voiceTimer = undefined;
      if (this.disposed || !this.voicesLoading) return;
      this.refreshVoices('list');
      if (!this.voicesLoading) return;
      if (polls < this.voicePolls) {
        polls++;
        this.voiceTimer = setTimeout(check, this.voicePollMs);
        return;
      }
      this.voicesLoading = false;
      this.refreshVoices('list');
    };
    this.voiceTimer = setTimeout(check, this.voiceWaitMs);
  }

  /**
   * Reads the platform's list and chooses the voice again. Runs on every `voiceschanged`: the list
   * grows (Edge on macOS lists more voices after the first utterance) and shrinks (Chrome hides
   * network voices offline and on cellular, `tts_controller_impl.cc` OnNetworkChanged). A new
   * choice applies from the next utterance; when the list (not the user) changed the voice in use,
   * a `notice` says so.
   */
  private refreshVoices(cause: 'list' | 'user'): void {
    const synth = synthesis();
    if (!synth) return;
    const list = synth.getVoices();
    this.platformVoices = list;
    if (list.length > 0 && this.voicesLoading) {
      this.voicesLoading = false;
      clearTimeout(this.voiceTimer);
      this.voiceTimer = undefined;
    }
    const voices = chineseVoices(list).map(toVoiceInfo);
    // Voices that failed are avoided, unless nothing else is left.
    const chosen =
      pickVoice(list, this.remembered, this.failedVoices) ?? pickVoice(list, this.remembered);
    const status: VoiceStatus = chosen ? 'ready' : this.voicesLoading ? 'loading' : 'missing';

    const previous = this._voice;
    const voiceChanged = !sameVoice(previous, chosen);
    const changed =
      voiceChanged || status !== this._voiceStatus || voiceKeys(voices) !== voiceKeys(this._voices);
    this._voices = voices;
    this._voiceStatus = status;
    this.usePlatformVoice(chosen);
    if (changed) this.dispatchVoices();
    if (voiceChanged && previous && cause === 'list') {
      const stillListed = list.some((v) => sameVoice(v, previous));
      const kind: SpeechNoticeKind = stillListed ? 'voice-changed' : 'voice-unavailable';
      this.dispatchEvent(new SpeechNoticeEvent(kind, previous, this._voice));
    }
  }

  private usePlatformVoice(voice: SpeechSynthesisVoice | null): void {
    if (!sameVoice(voice, this._voice)) this.voiceSpeed = WATCHDOG_FIRST_SPEED;
    this.platformVoice = voice;
    this._voice = voice ? toVoiceInfo(voice) : null;
  }

  private dispatchVoices(): void {
    this.dispatchEvent(new SpeechVoicesEvent(this._voices, this._voice, this._voiceStatus));
  }

  // ---- Helpers -------------------------------------------------------------------------------

  private setState(state: PlaybackState, reason: StateChangeReason): void {
    if (state === this._state) return;
    const previous = this._state;
    this._state = state;
    this.dispatchEvent(new SpeechStateEvent(state, previous, reason));
  }

  private emitSentence(index: number): void {
    const sentence = this._sentences[index];
    if (index === this.shown || !sentence) return;
    this.shown = index;
    this.dispatchEvent(new SpeechSentenceEvent(index, sentence));
  }

  private fail(kind: SpeechErrorKind, code: string | null): void {
    this.dispatchEvent(new SpeechErrorEvent(kind, code, this._index));
  }

  private clampIndex(index: number): number {
    const last = this._sentences.length - 1;
    if (last < 0 || !Number.isFinite(index)) return 0;
    return Math.min(last, Math.max(0, Math.trunc(index)));
  }
}

function voiceKeys(voices: readonly VoiceInfo[]): string {
  return voices.map((v) => `${v.name}\u0000${v.lang}\u0000${v.localService}`).join('\u0001');
}
