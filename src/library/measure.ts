import { splitSentences } from '../clean/sentences.ts';
import type { Article } from '../clean/types.ts';

/** Characters a listener hears: headings and paragraphs, without white space. */
export function countChars(article: Article): number {
  let n = 0;
  for (const section of article.sections) {
    if (section.heading) n += section.heading.replace(/\s/g, '').length;
    for (const p of section.paragraphs) n += p.replace(/\s/g, '').length;
  }
  return n;
}

/** Sentences the reader speaks: each heading counts as one, then the sentences of each paragraph. */
export function countSentences(article: Article): number {
  let n = 0;
  for (const section of article.sections) {
    if (section.heading) n += 1;
    for (const p of section.paragraphs) n += splitSentences(p).length;
  }
  return n;
}

/**
 * Mandarin news is read at about 4.5 characters a second (≈ 224 ms a character, Lee & Chan 2003;
 * CCTV news runs at 250–270 characters a minute). Returns whole seconds at the given rate.
 */
export const CHARS_PER_SECOND = 4.5;

export function listeningSeconds(chars: number, rate = 1): number {
  return Math.round(chars / (CHARS_PER_SECOND * rate));
}
