import { splitSentences } from '../clean/sentences.ts';
import type { Article } from '../clean/types.ts';

/**
 * The reading script of an article: everything the reader speaks, in order, as a flat list of
 * sentences grouped into blocks. The reader view renders one element per script sentence and the
 * speech engine speaks them by the same index, so index `i` is the same sentence everywhere.
 *
 * Order: the title, the byline, then each section's heading followed by its paragraphs' sentences.
 * Page notes are not part of an article's script.
 */
export interface ReadingScript {
  sentences: ScriptSentence[];
  blocks: ScriptBlock[];
}

export type BlockKind = 'title' | 'byline' | 'heading' | 'paragraph';

/** A unit of "previous/next paragraph": the title, the byline, a heading, or a body paragraph. */
export interface ScriptBlock {
  kind: BlockKind;
  /** Index of the section the block belongs to (the title and byline: -1). */
  section: number;
  /** Index of the paragraph within its section (titles, bylines and headings: -1). */
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
  add('title', -1, -1, article.title, false);
  if (article.byline) add('byline', -1, -1, article.byline, false);
  article.sections.forEach((section, si) => {
    if (section.heading) add('heading', si, -1, section.heading, false);
    section.paragraphs.forEach((p, pi) => add('paragraph', si, pi, p, true));
  });
  return { sentences, blocks };
}
