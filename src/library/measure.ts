import type { Article } from '../clean/types.ts';
import { readingScript } from './script.ts';

/** Characters a listener hears: title, byline, headings and paragraphs, without white space. */
export function countChars(article: Article): number {
  let n = article.title.replace(/\s/g, '').length + (article.byline ?? '').replace(/\s/g, '').length;
  for (const section of article.sections) {
    if (section.heading) n += section.heading.replace(/\s/g, '').length;
    for (const p of section.paragraphs) n += p.replace(/\s/g, '').length;
  }
  return n;
}

/** Sentences the reader speaks (the length of the article's reading script). */
export function countSentences(article: Article): number {
  return readingScript(article).sentences.length;
}

/**
 * Mandarin news is read at about 4.5 characters a second (≈ 224 ms a character, Lee & Chan 2003;
 * CCTV news runs at 250–270 characters a minute).
 */
export const CHARS_PER_SECOND = 4.5;

/** Estimated listening time in whole seconds at the given rate. */
export function listeningSeconds(chars: number, rate = 1): number {
  return Math.round(chars / (CHARS_PER_SECOND * rate));
}
