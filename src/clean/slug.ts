import type { Section } from './types.ts';

/**
 * A stable id for an article: the same title and opening give the same id on every machine and in
 * every run (FNV-1a over the text, twice with different offsets, in base 36).
 */
export function articleId(title: string, sections: readonly Section[]): string {
  const opening = sections.find((s) => s.paragraphs.length > 0)?.paragraphs[0]?.slice(0, 64) ?? '';
  const text = `${title}\u0000${opening}`;
  return `a-${fnv1a(text, 0x811c9dc5).toString(36).padStart(7, '0')}${fnv1a(text, 0x01000193).toString(36).padStart(7, '0')}`;
}

function fnv1a(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
