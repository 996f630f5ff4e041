/**
 * A reading position as the app and its components share it, and what it says (read to the end,
 * how much was heard). Stored and validated by src/storage/positions.ts.
 */
export interface ReadingPosition {
  readonly articleId: string;
  /** The sentence being read (0-based); equal to `sentences` once the article was read to its end. */
  readonly sentence: number;
  /** How many sentences the article had when the position was saved (for "已听 35%"). */
  readonly sentences: number;
  /** When it was saved (ms since the epoch). */
  readonly updatedAt: number;
}

/** Whether the article was read to its end. */
export function isFinished(position: ReadingPosition): boolean {
  return position.sentence >= position.sentences;
}

/**
 * How much of the article was heard, in whole percent: the sentences before the one being read.
 * Never 0 once past the first sentence, never 100 until the end was reached.
 */
export function listenedPercent(position: ReadingPosition): number {
  if (isFinished(position)) return 100;
  if (position.sentence === 0) return 0;
  return Math.min(99, Math.max(1, Math.floor((position.sentence / position.sentences) * 100)));
}

