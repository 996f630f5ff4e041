import type { PlaybackState, SpeechSentence, StateChangeReason, VoiceInfo, VoiceStatus } from './types.ts';

/**
 * Events of SpeechEngine. They are dispatched on the engine (an EventTarget, not a DOM node), so
 * they neither bubble nor cross shadow roots; each has its own class with typed fields, and
 * SpeechEngineEventMap types `engine.addEventListener(...)`.
 */

const init: EventInit = { bubbles: false, composed: false, cancelable: false };

/** `statechange`: `SpeechEngine.state` changed. */
export class SpeechStateEvent extends Event {
  static readonly eventName = 'statechange';
  constructor(
    readonly state: PlaybackState,
    readonly previous: PlaybackState,
    readonly reason: StateChangeReason,
  ) {
    super(SpeechStateEvent.eventName, init);
  }
}

/**
 * `sentencechange`: the sentence to highlight (and to save as the reading position) changed.
 *
 * Fired when the engine speaks a sentence (and, were it not already shown, on the utterance's
 * `start`), on `seek()`/`next()`/… in any state, and on `load()`. Never for an utterance that was
 * cancelled. Fired once per change: listeners need not compare.
 */
export class SpeechSentenceEvent extends Event {
  static readonly eventName = 'sentencechange';
  constructor(
    readonly index: number,
    readonly sentence: SpeechSentence,
  ) {
    super(SpeechSentenceEvent.eventName, init);
  }
}

/**
 * `voiceschange`: the list of Chinese voices, the chosen voice or the voice status changed.
 * Carries the engine's new `voices`, `voice` and `voiceStatus`.
 */
export class SpeechVoicesEvent extends Event {
  static readonly eventName = 'voiceschange';
  constructor(
    readonly voices: readonly VoiceInfo[],
    readonly voice: VoiceInfo | null,
    readonly status: VoiceStatus,
  ) {
    super(SpeechVoicesEvent.eventName, init);
  }
}

/** `ratechange`: `SpeechEngine.rate` changed. */
export class SpeechRateEvent extends Event {
  static readonly eventName = 'ratechange';
  constructor(readonly rate: number) {
    super(SpeechRateEvent.eventName, init);
  }
}

/**
 * What a notice is about:
 * - `voice-failed`: speaking failed twice with `from`, so the engine switched to `to`;
 * - `voice-unavailable`: `from` vanished from the platform's list (Chrome drops network voices
 *   offline and on cellular); `to` replaces it, or is `null` when no Mandarin voice is left;
 * - `voice-changed`: the list changed and `to` is now preferred to `from` (e.g. the remembered
 *   voice came back online).
 */
export type SpeechNoticeKind = 'voice-failed' | 'voice-unavailable' | 'voice-changed';

/**
 * `notice`: something the user should hear about in the polite status region, with no action
 * needed. The UI words it (UI strings live in one module).
 */
export class SpeechNoticeEvent extends Event {
  static readonly eventName = 'notice';
  constructor(
    readonly kind: SpeechNoticeKind,
    readonly from: VoiceInfo | null,
    readonly to: VoiceInfo | null,
  ) {
    super(SpeechNoticeEvent.eventName, init);
  }
}

/**
 * What went wrong, and what the UI does about it:
 * - `blocked`: the browser refused to speak without a user gesture (Chrome's `not-allowed`), or
 *   no speech started in time after the first `speak()` (iOS drops it silently). State `blocked`.
 *   UI: a focused "点击继续朗读" button whose click calls `play()` (synchronously, in the handler).
 * - `failed`: speaking failed after a retry and a voice switch. State `error`. UI: `role="alert"`
 *   with "重试" (calls `play()`) and "更换语音" (opens the voice choice).
 * - `no-voice`: `play()` was called and there is no Mandarin voice (`voiceStatus` `missing`).
 *   UI: say so plainly and show how to add a Chinese voice.
 * - `unsupported`: the browser has no speech synthesis.
 */
export type SpeechErrorKind = 'blocked' | 'failed' | 'no-voice' | 'unsupported';

/** `speecherror`: speech cannot go on without the user. */
export class SpeechErrorEvent extends Event {
  static readonly eventName = 'speecherror';
  constructor(
    readonly kind: SpeechErrorKind,
    /** The platform's error code (`not-allowed`, `synthesis-failed`…), `null` when there was none. */
    readonly code: string | null,
    /** The sentence that could not be spoken. */
    readonly index: number,
  ) {
    super(SpeechErrorEvent.eventName, init);
  }
}

/**
 * `boundary`: the voice reached a word (or sentence) inside the current sentence. A bonus: Chrome's
 * Google voices, Chrome Android and Linux never fire boundaries (crbug 40715888, crbug 1122143),
 * so never rely on it for progress. Offsets are UTF-16 code units within the sentence's text.
 */
export class SpeechBoundaryEvent extends Event {
  static readonly eventName = 'boundary';
  constructor(
    readonly index: number,
    readonly charIndex: number,
    /** 0 when the platform does not say (Safari < 16 and others). */
    readonly charLength: number,
    /** `word` or `sentence`, as the platform reports it. */
    readonly name: string,
  ) {
    super(SpeechBoundaryEvent.eventName, init);
  }
}

/** Event types of SpeechEngine. */
export interface SpeechEngineEventMap {
  statechange: SpeechStateEvent;
  sentencechange: SpeechSentenceEvent;
  voiceschange: SpeechVoicesEvent;
  ratechange: SpeechRateEvent;
  notice: SpeechNoticeEvent;
  speecherror: SpeechErrorEvent;
  boundary: SpeechBoundaryEvent;
}
