/**
 * The offline and update flow of the installed app, as a small state machine with no DOM and no
 * service worker in it (register.ts feeds it what the service worker says; the shell shows its
 * `view` and passes the listener's answers back), so that every path is unit-tested.
 *
 * Rules (docs/web-speech.md §3.3):
 * - The first install says once that the app now works offline ("可离线使用"), until dismissed.
 * - A new version never reloads the page by itself. It is offered ("有新版本": 刷新 / 稍后), and
 *   never while reading: the offer waits until the reading is paused or stopped, and steps aside
 *   again when reading starts.
 * - 刷新 saves what must survive (the reading position) first, then lets the new version take
 *   over, then reloads, so the listener comes back to the same sentence.
 * - 稍后 puts it off for this session; the waiting version is offered again at the next start.
 * - When another tab lets the new version take over, this page keeps running and is offered a
 *   reload (刷新 then only reloads).
 */

/**
 * - `none`: no newer version known;
 * - `available`: a newer version is installed and waiting (or already in control, `activated`);
 * - `postponed`: the listener said 稍后;
 * - `applying`: the listener said 刷新: saving, then activating, then reloading.
 */
export type UpdatePhase = 'none' | 'available' | 'postponed' | 'applying';

export interface UpdateFlowState {
  readonly offlineReady: boolean;
  readonly phase: UpdatePhase;
  /** Whether the app is reading aloud now (the offer waits meanwhile). */
  readonly reading: boolean;
  /** Whether the new version already controls this page (another tab let it take over). */
  readonly activated: boolean;
}

/** What the UI shows. */
export interface UpdateFlowView {
  /** The "可离线使用" notice. */
  readonly offlineNotice: boolean;
  /** The "有新版本" offer with 刷新 / 稍后. */
  readonly updatePrompt: boolean;
  /** 刷新 was pressed and the reload is on its way (the offer shows it is busy). */
  readonly applying: boolean;
}

/** What the flow needs done; register.ts and the shell provide it. */
export interface UpdateActions {
  /** Saves what must survive the reload (the reading position). May reject: the update goes on. */
  save(): Promise<void>;
  /** Asks the waiting service worker to take over (workbox-window `messageSkipWaiting()`). */
  activate(): void;
  /** Reloads the page. */
  reload(): void;
}

/** Fired by `UpdateFlow` when its `view` changed. */
export class UpdateFlowChangeEvent extends Event {
  static readonly type = 'update-flow-change';
  constructor(readonly view: UpdateFlowView) {
    super(UpdateFlowChangeEvent.type);
  }
}

export const INITIAL_UPDATE_STATE: UpdateFlowState = Object.freeze({
  offlineReady: false,
  phase: 'none',
  reading: false,
  activated: false,
});

export function updateView(state: UpdateFlowState): UpdateFlowView {
  return {
    offlineNotice: state.offlineReady,
    updatePrompt: (state.phase === 'available' && !state.reading) || state.phase === 'applying',
    applying: state.phase === 'applying',
  };
}

export class UpdateFlow extends EventTarget {
  #state: UpdateFlowState = INITIAL_UPDATE_STATE;
  #view: UpdateFlowView = updateView(INITIAL_UPDATE_STATE);

  constructor(private readonly actions: UpdateActions) {
    super();
  }

  get state(): UpdateFlowState {
    return this.#state;
  }

  get view(): UpdateFlowView {
    return this.#view;
  }

  // ---- From the service worker ---------------------------------------------------------------

  /** The first install finished: everything is precached. */
  offlineReady(): void {
    this.#set({ offlineReady: true });
  }

  /** A new version is installed and waiting. */
  updateFound(): void {
    if (this.#state.phase === 'none') this.#set({ phase: 'available' });
  }

  /**
   * A new version took control of this page: the one the listener accepted here (then reload),
   * or one another tab let in (then offer a reload; never reload by ourselves).
   */
  controlling(): void {
    if (this.#state.phase === 'applying') {
      this.actions.reload();
      return;
    }
    this.#set({ activated: true, phase: this.#state.phase === 'postponed' ? 'postponed' : 'available' });
  }

  // ---- From the app and the listener ---------------------------------------------------------

  /** Reading started (`true`) or paused, stopped or ended (`false`). */
  setReading(reading: boolean): void {
    this.#set({ reading });
  }

  /** "知道了" on the offline notice. */
  dismissOfflineReady(): void {
    this.#set({ offlineReady: false });
  }

  /** 稍后: not again in this session. */
  later(): void {
    if (this.#state.phase === 'available') this.#set({ phase: 'postponed' });
  }

  /** 刷新: save, let the new version take over, reload. Resolves once the reload is asked for or on its way. */
  async accept(): Promise<void> {
    if (this.#state.phase !== 'available') return;
    this.#set({ phase: 'applying' });
    try {
      await this.actions.save();
    } catch {
      // The position is also saved at every sentence: at worst the last one is lost, not the update.
    }
    if (this.#state.activated) this.actions.reload();
    else this.actions.activate(); // `controlling()` follows, and reloads
  }

  #set(patch: Partial<UpdateFlowState>): void {
    const next = { ...this.#state, ...patch };
    this.#state = Object.freeze(next);
    const view = updateView(next);
    const old = this.#view;
    if (view.offlineNotice === old.offlineNotice && view.updatePrompt === old.updatePrompt && view.applying === old.applying) return;
    this.#view = view;
    this.dispatchEvent(new UpdateFlowChangeEvent(view));
  }
}
