/**
 * A small newspaper typesetter and extractor simulator, for tests: sets articles in columns the
 * way Chinese papers do (a fixed measure in ems, a two-em paragraph indent, no punctuation at a
 * line start, no opening quote at a line end) and prints them as an extractor would (lines broken
 * at the measure, spaces around Latin runs, fake-bold headlines printed twice, blank lines
 * between blocks or none at all). Pure TypeScript.
 */

export interface ArticleSpec {
  /** Title lines as set (one or two). */
  title: string[];
  byline?: string;
  sections: { heading?: string; paragraphs: string[] }[];
}

export interface PrintStyle {
  /** Column measure in ems. */
  measure: number;
  /** Blank lines between paragraphs and around headlines (MuPDF), or none (PyMuPDF, pypdf). */
  blankLines: boolean;
  /** How fake-bold headlines come out. */
  doubled: 'none' | 'lines' | 'runs';
  /** Spaces printed around digits and Latin runs (`2 月 18 日`). */
  latinSpaces: boolean;
}

const NO_LINE_START = '，。、；：？！”’）》」』…';
const NO_LINE_END = '“‘（《「『';

function width(ch: string): number {
  return /[\x20-\x7e]/.test(ch) ? 0.6 : 1;
}

/**
 * Breaks a paragraph into printed lines of the measure, the first set in by two ems. Numbers and
 * Latin words are not broken; a line left short by more than an em and a half is spread.
 */
export function setParagraph(text: string, measure: number): string[] {
  const tokens = text.match(/[A-Za-z0-9.%]+|./gu) ?? [];
  const lines: string[] = [];
  let line = '';
  let used = 0;
  let room = measure - 2;
  for (const token of tokens) {
    // Latin runs get CJK–Latin spacing on both sides (about 0.3 em each), as news typesetting does.
    const latin = /^[A-Za-z0-9.%]+$/.test(token);
    const w = Array.from(token).reduce((sum, ch) => sum + width(ch), 0) + (latin ? 0.6 : 0);
    if (used + w > room + 1e-9 && line !== '') {
      // Kinsoku by pushing down, as the sample pages show: punctuation that cannot start a line
      // takes the character before it to the next line; so does an opening quote at a line end.
      let carry = '';
      if ((NO_LINE_START.includes(token) || NO_LINE_END.includes(line[line.length - 1]!)) && Array.from(line).length > 1) {
        carry = Array.from(line).pop()!;
        line = line.slice(0, -carry.length);
        used -= width(carry);
        if (NO_LINE_END.includes(line[line.length - 1]!) && Array.from(line).length > 1) {
          const more = Array.from(line).pop()!;
          line = line.slice(0, -more.length);
          used -= width(more);
          carry = more + carry;
        }
      }
      // Justified: a line an em or more short is spread over the measure, and extractors print
      // the gaps as spaces.
      lines.push(room - used >= 1.5 ? (line.match(/[A-Za-z0-9.%]+|./gu) ?? []).join(' ') : line);
      line = carry;
      used = Array.from(carry).reduce((sum, ch) => sum + width(ch), 0);
      room = measure;
    }
    line += token;
    used += w;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * True when a set paragraph cannot be told apart from two: its last line is as short as a new
 * paragraph's indented first line, right after a line that ends a sentence. No reader of the
 * printed text could tell, so tests avoid generating it.
 */
export function endsAmbiguously(text: string, measure: number): boolean {
  const lines = setParagraph(text, measure);
  if (lines.length < 2) return false;
  const last = Array.from(lines[lines.length - 1]!).reduce((w, ch) => w + width(ch), 0);
  const prev = lines[lines.length - 2]!;
  return /[。！？]$/.test(prev) && last <= measure - 1.2;
}

/** Prints spaces around runs of Latin letters and digits, as extractors do. */
export function spaceLatin(line: string): string {
  return line.replace(/([A-Za-z0-9.%]+)/g, ' $1 ').replace(/ +/g, ' ').trim();
}

function printHeadline(lines: readonly string[], style: PrintStyle): string[] {
  if (style.doubled === 'lines') return lines.flatMap((l) => [l, l]);
  if (style.doubled === 'runs') return lines.map((l) => l + l);
  return [...lines];
}

function wrapHeading(text: string, measure: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const ch of text) {
    if (used + width(ch) > measure && line) {
      lines.push(line);
      line = '';
      used = 0;
    }
    line += ch;
    used += width(ch);
  }
  if (line) lines.push(line);
  return lines;
}

/** Prints one article in reading order: title, byline, then the body with its headings. */
export function printArticle(article: ArticleSpec, style: PrintStyle): string[][] {
  const blocks: string[][] = [];
  blocks.push(printHeadline(article.title, style));
  if (article.byline) blocks.push([article.byline]);
  for (const section of article.sections) {
    // Headings are set in the column: a long one wraps at the measure.
    if (section.heading) blocks.push(printHeadline(wrapHeading(section.heading, style.measure), style));
    for (const p of section.paragraphs) {
      blocks.push(setParagraph(p, style.measure).map((l) => (style.latinSpaces ? spaceLatin(l) : l)));
    }
  }
  return blocks;
}

/** Joins printed blocks into page text, with blank lines between blocks or none. */
export function printPage(blocks: readonly string[][], style: PrintStyle): string {
  return blocks.map((b) => b.join('\n')).join(style.blankLines ? '\n\n' : '\n') + '\n';
}
