/**
 * What can go wrong with what the app keeps on the device, in words the UI can turn into a notice.
 * The stores (settings.ts, positions.ts) never throw at their users: they keep working from memory
 * and fire a `StorageProblemEvent` instead. The shell tells the listener, once per kind. The
 * exception is what the listener waits for, an import or a deletion (imported.ts): that rejects
 * with the `WriteProblem`, which the import's own message tells.
 */

/**
 * - `settings-reset`: the saved settings could not be read (corrupt, or written by an unknown
 *   version); the defaults apply.
 * - `positions-reset`: saved listening positions could not be read; those were dropped.
 * - `imported-reset`: imported articles could not be read; those were deleted.
 * - `full`: a write failed because the device or the origin's quota is full.
 * - `unavailable`: the browser refuses storage (private mode, storage blocked by policy, a broken
 *   database); nothing is kept after this session.
 */
export type StorageProblem = 'settings-reset' | 'positions-reset' | 'imported-reset' | WriteProblem;

/** What a failed write is: no space left, or storage refused. */
export type WriteProblem = 'full' | 'unavailable';

/** Fired by a store (an EventTarget) when something it keeps could not be read or written. */
export class StorageProblemEvent extends Event {
  static readonly type = 'storage-problem';
  constructor(readonly problem: StorageProblem) {
    super(StorageProblemEvent.type);
  }
}

/**
 * Whether an error from localStorage or IndexedDB means "no space left". Browsers name it
 * `QuotaExceededError` (Firefox used `NS_ERROR_DOM_QUOTA_REACHED`, old Safari code 22).
 */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

/** The problem a failed write is. */
export function writeProblem(error: unknown): WriteProblem {
  return isQuotaError(error) ? 'full' : 'unavailable';
}
