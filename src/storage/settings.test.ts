import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  SettingsChangeEvent,
  SettingsStore,
  localStorageBackend,
  normalizeRate,
  parseSettings,
  type SettingsBackend,
} from './settings.ts';

/** A Storage stand-in over a Map; `failing` makes every access throw like a blocked storage. */
function fakeStorage(initial: Record<string, string> = {}, failing = false): Storage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  const guard = (): void => {
    if (failing) throw new DOMException('denied', 'SecurityError');
  };
  return {
    data,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => (guard(), data.get(k) ?? null),
    setItem: (k: string, v: string) => (guard(), void data.set(k, v)),
    removeItem: (k: string) => void data.delete(k),
  };
}

function memoryBackend(value: unknown): SettingsBackend & { written: unknown[] } {
  const written: unknown[] = [];
  return {
    written,
    read: () => value,
    write: (v) => void written.push(v),
  };
}

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

describe('parseSettings', () => {
  it('reads a valid record', () => {
    expect(parseSettings({ version: 1, rate: 1.5, voice: { name: 'Tingting', lang: 'zh-CN' } })).toEqual({
      rate: 1.5,
      voice: { name: 'Tingting', lang: 'zh-CN' },
    });
  });
  it('gives the defaults for anything that is not a record of this version', () => {
    for (const bad of [undefined, null, 'rate=2', 42, [], { rate: 2 }, { version: 99, rate: 2 }, { version: '1', rate: 2 }]) {
      expect(parseSettings(bad)).toEqual(DEFAULT_SETTINGS);
    }
  });
  it('resets bad fields one by one', () => {
    expect(parseSettings({ version: 1, rate: 'fast', voice: { name: 'Tingting', lang: 'zh-CN' } })).toEqual({
      rate: 1,
      voice: { name: 'Tingting', lang: 'zh-CN' },
    });
    expect(parseSettings({ version: 1, rate: 1.25, voice: { name: 7 } })).toEqual({ rate: 1.25, voice: null });
    expect(parseSettings({ version: 1, rate: 1.25, voice: { name: '', lang: 'zh' } }).voice).toBeNull();
    expect(parseSettings({ version: 1, rate: 1.25, voice: { name: 'x'.repeat(500), lang: 'zh' } }).voice).toBeNull();
    expect(parseSettings({ version: 1, rate: 1.25, voice: 'Tingting' }).voice).toBeNull();
  });
  it('returns a frozen object', () => {
    expect(Object.isFrozen(parseSettings({ version: 1, rate: 1 }))).toBe(true);
  });
});

describe('SettingsStore', () => {
  it('starts from the stored settings', () => {
    const store = new SettingsStore(memoryBackend({ version: 1, rate: 1.75, voice: null }));
    expect(store.current.rate).toBe(1.75);
  });

  it('rewrites a corrupt record with the safe values', () => {
    const backend = memoryBackend({ version: 1, rate: 'NaN', voice: 3 });
    const store = new SettingsStore(backend);
    expect(store.current).toEqual(DEFAULT_SETTINGS);
    expect(backend.written).toEqual([{ version: 1, rate: 1, voice: null }]);
  });

  it('does not write when nothing was stored', () => {
    const backend = memoryBackend(undefined);
    new SettingsStore(backend);
    expect(backend.written).toEqual([]);
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
    expect(backend.written.at(-1)).toEqual({ version: 1, rate: 2, voice: null });
  });

  it('ignores an update that changes nothing', () => {
    const backend = memoryBackend({ version: 1, rate: 1.5, voice: { name: 'A', lang: 'zh-CN' } });
    const store = new SettingsStore(backend);
    const before = store.current;
    let events = 0;
    store.addEventListener(SettingsChangeEvent.type, () => events++);
    store.update({ rate: 1.5, voice: { name: 'A', lang: 'zh-CN' } });
    expect(store.current).toBe(before);
    expect(events).toBe(0);
    expect(backend.written).toEqual([]);
  });
});

describe('localStorageBackend', () => {
  it('round-trips JSON under its key', () => {
    const storage = fakeStorage();
    const store = new SettingsStore(localStorageBackend('k', storage));
    store.update({ rate: 1.25, voice: { name: 'Tingting', lang: 'zh-CN' } });
    expect(JSON.parse(storage.data.get('k')!)).toEqual({ version: 1, rate: 1.25, voice: { name: 'Tingting', lang: 'zh-CN' } });
    expect(new SettingsStore(localStorageBackend('k', storage)).current.rate).toBe(1.25);
  });

  it('treats unparsable JSON as nothing stored, then repairs it on the next write', () => {
    const storage = fakeStorage({ k: '{"version":1,"rate":' });
    const store = new SettingsStore(localStorageBackend('k', storage));
    expect(store.current).toEqual(DEFAULT_SETTINGS);
    store.update({ rate: 0.75 });
    expect(JSON.parse(storage.data.get('k')!).rate).toBe(0.75);
  });

  it('keeps working in memory when storage throws', () => {
    const backend = localStorageBackend('k', fakeStorage({}, true));
    const store = new SettingsStore(backend);
    store.update({ rate: 1.5 });
    expect(store.current.rate).toBe(1.5);
    expect(parseSettings(backend.read()).rate).toBe(1.5);
  });

  it('works with no storage at all', () => {
    const store = new SettingsStore(localStorageBackend('k', null));
    expect(store.current).toEqual(DEFAULT_SETTINGS);
  });
});
