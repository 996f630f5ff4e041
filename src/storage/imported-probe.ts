import { promisifyRequest } from 'idb-keyval';
import { appDatabase, type Database } from './idb.ts';

/**
 * What the app needs of the listener's imported articles before any is shown, kept apart from the
 * store (imported.ts), which is loaded only when there is something to list, open or import:
 * most listeners never import, and the first load stays small.
 */

/** Fired by `ImportedStore` when its list of articles changed (loaded, added to, deleted from). */
export class ImportedChangeEvent extends Event {
  static readonly type = 'imported-change';
  constructor() {
    super(ImportedChangeEvent.type);
  }
}

/**
 * Whether the device holds any imported article (or any record there at all, readable or not:
 * the store then loads, and reports and resets what it cannot read). True when storage cannot be
 * asked, so that the store gets to say what is wrong.
 */
export async function hasImported(db: Database = appDatabase()): Promise<boolean> {
  try {
    const count = await db.store('imported')('readonly', (store) => promisifyRequest(store.count()));
    return count > 0;
  } catch {
    return true;
  }
}
