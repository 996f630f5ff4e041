import { describe, expect, it } from 'vitest';
import { StorageProblemEvent } from './problems.ts';
import {
  DEFAULT_SETTINGS,
  SETTINGS_VERSION,
  SettingsChangeEvent,
  SettingsStore,
  loadSettings,
  localStorageBackend,
  normalizeRate,
  parseSettings,
  serializeSettings,
  type SettingsBackend,
} from './settings.ts';

/**
 * A Storage stand-in over a Map; `failing` makes every access throw like a blocked storage,
 * `full` makes writes throw like a full quota.
 */
function fakeStorage(initial: Record<string, string> = {}, failing = false, full = false): Storage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  const guard = (): void => {
    if (failing) throw new DOMException('denied', 'SecurityError');
  };
  const guardWrite = (): void => {
    guard();
    if (full) throw new DOMException('quota', 'QuotaExceededError');
  };
  return {
    data,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => (guard(), data.get(k) ?? null),
    setItem: (k: string, v: string) => (guardWrite(), void data.set(k, v)),
    removeItem: (k: string) => void data.delete(k),
  };
}

function memoryBackend(value: unknown, writeError?: Error): SettingsBackend & { written: unknown[] } {
  const written: unknown[] = [];
  return {
    written,
    read: () => value,
    write: (v) => {
      if (writeError) throw writeError;
      written.push(v);
    },
  };
}

const VOICE = { name: 'Tingting', lang: 'zh-CN' };
const v2 = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  version: 3,
  rate: 1,
  voice: null,
  theme: 'system',
  textSize: 1,
  keepAwake: true,
  dictionary: [],
  announceHeadings: false,
  wordHighlight: true,
  ...fields,
});

describe('normalizeRate', () => {
  it('keeps valid rates and snaps to 0.05 steps', () => {
    expect(normalizeRate(1)).toBe(1);
    expect(normalizeRate(1.5)).toBe(1.5);
    expect(normalizeRate(0.75)).toBe(0.75);
    expect(normalizeRate(1.23)).toBe(1.25);
    expect(normalizeRate(0.1 + 0.2 + 0.85)).toBe(1.15);
  });
  it('clamps into 0.5–2', () => {
    expect(normalizeRate(0.1)).toBe(0.5);
    expect(normalizeRate(10)).toBe(2);
    expect(normalizeRate(-3)).toBe(0.5);
  });
  it('resets what is not a finite number', () => {
    for (const bad of [NaN, Infinity, -Infinity, '1.5', null, undefined, {}, [1.5]]) {
      expect(normalizeRate(bad)).toBe(1);
    }
  });
});

describe('loadSettings', () => {
  it('reads a valid record', () => {
    const stored = v2({ rate: 1.5, voice: VOICE, theme: 'dark', textSize: 1.5, keepAwake: false });
    expect(loadSettings(stored)).toEqual({
      settings: { ...DEFAULT_SETTINGS, rate: 1.5, voice: VOICE, theme: 'dark', textSize: 1.5, keepAwake: false },
      status: 'ok',
    });
  });

  it('reads the listener’s pronunciations and how text is spoken', () => {
    const dictionary = [{ from: '行长', to: '航长' }];
    expect(loadSettings(v2({ dictionary, announceHeadings: true, wordHighlight: false })).settings).toMatchObject({
      dictionary,
      announceHeadings: true,
      wordHighlight: false,
    });
    // A list that would not pass the dialog (a loop, an empty word) is not taken.
    const loop = [{ from: '甲', to: '乙' }, { from: '乙', to: '甲' }];
    expect(loadSettings(v2({ dictionary: loop }))).toEqual({ settings: DEFAULT_SETTINGS, status: 'repaired' });
    expect(loadSettings(v2({ dictionary: [{ from: '', to: 'x' }] })).status).toBe('repaired');
    expect(loadSettings(v2({ wordHighlight: 'no' })).settings.wordHighlight).toBe(true);
  });

  it('migrates a version 2 record: the spoken-text settings at their defaults', () => {
    const { dictionary: _d, announceHeadings: _a, wordHighlight: _w, ...old } = v2({ theme: 'dark' });
    expect(loadSettings({ ...old, version: 2 })).toEqual({ settings: { ...DEFAULT_SETTINGS, theme: 'dark' }, status: 'migrated' });
  });

  it('says when nothing was stored', () => {
    expect(loadSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, status: 'empty' });
    expect(loadSettings(null)).toEqual({ settings: DEFAULT_SETTINGS, status: 'empty' });
  });

  it('migrates a version 1 record: rate and voice kept, the new settings at their defaults', () => {
    expect(loadSettings({ version: 1, rate: 1.5, voice: VOICE })).toEqual({
      settings: { ...DEFAULT_SETTINGS, rate: 1.5, voice: VOICE },
      status: 'migrated',
    });
  });

  it('resets anything that is not a record of a known version, and says so', () => {
    for (const bad of ['rate=2', '{"version":2,', 42, [], { rate: 2 }, { version: 99, rate: 2 }, { version: '2', rate: 2 }, true]) {
      expect(loadSettings(bad)).toEqual({ settings: DEFAULT_SETTINGS, status: 'reset' });
    }
  });

  it('resets bad fields one by one, and says the record was repaired', () => {
    expect(loadSettings(v2({ rate: 'fast', voice: VOICE }))).toEqual({ settings: { ...DEFAULT_SETTINGS, voice: VOICE }, status: 'repaired' });
    expect(loadSettings(v2({ rate: 1.25, voice: { name: 7 } }))).toEqual({ settings: { ...DEFAULT_SETTINGS, rate: 1.25 }, status: 'repaired' });
    expect(loadSettings(v2({ voice: { name: '', lang: 'zh' } })).settings.voice).toBeNull();
    expect(loadSettings(v2({ voice: { name: 'x'.repeat(500), lang: 'zh' } })).status).toBe('repaired');
    expect(loadSettings(v2({ theme: 'sepia' })).settings.theme).toBe('system');
    expect(loadSettings(v2({ textSize: 1.1 })).settings.textSize).toBe(1);
    expect(loadSettings(v2({ textSize: 'big' })).status).toBe('repaired');
    expect(loadSettings(v2({ keepAwake: 'yes' })).settings.keepAwake).toBe(true);
    expect(loadSettings(v2({ rate: Number.NaN })).status).toBe('repaired');
    const { keepAwake: _dropped, ...missing } = v2({ rate: 1.5 });
    expect(loadSettings(missing)).toEqual({ settings: { ...DEFAULT_SETTINGS, rate: 1.5 }, status: 'repaired' });
  });

  it('clamps and snaps a rate that is a number', () => {
    expect(loadSettings(v2({ rate: 9 })).settings.rate).toBe(2);
    expect(loadSettings(v2({ rate: 1.23 })).settings.rate).toBe(1.25);
  });

  it('returns frozen settings', () => {
    expect(Object.isFrozen(parseSettings(v2()))).toBe(true);
    expect(Object.isFrozen(parseSettings('garbage'))).toBe(true);
  });

  it('reads back what it writes', () => {
    const settings = {
      rate: 0.75,
      voice: VOICE,
      theme: 'light',
      textSize: 2,
      keepAwake: false,
      dictionary: [{ from: '重新', to: '虫新' }],
      announceHeadings: true,
      wordHighlight: false,
    } as const;
    expect(loadSettings(JSON.parse(JSON.stringify(serializeSettings(settings))))).toEqual({ settings, status: 'ok' });
    expect(serializeSettings(settings).version).toBe(SETTINGS_VERSION);
  });
});

describe('SettingsStore', () => {
  it('starts from the stored settings', () => {
    const store = new SettingsStore(memoryBackend(v2({ rate: 1.75, theme: 'dark' })));
    expect(store.current.rate).toBe(1.75);
    expect(store.current.theme).toBe('dark');
    expect(store.loadProblems).toEqual([]);
  });

  it('rewrites a corrupt record with the safe values, and reports it', () => {
    const backend = memoryBackend({ version: 2, rate: 'NaN', voice: 3 });
    const store = new SettingsStore(backend);
    expect(store.current).toEqual(DEFAULT_SETTINGS);
    expect(backend.written).toEqual([serializeSettings(DEFAULT_SETTINGS)]);
    expect(store.loadProblems).toEqual(['settings-reset']);
  });

  it('rewrites an old record in the new format, silently', () => {
    const backend = memoryBackend({ version: 1, rate: 1.5, voice: null });
    const store = new SettingsStore(backend);
    expect(backend.written).toEqual([serializeSettings({ ...DEFAULT_SETTINGS, rate: 1.5 })]);
    expect(store.loadProblems).toEqual([]);
  });

  it('does not write when nothing was stored', () => {
    const backend = memoryBackend(undefined);
    const store = new SettingsStore(backend);
    expect(backend.written).toEqual([]);
    expect(store.loadProblems).toEqual([]);
  });

  it('starts even when reading throws', () => {
    const store = new SettingsStore({
      read: () => {
        throw new Error('boom');
      },
      write: () => undefined,
    });
    expect(store.current).toEqual(DEFAULT_SETTINGS);
  });

  it('validates, stores and announces an update, with a new snapshot object', () => {
    const backend = memoryBackend(undefined);
    const store = new SettingsStore(backend);
    const before = store.current;
    const seen: number[] = [];
    store.addEventListener(SettingsChangeEvent.type, (e) => seen.push((e as SettingsChangeEvent).settings.rate));
    store.update({ rate: 5 });
    expect(store.current.rate).toBe(2);
    expect(store.current).not.toBe(before);
    expect(seen).toEqual([2]);
    expect(backend.written.at(-1)).toEqual(serializeSettings({ ...DEFAULT_SETTINGS, rate: 2 }));
  });

  it('updates the new settings, and refuses values out of their range', () => {
    const store = new SettingsStore(memoryBackend(undefined));
    store.update({ theme: 'dark', textSize: 1.5, keepAwake: false });
    expect(store.current).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', textSize: 1.5, keepAwake: false });
    store.update({ textSize: 3 });
    expect(store.current.textSize).toBe(1);
  });

  it('ignores an update that changes nothing', () => {
    const backend = memoryBackend(v2({ rate: 1.5, voice: { name: 'A', lang: 'zh-CN' } }));
    const store = new SettingsStore(backend);
    const before = store.current;
    let events = 0;
    store.addEventListener(SettingsChangeEvent.type, () => events++);
    store.update({ rate: 1.5, voice: { name: 'A', lang: 'zh-CN' }, theme: 'system' });
    expect(store.current).toBe(before);
    expect(events).toBe(0);
    expect(backend.written).toEqual([]);
  });

  it('a full disk: the change applies in memory, and the problem is reported', () => {
    const store = new SettingsStore(memoryBackend(undefined, new DOMException('quota', 'QuotaExceededError')));
    const problems: string[] = [];
    store.addEventListener(StorageProblemEvent.type, (e) => problems.push((e as StorageProblemEvent).problem));
    store.update({ rate: 1.5 });
    expect(store.current.rate).toBe(1.5);
    expect(problems).toEqual(['full']);
  });
});

describe('localStorageBackend', () => {
  it('round-trips JSON under its key', () => {
    const storage = fakeStorage();
    const store = new SettingsStore(localStorageBackend('k', storage));
    store.update({ rate: 1.25, voice: VOICE });
    expect(JSON.parse(storage.data.get('k')!)).toEqual(serializeSettings({ ...DEFAULT_SETTINGS, rate: 1.25, voice: VOICE }));
    expect(new SettingsStore(localStorageBackend('k', storage)).current.rate).toBe(1.25);
  });

  it('resets unparsable JSON with a report, and repairs it in storage at once', () => {
    const storage = fakeStorage({ k: '{"version":1,"rate":' });
    const store = new SettingsStore(localStorageBackend('k', storage));
    expect(store.current).toEqual(DEFAULT_SETTINGS);
    expect(store.loadProblems).toEqual(['settings-reset']);
    expect(JSON.parse(storage.data.get('k')!)).toEqual(serializeSettings(DEFAULT_SETTINGS));
  });

  it('keeps working in memory when storage throws, and reports it', () => {
    const backend = localStorageBackend('k', fakeStorage({}, true));
    const store = new SettingsStore(backend);
    const problems: string[] = [];
    store.addEventListener(StorageProblemEvent.type, (e) => problems.push((e as StorageProblemEvent).problem));
    store.update({ rate: 1.5 });
    expect(store.current.rate).toBe(1.5);
    expect(parseSettings(backend.read()).rate).toBe(1.5);
    expect(problems).toEqual(['unavailable']);
  });

  it('a full quota is told apart from a blocked storage', () => {
    const store = new SettingsStore(localStorageBackend('k', fakeStorage({}, false, true)));
    const problems: string[] = [];
    store.addEventListener(StorageProblemEvent.type, (e) => problems.push((e as StorageProblemEvent).problem));
    store.update({ theme: 'dark' });
    expect(store.current.theme).toBe('dark');
    expect(problems).toEqual(['full']);
  });

  it('works with no storage at all', () => {
    const store = new SettingsStore(localStorageBackend('k', null));
    expect(store.current).toEqual(DEFAULT_SETTINGS);
  });
});
