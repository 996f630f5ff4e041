/**
 * How long Chinese speech takes, for the watchdog and the "time left" estimate.
 *
 * Mandarin news is read at about 224 ms per character, i.e. 4.5 characters per second at rate 1
 * (Lee & Chan 2003; CCTV reads 250–270 characters a minute). docs/web-speech.md §1.3.
 */
export const CHARS_PER_SECOND = 4.5;
/** Extra time per punctuation mark: voices pause at ，。 and the like. */
export const PAUSE_PER_MARK_SECONDS = 0.3;

const SPOKEN = /[\p{L}\p{N}]/gu;
const MARKS = /\p{P}/gu;

/** Number of characters that take speaking time: letters (Han included) and digits. */
export function spokenLength(text: string): number {
  return text.match(SPOKEN)?.length ?? 0;
}

/** Number of punctuation marks, each worth a short pause. */
export function markCount(text: string): number {
  return text.match(MARKS)?.length ?? 0;
}

/**
 * Seconds a voice should need for `text` at `rate`:
 * `chars / (speed × rate) + 0.3 s × punctuation marks`, speed 4.5 characters a second unless a
 * slower one was measured.
 */
export function estimateSeconds(text: string, rate: number, charsPerSecond = CHARS_PER_SECOND): number {
  return spokenLength(text) / (charsPerSecond * rate) + PAUSE_PER_MARK_SECONDS * markCount(text);
}

/**
 * Milliseconds to wait for an utterance's `end` or `error` before giving up on it:
 * `2 × estimate + 3 s`. Events can go missing altogether (Chrome's Google voices stop after
 * ~15 s without an event, crbug 679437; cancelled utterances may never get one), so every
 * utterance gets this watchdog.
 */
export function watchdogMs(text: string, rate: number, charsPerSecond = CHARS_PER_SECOND): number {
  return Math.round((2 * estimateSeconds(text, rate, charsPerSecond) + 3) * 1000);
}

/** The speed the watchdog assumes before it has measured the voice (characters a second at rate 1). */
export const WATCHDOG_FIRST_SPEED = 3;

/** The slowest speed the watchdog assumes, whatever was measured (characters a second at rate 1). */
export const MIN_CHARS_PER_SECOND = 1.5;

/**
 * A voice's speed measured on one utterance: spoken characters per second at rate 1 (pauses
 * included, which errs on the slow side), or `null` when the utterance is too short to tell.
 * espeak-ng's Mandarin voice, measured on Linux Chromium, reads 2.1–2.6 characters a second at
 * rate 1, about half the 4.5 of a newsreader: a watchdog assuming 4.5 would cut its long clauses.
 */
export function measuredSpeed(text: string, rate: number, seconds: number): number | null {
  const chars = spokenLength(text);
  if (chars < 4 || seconds < 0.5) return null;
  return Math.max(MIN_CHARS_PER_SECOND, chars / (seconds * rate));
}
