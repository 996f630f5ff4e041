/**
 * The speech engine and its helpers: what the UI imports.
 *
 *     import { SpeechEngine, RATE_PRESETS } from '../speech/index.ts';
 */
export { SpeechEngine, type SpeechEngineOptions } from './engine.ts';
export {
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
export { clampRate, RATE_DEFAULT, RATE_MAX, RATE_MIN, RATE_PRESETS, RATE_STEP } from './rate.ts';
export { chineseVoices, isCantonese, isMandarin, normaliseLang, pickVoice, sameVoice } from './voices.ts';
export type {
  PlaybackState,
  SpeechProgress,
  SpeechSentence,
  SpeechSentenceInput,
  StateChangeReason,
  VoiceChoice,
  VoiceInfo,
  VoiceStatus,
} from './types.ts';
