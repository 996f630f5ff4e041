import { promisifyRequest, type UseStore } from 'idb-keyval';

/**
 * The app's IndexedDB database, opened once and shared by the stores that live in it, as
 * idb-keyval `UseStore`s (so `get`/`set`/`entries`… work on them).
 *
 * idb-keyval's own `createStore` opens the database without a version and only creates the object
 * store when the database is new. We open it at a known version and check its shape, because a
 * database of the same name that is not ours (a broken earlier build, another app on the same
 * origin) would otherwise fail every transaction for good. Such a database is deleted and made
 * again: what it held is lost, and `recovered` says so, so that the store can tell the listener.
 *
 * A database of a newer version that has every object store this code uses is used as it is:
 * versions only ever add object stores, so it is ours, written by a newer build (an older tab
 * still open after an update, or a rolled-back deployment). Deleting it would throw away the
 * listener's imported articles.
 */
export const DB_NAME = 'tingdu';
/**
 * Bump when an object store is added; `onupgradeneeded` creates the missing ones.
 * 1: `positions`; 2: `imported` and `imported-articles` (src/storage/imported.ts).
 */
export const DB_VERSION = 2;
export const OBJECT_STORES = ['positions', 'imported', 'imported-articles'] as const;
export type ObjectStoreName = (typeof OBJECT_STORES)[number];

export interface Database {
  /** The idb-keyval store for one object store. */
  store(name: ObjectStoreName): UseStore;
  /**
   * Runs `callback` in one transaction over several object stores, so that its writes happen all
   * together or not at all.
   */
  transaction<T>(names: readonly ObjectStoreName[], mode: IDBTransactionMode, callback: (transaction: IDBTransaction) => T | PromiseLike<T>): Promise<T>;
  /** Resolves once the database is open; `true` when a broken database had to be replaced. */
  readonly recovered: Promise<boolean>;
}

/**
 * Opens the database at DB_VERSION, or (`version` null) at whatever version it has. (Not
 * `undefined`: an explicit `undefined` argument takes the parameter's default.)
 */
function open(factory: IDBFactory, version: number | null = DB_VERSION): Promise<IDBDatabase> {
  const request = version === null ? factory.open(DB_NAME) : factory.open(DB_NAME, version);
  request.onupgradeneeded = () => {
    const db = request.result;
    for (const name of OBJECT_STORES) if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
  };
  return promisifyRequest(request);
}

function hasOurShape(db: IDBDatabase): boolean {
  return OBJECT_STORES.every((name) => db.objectStoreNames.contains(name));
}

/**
 * Opens (lazily, on first use) the app's database. Throws (from the stores' calls) where
 * IndexedDB is missing or refused, e.g. in some private modes.
 */
export function database(factory: IDBFactory | undefined = globalThis.indexedDB): Database {
  let opening: Promise<{ db: IDBDatabase; recovered: boolean }> | undefined;

  const connect = async (): Promise<{ db: IDBDatabase; recovered: boolean }> => {
    if (!factory) throw new DOMException('IndexedDB is not available', 'InvalidStateError');
    let db: IDBDatabase;
    try {
      db = await open(factory);
    } catch (error) {
      // VersionError: a newer version of the database than this code knows: opened at its own
      // version, and used if it has our shape. Anything else (refused, unavailable) is not ours
      // to repair.
      if (!(error instanceof DOMException) || error.name !== 'VersionError') throw error;
      db = await open(factory, null);
    }
    let recovered = false;
    if (!hasOurShape(db)) {
      db.close();
      await promisifyRequest(factory.deleteDatabase(DB_NAME));
      db = await open(factory);
      recovered = true;
    }
    // Another tab upgrading the database: let it (and open again on next use).
    db.onversionchange = () => {
      db.close();
      opening = undefined;
    };
    db.onclose = () => {
      opening = undefined;
    };
    return { db, recovered };
  };

  const connection = (): Promise<{ db: IDBDatabase; recovered: boolean }> => {
    opening ??= connect();
    const current = opening;
    current.catch(() => {
      if (opening === current) opening = undefined;
    });
    return current;
  };

  return {
    store:
      (name) =>
      <T>(mode: IDBTransactionMode, callback: (store: IDBObjectStore) => T | PromiseLike<T>) =>
        connection().then(({ db }) => callback(db.transaction(name, mode).objectStore(name))),
    transaction: (names, mode, callback) => connection().then(({ db }) => callback(db.transaction([...names], mode))),
    get recovered() {
      return connection().then(({ recovered }) => recovered);
    },
  };
}

let shared: Database | undefined;

/**
 * The page's one connection to the app's database, shared by every store in it (positions,
 * imported articles), so that a broken database is repaired once, not once per store.
 */
export function appDatabase(): Database {
  shared ??= database();
  return shared;
}
