import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ServiceWorkerHandle } from '../pwa/register.ts';
import { UpdateFlow, UpdateFlowChangeEvent } from '../pwa/update-flow.ts';
import { NoticeActionEvent, type NoticeId } from '../state/events.ts';
import { StorageProblemEvent, type StorageProblem } from '../storage/problems.ts';
import { ProblemNotices, visibleNotices } from './notices.ts';

/** What the notices need from the shell. */
export interface AppNoticesOptions {
  /** Saves the reading position before the new version reloads the page. */
  save(): Promise<void>;
  /** Keeps the latest edition on the device (offline use). Never rejects. */
  keepLatestOffline(): Promise<void>;
  /** A notice's button went away with it while focused: focus goes somewhere sensible. */
  refocus(): void;
}

/**
 * The notices in the dock (see notices.ts) and what feeds them: storage problems, and the service
 * worker with its update flow (src/pwa/): "可离线使用", "有新版本" (never while reading; 刷新 saves
 * the position, then reloads). The service worker is registered once the page has loaded: the
 * first paint does not need it.
 *
 * Contract with the host: `notices` and `applying` are read in render; the controller requests an
 * update when they change. Storage problems are reported through `listen(target)` (every store
 * that sends StorageProblemEvent); notice buttons send NoticeActionEvent up to the host.
 */
export class AppNotices implements ReactiveController {
  /** The notices shown, in order. */
  notices: readonly NoticeId[] = [];
  /** The new version is being installed (刷新 was pressed). */
  applying = false;

  readonly #problems = new ProblemNotices();
  readonly #updateFlow: UpdateFlow;
  #serviceWorker: ServiceWorkerHandle | null = null;
  readonly #targets = new Set<EventTarget>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly deps: AppNoticesOptions,
  ) {
    this.#updateFlow = new UpdateFlow({
      save: deps.save,
      activate: () => this.#serviceWorker?.activate(),
      reload: () => location.reload(),
    });
    this.#refresh();
    host.addController(this);
  }

  hostConnected(): void {
    this.#updateFlow.addEventListener(UpdateFlowChangeEvent.type, this.#onUpdateFlowChange);
    this.host.addEventListener(NoticeActionEvent.type, this.#onAction);
    for (const target of this.#targets) target.addEventListener(StorageProblemEvent.type, this.#onStorageProblem);
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    if (document.readyState === 'complete') this.#register();
    else addEventListener('load', this.#register, { once: true });
  }

  hostDisconnected(): void {
    this.#updateFlow.removeEventListener(UpdateFlowChangeEvent.type, this.#onUpdateFlowChange);
    this.host.removeEventListener(NoticeActionEvent.type, this.#onAction);
    for (const target of this.#targets) target.removeEventListener(StorageProblemEvent.type, this.#onStorageProblem);
    removeEventListener('load', this.#register);
    this.#serviceWorker?.dispose();
  }

  /** Shows the storage problems `target` reports (StorageProblemEvent), for as long as the host is connected. */
  listen(target: EventTarget): void {
    this.#targets.add(target);
    if (this.host.isConnected) target.addEventListener(StorageProblemEvent.type, this.#onStorageProblem);
  }

  /** A problem found before any store could send its event (settings read at start-up). */
  report(problem: StorageProblem): void {
    if (this.#problems.report(problem)) this.#refresh();
  }

  /** Reading started or stopped: the update offer waits while reading. */
  setReading(playing: boolean): void {
    this.#updateFlow.setReading(playing);
  }

  #onStorageProblem = (event: Event): void => this.report((event as StorageProblemEvent).problem);

  #onUpdateFlowChange = (): void => {
    this.applying = this.#updateFlow.view.applying;
    this.#refresh();
  };

  #refresh(): void {
    this.notices = visibleNotices(this.#updateFlow.view, this.#problems.shown);
    this.host.requestUpdate();
  }

  #onAction = (event: NoticeActionEvent): void => {
    const { notice, action } = event;
    if (notice === 'update') {
      if (action === 'accept') void this.#updateFlow.accept();
      else this.#updateFlow.later();
    } else if (notice === 'offline-ready') {
      this.#updateFlow.dismissOfflineReady();
    } else {
      this.#problems.dismiss(notice);
      this.#refresh();
    }
    // The button went away with its notice: focus goes to the next notice, or to the page's title.
    if (event.hadFocus && action !== 'accept') this.deps.refocus();
  };

  #register = (): void => {
    void import('../pwa/register.ts')
      .then(({ registerServiceWorker }) =>
        registerServiceWorker({
          // 可离线使用 once the latest edition is on the device too (or skipped to save data).
          offlineReady: () => void this.deps.keepLatestOffline().finally(() => this.#updateFlow.offlineReady()),
          updateFound: () => this.#updateFlow.updateFound(),
          controlling: () => this.#updateFlow.controlling(),
        }),
      )
      .then((handle) => {
        this.#serviceWorker = handle;
        // Installed before: a newer latest edition is fetched for offline use now.
        if (handle && navigator.serviceWorker.controller) void this.deps.keepLatestOffline();
      })
      .catch(() => undefined); // no offline support this time; everything else works
  };
}
