import { createContext } from '@lit/context';
import type { EditionDownloads } from '../archive/downloads.ts';
import type { ListeningOptions } from '../archive/listening.ts';
import type { EditionList } from '../library/types.ts';
import type { SpeechEngine } from '../speech/engine.ts';
import type { ImportedStore } from '../storage/imported.ts';
import type { PositionStore } from '../storage/positions.ts';
import type { Settings } from '../storage/settings.ts';

/**
 * The app's contexts: calm state only. `@lit/context` re-renders every consumer whenever a
 * provider sets a new value (compared with `Object.is`), so nothing here changes per sentence.
 * Busy playback state (the current sentence, playing/paused) reaches components through
 * `SpeechProgressController`, which listens to the engine itself.
 *
 * Provided by <tts-app>; the engine and the listening options by its reader view
 * (src/app/reading-session.ts), once loaded.
 */

/**
 * The bundled archive's edition list (the latest edition's articles in it): loading, loaded or
 * failed. A new value only when loading ends.
 */
export type LibraryState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly editions: EditionList }
  | { readonly status: 'error' };

/** The bundled archive (`articles/editions.json`). Consumed by <tts-library>. */
export const libraryContext = createContext<LibraryState>(Symbol('tingdu.library'));

/**
 * The listener's settings (rate, voice, theme, text size, keep the screen on): an immutable snapshot from `SettingsStore`, replaced when
 * the listener changes a setting. Consumed by <tts-library> (listening time at the chosen rate),
 * <tts-player> (rate slider, voice choice) and <tts-settings-dialog>. Changes go up as
 * RateChangeEvent/VoiceChangeEvent/PreferencesChangeEvent.
 */
export const settingsContext = createContext<Settings>(Symbol('tingdu.settings'));

/**
 * The one `SpeechEngine` instance, created with the reader view and never replaced. Components call its
 * methods straight from their event handlers (play() must run synchronously inside the gesture)
 * and observe it through `SpeechProgressController`, never through this context's updates.
 */
export const engineContext = createContext<SpeechEngine>(Symbol('tingdu.engine'));

/**
 * The reading positions: the one `PositionStore` instance, never replaced. Positions change at
 * every sentence, so they are not the context's value: consumers read the store and listen to its
 * `PositionsChangeEvent` (PositionsController), and only <tts-library> does (progress per article,
 * 继续收听), while no article is being read.
 */
export const positionsContext = createContext<PositionStore>(Symbol('tingdu.positions'));

/**
 * The articles the listener imported: the one `ImportedStore` instance, or null until the shell
 * loads it (at start when the device holds any, else with the first import); never replaced once
 * there. Its list
 * changes only when an import or a deletion is done; consumers read the store and listen to its
 * `ImportedChangeEvent` (ImportedController). Consumed by <tts-library>, which lists them with the
 * bundled ones. Imports and deletions are asked of the shell (ImportRequestEvent,
 * DeleteRequestEvent), which writes to the store.
 */
export const importedContext = createContext<ImportedStore | null>(Symbol('tingdu.imported'));

/**
 * The editions kept on the device (`下载本期`): the one `EditionDownloads` instance, never
 * replaced. Consumers read its states and listen to its `DownloadsChangeEvent`
 * (DownloadsController). Consumed by <tts-library>.
 */
export const downloadsContext = createContext<EditionDownloads>(Symbol('tingdu.downloads'));

/**
 * 连续播放 and 睡眠定时: the one `ListeningOptions` instance (from the shell's
 * ContinuousPlayController), never replaced. Consumers read it and listen to its
 * `ListeningChangeEvent`; consumed by <tts-listening-options> in the player.
 */
export const listeningContext = createContext<ListeningOptions>(Symbol('tingdu.listening'));
