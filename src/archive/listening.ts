/**
 * How the listener wants to listen beyond one article: 连续播放 (on to the next article at the end
 * of one; remembered on the device) and 睡眠定时 (stop after 15–60 minutes, or at the end of this
 * article). The state the player shows; ContinuousPlayController does the work.
 */

/** The sleep timer's choices: minutes, `end` (读完本篇), or off (null). */
export type SleepChoice = 15 | 30 | 45 | 60 | 'end' | null;

export const SLEEP_CHOICES: readonly SleepChoice[] = [null, 15, 30, 45, 60, 'end'];

/** The next article 连续播放 goes on to. */
export interface NextArticle {
  id: string;
  title: string;
}

/** Fired by `ListeningOptions` when anything it holds changed. */
export class ListeningChangeEvent extends Event {
  static readonly type = 'listening-change';
  constructor() {
    super(ListeningChangeEvent.type);
  }
}

const CONTINUOUS_KEY = 'tingdu.continuous';

/** Where 连续播放 is remembered (localStorage; a store that throws, as in some private modes, remembers nothing). */
export interface ContinuousMemory {
  read(): boolean;
  write(on: boolean): void;
}

export const localContinuousMemory: ContinuousMemory = {
  read() {
    try {
      return globalThis.localStorage?.getItem(CONTINUOUS_KEY) === '1';
    } catch {
      return false;
    }
  },
  write(on) {
    try {
      globalThis.localStorage?.setItem(CONTINUOUS_KEY, on ? '1' : '0');
    } catch {
      // Not remembered this time; it still works for the session.
    }
  },
};

/**
 * The listening options: one instance, made by the shell's ContinuousPlayController and given to
 * the player through `listeningContext`. Components call `setContinuous`/`setSleep` and listen to
 * `ListeningChangeEvent`; the controller sets the rest.
 */
export class ListeningOptions extends EventTarget {
  #continuous: boolean;
  #sleep: SleepChoice = null;
  #sleepEndsAt: number | null = null;
  #next: NextArticle | null = null;

  constructor(private readonly memory: ContinuousMemory = localContinuousMemory) {
    super();
    this.#continuous = memory.read();
  }

  get continuous(): boolean {
    return this.#continuous;
  }

  /** The sleep timer's choice (null: off). */
  get sleep(): SleepChoice {
    return this.#sleep;
  }

  /** When a timed sleep ends (`Date.now()` time), or null. */
  get sleepEndsAt(): number | null {
    return this.#sleepEndsAt;
  }

  /** The article 连续播放 goes on to, when it is on and there is one. */
  get next(): NextArticle | null {
    return this.#next;
  }

  setContinuous(on: boolean): void {
    if (on === this.#continuous) return;
    this.#continuous = on;
    this.memory.write(on);
    this.#changed();
  }

  /** Sets (or, null, turns off) the sleep timer; a timed one runs from now. */
  setSleep(choice: SleepChoice, now = Date.now()): void {
    this.#sleep = choice;
    this.#sleepEndsAt = typeof choice === 'number' ? now + choice * 60_000 : null;
    this.#changed();
  }

  /** For the controller: what comes next. */
  setNext(next: NextArticle | null): void {
    if (next?.id === this.#next?.id) return;
    this.#next = next;
    this.#changed();
  }

  #changed(): void {
    this.dispatchEvent(new ListeningChangeEvent());
  }
}

/**
 * The article after `current` in `order` (the ids of one edition in page order, or of the imports),
 * or null at the end or when `current` is not in it.
 */
export function nextInOrder<T extends { id: string }>(order: readonly T[], current: string, step: 1 | -1 = 1): T | null {
  const at = order.findIndex((item) => item.id === current);
  if (at < 0) return null;
  return order[at + step] ?? null;
}
