import type { HeadlineUnit, Unit } from './layout.ts';
import { joinTitle } from './join.ts';

/**
 * The decks of a headline: a Chinese headline has up to three parts, the kicker (引题) set above
 * the title in smaller type, the title (主题), and the subtitle (副题) set below it, most often
 * opening with a double dash (——). The layout finds them as headline units like any other; this
 * step tells which are decks, and of which headline.
 */
export interface Decks {
  /**
   * The line printed right above each headline that may be its kicker: it is one when no article
   * takes it as its own title (the title assignment decides).
   */
  kickerOf: Map<HeadlineUnit, HeadlineUnit>;
  /** The subtitle printed right below each headline that has one. */
  subtitleOf: Map<HeadlineUnit, string>;
  /** Headline units that are a deck of another, not a title or heading themselves. */
  decks: Set<HeadlineUnit>;
}

/** A subtitle opens with a double dash (——, or two of the dashes extractors print for it). */
export const isSubtitleLine = (line: string): boolean => /^\s*(?:——|[—－―–-]{2})\s*\S/u.test(line);

/**
 * Finds the decks among a page's units (in printed order; `seq` may hold other things, such as
 * runs of body text, which end a headline). Units may be changed: a headline unit whose last lines
 * are a subtitle keeps only its title lines.
 */
export function findDecks(seq: readonly (Unit | object)[]): Decks {
  const out: Decks = { kickerOf: new Map(), subtitleOf: new Map(), decks: new Set() };
  const headlineAt = (at: number): HeadlineUnit | null => {
    const x = seq[at];
    return x && 'kind' in x && (x as Unit).kind === 'headline' ? (x as HeadlineUnit) : null;
  };
  for (let at = 0; at < seq.length; at++) {
    const unit = headlineAt(at);
    if (!unit) continue;
    // Subtitle lines at the end of a headline unit (printed with it, no gap between).
    const split = unit.lines.findIndex((line, i) => i > 0 && isSubtitleLine(line));
    if (split > 0) {
      out.subtitleOf.set(unit, joinTitle(unit.lines.slice(split)));
      unit.lines = unit.lines.slice(0, split);
      continue;
    }
    // A unit of subtitle lines right after a headline.
    const before = headlineAt(at - 1);
    if (isSubtitleLine(unit.lines[0]!) && before && !out.decks.has(before) && !out.subtitleOf.has(before)) {
      out.subtitleOf.set(before, joinTitle(unit.lines));
      out.decks.add(unit);
      continue;
    }
    // A kicker: one plain line printed right above a fake-bold headline (smaller type, set once).
    const after = headlineAt(at + 1);
    if (after && after.doubled && !unit.doubled && unit.lines.length === 1 && after.first === unit.last + 1 && mayBeKicker(unit.lines[0]!)) {
      out.kickerOf.set(after, unit);
    }
  }
  return out;
}

/**
 * A kicker is a phrase of four characters or more: not a subtitle, not a credit (a byline's cue
 * words, or a source in brackets), not a column label of two or three characters.
 */
function mayBeKicker(line: string): boolean {
  const t = line.replace(/\s+/g, '');
  return t.length >= 4 && !isSubtitleLine(t) && !/记者|通讯员|报讯|供稿|摄影?$|^[（(【［].*[）)】］]$/u.test(t);
}
