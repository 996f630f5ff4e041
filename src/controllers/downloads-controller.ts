import type { ReactiveControllerHost } from 'lit';
import { downloadsContext } from '../state/contexts.ts';
import { DownloadsChangeEvent, type DownloadState, type EditionDownloads } from '../archive/downloads.ts';
import type { EditionIndex } from '../library/types.ts';
import { StoreController } from './store-controller.ts';

/**
 * The editions kept on the device, for a component that shows them (the library's 下载本期,
 * progress, 已下载): the `EditionDownloads` from `downloadsContext`; the host re-renders when a
 * download moves. The actions go straight to the store (they start nothing the shell decides).
 */
export class DownloadsController extends StoreController<EditionDownloads> {
  constructor(host: ReactiveControllerHost & HTMLElement) {
    super(host, downloadsContext, DownloadsChangeEvent.type);
  }

  state(editionId: string): DownloadState {
    return this.store?.state(editionId) ?? { status: 'unknown' };
  }

  check(index: EditionIndex): void {
    void this.store?.check(index);
  }

  download(index: EditionIndex): Promise<void> {
    return this.store?.download(index) ?? Promise.resolve();
  }

  cancel(index: EditionIndex): void {
    this.store?.cancel(index);
  }

  remove(index: EditionIndex): Promise<void> {
    return this.store?.remove(index) ?? Promise.resolve();
  }
}
