import { delMany, entries, setMany } from 'idb-keyval';
import { appDatabase, database } from './idb.ts';
import type { ReadingPosition } from '../state/positions.ts';
import { StorageProblemEvent, writeProblem, type StorageProblem } from './problems.ts';

/**
 * Where the listener is in each article, kept in IndexedDB (object store `positions`, key = the
 * article id), saved at the start of every sentence. The last-read article is the one saved last.
 */
export { isFinished, listenedPercent, type ReadingPosition } from '../state/positions.ts';

/**
 * Version of a stored position record; bump it (and migrate in `parsePosition`) when the shape
 * changes. A record of another version, or not a record, is dropped (and the listener told).
 */
export const POSITION_VERSION = 1;

const MAX_ID = 200;
const MAX_SENTENCES = 1_000_000;

/** A stored position record, validated; `null` when it is unusable. `key` is its IndexedDB key. */
export function parsePosition(value: unknown, key?: unknown): ReadingPosition | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { version, articleId, sentence, sentences, updatedAt } = value as Record<string, unknown>;
  if (version !== POSITION_VERSION) return null;
  if (typeof articleId !== 'string' || articleId.length === 0 || articleId.length > MAX_ID) return null;
  if (key !== undefined && key !== articleId) return null;
  if (!Number.isInteger(sentences) || (sentences as number) < 1 || (sentences as number) > MAX_SENTENCES) return null;
  if (!Number.isInteger(sentence) || (sentence as number) < 0 || (sentence as number) > (sentences as number)) return null;
  if (typeof updatedAt !== 'number' || !Number.isFinite(updatedAt) || updatedAt <= 0) return null;
  return Object.freeze({ articleId, sentence: sentence as number, sentences: sentences as number, updatedAt });
}

/** The stored form of a position: the record `parsePosition` reads back. */
export function serializePosition(position: ReadingPosition): { version: number } & ReadingPosition {
  return {
    version: POSITION_VERSION,
    articleId: position.articleId,
    sentence: position.sentence,
    sentences: position.sentences,
    updatedAt: position.updatedAt,
  };
}

/** Where positions live. Every call may reject (the store deals with it). */
export interface PositionsBackend {
  /** Every stored record, unvalidated, with its key. Resolves `recovered: true` when the data was lost. */
  load(): Promise<{ entries: Array<[IDBValidKey, unknown]>; recovered: boolean }>;
  save(records: ReadonlyArray<readonly [string, unknown]>): Promise<void>;
  delete(keys: readonly IDBValidKey[]): Promise<void>;
}

/** The backend on the app's IndexedDB database (idb.ts), through idb-keyval. */
export function indexedDbBackend(factory?: IDBFactory): PositionsBackend {
  const db = factory ? database(factory) : appDatabase();
  const store = db.store('positions');
  return {
    async load() {
      const recovered = await db.recovered;
      return { entries: await entries(store), recovered };
    },
    save: (records) => setMany(records.map(([key, value]) => [key, value]), store),
    delete: (keys) => delMany([...keys], store),
  };
}

/** Fired by `PositionStore` when its positions changed (loaded, or one saved). */
export class PositionsChangeEvent extends Event {
  static readonly type = 'positions-change';
  constructor() {
    super(PositionsChangeEvent.type);
  }
}

/**
 * The one owner of the reading positions. It keeps them all in memory (there is one per article
 * read) and writes each change behind the listener's back: `save()` is synchronous and never
 * fails; at most one write is in flight, and positions saved meanwhile go in the next one (only the
 * latest of each article). When storage fails, the positions stay right in memory for the session
 * and a `StorageProblemEvent` says what went wrong.
 *
 * `load()` once at start-up; every read before it has finished sees no positions. Records that
 * fail validation are deleted and reported (`positions-reset`); a database that cannot be opened
 * at all makes the store memory-only (`unavailable`).
 */
export class PositionStore extends EventTarget {
  #positions = new Map<string, ReadingPosition>();
  #pending = new Map<string, ReadingPosition>();
  /** Articles whose positions are to be deleted from storage (see `remove`). */
  #pendingRemovals = new Set<string>();
  #writing: Promise<void> | null = null;
  #memoryOnly = false;
  #loading: Promise<void> | null = null;

  constructor(private readonly backend: PositionsBackend = indexedDbBackend()) {
    super();
  }

  /** Reads the stored positions (once; later calls return the same promise). Never rejects. */
  load(): Promise<void> {
    this.#loading ??= this.#load();
    return this.#loading;
  }

  async #load(): Promise<void> {
    let loaded: Awaited<ReturnType<PositionsBackend['load']>>;
    try {
      loaded = await this.backend.load();
    } catch {
      this.#memoryOnly = true;
      this.#report('unavailable');
      return;
    }
    const bad: IDBValidKey[] = [];
    for (const [key, value] of loaded.entries) {
      const position = parsePosition(value, key);
      if (!position) {
        bad.push(key);
        continue;
      }
      // Saved while the load was on its way: the newer one wins.
      if (!this.#positions.has(position.articleId)) this.#positions.set(position.articleId, position);
    }
    if (bad.length > 0) {
      await this.backend.delete(bad).catch(() => undefined);
    }
    if (bad.length > 0 || loaded.recovered) this.#report('positions-reset');
    this.#changed();
  }

  /** The saved position in an article, or `null`. */
  get(articleId: string): ReadingPosition | null {
    return this.#positions.get(articleId) ?? null;
  }

  /** Every saved position, by article id. */
  get all(): ReadonlyMap<string, ReadingPosition> {
    return this.#positions;
  }

  /** The position saved last (the article read last), or `null`. */
  get lastRead(): ReadingPosition | null {
    let last: ReadingPosition | null = null;
    for (const position of this.#positions.values()) {
      if (!last || position.updatedAt > last.updatedAt) last = position;
    }
    return last;
  }

  /**
   * Remembers that the listener is at `sentence` of an article of `sentences` sentences
   * (`sentence === sentences`: read to the end). Applies at once; stored in the background.
   */
  save(articleId: string, sentence: number, sentences: number, now = Date.now()): void {
    // Another article saved last gets a strictly earlier time, so that "saved last" is well
    // defined even within one millisecond (or with a clock set back).
    const last = this.lastRead;
    const updatedAt = Math.max(now, last ? last.updatedAt + (last.articleId === articleId ? 0 : 1) : 0);
    const position = parsePosition(serializePosition({ articleId, sentence, sentences, updatedAt }));
    if (!position) return;
    this.#positions.set(articleId, position);
    this.#changed();
    if (this.#memoryOnly) return;
    this.#pending.set(articleId, position);
    this.#writing ??= this.#drain();
  }

  /**
   * Forgets the position in an article (it was deleted from the library). Applies at once; deleted
   * from storage in the background, after any write of it already on its way.
   */
  remove(articleId: string): void {
    this.#pending.delete(articleId);
    if (this.#positions.delete(articleId)) this.#changed();
    if (this.#memoryOnly) return;
    this.#pendingRemovals.add(articleId);
    this.#writing ??= this.#drain();
  }

  /** Resolves once every position saved so far is stored (or failed to be). Never rejects. */
  async flush(): Promise<void> {
    while (this.#writing) await this.#writing;
  }

  async #drain(): Promise<void> {
    try {
      while (this.#pending.size > 0 || this.#pendingRemovals.size > 0) {
        const batch = [...this.#pending.values()];
        this.#pending.clear();
        if (batch.length > 0) {
          try {
            await this.backend.save(batch.map((p) => [p.articleId, serializePosition(p)] as const));
          } catch (error) {
            this.#report(writeProblem(error));
          }
        }
        const removals = [...this.#pendingRemovals];
        this.#pendingRemovals.clear();
        if (removals.length > 0) {
          // A failed delete leaves a position of an article that no longer exists: harmless.
          await this.backend.delete(removals).catch(() => undefined);
        }
      }
    } finally {
      this.#writing = null;
    }
  }

  #changed(): void {
    this.dispatchEvent(new PositionsChangeEvent());
  }

  #report(problem: StorageProblem): void {
    this.dispatchEvent(new StorageProblemEvent(problem));
  }
}
