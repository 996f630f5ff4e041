/**
 * The speech engine's public contract. The engine (src/speech/engine.ts) is framework-free: it wraps
 * `window.speechSynthesis` behind an EventTarget and knows nothing about Lit or the DOM tree.
 */

/** One unit the reader highlights and speaks: a sentence of a paragraph of an article. */
export interface SpeechSentence {
  /** The text shown (and highlighted). */
  text: string;
  /**
   * The text to speak: the shown text with numbers, units and symbols in words (see
   * src/speech/normalise.ts). `boundary` offsets are offsets into this text.
   */
  spoken: string;
  /** Spoken as structure (a title, a heading): with a pause before and after it. */
  pause: boolean;
  /** Index of the paragraph this sentence belongs to, counted over the whole article (0-based). */
  paragraph: number;
}

/** What the engine is doing. */
export type PlaybackState =
  /** Nothing loaded, or loaded and never started / finished. */
  | 'idle'
  /** Speaking (or about to: between sentences). */
  | 'playing'
  /** Stopped by the user or by the platform; `resume()` re-speaks the current sentence. */
  | 'paused'
  /** The browser refused to start without a gesture (`not-allowed`): the UI must ask for a tap. */
  | 'blocked'
  /** Speaking failed and retries/voice switches did not help. */
  | 'error';

/** A voice as the app shows and stores it (a plain copy of SpeechSynthesisVoice's fields). */
export interface VoiceInfo {
  name: string;
  lang: string;
  localService: boolean;
  default: boolean;
  voiceURI: string;
}

/** How a remembered voice is stored: by name and language (voiceURI is neither unique nor stable). */
export interface VoiceChoice {
  name: string;
  lang: string;
}

/**
 * A sentence as `SpeechEngine.load()` takes it: a SpeechSentence, or a reading-script sentence
 * (src/library/script.ts), whose `block` plays the part of `paragraph`. Without `spoken`, the text
 * is spoken as shown; without `pause`, there is none.
 */
export type SpeechSentenceInput = (
  | { readonly text: string; readonly paragraph: number }
  | { readonly text: string; readonly block: number }
) & { readonly spoken?: string; readonly pause?: boolean };

/**
 * Whether there is a voice to read Mandarin with.
 * - `loading`: the platform has not listed its voices yet (Chrome lists them 3–5 s after start);
 *   `play()` still speaks, with `lang = 'zh-CN'` and the platform's choice of voice.
 * - `ready`: a voice is chosen (`SpeechEngine.voice`).
 * - `missing`: the list is known and has no Mandarin voice (nor a remembered voice): the UI says so
 *   plainly and shows how to add one; `play()` refuses with a `no-voice` error.
 * - `unsupported`: the browser has no `speechSynthesis` at all.
 */
export type VoiceStatus = 'loading' | 'ready' | 'missing' | 'unsupported';

/** Why the playback state changed (for the status message the UI announces). */
export type StateChangeReason =
  /** A call of the API: play, pause, stop, seek… */
  | 'user'
  /** `load()` of new sentences. */
  | 'load'
  /** The last sentence was spoken. */
  | 'ended'
  /** The platform stopped the speech (`interrupted`/`canceled` we did not cause: screen lock, another tab). */
  | 'interrupted'
  /** The browser refused to speak without a user gesture. */
  | 'blocked'
  /** Speaking failed after a retry and a voice switch. */
  | 'failed'
  /** Speech started after all, after the engine had given up waiting for it (state `blocked`). */
  | 'started';

/** Where the reader is, for "第 N 句，共 M 句" and the time left. */
export interface SpeechProgress {
  /** The current sentence, 0-based (`-1` when nothing is loaded). */
  index: number;
  /** The current sentence, 1-based (0 when nothing is loaded). */
  position: number;
  /** Number of sentences. */
  count: number;
  /**
   * Estimated seconds from the start of the current sentence to the end at the current rate:
   * spoken characters / (4.5 × rate). An estimate: voices differ.
   */
  secondsLeft: number;
}
