import { isWide, normaliseSpaces } from './text.ts';

/** Joins a paragraph's printed lines into clean text (each line's spaces normalised on its own). */
export function joinLines(lines: readonly string[]): string {
  // Most paragraphs are plain CJK: nothing to normalise, nothing to put between the lines.
  let plain = true;
  for (let i = 0; i < lines.length && plain; i++) {
    const line = lines[i]!;
    if (line.indexOf(' ') >= 0 || line.indexOf('\t') >= 0 || line.indexOf('\u3000') >= 0 || line.indexOf('\u00a0') >= 0) plain = false;
    else if (i > 0 && isLatinLetter(lines[i - 1]!.charCodeAt(lines[i - 1]!.length - 1)) && isLatinLetter(line.charCodeAt(0))) plain = false;
  }
  return plain ? lines.join('') : concat(lines.map(normaliseSpaces));
}

/** Concatenates clean pieces: no separator, except a space between two Latin words. */
export function concat(pieces: readonly string[]): string {
  let out = '';
  for (const piece of pieces) {
    if (!piece) continue;
    const prev = out.codePointAt(out.length - 1);
    const next = piece.codePointAt(0)!;
    if (prev !== undefined && isLatinLetter(prev) && isLatinLetter(next)) out += ' ';
    out += piece;
  }
  return out;
}

function isLatinLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * Joins a headline's lines. Two parallel phrases (`凝心聚力抓落实` / `砥砺奋进谱新篇`) keep one space
 * between them; a phrase wrapped at the measure (`高质效` / `办好每一个案件`) is joined without one.
 */
export function joinTitle(lines: readonly string[]): string {
  const clean = lines.map(normaliseSpaces).filter(Boolean);
  let out = clean[0] ?? '';
  for (let i = 1; i < clean.length; i++) {
    const a = clean[i - 1]!;
    const b = clean[i]!;
    out += parallel(a, b) ? ` ${b}` : concat(['x', b]).slice(1);
  }
  return out;
}

/** Two lines of similar length, each a phrase of its own (no clause mark where the first ends). */
function parallel(a: string, b: string): boolean {
  const la = wideLength(a);
  const lb = wideLength(b);
  if (la < 4 || lb < 4) return false;
  if (/[，、：；,:;]$/.test(a)) return false;
  return Math.min(la, lb) / Math.max(la, lb) >= 0.7;
}

function wideLength(text: string): number {
  let n = 0;
  for (const ch of text) n += isWide(ch.codePointAt(0)!) ? 1 : 0.5;
  return n;
}
