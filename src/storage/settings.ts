import { parseDictionary } from '../speech/dictionary.ts';
import type { Pronunciation } from '../speech/normalise.ts';
import { RATE_DEFAULT, clampRate } from '../speech/rate.ts';
import type { VoiceChoice } from '../speech/types.ts';
import { sameVoice } from '../speech/voice-choice.ts';
import { DEFAULT_SETTINGS, TEXT_SIZES, THEMES, type Settings, type Theme } from '../state/settings.ts';
import { StorageProblemEvent, writeProblem, type StorageProblem } from './problems.ts';

/**
 * The listener's settings: speaking rate, voice, theme, article text size, whether the screen
 * stays on while reading, and how the text is spoken (pronunciations, announced headings, word
 * highlight). Stored as one versioned record; every field is validated on the way in,
 * and a field that is missing, of the wrong type or out of range falls back to its default on its
 * own (a corrupt voice does not cost the listener their rate).
 *
 * Why localStorage and not IndexedDB (where the listening positions are, positions.ts): the theme
 * and the text size must apply before the first paint, and the speech engine is created with the
 * rate and voice at start-up. localStorage reads synchronously; IndexedDB would mean a first frame
 * in the wrong colours and size, or a blank one. The record is a few hundred bytes and is written
 * only when the listener changes a setting.
 *
 * Persistence goes through a `SettingsBackend`, so that a move to another storage only adds a
 * backend: the store, its validation and its users stay as they are.
 */
export { DEFAULT_SETTINGS, TEXT_SIZES, THEMES, type Settings, type Theme } from '../state/settings.ts';

/**
 * Version of the stored record; bump it (and migrate in `loadSettings`) when its shape changes.
 * 1: `{ rate, voice }`. 2: adds `theme`, `textSize`, `keepAwake`. 3: adds `dictionary`,
 * `announceHeadings`, `wordHighlight`.
 */
export const SETTINGS_VERSION = 3;


/** Longest voice name or language tag we accept from storage (real ones are well under 100). */
const MAX_TEXT = 200;

/** A stored rate, clamped into range and snapped to the slider's step; not a number → the default. */
export function normalizeRate(rate: unknown): number {
  return typeof rate === 'number' ? clampRate(rate) : RATE_DEFAULT;
}

/** A stored voice choice, or `null` when it is absent or malformed. */
export function parseVoiceChoice(value: unknown): VoiceChoice | null {
  if (typeof value !== 'object' || value === null) return null;
  const { name, lang } = value as Record<string, unknown>;
  if (typeof name !== 'string' || typeof lang !== 'string') return null;
  if (name.length === 0 || name.length > MAX_TEXT || lang.length > MAX_TEXT) return null;
  return { name, lang };
}

/**
 * What reading the stored settings found:
 * - `empty`: nothing was stored (a first start);
 * - `ok`: a valid record of this version;
 * - `migrated`: a valid record of an older version, brought up to date;
 * - `repaired`: a record of a known version with bad or missing fields, which got their defaults;
 * - `reset`: nothing usable (not a record, unknown version, unparsable): all defaults.
 */
export type SettingsLoadStatus = 'empty' | 'ok' | 'migrated' | 'repaired' | 'reset';

export interface LoadedSettings {
  readonly settings: Settings;
  readonly status: SettingsLoadStatus;
}

/**
 * Settings from whatever storage held: a valid record, an older or newer version, a record with
 * some bad fields, `undefined`, a string, anything. Never throws.
 */
export function loadSettings(value: unknown): LoadedSettings {
  if (value === undefined || value === null) return { settings: DEFAULT_SETTINGS, status: 'empty' };
  if (typeof value !== 'object' || Array.isArray(value)) return { settings: DEFAULT_SETTINGS, status: 'reset' };
  const record = value as Record<string, unknown>;
  if (record.version !== 1 && record.version !== 2 && record.version !== SETTINGS_VERSION) {
    return { settings: DEFAULT_SETTINGS, status: 'reset' };
  }
  let bad = false;
  const field = <T>(key: string, parse: (v: unknown) => T | undefined, fallback: T, expected = true): T => {
    if (!(key in record)) {
      if (expected) bad = true;
      return fallback;
    }
    const parsed = parse(record[key]);
    if (parsed === undefined) {
      bad = true;
      return fallback;
    }
    return parsed;
  };
  const current = record.version === SETTINGS_VERSION;
  const since2 = record.version !== 1;
  const settings: Settings = Object.freeze({
    rate: field('rate', (v) => (typeof v === 'number' && Number.isFinite(v) ? clampRate(v) : undefined), DEFAULT_SETTINGS.rate),
    voice: field(
      'voice',
      (v) => (v === null ? null : (parseVoiceChoice(v) ?? undefined)),
      DEFAULT_SETTINGS.voice,
      false,
    ),
    // Version 1 had none of these: their defaults are a migration, not a repair.
    theme: field('theme', (v) => (THEMES.includes(v as Theme) ? (v as Theme) : undefined), DEFAULT_SETTINGS.theme, since2),
    textSize: field('textSize', (v) => (TEXT_SIZES.includes(v as number) ? (v as number) : undefined), DEFAULT_SETTINGS.textSize, since2),
    keepAwake: field('keepAwake', (v) => (typeof v === 'boolean' ? v : undefined), DEFAULT_SETTINGS.keepAwake, since2),
    // Versions 1 and 2 had none of these.
    dictionary: field('dictionary', (v) => (parseDictionary(v) ? Object.freeze(parseDictionary(v)!) : undefined), DEFAULT_SETTINGS.dictionary, current),
    announceHeadings: field('announceHeadings', (v) => (typeof v === 'boolean' ? v : undefined), DEFAULT_SETTINGS.announceHeadings, current),
    wordHighlight: field('wordHighlight', (v) => (typeof v === 'boolean' ? v : undefined), DEFAULT_SETTINGS.wordHighlight, current),
  });
  return { settings, status: bad ? 'repaired' : current ? 'ok' : 'migrated' };
}

/** The settings in whatever storage held (see `loadSettings`); unusable fields get their defaults. */
export function parseSettings(value: unknown): Settings {
  return loadSettings(value).settings;
}

/** The stored form of settings: the record `loadSettings` reads back. */
export function serializeSettings(settings: Settings): { version: number } & Settings {
  return {
    version: SETTINGS_VERSION,
    rate: settings.rate,
    voice: settings.voice,
    theme: settings.theme,
    textSize: settings.textSize,
    keepAwake: settings.keepAwake,
    dictionary: settings.dictionary.map(({ from, to }) => ({ from, to })),
    announceHeadings: settings.announceHeadings,
    wordHighlight: settings.wordHighlight,
  };
}

function sameDictionary(a: readonly Pronunciation[], b: readonly Pronunciation[]): boolean {
  return a.length === b.length && a.every((e, i) => e.from === b[i]!.from && e.to === b[i]!.to);
}

function sameSettings(a: Settings, b: Settings): boolean {
  return (
    a.rate === b.rate &&
    sameVoice(a.voice, b.voice) &&
    a.theme === b.theme &&
    a.textSize === b.textSize &&
    a.keepAwake === b.keepAwake &&
    sameDictionary(a.dictionary, b.dictionary) &&
    a.announceHeadings === b.announceHeadings &&
    a.wordHighlight === b.wordHighlight
  );
}

/**
 * Where settings live. `read` returns whatever was stored, unvalidated (`undefined` when nothing
 * was); `write` throws the storage's error when it could not store (the store then carries on from
 * memory and reports the problem).
 */
export interface SettingsBackend {
  read(): unknown;
  write(value: unknown): void;
}

/**
 * A backend on `localStorage` under one key, holding JSON. Text that is not JSON reads as that
 * text (which no version of the record is, so the store resets it and says so). Storage that
 * throws (Safari's private mode, a full quota, storage disabled by policy) degrades to memory for
 * the session: reads then return the last value written.
 */
export function localStorageBackend(key = 'tingdu.settings', storage: Storage | null = safeLocalStorage()): SettingsBackend {
  let memory: unknown;
  return {
    read() {
      let text: string | null | undefined;
      try {
        text = storage?.getItem(key);
      } catch {
        return memory;
      }
      if (text == null) return memory;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    },
    write(value) {
      memory = value; // the settings still apply for this session, whatever happens below
      if (!storage) throw new DOMException('localStorage is not available', 'SecurityError');
      storage.setItem(key, JSON.stringify(value));
    },
  };
}

function safeLocalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // Accessing localStorage itself throws when cookies are blocked.
  }
}

/** Fired by `SettingsStore` after its settings changed; `settings` is the new, frozen value. */
export class SettingsChangeEvent extends Event {
  static readonly type = 'settings-change';
  constructor(readonly settings: Settings) {
    super(SettingsChangeEvent.type);
  }
}

/**
 * The one owner of the settings. `current` is an immutable snapshot (a new object after each
 * change, so it can go straight into a Lit context); `update` validates, stores and notifies.
 *
 * It never throws: what could not be read is reset (`loadProblems` says so, since nobody listens
 * yet while the constructor runs), and a write that fails keeps the new settings in memory and
 * fires a `StorageProblemEvent`.
 */
export class SettingsStore extends EventTarget {
  #current: Settings;
  /** What went wrong while reading the stored settings at start-up (for the shell to tell). */
  readonly loadProblems: readonly StorageProblem[];

  constructor(private readonly backend: SettingsBackend = localStorageBackend()) {
    super();
    const problems: StorageProblem[] = [];
    let stored: unknown;
    try {
      stored = backend.read();
    } catch {
      stored = undefined;
    }
    const { settings, status } = loadSettings(stored);
    this.#current = settings;
    if (status === 'repaired' || status === 'reset') problems.push('settings-reset');
    // Rewrite a corrupt or outdated record, so the bad value does not linger in storage.
    if (status !== 'empty' && status !== 'ok') {
      try {
        backend.write(serializeSettings(settings));
      } catch (error) {
        problems.push(writeProblem(error));
      }
    }
    this.loadProblems = problems;
  }

  get current(): Settings {
    return this.#current;
  }

  /** Applies a change (validated like stored data); does nothing when nothing actually changed. */
  update(patch: Partial<Settings>): Settings {
    const next = parseSettings({ ...serializeSettings(this.#current), ...patch });
    if (sameSettings(next, this.#current)) return this.#current;
    this.#current = next;
    try {
      this.backend.write(serializeSettings(next));
    } catch (error) {
      this.dispatchEvent(new StorageProblemEvent(writeProblem(error)));
    }
    this.dispatchEvent(new SettingsChangeEvent(next));
    return next;
  }
}
