import type { ReactiveControllerHost } from 'lit';
import { positionsContext } from '../state/contexts.ts';
import { PositionsChangeEvent, type PositionStore, type ReadingPosition } from '../storage/positions.ts';
import { StoreController } from './store-controller.ts';

/**
 * The reading positions for a component that shows them (the library: progress per article,
 * 继续收听): the `PositionStore` from `positionsContext`; the host re-renders when the positions
 * change (they finish loading after the first paint). `get(id)` and `lastRead` are always current.
 */
export class PositionsController extends StoreController<PositionStore> {
  constructor(host: ReactiveControllerHost & HTMLElement) {
    super(host, positionsContext, PositionsChangeEvent.type);
  }

  get(articleId: string): ReadingPosition | null {
    return this.store?.get(articleId) ?? null;
  }

  get lastRead(): ReadingPosition | null {
    return this.store?.lastRead ?? null;
  }
}
