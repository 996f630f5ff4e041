/**
 * The Page model: what the cleaner makes of one newspaper page (or of several pages, joined).
 *
 * Pure data, JSON-serialisable, shared by the build, the command line, the app and its Web Worker.
 */

/** One cleaned newspaper page, or the pages of one file in page order. */
export interface Page {
  /**
   * Text that belongs to the page and not to one article: editor's notes (编者按), column
   * introductions (开栏的话). Page furniture (page numbers, dates, the paper's name, column
   * labels) is dropped, not kept here.
   */
  notes: string[];
  /** The page's articles, in reading order as far as the extraction allows. */
  articles: Article[];
}

/**
 * One article: its headline in up to three parts (kicker 引题 above, title 主题, subtitle 副题
 * below), an optional byline, and its body in sections. Only what the page says: a part the page
 * does not print (or the cleaner did not find) is `null`, never made up.
 */
export interface Article {
  /** Stable slug: the same text gives the same id, on every machine and every run. */
  id: string;
  /** The kicker (引题): a smaller line set above the title; `null` when there is none. */
  kicker: string | null;
  /**
   * The headline (主题); `null` when no title was found (the app labels such an article by its
   * first words, in the UI only). Two parallel phrases set on two lines keep one space between them.
   */
  title: string | null;
  /** The subtitle (副题): set below the title, often opening with ——; `null` when there is none. */
  subtitle: string | null;
  /** Who wrote it, with the separator (●) shown as a space; `null` when the page names no one. */
  byline: string | null;
  /** The body. The first section has `heading: null` when the text starts before any heading. */
  sections: Section[];
}

/** A run of paragraphs under one section heading (or under none, at the article's start). */
export interface Section {
  heading: string | null;
  /** Clean paragraphs: no line-break artifacts, no doubled runs, no stray spaces. */
  paragraphs: string[];
}

/** One sentence of a paragraph, as offsets into that paragraph (UTF-16 code units). */
export interface SentenceSpan {
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character. */
  end: number;
  /** `paragraph.slice(start, end)`, without surrounding white space. */
  text: string;
}
