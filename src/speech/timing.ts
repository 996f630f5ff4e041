/**
 * How long Chinese speech takes, for the watchdog and the "time left" estimate.
 *
 * Mandarin news is read at about 224 ms per character, i.e. 4.5 characters per second at rate 1
 * (Lee & Chan 2003; CCTV reads 250–270 characters a minute). notes/web-speech.md §1.3.
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
 * `chars / (4.5 × rate) + 0.3 s × punctuation marks`.
 */
export function estimateSeconds(text: string, rate: number): number {
  return spokenLength(text) / (CHARS_PER_SECOND * rate) + PAUSE_PER_MARK_SECONDS * markCount(text);
}

/**
 * Milliseconds to wait for an utterance's `end` or `error` before giving up on it:
 * `2 × estimate + 3 s`. Events can go missing altogether (Chrome's Google voices stop after
 * ~15 s without an event, crbug 679437; cancelled utterances may never get one), so every
 * utterance gets this watchdog.
 */
export function watchdogMs(text: string, rate: number): number {
  return Math.round((2 * estimateSeconds(text, rate) + 3) * 1000);
}
