/**
 * Which headline heads which body. Extractors print a page's text in the order the PDF draws it,
 * not the order a reader reads it: a title often comes after its body, or next to another
 * article's body. But a headline says what its article is about: its words (character bigrams,
 * in Chinese) are far likelier in its own body than in the page's other bodies. This module scores
 * that likelihood and finds the one-to-one assignment of headlines to bodies that explains the
 * page best, with a small preference for a headline printed right before its body.
 */

/** Counts of character bigrams of a text (white space ignored; Han, digits and letters). */
export class BigramCounts {
  readonly counts = new Map<string, number>();
  total = 0;

  add(text: string): this {
    let prev = '';
    for (const ch of text) {
      if (!isWordChar(ch)) {
        prev = '';
        continue;
      }
      if (prev) {
        const g = prev + ch;
        this.counts.set(g, (this.counts.get(g) ?? 0) + 1);
        this.total++;
      }
      prev = ch;
    }
    return this;
  }

  get(g: string): number {
    return this.counts.get(g) ?? 0;
  }
}

function isWordChar(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x25 || c === 0xff05;
}

/** Distinct bigrams of a headline's text. */
export function bigramSet(text: string): Set<string> {
  return new Set(new BigramCounts().add(text).counts.keys());
}

/**
 * Log-likelihood ratio of a headline's bigrams under one body against all the page's bodies:
 * Σ log P(g | body) / P(g | page), over the bigrams that occur somewhere in the page's bodies.
 * Positive: the headline's words concentrate in this body.
 */
export function headlineScore(headline: Set<string>, body: BigramCounts, page: BigramCounts): number {
  const alpha = 0.5;
  const vocabulary = Math.max(1, page.counts.size);
  let score = 0;
  for (const g of headline) {
    const inPage = page.get(g);
    if (inPage === 0) continue;
    const pBody = (body.get(g) + alpha) / (body.total + alpha * vocabulary);
    const pPage = (inPage + alpha) / (page.total + alpha * vocabulary);
    score += Math.log(pBody / pPage);
  }
  return score;
}

/**
 * The best one-to-one assignment: `score[c][a]` is candidate c's score for article a (or
 * -Infinity where c cannot head a). Returns, per candidate, its article or -1. A candidate is only
 * assigned where its score is above `minimum`; otherwise it stays free.
 */
export function assign(score: readonly (readonly number[])[], articles: number, minimum: number): number[] {
  // Dynamic programming over candidates, with the set of articles already headed as a bit mask.
  const full = 1 << articles;
  let best = new Float64Array(full).fill(-Infinity);
  best[0] = 0;
  const choice: Int8Array[] = [];
  for (let c = 0; c < score.length; c++) {
    const next = new Float64Array(full).fill(-Infinity);
    const pick = new Int8Array(full).fill(-2);
    for (let mask = 0; mask < full; mask++) {
      const here = best[mask]!;
      if (here === -Infinity) continue;
      if (here > next[mask]!) {
        next[mask] = here;
        pick[mask] = -1;
      }
      for (let a = 0; a < articles; a++) {
        if (mask & (1 << a)) continue;
        const s = score[c]![a]!;
        if (!(s > minimum)) continue;
        const m = mask | (1 << a);
        if (here + s > next[m]!) {
          next[m] = here + s;
          pick[m] = a;
        }
      }
    }
    choice.push(pick);
    best = next;
  }
  // Trace back from the best final state.
  let mask = 0;
  for (let m = 1; m < full; m++) if (best[m]! > best[mask]!) mask = m;
  const out = new Array<number>(score.length).fill(-1);
  for (let c = score.length - 1; c >= 0; c--) {
    const a = choice[c]![mask]!;
    out[c] = a;
    if (a >= 0) mask &= ~(1 << a);
  }
  return out;
}
