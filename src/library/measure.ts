import type { Article } from '../clean/types.ts';
import { leadOf } from './label.ts';
import { readingScript } from './script.ts';
import type { LibraryEntry } from './types.ts';

// The listening time lives apart: the library shows it, and must not load the reading script's code.
export { CHARS_PER_SECOND, listeningSeconds } from './listening-time.ts';

/** Characters a listener hears: the headline's parts, byline, headings and paragraphs, without white space. */
export function countChars(article: Article): number {
  let n = 0;
  for (const part of [article.kicker, article.title, article.subtitle, article.byline]) n += (part ?? '').replace(/\s/g, '').length;
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

/** The library line of an article cleaned from `source` (the build and the importer both use it). */
export function libraryEntry(article: Article, source: string): LibraryEntry {
  return {
    id: article.id,
    kicker: article.kicker,
    title: article.title,
    subtitle: article.subtitle,
    byline: article.byline,
    lead: leadOf(article.sections.flatMap((s) => s.paragraphs)),
    chars: countChars(article),
    sentences: countSentences(article),
    source,
  };
}
