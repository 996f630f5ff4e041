import { createContext } from '@lit/context';
import type { LibraryIndex } from '../library/types.ts';
import type { SpeechEngine } from '../speech/engine.ts';
import type { Settings } from '../storage/settings.ts';

/**
 * The app's contexts: calm state only. `@lit/context` re-renders every consumer whenever a
 * provider sets a new value (compared with `Object.is`), so nothing here changes per sentence.
 * Busy playback state (the current sentence, playing/paused) reaches components through
 * `SpeechProgressController`, which listens to the engine itself.
 *
 * All three are provided by <tts-app>.
 */

/** The bundled library: loading, loaded or failed. A new value only when loading ends. */
export type LibraryState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly index: LibraryIndex }
  | { readonly status: 'error' };

/** The bundled library (`articles/index.json`). Consumed by <tts-library>. */
export const libraryContext = createContext<LibraryState>(Symbol('tingdu.library'));

/**
 * The listener's settings (rate, voice): an immutable snapshot from `SettingsStore`, replaced when
 * the listener changes a setting. Consumed by <tts-library> (listening time at the chosen rate)
 * and <tts-player> (rate slider, voice choice). Changes go up as RateChangeEvent/VoiceChangeEvent.
 */
export const settingsContext = createContext<Settings>(Symbol('tingdu.settings'));

/**
 * The one `SpeechEngine` instance, created by <tts-app> and never replaced. Components call its
 * methods straight from their event handlers (play() must run synchronously inside the gesture)
 * and observe it through `SpeechProgressController`, never through this context's updates.
 */
export const engineContext = createContext<SpeechEngine>(Symbol('tingdu.engine'));
