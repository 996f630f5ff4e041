import type { SentenceSpan } from './types.ts';

/**
 * Splits one clean paragraph into the sentences the reader highlights and speaks.
 *
 * A sentence ends at 。！？ (and ! ? . in Latin text), at an ellipsis (……), and at a ； that
 * closes a long clause of a list, so that long enumerations read aloud in breaths. Closing quotes
 * and brackets after the mark stay with their sentence (`……到哪里。”`); an opening quote or bracket
 * never ends one.
 *
 * `Intl.Segmenter('zh', { granularity: 'sentence' })` does the Unicode (UAX #29) work where the
 * runtime has it. ICU counts opening punctuation as `Close` (rule SB9), so it attaches the `“` that
 * follows a `。` to the previous sentence (`他说完了。“` / `你好。”`); that is undone below. ICU does
 * not split at …… or ；, and splits after `Mr.`: both are handled here too.
 */
export function splitSentences(paragraph: string): SentenceSpan[] {
  const coarse = segmenter ? segmentInPieces(paragraph) : segmentWithRegExp(paragraph);
  const spans: SentenceSpan[] = [];
  for (const [start, end] of coarse) {
    for (const [s, e] of splitFurther(paragraph, start, end)) pushTrimmed(spans, paragraph, s, e);
  }
  return mergeFragments(spans, paragraph);
}

/** Opening quotes and brackets: they start a sentence, they never end one. */
const OPENERS = '“‘「『（(《〈【〔［[｛{';
/** Closing quotes and brackets that stay with the mark before them. */
const CLOSERS = '”’」』）)》〉】〕］]｝}"\'';
/** Characters that are not worth a sentence of their own. */
const PUNCTUATION_ONLY = /^[\s\p{P}\p{S}]*$/u;
/** A Latin abbreviation before a full stop, after which ICU splits wrongly. */
const ABBREVIATION = /(?:^|[^\p{L}])(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|No|vs|etc|Inc|Ltd|Co|[A-Z])\.$/u;

const segmenter: Intl.Segmenter | null =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh-CN', { granularity: 'sentence' }) : null;

/**
 * V8's Intl.Segmenter slows down badly on long strings (a 100,000-character paragraph took
 * seconds: each step seems to cost in proportion to the string past 64K UTF-16 units), so long
 * paragraphs are segmented in pieces of a few thousand characters, cut after a sentence end.
 */
const PIECE = 2000;

function segmentInPieces(text: string): Array<[number, number]> {
  if (text.length <= PIECE * 2) return segmentWithIntl(text);
  const out: Array<[number, number]> = [];
  let from = 0;
  while (from < text.length) {
    let cut = text.length;
    if (text.length - from > PIECE * 2) {
      cut = -1;
      for (let i = from + PIECE; i < text.length - 1 && i < from + PIECE * 2; i++) {
        if ('。！？'.includes(text[i]!)) {
          let j = i + 1;
          while (j < text.length && CLOSERS.includes(text[j]!)) j++;
          cut = j;
          break;
        }
      }
      if (cut < 0) cut = from + PIECE * 2; // no sentence end in reach: a hard cut
    }
    for (const [a, b] of segmentWithIntl(text.slice(from, cut))) out.push([a + from, b + from]);
    from = cut;
  }
  return out;
}

function segmentWithIntl(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let carry = -1; // start of opening punctuation moved over from the previous segment
  for (const { index, segment } of segmenter!.segment(text)) {
    const start = carry >= 0 ? carry : index;
    let end = index + segment.length;
    carry = -1;
    // Move trailing opening punctuation (and the white space around it) to the next sentence.
    let cut = end;
    while (cut > start && (OPENERS.includes(text[cut - 1]!) || /\s/.test(text[cut - 1]!))) cut--;
    if (cut < end && cut > start && OPENERS.includes(text.slice(cut, end).trim().charAt(0))) {
      carry = cut;
      end = cut;
    }
    if (end > start) out.push([start, end]);
    else carry = start;
  }
  if (carry >= 0 && carry < text.length) out.push([carry, text.length]);
  return out;
}

/** Fallback where Intl.Segmenter is missing (Firefox before 125, old Safari). */
function segmentWithRegExp(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /[^。！？!?]*(?:[。！？!?]+[”’」』）)》〉】〕］]*|$)/gu;
  for (const m of text.matchAll(re)) {
    if (m[0].length > 0) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/** Clause ends worth a breath: …… always, ； after a long clause when a long one follows. */
const LONG_CLAUSE = 24;
const LONG_REST = 12;

function splitFurther(text: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = start;
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    let cutAt = -1;
    if (ch === '…' || ch === '⋯') {
      let j = i;
      while (j < end && (text[j] === '…' || text[j] === '⋯')) j++;
      j = skipClosers(text, j, end);
      // Only where more text follows and it is not the quote's own ending.
      if (j < end && j - from > 1) cutAt = j;
      i = j - 1;
    } else if (ch === '；' || ch === ';') {
      const j = skipClosers(text, i + 1, end);
      if (j - from >= LONG_CLAUSE && end - j >= LONG_REST && !insideQuote(text, Math.max(from, i - 400), i)) cutAt = j;
    } else if (ch === '.' && i + 1 < end && /\s/.test(text[i + 1]!) && /\p{Script=Han}/u.test(text[i + 2] ?? '')) {
      cutAt = i + 1; // a Latin full stop followed by Chinese
    }
    if (cutAt > from) {
      out.push([from, cutAt]);
      from = cutAt;
    }
  }
  if (from < end) out.push([from, end]);
  return out;
}

function skipClosers(text: string, i: number, end: number): number {
  while (i < end && CLOSERS.includes(text[i]!)) i++;
  return i;
}

/** True when more “ than ” (or 《 than 》…) are open between `from` and `at`. */
function insideQuote(text: string, from: number, at: number): boolean {
  let depth = 0;
  for (let i = from; i < at; i++) {
    const ch = text[i]!;
    if ('“‘「『（(《'.includes(ch)) depth++;
    else if ('”’」』）)》'.includes(ch)) depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

function pushTrimmed(spans: SentenceSpan[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) spans.push({ start, end, text: text.slice(start, end) });
}

/** Joins pieces that are not sentences: lone punctuation, and ICU's split after an abbreviation. */
function mergeFragments(spans: SentenceSpan[], text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  for (const span of spans) {
    const prev = out[out.length - 1];
    // Only the end of the previous sentence can be an abbreviation: test its tail, not all of it
    // (a paragraph can be 100,000 characters long).
    if (prev && (PUNCTUATION_ONLY.test(span.text) || ABBREVIATION.test(prev.text.slice(-12)))) {
      prev.end = span.end;
      prev.text = text.slice(prev.start, prev.end);
    } else {
      out.push({ ...span });
    }
  }
  return out;
}
