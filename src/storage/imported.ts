import { entries, promisifyRequest } from 'idb-keyval';
import { isImportedId, type ImportedArticle } from '../library/import-rules.ts';
import { LIBRARY_FORMAT, type ArticleDocument, type LibraryEntry } from '../library/types.ts';
import { appDatabase, database, type ObjectStoreName } from './idb.ts';
import { ImportedChangeEvent } from './imported-probe.ts';
import { StorageProblemEvent, writeProblem, type StorageProblem, type WriteProblem } from './problems.ts';

/**
 * The articles the listener imported (src/library/import.ts), kept on the device in IndexedDB,
 * in two object stores with the article id as the key:
 *
 * - `imported`: one small record per article, its library line (`ImportedEntry`), read at start-up
 *   to list them;
 * - `imported-articles`: the article itself (`ArticleDocument`), read when it is opened.
 *
 * Both are written and deleted together, in one transaction: an import that fails (a full disk)
 * leaves nothing behind, and a deletion leaves no half. Every record is validated when read; a
 * record that fails is deleted and reported (`imported-reset`).
 */

/** An imported article's line in the library: a `LibraryEntry` and when it was imported. */
export interface ImportedEntry extends LibraryEntry {
  /** When the import that brought it happened (ms since the epoch). */
  readonly importedAt: number;
  /** Its place among the articles of that import (the order of the page). */
  readonly order: number;
}

/**
 * Version of the stored records; bump it (and migrate in the parsers) when their shape changes.
 * A record of another version is dropped (and the listener told).
 */
export const IMPORTED_VERSION = 1;

const MAX_ID = 200;
const MAX_TEXT = 1_000_000;
const MAX_COUNT = 10_000_000;

type Fields = Record<string, unknown>;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown, max = MAX_TEXT): value is string {
  return typeof value === 'string' && value.length <= max;
}

function isCount(value: unknown, min = 0): value is number {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= MAX_COUNT;
}

function isArticleId(value: unknown): value is string {
  return typeof value === 'string' && isImportedId(value) && value.length <= MAX_ID;
}

/** A stored `imported` record, validated; `null` when it is unusable. `key` is its IndexedDB key. */
export function parseImportedEntry(value: unknown, key?: unknown): ImportedEntry | null {
  if (!isRecord(value) || value.version !== IMPORTED_VERSION || !isRecord(value.entry)) return null;
  const { importedAt, order } = value;
  const { id, byline, chars, sentences, source } = value.entry;
  if (!isArticleId(id) || (key !== undefined && key !== id)) return null;
  const headline = parseHeadline(value.entry);
  if (!headline || !(byline === null || isText(byline)) || !isText(source)) return null;
  // Records stored before the library's format 2 have no lead (they always had a title).
  const lead = value.entry.lead ?? '';
  if (!isText(lead) || (headline.title === null && lead === '')) return null;
  if (!isCount(chars) || !isCount(sentences, 1) || !isCount(order)) return null;
  if (typeof importedAt !== 'number' || !Number.isFinite(importedAt) || importedAt <= 0) return null;
  return Object.freeze({ id, ...headline, byline, lead, chars, sentences, source, importedAt, order });
}

/**
 * The headline's parts of a stored entry or article: a title (a non-empty text, or null), and a
 * kicker and subtitle (text or null; absent in records stored before the library's format 2).
 */
function parseHeadline(value: Fields): { kicker: string | null; title: string | null; subtitle: string | null } | null {
  const { title } = value;
  const kicker = value.kicker ?? null;
  const subtitle = value.subtitle ?? null;
  if (!(title === null || (isText(title) && title.length > 0))) return null;
  if (!(kicker === null || isText(kicker)) || !(subtitle === null || isText(subtitle))) return null;
  return { kicker, title, subtitle };
}

/** A stored `imported-articles` record, validated; `null` when it is unusable. */
export function parseImportedDocument(value: unknown, key?: unknown): ArticleDocument | null {
  if (!isRecord(value) || value.version !== IMPORTED_VERSION || !isRecord(value.document)) return null;
  const { format, article, notes, source } = value.document;
  // Format 1 (before kickers and subtitles) reads as format 2 without them.
  if ((format !== LIBRARY_FORMAT && format !== 1) || !isRecord(article) || !isText(source)) return null;
  if (!Array.isArray(notes) || !notes.every((note) => isText(note))) return null;
  const { id, byline, sections } = article;
  if (!isArticleId(id) || (key !== undefined && key !== id)) return null;
  const headline = parseHeadline(article);
  if (!headline || !(byline === null || isText(byline))) return null;
  if (!Array.isArray(sections) || sections.length === 0) return null;
  for (const section of sections as unknown[]) {
    if (!isRecord(section) || !(section.heading === null || isText(section.heading))) return null;
    if (!Array.isArray(section.paragraphs) || !section.paragraphs.every((p) => isText(p))) return null;
  }
  return {
    format: LIBRARY_FORMAT,
    article: {
      id,
      ...headline,
      byline,
      sections: (sections as Array<{ heading: string | null; paragraphs: string[] }>).map(({ heading, paragraphs }) => ({ heading, paragraphs: [...paragraphs] })),
    },
    notes: [...(notes as string[])],
    source,
  };
}

/** The stored forms of an imported article: its `imported` and its `imported-articles` record. */
export function serializeImported(
  article: ImportedArticle,
  importedAt: number,
  order: number,
): { entry: { version: number; importedAt: number; order: number; entry: LibraryEntry }; document: { version: number; document: ArticleDocument } } {
  const { id, kicker, title, subtitle, byline, lead, chars, sentences, source } = article.entry;
  return {
    entry: { version: IMPORTED_VERSION, importedAt, order, entry: { id, kicker, title, subtitle, byline, lead, chars, sentences, source } },
    document: { version: IMPORTED_VERSION, document: article.document },
  };
}

/** Where imported articles live. Every call may reject (the store deals with it). */
export interface ImportedBackend {
  /** Every `imported` record, unvalidated, with its key; `recovered: true` when the database was replaced. */
  loadEntries(): Promise<{ entries: Array<[IDBValidKey, unknown]>; recovered: boolean }>;
  /** The `imported-articles` record of an article (`undefined` when there is none). */
  loadDocument(id: string): Promise<unknown>;
  /** Stores the records, all of them or (on any failure) none. */
  put(records: ReadonlyArray<{ id: string; entry: unknown; document: unknown }>): Promise<void>;
  /** Deletes the articles' records from both object stores, all or none. */
  delete(ids: readonly IDBValidKey[]): Promise<void>;
}

export { ImportedChangeEvent };

const STORES: readonly ObjectStoreName[] = ['imported', 'imported-articles'];

/** Resolves when the transaction commits; rejects with its error (e.g. QuotaExceededError) when it aborts. */
function committed(transaction: IDBTransaction): Promise<void> {
  return promisifyRequest(transaction).then(() => undefined);
}

/** The backend on the app's IndexedDB database (idb.ts). */
export function indexedDbImportedBackend(factory?: IDBFactory): ImportedBackend {
  const db = factory ? database(factory) : appDatabase();
  return {
    async loadEntries() {
      const recovered = await db.recovered;
      return { entries: await entries(db.store('imported')), recovered };
    },
    loadDocument: (id) => db.store('imported-articles')('readonly', (store) => promisifyRequest(store.get(id))),
    put: (records) =>
      db.transaction(STORES, 'readwrite', (transaction) => {
        const entryStore = transaction.objectStore('imported');
        const documentStore = transaction.objectStore('imported-articles');
        try {
          for (const { id, entry, document } of records) {
            entryStore.put(entry, id);
            documentStore.put(document, id);
          }
        } catch (error) {
          // put() can throw (DataCloneError, or a quota error in some browsers) after earlier
          // puts were queued: abort, so that those are not committed either.
          transaction.abort();
          throw error;
        }
        return committed(transaction);
      }),
    delete: (ids) =>
      db.transaction(STORES, 'readwrite', (transaction) => {
        for (const id of ids) {
          transaction.objectStore('imported').delete(id);
          transaction.objectStore('imported-articles').delete(id);
        }
        return committed(transaction);
      }),
  };
}

/**
 * A write of imported articles failed; nothing was written. `problem`: `full` (no space left on
 * the device or in the origin's quota) or `unavailable` (storage refused or broken).
 */
export class ImportedWriteError extends Error {
  override name = 'ImportedWriteError';
  constructor(
    readonly problem: WriteProblem,
    options?: ErrorOptions,
  ) {
    super(`imported articles could not be stored (${problem})`, options);
  }
}

/** What `add()` did: the articles it stored, and those it did not because they were there already. */
export interface AddResult {
  added: ImportedEntry[];
  duplicates: ImportedEntry[];
}

/**
 * The one owner of the imported articles. It keeps their library lines in memory (sorted in the
 * order they were imported) and reads an article itself only when asked (`document`).
 *
 * Unlike the reading positions, which are saved behind the listener's back, an import is something
 * the listener waits for: `add()` and `delete()` resolve once the change is stored and reject
 * (`ImportedWriteError`) when it could not be, leaving everything as it was. They run one at a time.
 *
 * `load()` once at start-up (`add`, `delete` and `document` wait for it). A database that cannot be
 * opened at all leaves the list empty and every `add` refused (`unavailable`).
 */
export class ImportedStore extends EventTarget {
  #entries = new Map<string, ImportedEntry>();
  #sorted: readonly ImportedEntry[] = [];
  #loading: Promise<void> | null = null;
  #available = true;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly backend: ImportedBackend = indexedDbImportedBackend()) {
    super();
  }

  /** Reads the stored list (once; later calls return the same promise). Never rejects. */
  load(): Promise<void> {
    this.#loading ??= this.#load();
    return this.#loading;
  }

  async #load(): Promise<void> {
    let loaded: Awaited<ReturnType<ImportedBackend['loadEntries']>>;
    try {
      loaded = await this.backend.loadEntries();
    } catch {
      // The positions store tells the listener that storage is refused; nothing more to say here.
      this.#available = false;
      return;
    }
    const bad: IDBValidKey[] = [];
    for (const [key, value] of loaded.entries) {
      const entry = parseImportedEntry(value, key);
      if (entry) this.#entries.set(entry.id, entry);
      else bad.push(key);
    }
    if (bad.length > 0) {
      await this.backend.delete(bad).catch(() => undefined);
      this.#report('imported-reset');
    }
    this.#changed();
  }

  /** The imported articles, in the order they were imported. */
  get entries(): readonly ImportedEntry[] {
    return this.#sorted;
  }

  /** The library line of an imported article, or `null`. */
  get(id: string): ImportedEntry | null {
    return this.#entries.get(id) ?? null;
  }

  /**
   * An imported article, read from storage; `null` when there is no such article, or when its
   * record is unusable (then it is deleted, and `imported-reset` reported). Rejects when storage
   * cannot be read.
   */
  async document(id: string): Promise<ArticleDocument | null> {
    await this.load();
    if (!this.#entries.has(id)) return null;
    const document = parseImportedDocument(await this.backend.loadDocument(id), id);
    if (document) return document;
    await this.delete(id).catch(() => undefined);
    this.#report('imported-reset');
    return null;
  }

  /**
   * Stores newly imported articles, all or none. Articles already here (the same text imported
   * again, hence the same id) are not stored again, and neither is a second copy within `articles`:
   * they are listed as `duplicates` (the copy already here). Rejects with `ImportedWriteError`.
   */
  add(articles: readonly ImportedArticle[], now = Date.now()): Promise<AddResult> {
    return this.#serial(async () => {
      await this.load();
      const fresh: ImportedArticle[] = [];
      const duplicates: ImportedEntry[] = [];
      const seen = new Set<string>();
      for (const article of articles) {
        const existing = this.#entries.get(article.entry.id);
        if (existing) {
          if (!duplicates.includes(existing)) duplicates.push(existing);
        } else if (!seen.has(article.entry.id)) {
          seen.add(article.entry.id);
          fresh.push(article);
        }
      }
      if (fresh.length === 0) return { added: [], duplicates };
      if (!this.#available) throw new ImportedWriteError('unavailable');
      const records = fresh.map((article, order) => ({ id: article.entry.id, ...serializeImported(article, now, order) }));
      // Never store what could not be read back.
      const added: ImportedEntry[] = [];
      for (const { id, entry, document } of records) {
        const parsed = parseImportedEntry(entry, id);
        if (!parsed || !parseImportedDocument(document, id)) throw new TypeError(`imported article ${id} does not have the shape it should`);
        added.push(parsed);
      }
      try {
        await this.backend.put(records);
      } catch (error) {
        throw new ImportedWriteError(writeProblem(error), { cause: error });
      }
      for (const entry of added) this.#entries.set(entry.id, entry);
      this.#changed();
      return { added, duplicates };
    });
  }

  /** Deletes an imported article (its line and its text). Rejects with `ImportedWriteError`. */
  delete(id: string): Promise<void> {
    return this.#serial(async () => {
      await this.load();
      try {
        await this.backend.delete([id]);
      } catch (error) {
        throw new ImportedWriteError(writeProblem(error), { cause: error });
      }
      if (this.#entries.delete(id)) this.#changed();
    });
  }

  /** Runs the write after the ones before it, whether they failed or not. */
  #serial<T>(write: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(write, write);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  #changed(): void {
    this.#sorted = [...this.#entries.values()].sort((a, b) => a.importedAt - b.importedAt || a.order - b.order);
    this.dispatchEvent(new ImportedChangeEvent());
  }

  #report(problem: StorageProblem): void {
    this.dispatchEvent(new StorageProblemEvent(problem));
  }
}
