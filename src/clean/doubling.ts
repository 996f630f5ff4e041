/**
 * Fake bold: PDF makers embolden headlines by drawing each run of text twice, a hair apart.
 * Extractors then print both copies, each in its own way:
 *
 * - whole lines twice (MuPDF): `达芬奇再发公开信` / `达芬奇再发公开信`;
 * - runs twice in one line (pdfminer, pypdf): `高质效高质效`, `甘肃甘肃90%90%`, `●●李雁李雁`;
 * - character by character, or as overlapping pieces spread over lines:
 *   `合肥` / `合肥 99 月前全面使用正` / `月前全面使用正` / `版软件` / `版软件`.
 *
 * `undouble` recovers the text drawn once from such a group of printed lines.
 */

/** One printed piece: a space-separated token after collapsing its own doubling. */
interface Piece {
  text: string;
  /** Line (within the group) the piece was printed on. */
  line: number;
  /** True when the piece stood alone on its line (a copy split off by the extractor). */
  alone: boolean;
}

/** A run of a token: either printed once, or drawn twice and collapsed to one copy. */
interface Run {
  text: string;
  doubled: boolean;
}

/** Parses a token into runs, taking the longest `XX` at each position (`合肥合肥99月前` → 合肥·9·月·前). */
function parseRuns(chars: readonly string[]): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < chars.length) {
    let best = 0;
    for (let len = Math.floor((chars.length - i) / 2); len >= 1 && best === 0; len--) {
      let same = true;
      for (let k = 0; k < len && same; k++) same = chars[i + k] === chars[i + len + k];
      if (same) best = len;
    }
    if (best > 0) {
      runs.push({ text: chars.slice(i, i + best).join(''), doubled: true });
      i += 2 * best;
    } else {
      runs.push({ text: chars[i]!, doubled: false });
      i += 1;
    }
  }
  return runs;
}

/**
 * Splits a token into its copies: a token drawn twice throughout (`正版化正版化`, `8585`, `●●李雁李雁`)
 * collapses whole; a token that only starts or ends with doubled runs of two or more characters
 * (pypdf's `合肥合肥99月前全面使用正`) collapses those runs and keeps the rest as printed. A lone
 * repeated character (`天天向上`) is left alone: it is as likely to be a real word.
 */
export function splitCopies(token: string): Run[] {
  const chars = Array.from(token);
  const runs = parseRuns(chars);
  const all = runs.every((r) => r.doubled);
  const long = runs.some((r) => r.doubled && Array.from(r.text).length >= 2);
  if (chars.length < 2 || (!all && !long)) return [{ text: token, doubled: false }];
  const merged: Run[] = [];
  for (const r of runs) {
    const last = merged[merged.length - 1];
    if (last && last.doubled === r.doubled) last.text += r.text;
    else merged.push({ ...r });
  }
  return merged;
}

/** True when the token is entirely a doubled run or runs (`正版化正版化`, `●●李雁李雁`, `8585`). */
export function isDoubledToken(token: string): boolean {
  const runs = splitCopies(token);
  return runs.length === 1 && runs[0]!.doubled;
}

/** Collapses a token drawn twice (`李雁李雁` → `李雁`); returns other tokens as they are. */
export function collapseToken(token: string): string {
  return splitCopies(token)
    .map((r) => r.text)
    .join('');
}

export interface Undoubled {
  /** The group's lines as drawn once (lines that were only a copy are gone). */
  lines: string[];
  /** Share of the printed characters that were copies (≈ 0.5 for fake bold, ≈ 0 for plain text). */
  doubledShare: number;
}

/**
 * Recovers the text of a fake-bold group of printed lines. Works token by token (an extractor
 * prints a space where the two copies' runs meet): collapses doubled runs inside tokens, drops a
 * token that stands alone on its line when the same text is printed with context elsewhere in the
 * group (or inside a longer token), and keeps the first of remaining repeats.
 */
export function undouble(lines: readonly string[]): Undoubled {
  const pieces: Piece[] = [];
  let printed = 0;
  lines.forEach((line, li) => {
    const tokens = line.trim().split(/\s+/).filter(Boolean);
    for (const token of tokens) {
      printed += Array.from(token).length;
      const runs = splitCopies(token);
      for (const run of runs) pieces.push({ text: run.text, line: li, alone: tokens.length === 1 && runs.length === 1 });
    }
  });
  const keep = pieces.map(() => true);
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    for (let j = 0; j < pieces.length && keep[i]; j++) {
      if (i === j || !keep[j]) continue;
      const q = pieces[j]!;
      if (q.text === p.text) {
        // Same text twice: keep the copy printed with context; between equals, the first.
        if (p.alone && !q.alone) keep[i] = false;
        else if (p.alone === q.alone && j < i) keep[i] = false;
      } else if (
        p.text.length >= 2 &&
        q.text.length > p.text.length &&
        (q.text.startsWith(p.text) || q.text.endsWith(p.text)) &&
        q.line !== p.line
      ) {
        keep[i] = false; // a copy of the start or end of a longer piece on another line
      } else if (q.text.length > p.text.length && q.text.startsWith(p.text) && q.line === p.line && j === i + 1) {
        keep[i] = false; // pypdf: `济南采购 济南采购40004000`
      }
    }
  }
  const out: string[][] = lines.map(() => []);
  let kept = 0;
  pieces.forEach((p, i) => {
    if (!keep[i]) return;
    out[p.line]!.push(p.text);
    kept += Array.from(p.text).length;
  });
  const result = out.map((tokens) => tokens.join(' ')).filter((l) => l.length > 0);
  return { lines: result, doubledShare: printed === 0 ? 0 : 1 - kept / printed };
}
