import { splitSentences } from '../clean/sentences.ts';
import type { Article } from '../clean/types.ts';
import { speakable, type Pronunciation } from '../speech/normalise.ts';
import type { SpokenText } from '../speech/spoken.ts';

/**
 * The reading script of an article: everything the reader speaks, in order, as a flat list of
 * sentences grouped into blocks. The reader view renders one element per script sentence and the
 * speech engine speaks them by the same index, so index `i` is the same sentence everywhere.
 *
 * Order: the kicker, the title, the subtitle, the byline (those the article has), then each
 * section's heading followed by its paragraphs' sentences; then, when asked for, the page's notes
 * (an editor's note), each its own block.
 *
 * Each sentence has a shown form (`text`, what the reader shows and highlights) and a spoken form
 * (`spoken`, what the voice says: numbers, units and symbols in words, the listener's
 * pronunciations applied; src/speech/normalise.ts), tied by an offset map (`speech`), so that a
 * word the voice reports always marks shown text. The headline's parts, the byline and headings
 * are never split and are spoken as utterances of their own with a pause around them (`pause`).
 */
export interface ReadingScript {
  sentences: ScriptSentence[];
  blocks: ScriptBlock[];
}

export type BlockKind = 'kicker' | 'title' | 'subtitle' | 'byline' | 'heading' | 'paragraph' | 'note';

/** How the script is spoken: the listener's settings that change the spoken form. */
export interface ScriptOptions {
  /** The listener's pronunciations (读音词典). */
  dictionary?: readonly Pronunciation[];
  /** Words said before a block of this kind, shown nowhere (`小标题：` before a heading). */
  announce?: Partial<Record<BlockKind, string>>;
  /**
   * The page's notes, read after the article as blocks of kind `note`. The shell passes them for
   * the first article of their page only: the reader offers them at its start.
   */
  notes?: readonly string[];
}

/** Blocks that are structure, spoken with a pause around them. */
const STRUCTURE: ReadonlySet<BlockKind> = new Set(['kicker', 'title', 'subtitle', 'byline', 'heading']);

/** A unit of "previous/next paragraph": a part of the headline, the byline, a heading, or a body paragraph. */
export interface ScriptBlock {
  kind: BlockKind;
  /** Index of the section the block belongs to (the headline's parts and the byline: -1). */
  section: number;
  /** Index of the paragraph within its section, or of the note (headline parts, bylines and headings: -1). */
  paragraph: number;
  /** The block's full text. */
  text: string;
  /** Index of its first sentence in `sentences`. */
  first: number;
  /** Number of its sentences. */
  count: number;
}

export interface ScriptSentence {
  /** The text to show (and to highlight). */
  text: string;
  /** The text to speak. */
  spoken: string;
  /** Both, with the map of offsets between them. */
  speech: SpokenText;
  /** Spoken with a pause before and after (titles, bylines, headings). */
  pause: boolean;
  /** Index of its block in `blocks`. */
  block: number;
  /** Offsets into its block's text. */
  start: number;
  end: number;
}

/** Index of the first sentence of the page's notes in the script, or -1 when it has none. */
export function notesStart(script: ReadingScript): number {
  return script.blocks.find((b) => b.kind === 'note')?.first ?? -1;
}

export function readingScript(article: Article, options: ScriptOptions = {}): ReadingScript {
  const { dictionary = [], announce = {}, notes = [] } = options;
  const sentences: ScriptSentence[] = [];
  const blocks: ScriptBlock[] = [];
  const add = (kind: BlockKind, section: number, paragraph: number, text: string, split: boolean): void => {
    const spans = split ? splitSentences(text) : [{ start: 0, end: text.length, text }];
    if (spans.length === 0) return;
    const block = blocks.length;
    blocks.push({ kind, section, paragraph, text, first: sentences.length, count: spans.length });
    const pause = STRUCTURE.has(kind);
    spans.forEach((s, i) => {
      const speech = speakable(s.text, dictionary, i === 0 ? (announce[kind] ?? '') : '');
      sentences.push({ text: s.text, spoken: speech.spoken, speech, pause, block, start: s.start, end: s.end });
    });
  };
  if (article.kicker) add('kicker', -1, -1, article.kicker, false);
  if (article.title) add('title', -1, -1, article.title, false);
  if (article.subtitle) add('subtitle', -1, -1, article.subtitle, false);
  if (article.byline) add('byline', -1, -1, article.byline, false);
  article.sections.forEach((section, si) => {
    if (section.heading) add('heading', si, -1, section.heading, false);
    section.paragraphs.forEach((p, pi) => add('paragraph', si, pi, p, true));
  });
  notes.forEach((note, ni) => add('note', -1, ni, note, true));
  return { sentences, blocks };
}
