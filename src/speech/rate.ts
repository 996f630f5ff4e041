/**
 * Speaking rate: `SpeechSynthesisUtterance.rate`, 1 = the voice's normal speed.
 *
 * The range stops at 2 because WebKit maps web rate 2.0 to AVSpeechSynthesizer's maximum and
 * ignores anything above (WebKit `PlatformSpeechSynthesizerCocoa.mm`, `mapSpeechRateToPlatformRate`;
 * docs/web-speech.md §1.8). Note that Chrome on Windows (SAPI) rounds `10·log10(rate)` to an
 * integer, so rates between about 0.8 and 1.25 all sound the same there.
 */
export const RATE_MIN = 0.5;
export const RATE_MAX = 2;
export const RATE_STEP = 0.05;
export const RATE_DEFAULT = 1;

/** The rates offered as one-tap presets, slowest first. */
export const RATE_PRESETS: readonly number[] = [0.75, 1, 1.25, 1.5, 2];

/**
 * Clamps a rate to [RATE_MIN, RATE_MAX] and rounds it to RATE_STEP, so that `1.2500000001` from a
 * slider and `1.25` compare equal. Anything that is not a finite number gives RATE_DEFAULT.
 */
export function clampRate(rate: number): number {
  if (!Number.isFinite(rate)) return RATE_DEFAULT;
  const clamped = Math.min(RATE_MAX, Math.max(RATE_MIN, rate));
  return Number((Math.round(clamped / RATE_STEP) * RATE_STEP).toFixed(2));
}
