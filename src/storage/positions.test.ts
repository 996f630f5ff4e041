import { describe, expect, it } from 'vitest';
import {
  POSITION_VERSION,
  PositionStore,
  PositionsChangeEvent,
  isFinished,
  listenedPercent,
  parsePosition,
  serializePosition,
  type PositionsBackend,
  type ReadingPosition,
} from './positions.ts';
import { StorageProblemEvent, type StorageProblem } from './problems.ts';

const record = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  version: POSITION_VERSION,
  articleId: 'a-1',
  sentence: 3,
  sentences: 10,
  updatedAt: 1_700_000_000_000,
  ...fields,
});

/** A backend over a Map, whose calls can be made to fail or to wait. */
function memoryBackend(initial: Array<[IDBValidKey, unknown]> = []) {
  const data = new Map<IDBValidKey, unknown>(initial);
  const saves: Array<Array<[string, unknown]>> = [];
  const state = {
    data,
    saves,
    recovered: false,
    loadError: null as Error | null,
    saveError: null as Error | null,
    /** While set, saves wait for it. */
    gate: null as Promise<void> | null,
  };
  const backend: PositionsBackend = {
    async load() {
      if (state.loadError) throw state.loadError;
      return { entries: [...data.entries()], recovered: state.recovered };
    },
    async save(records) {
      if (state.gate) await state.gate;
      if (state.saveError) throw state.saveError;
      saves.push(records.map(([k, v]) => [k, v]));
      for (const [k, v] of records) data.set(k, v);
    },
    async delete(keys) {
      for (const k of keys) data.delete(k);
    },
  };
  return { backend, state };
}

function problems(store: PositionStore): StorageProblem[] {
  const seen: StorageProblem[] = [];
  store.addEventListener(StorageProblemEvent.type, (e) => seen.push((e as StorageProblemEvent).problem));
  return seen;
}

describe('parsePosition', () => {
  it('reads a valid record', () => {
    expect(parsePosition(record(), 'a-1')).toEqual({ articleId: 'a-1', sentence: 3, sentences: 10, updatedAt: 1_700_000_000_000 });
    expect(parsePosition(record({ sentence: 10 }))).not.toBeNull(); // read to the end
    expect(Object.isFrozen(parsePosition(record()))).toBe(true);
  });

  it('refuses anything else', () => {
    const bad: unknown[] = [
      undefined,
      null,
      'a-1:3',
      42,
      [record()],
      record({ version: 0 }),
      record({ version: 2 }),
      record({ version: '1' }),
      { articleId: 'a-1', sentence: 3, sentences: 10, updatedAt: 1 }, // no version: an older format
      record({ articleId: '' }),
      record({ articleId: 7 }),
      record({ articleId: 'x'.repeat(201) }),
      record({ sentence: -1 }),
      record({ sentence: 1.5 }),
      record({ sentence: 11 }),
      record({ sentence: '3' }),
      record({ sentences: 0 }),
      record({ sentences: Infinity }),
      record({ updatedAt: NaN }),
      record({ updatedAt: -5 }),
      record({ updatedAt: '2024' }),
    ];
    for (const value of bad) expect(parsePosition(value), JSON.stringify(value)).toBeNull();
  });

  it('refuses a record stored under another article’s key', () => {
    expect(parsePosition(record(), 'a-2')).toBeNull();
  });

  it('reads back what it writes', () => {
    const position: ReadingPosition = { articleId: 'b', sentence: 0, sentences: 1, updatedAt: 5 };
    expect(parsePosition(JSON.parse(JSON.stringify(serializePosition(position))), 'b')).toEqual(position);
  });
});

describe('listenedPercent', () => {
  const at = (sentence: number, sentences: number): number => listenedPercent({ articleId: 'a', sentence, sentences, updatedAt: 1 });
  it('counts the sentences before the one being read', () => {
    expect(at(0, 10)).toBe(0);
    expect(at(7, 20)).toBe(35);
    expect(at(10, 10)).toBe(100);
  });
  it('is never 0 past the start nor 100 before the end', () => {
    expect(at(1, 1000)).toBe(1);
    expect(at(999, 1000)).toBe(99);
  });
  it('knows the end', () => {
    expect(isFinished({ articleId: 'a', sentence: 4, sentences: 4, updatedAt: 1 })).toBe(true);
    expect(isFinished({ articleId: 'a', sentence: 3, sentences: 4, updatedAt: 1 })).toBe(false);
  });
});

describe('PositionStore', () => {
  it('loads the stored positions and knows the last read', async () => {
    const { backend } = memoryBackend([
      ['a-1', record({ updatedAt: 100 })],
      ['a-2', record({ articleId: 'a-2', sentence: 5, updatedAt: 200 })],
    ]);
    const store = new PositionStore(backend);
    expect(store.get('a-1')).toBeNull(); // not loaded yet
    let changes = 0;
    store.addEventListener(PositionsChangeEvent.type, () => changes++);
    await store.load();
    expect(store.get('a-1')?.sentence).toBe(3);
    expect(store.lastRead?.articleId).toBe('a-2');
    expect(store.all.size).toBe(2);
    expect(changes).toBe(1);
  });

  it('drops and deletes corrupt or old-format records, keeps the good ones, and says so once', async () => {
    const { backend, state } = memoryBackend([
      ['a-1', record()],
      ['a-2', 'garbage'],
      ['a-3', { articleId: 'a-3', index: 4 }],
      [42, record({ articleId: 'x' })],
      ['a-4', record({ articleId: 'a-4', sentence: 99 })],
    ]);
    const store = new PositionStore(backend);
    const seen = problems(store);
    await store.load();
    expect([...store.all.keys()]).toEqual(['a-1']);
    expect([...state.data.keys()]).toEqual(['a-1']);
    expect(seen).toEqual(['positions-reset']);
  });

  it('reports a database that had to be replaced', async () => {
    const { backend, state } = memoryBackend();
    state.recovered = true;
    const store = new PositionStore(backend);
    const seen = problems(store);
    await store.load();
    expect(seen).toEqual(['positions-reset']);
  });

  it('is silent when everything is fine', async () => {
    const { backend } = memoryBackend([['a-1', record()]]);
    const store = new PositionStore(backend);
    const seen = problems(store);
    await store.load();
    store.save('a-1', 4, 10);
    await store.flush();
    expect(seen).toEqual([]);
  });

  it('saves at once in memory and in the background to storage', async () => {
    const { backend, state } = memoryBackend();
    const store = new PositionStore(backend);
    await store.load();
    store.save('a-1', 4, 10, 1000);
    expect(store.get('a-1')).toEqual({ articleId: 'a-1', sentence: 4, sentences: 10, updatedAt: 1000 });
    await store.flush();
    expect(state.data.get('a-1')).toEqual(record({ sentence: 4, updatedAt: 1000 }));
  });

  it('coalesces saves made while a write is in flight: only the latest of each article is written', async () => {
    const { backend, state } = memoryBackend();
    const store = new PositionStore(backend);
    await store.load();
    let open!: () => void;
    state.gate = new Promise((resolve) => (open = resolve));
    store.save('a-1', 1, 10, 1000);
    store.save('a-1', 2, 10, 1001);
    store.save('a-1', 3, 10, 1002);
    store.save('a-2', 7, 10, 1003);
    open();
    await store.flush();
    expect(state.saves.map((batch) => batch.map(([k, v]) => `${k}:${(v as ReadingPosition).sentence}`))).toEqual([['a-1:1'], ['a-1:3', 'a-2:7']]);
    expect(store.get('a-1')?.sentence).toBe(3);
  });

  it('remove: forgets a position at once and deletes it from storage after a write of it in flight', async () => {
    const { backend, state } = memoryBackend([['a-2', record({ articleId: 'a-2', updatedAt: 500 })]]);
    const store = new PositionStore(backend);
    await store.load();
    let changes = 0;
    store.addEventListener(PositionsChangeEvent.type, () => changes++);
    let open!: () => void;
    state.gate = new Promise((resolve) => (open = resolve));
    store.save('a-1', 1, 10, 1000); // in flight
    store.save('a-1', 2, 10, 1001); // pending
    store.remove('a-1');
    store.remove('a-2');
    expect(store.get('a-1')).toBeNull();
    expect(store.get('a-2')).toBeNull();
    expect(store.lastRead).toBeNull();
    expect(changes).toBe(4);
    open();
    await store.flush();
    // The write already on its way went first; the pending one was dropped; then both deleted.
    expect(state.saves.map((batch) => batch.map(([k]) => k))).toEqual([['a-1']]);
    expect([...state.data.keys()]).toEqual([]);
  });

  it('the article saved last is the last read, even within one millisecond', async () => {
    const { backend } = memoryBackend();
    const store = new PositionStore(backend);
    await store.load();
    store.save('a-1', 1, 10, 5000);
    store.save('a-2', 1, 10, 5000);
    expect(store.lastRead?.articleId).toBe('a-2');
    store.save('a-1', 2, 10, 4000); // the clock went back
    expect(store.lastRead?.articleId).toBe('a-1');
  });

  it('ignores an impossible position', async () => {
    const { backend } = memoryBackend();
    const store = new PositionStore(backend);
    await store.load();
    store.save('a-1', 11, 10);
    store.save('', 0, 10);
    expect(store.all.size).toBe(0);
  });

  it('a full disk: keeps the positions in memory and reports the problem', async () => {
    const { backend, state } = memoryBackend();
    const store = new PositionStore(backend);
    const seen = problems(store);
    await store.load();
    state.saveError = new DOMException('quota', 'QuotaExceededError');
    store.save('a-1', 4, 10);
    await store.flush();
    expect(store.get('a-1')?.sentence).toBe(4);
    expect(seen).toEqual(['full']);
    // Space freed: the next save is written, with the latest position.
    state.saveError = null;
    store.save('a-1', 5, 10);
    await store.flush();
    expect((state.data.get('a-1') as ReadingPosition).sentence).toBe(5);
  });

  it('no database at all: memory only, reported once, never a rejection', async () => {
    const { backend, state } = memoryBackend();
    state.loadError = new DOMException('denied', 'SecurityError');
    const store = new PositionStore(backend);
    const seen = problems(store);
    await store.load();
    store.save('a-1', 4, 10);
    store.save('a-1', 5, 10);
    await store.flush();
    expect(store.get('a-1')?.sentence).toBe(5);
    expect(state.saves).toEqual([]);
    expect(seen).toEqual(['unavailable']);
  });

  it('a position saved while loading is not overwritten by the older stored one', async () => {
    const { backend } = memoryBackend([['a-1', record({ sentence: 2, updatedAt: 10 })]]);
    const store = new PositionStore(backend);
    const loading = store.load();
    store.save('a-1', 6, 10, 20);
    await loading;
    expect(store.get('a-1')?.sentence).toBe(6);
  });
});
