import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LibraryState } from '../state/contexts.ts';
import { fetchEdition } from '../data/library-client.ts';
import { ListeningChangeEvent, ListeningOptions, nextInOrder, type NextArticle } from '../archive/listening.ts';
import { isImportedId } from '../library/import-rules.ts';
import { articleLabel } from '../library/label.ts';
import type { ArticleDocument, LibraryEntry } from '../library/types.ts';
import type { SpeechEngine } from '../speech/engine.ts';
import { SpeechSentenceEvent, SpeechStateEvent } from '../speech/events.ts';
import type { ImportedStore } from '../storage/imported.ts';
import { listeningStrings } from '../strings-reader.ts';

/** The pause between the end of one article and the title of the next. */
export const NEXT_ARTICLE_PAUSE_MS = 1500;

/** What the controller needs from the shell. */
export interface ContinuousPlayOptions {
  engine: SpeechEngine;
  /** The article open and loaded in the reader, or null. */
  current(): { id: string; document: ArticleDocument } | null;
  /** The edition list (the latest edition's order is in it). */
  library(): LibraryState;
  /** The imported articles, when their store is loaded. */
  imported(): ImportedStore | null;
  /** Opens an article (its route). */
  open(id: string): void;
  /** Says something in the status region. */
  announce(message: string): void;
}

/**
 * Listening to a whole paper, for the shell: 连续播放 and 睡眠定时 (ListeningOptions, shown by
 * <tts-listening-options> in the player).
 *
 * - 连续播放: when an article has been read to its end, the next one of the same edition (page
 *   order), or of the imports, opens after a short pause and is read from its title. The next one
 *   is known as soon as an article opens (`options.next`, shown as 接下来：…). Media Session
 *   previous/next track go to the previous/next article while it is on (`previousArticle`,
 *   `nextArticle`).
 * - 睡眠定时: when the time is up, reading stops at the end of the sentence being read (the next
 *   sentence is not started, and is where the listener will start again: the position is saved
 *   as at any pause), and says so. 读完本篇 stops at the end of this article instead of going on.
 *
 * Contract with the host: listeners are added in hostConnected and removed (timers cleared) in
 * hostDisconnected; the controller never asks the host to update (the player listens to the options).
 */
export class ContinuousPlayController implements ReactiveController {
  readonly options = new ListeningOptions();

  /** The article to start reading from its title once it has loaded. */
  #autoplay: string | null = null;
  #advanceTimer = 0;
  #sleepTimer = 0;
  /** The sleep time is up: stop when the sentence being read ends. */
  #stopAtSentenceEnd = false;
  /** Each edition's articles in page order, fetched once. */
  readonly #orders = new Map<string, Promise<LibraryEntry[]>>();
  #nextLookup = 0;
  /** The article open when the shell last rendered. */
  #shown: string | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly deps: ContinuousPlayOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.deps.engine.addEventListener(SpeechStateEvent.eventName, this.#onState);
    this.deps.engine.addEventListener(SpeechSentenceEvent.eventName, this.#onSentence);
    this.options.addEventListener(ListeningChangeEvent.type, this.#onOptions);
  }

  hostDisconnected(): void {
    this.deps.engine.removeEventListener(SpeechStateEvent.eventName, this.#onState);
    this.deps.engine.removeEventListener(SpeechSentenceEvent.eventName, this.#onSentence);
    this.options.removeEventListener(ListeningChangeEvent.type, this.#onOptions);
    clearTimeout(this.#advanceTimer);
    clearTimeout(this.#sleepTimer);
  }

  /** Media Session next track: the next article, while 连续播放 is on. Returns whether it went. */
  nextArticle(): boolean {
    const next = this.options.continuous ? this.options.next : null;
    if (!next) return false;
    this.#go(next.id, this.deps.engine.state === 'playing');
    return true;
  }

  /** Media Session previous track: the previous article, while 连续播放 is on. */
  previousArticle(): boolean {
    if (!this.options.continuous) return false;
    const current = this.deps.current();
    if (!current) return false;
    const playing = this.deps.engine.state === 'playing';
    void this.#order(current).then((order) => {
      const previous = nextInOrder(order, current.id, -1);
      if (previous) this.#go(previous.id, playing);
    });
    return true;
  }

  #go(id: string, play: boolean): void {
    clearTimeout(this.#advanceTimer);
    this.#autoplay = play ? id : null;
    this.deps.open(id);
  }

  #onState = (event: Event): void => {
    const { state, reason } = event as SpeechStateEvent;
    if (state === 'playing') {
      clearTimeout(this.#advanceTimer);
    } else if (state === 'idle' && reason === 'ended') {
      this.#onEnded();
    }
  };

  /** After each render of the shell: an article newly opened (or none) is noticed here. */
  hostUpdated(): void {
    const id = this.deps.current()?.id ?? null;
    if (id === this.#shown) return;
    this.#shown = id;
    clearTimeout(this.#advanceTimer);
    this.#onOpened();
  }

  #onOpened(): void {
    void this.#findNext();
    const current = this.deps.current();
    // Opened by 连续播放 (or a track button while reading): read from its title.
    if (this.#autoplay !== null && current?.id === this.#autoplay) {
      this.#autoplay = null;
      this.deps.engine.seek(0);
      this.deps.engine.play();
    }
  }

  #onEnded(): void {
    if (this.options.sleep === 'end') {
      this.options.setSleep(null);
      this.deps.announce(listeningStrings.sleepDone);
      return;
    }
    const next = this.options.continuous ? this.options.next : null;
    const ended = this.deps.current()?.id;
    if (!next || ended === undefined) return;
    this.#advanceTimer = window.setTimeout(() => {
      // Only if the listener is still where the article ended (not elsewhere, not reading again).
      if (this.deps.current()?.id !== ended || this.deps.engine.state !== 'idle') return;
      this.#go(next.id, true);
    }, NEXT_ARTICLE_PAUSE_MS);
  }

  /** A new sentence started: if the sleep time is up, stop before it is heard. */
  #onSentence = (): void => {
    if (!this.#stopAtSentenceEnd || this.deps.engine.state !== 'playing') return;
    this.#stopAtSentenceEnd = false;
    this.deps.engine.pause();
    this.options.setSleep(null);
    this.deps.announce(listeningStrings.sleepDone);
  };

  #onOptions = (): void => {
    const endsAt = this.options.sleepEndsAt;
    clearTimeout(this.#sleepTimer);
    if (endsAt === null) {
      this.#stopAtSentenceEnd = false;
      return;
    }
    this.#sleepTimer = window.setTimeout(() => {
      if (this.deps.engine.state === 'playing') {
        this.#stopAtSentenceEnd = true;
      } else {
        this.options.setSleep(null);
      }
    }, Math.max(0, endsAt - Date.now()));
    if (this.options.continuous && this.options.next === null) void this.#findNext();
  };

  /** Works out what comes after the open article (for 接下来 and the end of this one). */
  async #findNext(): Promise<void> {
    const lookup = ++this.#nextLookup;
    const current = this.deps.current();
    let next: NextArticle | null = null;
    if (current) {
      try {
        const found = nextInOrder(await this.#order(current), current.id);
        next = found ? { id: found.id, title: articleLabel(found) } : null;
      } catch {
        next = null; // its edition's list is not on the device: no next article offline
      }
    }
    if (lookup === this.#nextLookup) this.options.setNext(next);
  }

  /** The articles the open one is read among: its edition's in page order, or the imports. */
  #order(current: { id: string; document: ArticleDocument }): Promise<readonly LibraryEntry[]> {
    if (isImportedId(current.id)) return Promise.resolve(this.deps.imported()?.entries ?? []);
    const library = this.deps.library();
    const latest = library.status === 'ready' ? library.editions.latest : null;
    const edition = current.document.edition ?? latest?.edition.id;
    if (edition === undefined) return Promise.resolve([]);
    if (latest && latest.edition.id === edition) return Promise.resolve(latest.pages.flatMap((page) => page.articles));
    let order = this.#orders.get(edition);
    if (!order) {
      order = fetchEdition(edition).then((index) => index.pages.flatMap((page) => page.articles));
      order.catch(() => this.#orders.delete(edition));
      this.#orders.set(edition, order);
    }
    return order;
  }
}
