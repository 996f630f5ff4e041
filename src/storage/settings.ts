import { RATE_DEFAULT, clampRate } from '../speech/rate.ts';
import type { VoiceChoice } from '../speech/types.ts';
import { sameVoice } from '../speech/voices.ts';

/**
 * The listener's settings: speaking rate and chosen voice. Stored as one versioned record; every
 * field is validated on the way in, and a field that is missing, of the wrong type or out of range
 * falls back to its default on its own (a corrupt voice does not cost the listener their rate).
 *
 * Persistence goes through a `SettingsBackend`, so that a later move from localStorage to
 * IndexedDB only adds a backend: the store, its validation and its users stay as they are.
 */
export interface Settings {
  /** Speaking rate, `RATE_MIN`…`RATE_MAX` in steps of `RATE_STEP` (src/speech/rate.ts); 1 is normal. */
  readonly rate: number;
  /** The voice the listener picked, by name and language; `null` lets the engine choose. */
  readonly voice: VoiceChoice | null;
}

/** Version of the stored record; bump it (and migrate in `parseSettings`) when its shape changes. */
export const SETTINGS_VERSION = 1;

export const DEFAULT_SETTINGS: Settings = Object.freeze({ rate: RATE_DEFAULT, voice: null });

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
 * Settings from whatever storage held: a valid record, an older or newer version, a record with
 * some bad fields, `null`, a string, anything. Never throws; unusable fields get their defaults.
 */
export function parseSettings(value: unknown): Settings {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return DEFAULT_SETTINGS;
  const record = value as Record<string, unknown>;
  if (record.version !== SETTINGS_VERSION) return DEFAULT_SETTINGS;
  return Object.freeze({
    rate: 'rate' in record ? normalizeRate(record.rate) : DEFAULT_SETTINGS.rate,
    voice: parseVoiceChoice(record.voice),
  });
}

/** The stored form of settings: the record `parseSettings` reads back. */
export function serializeSettings(settings: Settings): { version: number } & Settings {
  return { version: SETTINGS_VERSION, rate: settings.rate, voice: settings.voice };
}

/** Where settings live. `read` returns whatever was stored (unvalidated); both may fail silently. */
export interface SettingsBackend {
  read(): unknown;
  write(value: unknown): void;
}

/**
 * A backend on `localStorage` under one key, holding JSON. Unparsable JSON reads as `undefined`
 * (so the defaults apply). Storage that throws (Safari's private mode, a full quota, storage
 * disabled by policy) degrades to memory for the session rather than breaking the app.
 */
export function localStorageBackend(key = 'tingdu.settings', storage: Storage | null = safeLocalStorage()): SettingsBackend {
  let memory: unknown;
  return {
    read() {
      try {
        const text = storage?.getItem(key);
        return text == null ? memory : JSON.parse(text);
      } catch {
        return memory;
      }
    },
    write(value) {
      memory = value;
      try {
        storage?.setItem(key, JSON.stringify(value));
      } catch {
        // Keep the in-memory copy; the settings still apply for this session.
      }
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
 */
export class SettingsStore extends EventTarget {
  #current: Settings;

  constructor(private readonly backend: SettingsBackend = localStorageBackend()) {
    super();
    const stored = backend.read();
    this.#current = parseSettings(stored);
    // Rewrite a corrupt or outdated record, so the bad value does not linger in storage.
    if (stored !== undefined && JSON.stringify(stored) !== JSON.stringify(serializeSettings(this.#current))) {
      backend.write(serializeSettings(this.#current));
    }
  }

  get current(): Settings {
    return this.#current;
  }

  /** Applies a change (validated like stored data); does nothing when nothing actually changed. */
  update(patch: Partial<Settings>): Settings {
    const next = parseSettings({ ...serializeSettings(this.#current), ...patch });
    if (next.rate === this.#current.rate && sameVoice(next.voice, this.#current.voice)) return this.#current;
    this.#current = next;
    this.backend.write(serializeSettings(next));
    this.dispatchEvent(new SettingsChangeEvent(next));
    return next;
  }
}
