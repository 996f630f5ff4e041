/**
 * Which headline heads which body. Extractors print a page's text in the order the PDF draws it,
 * not the order a reader reads it: a title often comes after its body, or next to another
 * article's body. But a headline says what its article is about: its words (character bigrams,
 * in Chinese) are far likelier in its own body than in the page's other bodies. This module scores
 * that likelihood and finds the one-to-one assignment of headlines to bodies that explains the
 * page best, with a small preference for a headline printed right before its body.
 */

/**
 * Counts of character bigrams of texts (white space and punctuation break them; Han, digits and
 * Latin letters count), as numbers (two UTF-16 units) for speed. With a `wanted` set, only those
 * bigrams are counted (a headline's), though `total` counts them all.
 */
export class BigramCounts {
  readonly counts = new Map<number, number>();
  total = 0;

  /** Stamp of the wanted set in the shared end-character filter (0: no filter). */
  private readonly stamp: number;

  constructor(private readonly wanted: ReadonlySet<number> | null = null) {
    this.stamp = wanted ? markEnds(wanted) : 0;
  }

  add(text: string): this {
    let prev = -1;
    const wanted = this.wanted;
    const stamp = this.stamp;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!isWordUnit(c)) {
        prev = -1;
        continue;
      }
      if (prev >= 0) {
        this.total++;
        if (stamp === 0 || endStamps[c & 0xfff] === stamp) {
          const g = prev * 0x10000 + c;
          if (!wanted || wanted.has(g)) this.counts.set(g, (this.counts.get(g) ?? 0) + 1);
        }
      }
      prev = c;
    }
    return this;
  }

  get(g: number): number {
    return this.counts.get(g) ?? 0;
  }

  /** The counts of several texts together. */
  static sum(parts: readonly BigramCounts[]): BigramCounts {
    const out = new BigramCounts();
    for (const part of parts) {
      out.total += part.total;
      for (const [g, n] of part.counts) out.counts.set(g, (out.counts.get(g) ?? 0) + n);
    }
    return out;
  }
}

/**
 * A cheap filter before the set lookup: the last characters of the wanted bigrams, hashed into a
 * small shared table stamped per set (no clearing, no allocation per page; collisions only cost a
 * lookup).
 */
const endStamps = new Uint32Array(0x1000);
const stampOf = new WeakMap<ReadonlySet<number>, number>();
let lastStamp = 0;
function markEnds(wanted: ReadonlySet<number>): number {
  let stamp = stampOf.get(wanted);
  if (stamp === undefined) {
    stamp = ++lastStamp;
    stampOf.set(wanted, stamp);
    for (const g of wanted) endStamps[g & 0xfff] = stamp;
  }
  return stamp;
}

function isWordUnit(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x25 || c === 0xff05;
}

/** Distinct bigrams of a headline's text. */
export function bigramSet(text: string): Set<number> {
  return new Set(new BigramCounts().add(text).counts.keys());
}

/**
 * Log-likelihood ratio of a headline's bigrams under one body against all the page's bodies:
 * Σ log P(g | body) / P(g | page), over the bigrams that occur somewhere in the page's bodies.
 * Positive: the headline's words concentrate in this body.
 */
export function headlineScore(headline: ReadonlySet<number>, body: BigramCounts, page: BigramCounts): number {
  const alpha = 0.5;
  // The vocabulary size only smooths: the page's distinct bigrams, about a third of its total.
  const vocabulary = Math.max(1, page.total / 3);
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
