/**
 * Tingdu's newspaper-page cleaner: raw text as a PDF extractor printed it → a clean Page.
 * Pure ECMAScript + Intl (no DOM, no Node): the build, the CLI, the browser and a Worker share it.
 */
export type { Page, Article, Section, SentenceSpan } from './types.ts';
export { splitSentences } from './sentences.ts';
export { cleanText, cleanPage } from './page.ts';
export { UnreadableTextError, type UnreadableReason } from './readable.ts';
