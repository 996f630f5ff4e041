import type { Pronunciation } from './normalise.ts';

/**
 * The listener's pronunciation dictionary (读音词典): `原文 → 读作` pairs applied to the spoken form
 * only (normalise.ts). This module checks entries and reads and writes the small JSON file the
 * listener exports and imports. Pure: the settings store keeps the list, the dialog edits it.
 */

/** Longest 原文, in characters: a word or a name, not a paragraph. */
export const MAX_FROM = 20;
/** Longest 读作. */
export const MAX_TO = 40;
/** Most entries kept (the list lives in the settings record, read at every start). */
export const MAX_ENTRIES = 500;

/** Why an entry is refused; the UI words each (strings.ts). */
export type EntryProblem = 'empty' | 'too-long' | 'same' | 'loop' | 'full';

export type EntryCheck = { ok: true; entry: Pronunciation } | { ok: false; problem: EntryProblem };

/**
 * Checks an entry before it joins `dictionary` (which it replaces any entry with the same 原文 in).
 * Refused: an empty side (after trimming), a side too long, 读作 the same as 原文, a loop (following
 * 读作 to another entry's 原文 comes back to this one: `甲 → 乙` with `乙 → 甲`), a full list.
 */
export function checkEntry(from: string, to: string, dictionary: readonly Pronunciation[]): EntryCheck {
  const entry = { from: from.trim(), to: to.trim() };
  if (entry.from === '' || entry.to === '') return { ok: false, problem: 'empty' };
  if ([...entry.from].length > MAX_FROM || [...entry.to].length > MAX_TO) return { ok: false, problem: 'too-long' };
  if (entry.from === entry.to) return { ok: false, problem: 'same' };
  const others = dictionary.filter((e) => e.from !== entry.from);
  if (others.length >= MAX_ENTRIES) return { ok: false, problem: 'full' };
  const next = new Map(others.map((e) => [e.from, e.to]));
  next.set(entry.from, entry.to);
  const seen = new Set<string>([entry.from]);
  for (let at = next.get(entry.from); at !== undefined; at = next.get(at)) {
    if (seen.has(at)) return { ok: false, problem: 'loop' };
    seen.add(at);
  }
  return { ok: true, entry };
}

/** `dictionary` with `entry` added, or put in place of the entry with the same 原文. */
export function withEntry(dictionary: readonly Pronunciation[], entry: Pronunciation): Pronunciation[] {
  const at = dictionary.findIndex((e) => e.from === entry.from);
  if (at < 0) return [...dictionary, entry];
  return dictionary.map((e, i) => (i === at ? entry : e));
}

/** The file's format name and version: `{ "format": "tingdu-pronunciations", "version": 1, "entries": [...] }`. */
export const DICTIONARY_FORMAT = 'tingdu-pronunciations';
export const DICTIONARY_VERSION = 1;

/** The JSON text of an export. */
export function exportDictionary(dictionary: readonly Pronunciation[]): string {
  return `${JSON.stringify(
    { format: DICTIONARY_FORMAT, version: DICTIONARY_VERSION, entries: dictionary.map(({ from, to }) => ({ from, to })) },
    null,
    2,
  )}\n`;
}

export type DictionaryImport =
  | { ok: true; dictionary: Pronunciation[]; accepted: number; refused: number }
  | { ok: false };

/**
 * An imported file merged into `dictionary`: each entry is checked as if typed in (refused ones
 * are counted, not added); an entry with the same 原文 replaces the one there. `{ ok: false }` when
 * the text is not such a file at all: nothing changes then.
 */
export function importDictionary(text: string, dictionary: readonly Pronunciation[]): DictionaryImport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false };
  }
  if (typeof value !== 'object' || value === null) return { ok: false };
  const record = value as Record<string, unknown>;
  if (record.format !== DICTIONARY_FORMAT || !Array.isArray(record.entries)) return { ok: false };
  let result = [...dictionary];
  let accepted = 0;
  let refused = 0;
  for (const item of record.entries as unknown[]) {
    const { from, to } = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const check = typeof from === 'string' && typeof to === 'string' ? checkEntry(from, to, result) : null;
    if (check?.ok) {
      result = withEntry(result, check.entry);
      accepted++;
    } else refused++;
  }
  return { ok: true, dictionary: result, accepted, refused };
}

/** A stored list as settings hold it: entries that do not pass `checkEntry` in turn are dropped. */
export function parseDictionary(value: unknown): Pronunciation[] | undefined {
  if (!Array.isArray(value)) return undefined;
  let result: Pronunciation[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) return undefined;
    const { from, to } = item as Record<string, unknown>;
    if (typeof from !== 'string' || typeof to !== 'string') return undefined;
    const check = checkEntry(from, to, result);
    if (!check.ok) return undefined;
    result = withEntry(result, check.entry);
  }
  return result;
}
