/**
 * Long sentences are spoken in clause-sized pieces.
 *
 * Chrome's network voices ("Google 普通话（中国大陆）") stop after about 14–15 s of one utterance,
 * with no event and `speaking` left `true` (crbug 679437, crbug 369472; docs/web-speech.md §1.3).
 * At 4.5 characters a second that is about 60 characters at rate 1. Short utterances also mean
 * that less is repeated after a pause, which restarts the utterance.
 *
 * The sentence stays the unit the reader highlights: the engine speaks its chunks one after the
 * other and moves the highlight only when the next sentence starts.
 */

/** No chunk limit goes below this, whatever the rate. */
export const MIN_CHUNK_CHARS = 20;

/**
 * The longest utterance, in UTF-16 code units, for a rate: `round(40 × min(rate, 1.5))`, at least
 * MIN_CHUNK_CHARS. About 9 s of speech at any rate, well below Chrome's 15 s cut-off; above 1.5 the
 * limit stops growing so that a pause does not throw away a long stretch.
 */
export function maxChunkChars(rate: number): number {
  const r = Number.isFinite(rate) && rate > 0 ? rate : 1;
  return Math.max(MIN_CHUNK_CHARS, Math.round(40 * Math.min(r, 1.5)));
}

/** Where a clause ends and a voice pauses anyway: split after these first. */
const STRONG = new Set([...'，；。！？,;!?']);
/** Weaker breaks: after a colon, an enumeration comma, a dash or an ellipsis. */
const WEAK = new Set([...'：、:—…']);
/** Closing quotes and brackets stay with the mark before them (`……好，”他说`). */
const CLOSERS = new Set([...'”’」』）)》〉】〕］]｝}"\'']);
/** A chunk made only of these is not worth an utterance of its own. */
const NOTHING_TO_SAY = /^[\s\p{P}\p{S}]*$/u;
const WORD_CHAR = /[A-Za-z0-9]/;

/**
 * Splits a sentence into utterances no longer than `maxChunkChars(rate)`.
 *
 * Contract:
 * - the chunks, joined, give back `text` exactly (so a chunk's offset in the sentence is the
 *   total length of the chunks before it);
 * - a sentence within the limit is returned as `[text]`; the empty string gives `[]`;
 * - a split falls after the last `，；。！？` of the window if it is not too close to its start,
 *   else after the last `：、—…`, else after any of those marks, else (a run without punctuation)
 *   the piece is cut into equal parts, never inside a surrogate pair and, when possible, not inside
 *   a run of Latin letters or digits;
 * - closing quotes and brackets stay with the mark before them, so a chunk may exceed the limit by
 *   those few characters; a trailing piece of punctuation only is merged into the previous chunk.
 */
export function chunkSentence(text: string, rate: number): string[] {
  if (text.length === 0) return [];
  const max = maxChunkChars(rate);
  if (text.length <= max) return [text];

  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = cutPoint(rest, max);
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.length > 0) {
    if (chunks.length > 0 && NOTHING_TO_SAY.test(rest)) chunks[chunks.length - 1] += rest;
    else chunks.push(rest);
  }
  return chunks;
}

/** Length of the first chunk of `text` (longer than `max`). */
function cutPoint(text: string, max: number): number {
  // Do not cut right at the start of the window: a two-character chunk sounds like a stutter.
  const least = Math.floor(max / 3);
  let strong = -1;
  let weak = -1;
  let any = -1;
  for (let i = 0; i < max; i++) {
    const ch = text[i]!;
    const isStrong = STRONG.has(ch);
    if (!isStrong && !WEAK.has(ch)) continue;
    const end = afterClosers(text, i + 1);
    if (end >= text.length) continue; // nothing would be left to speak
    any = end;
    if (end < least) continue;
    if (isStrong) strong = end;
    else weak = end;
  }
  if (strong > 0) return strong;
  if (weak > 0) return weak;
  if (any > 0) return any;
  return hardCut(text, max);
}

/** Index after any closing quotes or brackets that start at `i`. */
function afterClosers(text: string, i: number): number {
  let j = i;
  while (j < text.length && CLOSERS.has(text[j]!)) j++;
  return j;
}

/** A cut in a run without punctuation: equal parts, not inside a surrogate pair or a Latin word. */
function hardCut(text: string, max: number): number {
  const parts = Math.ceil(text.length / max);
  let cut = Math.ceil(text.length / parts);
  // Step back out of a Latin word or number ("2025", "COVID"), at most a few characters.
  for (let back = 0; back < 8 && cut - back > 1; back++) {
    const at = cut - back;
    if (!(WORD_CHAR.test(text[at - 1]!) && WORD_CHAR.test(text[at]!))) {
      cut = at;
      break;
    }
  }
  if (isLowSurrogate(text.charCodeAt(cut)) && isHighSurrogate(text.charCodeAt(cut - 1))) cut -= 1;
  return cut;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
