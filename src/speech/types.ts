/**
 * The speech engine's public contract. The engine (src/speech/engine.ts) is framework-free: it wraps
 * `window.speechSynthesis` behind an EventTarget and knows nothing about Lit or the DOM tree.
 */

/** One unit the reader highlights and speaks: a sentence of a paragraph of an article. */
export interface SpeechSentence {
  /** The text to speak (and to highlight). */
  text: string;
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
