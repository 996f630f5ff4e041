import { vi } from 'vitest';
import type { VoiceInfo } from '../types.ts';

/**
 * A fake `speechSynthesis` for unit tests (node environment), driven by Vitest's fake timers.
 *
 * It behaves like Chrome where that matters to the engine (docs/web-speech.md §1.9, §1.10):
 * - a FIFO queue; the head fires `start` after `startDelayMs` and `end` after
 *   `msPerChar × length / rate` more;
 * - `cancel()` gives the head `error: interrupted` (started) or `error: canceled` (not started)
 *   asynchronously, and the rest of the queue gets no event at all;
 * - `not-allowed` and other errors fire asynchronously.
 *
 * Everything spoken is recorded in `spoken`, every call in `calls`.
 */

/** The events an utterance gets: `start`, `end`, `boundary` (SpeechSynthesisEvent's fields). */
export class FakeSpeechEvent extends Event {
  constructor(
    type: string,
    readonly utterance: FakeUtterance,
    readonly charIndex = 0,
    readonly charLength = 0,
    readonly name = '',
    readonly elapsedTime = 0,
  ) {
    super(type);
  }
}

/** `error` events (SpeechSynthesisErrorEvent's fields). */
export class FakeSpeechErrorEvent extends FakeSpeechEvent {
  constructor(
    utterance: FakeUtterance,
    readonly error: string,
  ) {
    super('error', utterance);
  }
}

/** Stands in for SpeechSynthesisUtterance. */
export class FakeUtterance extends EventTarget {
  text: string;
  lang = '';
  voice: VoiceInfo | null = null;
  rate = 1;
  pitch = 1;
  volume = 1;
  constructor(text = '') {
    super();
    this.text = text;
  }
}

/** One speak() call as recorded. */
export interface SpokenRecord {
  text: string;
  rate: number;
  lang: string;
  /** The voice's name, `null` when none was set. */
  voice: string | null;
  /** `Date.now()` (faked) at the call. */
  at: number;
  utterance: FakeUtterance;
}

/** What the next speak() does instead of speaking normally. */
export type FakeOutcome =
  /** Fires `error` with this code after `startDelayMs` (e.g. `not-allowed`, `synthesis-failed`). */
  | { error: string; afterStart?: boolean }
  /** Never fires anything (a wedged engine, or iOS dropping a speak() outside a gesture). */
  | { hang: 'silent' }
  /** Fires `start`, then nothing (Chrome's network voices cut off after ~15 s). */
  | { hang: 'after-start' };

export class FakeSynthesis extends EventTarget {
  voices: VoiceInfo[] = [];
  /** Milliseconds of speech per UTF-16 unit at rate 1. */
  msPerChar = 100;
  startDelayMs = 10;
  /** When false, nothing happens on its own: drive the head with start()/end()/fail(). */
  auto = true;
  /** Record of every speak() call, in order. */
  readonly spoken: SpokenRecord[] = [];
  /** Every call, in order: `speak:<text>`, `cancel`, `pause`, `resume`, `getVoices`. */
  readonly calls: string[] = [];
  private queue: FakeUtterance[] = [];
  private started = false;
  /** Whether the head has been set going (its timers armed, or waiting for manual control). */
  private running = false;
  private timers: Array<ReturnType<typeof setTimeout>> = [];
  private outcomes: FakeOutcome[] = [];

  get speaking(): boolean {
    return this.queue.length > 0;
  }

  get pending(): boolean {
    return this.queue.length > 1;
  }

  readonly paused = false;

  /** The utterance at the head of the queue (speaking or about to). */
  get current(): FakeUtterance | null {
    return this.queue[0] ?? null;
  }

  getVoices(): VoiceInfo[] {
    this.calls.push('getVoices');
    return [...this.voices];
  }

  speak(utterance: FakeUtterance): void {
    this.calls.push(`speak:${utterance.text}`);
    this.spoken.push({
      text: utterance.text,
      rate: utterance.rate,
      lang: utterance.lang,
      voice: utterance.voice?.name ?? null,
      at: Date.now(),
      utterance,
    });
    this.queue.push(utterance);
    if (!this.running) this.runHead();
  }

  cancel(): void {
    this.calls.push('cancel');
    const head = this.queue[0];
    const wasStarted = this.started;
    this.clearTimers();
    this.queue = [];
    this.started = false;
    this.running = false;
    // Chrome: the head gets interrupted/canceled, later; queued utterances get nothing.
    if (head) setTimeout(() => head.dispatchEvent(new FakeSpeechErrorEvent(head, wasStarted ? 'interrupted' : 'canceled')), 0);
  }

  pause(): void {
    this.calls.push('pause');
  }

  resume(): void {
    this.calls.push('resume');
  }

  /** Replaces the voice list; fires `voiceschanged` unless told not to. */
  setVoices(voices: readonly VoiceInfo[], fire = true): void {
    this.voices = voices.map((v) => ({ ...v }));
    if (fire) this.dispatchEvent(new Event('voiceschanged'));
  }

  /** The next speak() calls behave like this, in order. */
  willDo(...outcomes: FakeOutcome[]): void {
    this.outcomes.push(...outcomes);
  }

  /** Fires `start` on the head now (manual mode). */
  start(): void {
    const head = this.queue[0];
    if (!head || this.started) return;
    this.started = true;
    head.dispatchEvent(new FakeSpeechEvent('start', head));
  }

  /** Fires `end` on the head now and moves on (manual mode). */
  end(): void {
    const head = this.queue[0];
    if (!head) return;
    this.settleHead();
    head.dispatchEvent(new FakeSpeechEvent('end', head));
    this.runNext();
  }

  /** Fires `error` with `code` on the head now, as the platform would (screen lock: `interrupted`). */
  fail(code: string): void {
    const head = this.queue[0];
    if (!head) return;
    this.settleHead();
    head.dispatchEvent(new FakeSpeechErrorEvent(head, code));
    this.runNext();
  }

  /** Fires `boundary` on the head. */
  boundary(charIndex: number, charLength: number, name = 'word'): void {
    const head = this.queue[0];
    if (head) head.dispatchEvent(new FakeSpeechEvent('boundary', head, charIndex, charLength, name));
  }

  private runHead(): void {
    const head = this.queue[0];
    if (!head) return;
    this.started = false;
    this.running = true;
    const outcome = this.outcomes.shift();
    if (outcome && 'hang' in outcome) {
      if (outcome.hang === 'after-start') this.later(this.startDelayMs, () => this.start());
      return;
    }
    if (outcome) {
      if (outcome.afterStart) this.later(this.startDelayMs, () => this.start());
      this.later(this.startDelayMs + (outcome.afterStart ? 1 : 0), () => this.fail(outcome.error));
      return;
    }
    if (!this.auto) return;
    const duration = Math.round((this.msPerChar * head.text.length) / head.rate);
    this.later(this.startDelayMs, () => this.start());
    this.later(this.startDelayMs + duration, () => this.end());
  }

  private runNext(): void {
    if (!this.running && this.queue.length > 0) this.runHead();
  }

  private settleHead(): void {
    this.clearTimers();
    this.queue.shift();
    this.started = false;
    this.running = false;
  }

  private later(ms: number, action: () => void): void {
    this.timers.push(setTimeout(action, ms));
  }

  private clearTimers(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
  }
}

/**
 * Installs a FakeSynthesis as `globalThis.speechSynthesis` (and FakeUtterance as
 * `SpeechSynthesisUtterance`) with the given voices already listed. Undo with
 * `vi.unstubAllGlobals()`.
 */
export function installFakeSynthesis(voices: readonly VoiceInfo[] = []): FakeSynthesis {
  const fake = new FakeSynthesis();
  fake.setVoices(voices, false);
  vi.stubGlobal('speechSynthesis', fake);
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
  return fake;
}

/** A voice for tests. */
export function voice(name: string, lang: string, localService = true, isDefault = false): VoiceInfo {
  return { name, lang, localService, default: isDefault, voiceURI: name };
}
