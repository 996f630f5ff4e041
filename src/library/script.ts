import { splitSentences } from '../clean/sentences.ts';
import type { Article } from '../clean/types.ts';

/**
 * The reading script of an article: everything the reader speaks, in order, as a flat list of
 * sentences grouped into blocks. The reader view renders one element per script sentence and the
 * speech engine speaks them by the same index, so index `i` is the same sentence everywhere.
 *
 * Order: the kicker, the title, the subtitle, the byline (those the article has), then each
 * section's heading followed by its paragraphs' sentences.
 * Page notes are not part of an article's script.
 */
export interface ReadingScript {
  sentences: ScriptSentence[];
  blocks: ScriptBlock[];
}

export type BlockKind = 'kicker' | 'title' | 'subtitle' | 'byline' | 'heading' | 'paragraph';

/** A unit of "previous/next paragraph": a part of the headline, the byline, a heading, or a body paragraph. */
export interface ScriptBlock {
  kind: BlockKind;
  /** Index of the section the block belongs to (the headline's parts and the byline: -1). */
  section: number;
  /** Index of the paragraph within its section (headline parts, bylines and headings: -1). */
  paragraph: number;
  /** The block's full text. */
  text: string;
  /** Index of its first sentence in `sentences`. */
  first: number;
  /** Number of its sentences. */
  count: number;
}

export interface ScriptSentence {
  /** The text to speak and to show. */
  text: string;
  /** Index of its block in `blocks`. */
  block: number;
  /** Offsets into its block's text. */
  start: number;
  end: number;
}

export function readingScript(article: Article): ReadingScript {
  const sentences: ScriptSentence[] = [];
  const blocks: ScriptBlock[] = [];
  const add = (kind: BlockKind, section: number, paragraph: number, text: string, split: boolean): void => {
    const spans = split ? splitSentences(text) : [{ start: 0, end: text.length, text }];
    if (spans.length === 0) return;
    const block = blocks.length;
    blocks.push({ kind, section, paragraph, text, first: sentences.length, count: spans.length });
    for (const s of spans) sentences.push({ text: s.text, block, start: s.start, end: s.end });
  };
  if (article.kicker) add('kicker', -1, -1, article.kicker, false);
  if (article.title) add('title', -1, -1, article.title, false);
  if (article.subtitle) add('subtitle', -1, -1, article.subtitle, false);
  if (article.byline) add('byline', -1, -1, article.byline, false);
  article.sections.forEach((section, si) => {
    if (section.heading) add('heading', si, -1, section.heading, false);
    section.paragraphs.forEach((p, pi) => add('paragraph', si, pi, p, true));
  });
  return { sentences, blocks };
}
