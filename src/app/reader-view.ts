import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parseRoute } from '../state/router.ts';
import { documentTitle } from '../strings.ts';
import { articleProblem, type ArticleState } from './article-state.ts';
import type { ReadingSession, ReadingSessionOptions } from './reading-session.ts';

const INTENT_EVENTS = ['pointerover', 'focusin', 'touchstart'] as const;

/**
 * The reader view for the shell: its code (reading-session.ts, with the speech engine, the reader
 * and the player) is loaded with the first article, or as soon as the listener points at, focuses
 * or touches an article link, whichever comes first; the library, the first paint, never needs it.
 *
 * Contract with the host: `open(id)` on an article route, `close()` on any other; `session` is
 * there once loaded, `failed` when its code could not be loaded (offline without a cache, say:
 * tried again with the next article). The host re-renders when either changes.
 */
export class ReaderView implements ReactiveController {
  session: ReadingSession | null = null;
  failed = false;
  #loading: Promise<ReadingSession> | null = null;
  /** The article asked for last (opened once the code is there, if still wanted). */
  #wanted: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ReadingSessionOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of INTENT_EVENTS) this.host.addEventListener(type, this.#onIntent, { passive: true });
  }

  hostDisconnected(): void {
    for (const type of INTENT_EVENTS) this.host.removeEventListener(type, this.#onIntent);
  }

  /** The article in the reader view (null before its code has loaded). */
  get article(): ArticleState | null {
    return this.session?.article ?? null;
  }

  /** Opens an article: at once when the code is there, else once it has loaded. */
  open(id: string): void {
    this.failed = false;
    this.#wanted = id;
    if (this.session) {
      this.session.open(id);
      return;
    }
    this.load().then(
      (session) => {
        if (this.#wanted === id) session.open(id);
      },
      () => {
        if (this.#wanted !== id) return;
        this.failed = true;
        document.title = documentTitle(articleProblem('failed'));
        this.host.requestUpdate();
      },
    );
  }

  /** Back to the library (or another page): reading stops. */
  close(): void {
    this.failed = false;
    this.#wanted = null;
    this.session?.close();
  }

  /** The code, loaded once (again after a failure). */
  load(): Promise<ReadingSession> {
    this.#loading ??= import('./reading-session.ts').then(
      ({ ReadingSession }) => (this.session = new ReadingSession(this.host, this.options)),
      (error: unknown) => {
        this.#loading = null;
        throw error;
      },
    );
    return this.#loading;
  }

  #onIntent = (event: Event): void => {
    if (this.#loading) return;
    const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    if (link && parseRoute(link.hash).view === 'article') void this.load().catch(() => undefined);
  };
}
