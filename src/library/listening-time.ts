/**
 * Mandarin news is read at about 4.5 characters a second (≈ 224 ms a character, Lee & Chan 2003;
 * CCTV news runs at 250–270 characters a minute).
 */
export const CHARS_PER_SECOND = 4.5;

/** Estimated listening time in whole seconds at the given rate. */
export function listeningSeconds(chars: number, rate = 1): number {
  return Math.round(chars / (CHARS_PER_SECOND * rate));
}
