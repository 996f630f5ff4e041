import type { Pronunciation } from '../speech/normalise.ts';
import { RATE_DEFAULT } from '../speech/rate.ts';
import type { VoiceChoice } from '../speech/types.ts';

/**
 * The listener's settings as the app and its components share them: the shape, the choices
 * offered and the defaults. Stored, validated and migrated by src/storage/settings.ts.
 */
export interface Settings {
  /** Speaking rate, `RATE_MIN`…`RATE_MAX` in steps of `RATE_STEP` (src/speech/rate.ts); 1 is normal. */
  readonly rate: number;
  /** The voice the listener picked, by name and language; `null` lets the engine choose. */
  readonly voice: VoiceChoice | null;
  /** Colours: follow the system (`prefers-color-scheme`), or always light, or always dark. */
  readonly theme: Theme;
  /** Size of the article text, a factor of the normal size: one of TEXT_SIZES. */
  readonly textSize: number;
  /** Keep the screen on while reading (Screen Wake Lock). */
  readonly keepAwake: boolean;
  /** The listener's pronunciations (读音词典), checked as src/speech/dictionary.ts checks them. */
  readonly dictionary: readonly Pronunciation[];
  /** Say what a title and a section heading are before reading them (`小标题：…`). */
  readonly announceHeadings: boolean;
  /** Mark the word being said, where the voice reports words (boundary events). */
  readonly wordHighlight: boolean;
}

export type Theme = 'system' | 'light' | 'dark';
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

/** The article text sizes offered, as factors of the normal size (1). */
export const TEXT_SIZES: readonly number[] = [0.9, 1, 1.25, 1.5, 2];

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  rate: RATE_DEFAULT,
  voice: null,
  theme: 'system',
  textSize: 1,
  keepAwake: true,
  dictionary: Object.freeze([]),
  announceHeadings: false,
  wordHighlight: true,
});
