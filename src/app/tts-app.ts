import { provide } from '@lit/context';
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import '../components/tts-library.ts';
import '../components/tts-player.ts';
import '../components/tts-reader.ts';
import '../components/tts-voice-help.ts';
import type { TtsHelpDialog } from '../components/tts-help-dialog.ts';
import type { TtsReader } from '../components/tts-reader.ts';
import type { TtsLibrary } from '../components/tts-library.ts';
import { HotkeysController } from '../controllers/hotkeys-controller.ts';
import { SpeechProgressController } from '../controllers/speech-progress-controller.ts';
import { WakeLockController } from '../controllers/wake-lock-controller.ts';
import { readingScript, type ReadingScript } from '../library/script.ts';
import type { ArticleDocument } from '../library/types.ts';
import { SpeechEngine } from '../speech/engine.ts';
import { SpeechNoticeEvent, type SpeechStateEvent } from '../speech/events.ts';
import { RATE_STEP } from '../speech/rate.ts';
import { SettingsChangeEvent, SettingsStore, type Settings } from '../storage/settings.ts';
import { documentTitle, formatPosition, formatVoiceChanged, strings } from '../strings.ts';
import { buttonStyles, focusRing, visuallyHidden } from '../styles/shared.ts';
import { engineContext, libraryContext, settingsContext, type LibraryState } from './contexts.ts';
import { AnnounceEvent, RateChangeEvent, VoiceChangeEvent } from './events.ts';
import { LibraryError, fetchArticle, fetchLibrary } from './library-client.ts';
import { LIBRARY_HREF, parseRoute, sameRoute, type Route } from './router.ts';

/** The article view's data: loading, loaded (with its reading script) or failed. */
type ArticleState =
  | { status: 'loading'; id: string }
  | { status: 'ready'; id: string; document: ArticleDocument; script: ReadingScript }
  | { status: 'error'; id: string; notFound: boolean };

/**
 * The app shell, the one stateful element: it decides, the components ask.
 *
 * - Routing (hash routes, see router.ts): renders the library or the reader, updates
 *   `document.title`, and after a view change moves focus to the new view's h1.
 * - Provides the contexts (contexts.ts): the library, the settings snapshot, the speech engine.
 * - Loads articles, builds their reading script once and gives it to both the reader view and the
 *   engine, so sentence i is the same sentence in both.
 * - Applies and remembers settings (RateChangeEvent, VoiceChangeEvent, +/− keys).
 * - Owns the one polite status region and the keyboard shortcuts, and lazy-loads the help dialog.
 */
@customElement('tts-app')
export class TtsApp extends LitElement {
  static override styles = [
    focusRing,
    buttonStyles,
    visuallyHidden,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-block-size: 100dvh;
      }
      header {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: var(--tts-space-2);
        padding: var(--tts-space-2) var(--tts-space-4);
        border-block-end: 1px solid var(--tts-color-border);
      }
      .help-trigger {
        margin-inline-start: auto;
      }
      .back {
        color: var(--tts-color-accent);
        display: inline-flex;
        align-items: center;
        min-block-size: var(--tts-target-size);
        text-underline-offset: 0.2em;
        gap: var(--tts-space-1);
      }
      main {
        flex: 1;
        padding: var(--tts-space-4) var(--tts-space-4) calc(var(--tts-player-block-size) + var(--tts-space-8));
      }
      /*
       * Fixed, not sticky: scrollIntoView() and focus() on a sticky element scroll the page to its
       * place in the flow (the end of the article); a fixed one is always where it is shown.
       * <main> keeps room for it (--tts-player-block-size, measured with a ResizeObserver).
       */
      tts-player {
        position: fixed;
        inset-inline: 0;
        inset-block-end: 0;
        z-index: 2;
      }
      .message {
        max-inline-size: var(--tts-measure);
        margin-inline: auto;
      }
      .message a {
        color: var(--tts-color-accent);
      }
      h1:focus {
        outline: none;
      }
      h1:focus-visible {
        outline: var(--tts-focus-ring);
      }
      @media (forced-colors: active) {
        header {
          border-block-end-color: CanvasText;
        }
        .message a,
        .back {
          color: LinkText;
        }
      }
    `,
  ];

  readonly #settingsStore = new SettingsStore();

  @provide({ context: settingsContext })
  @state()
  private settings: Settings = this.#settingsStore.current;

  @provide({ context: libraryContext })
  @state()
  protected library: LibraryState = { status: 'loading' };

  /** Created at start-up so the platform starts listing its voices at once. */
  @provide({ context: engineContext })
  readonly engine = new SpeechEngine({ rate: this.settings.rate, voice: this.settings.voice });

  @state() private route: Route = parseRoute(location.hash);
  @state() private article: ArticleState | null = null;
  @state() private status = '';
  @state() private helpLoaded = false;

  @query('tts-help-dialog') private helpDialog!: TtsHelpDialog | null;
  @query('tts-player') private player!: HTMLElement | null;
  @query('.help-trigger') private helpTrigger!: HTMLButtonElement | null;

  /** Move focus to the new view's heading after the next render (not on first load). */
  #focusAfterRender = false;
  #articleAbort: AbortController | null = null;
  /** Articles opened in this session, with their reading scripts: reopening one is instant. */
  readonly #opened = new Map<string, { document: ArticleDocument; script: ReadingScript }>();
  #playerObserver: ResizeObserver | null = null;
  #statusTimer = 0;

  readonly #speech = new SpeechProgressController(this, {
    engine: this.engine,
    renders: ['voiceStatus'],
    onState: (event) => this.#onEngineState(event),
    onSentence: (index) => this.#onSentence(index),
    onError: (event) => {
      if (event.kind === 'no-voice') this.#announce(strings.playUnavailable);
      if (event.kind === 'unsupported') this.#announce(strings.playUnsupported);
    },
  });

  readonly #wakeLock = new WakeLockController(this);

  readonly #hotkeys = new HotkeysController(this, {
    togglePlay: () => this.engine.toggle(),
    previousSentence: () => this.engine.previous(),
    nextSentence: () => this.engine.next(),
    previousParagraph: () => this.engine.previousParagraph(),
    nextParagraph: () => this.engine.nextParagraph(),
    faster: () => this.#setRate(this.settings.rate + RATE_STEP * 2),
    slower: () => this.#setRate(this.settings.rate - RATE_STEP * 2),
    help: () => void this.#openHelp(null),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.#onHashChange);
    this.#settingsStore.addEventListener(SettingsChangeEvent.type, this.#onSettingsChange);
    this.engine.addEventListener(SpeechNoticeEvent.eventName, this.#onNotice);
    this.addEventListener(RateChangeEvent.type, this.#onRateChange);
    this.addEventListener(VoiceChangeEvent.type, this.#onVoiceChange);
    this.addEventListener(AnnounceEvent.type, this.#onAnnounce);
    this.#playerObserver = new ResizeObserver((entries) => {
      const size = entries[0]?.borderBoxSize[0]?.blockSize ?? 0;
      document.documentElement.style.setProperty('--tts-player-block-size', `${Math.ceil(size)}px`);
    });
    void this.#loadLibrary();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.#onHashChange);
    this.#settingsStore.removeEventListener(SettingsChangeEvent.type, this.#onSettingsChange);
    this.engine.removeEventListener(SpeechNoticeEvent.eventName, this.#onNotice);
    this.removeEventListener(RateChangeEvent.type, this.#onRateChange);
    this.removeEventListener(VoiceChangeEvent.type, this.#onVoiceChange);
    this.removeEventListener(AnnounceEvent.type, this.#onAnnounce);
    this.#playerObserver?.disconnect();
    this.#articleAbort?.abort();
    this.engine.stop();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('route')) this.#enterRoute();
  }

  protected override render(): TemplateResult {
    return html`
      <header>
        ${this.route.view === 'library'
          ? nothing
          : html`<a class="back" href=${LIBRARY_HREF}><span class="chevron" aria-hidden="true">‹</span>${strings.backToLibrary}</a>`}
        <button
          class="help-trigger"
          type="button"
          aria-haspopup="dialog"
          aria-keyshortcuts="Shift+?"
          @click=${(e: Event) => void this.#openHelp(e.currentTarget as HTMLElement)}
        >
          ${strings.help}
        </button>
      </header>
      <main>${this.#renderView()}</main>
      ${this.article?.status === 'ready' && this.route.view === 'article' ? html`<tts-player></tts-player>` : nothing}
      <div class="visually-hidden" role="status">${this.status}</div>
      ${this.helpLoaded ? html`<tts-help-dialog></tts-help-dialog>` : nothing}
    `;
  }

  #renderView(): TemplateResult {
    switch (this.route.view) {
      case 'library':
        return html`<tts-library></tts-library>`;
      case 'not-found':
        return this.#message(strings.pageNotFound);
      case 'article': {
        const article = this.article;
        if (!article || article.status === 'loading') return html`<p class="message">${strings.articleLoading}</p>`;
        if (article.status === 'error') {
          return this.#message(article.notFound ? strings.articleNotFound : strings.articleError);
        }
        const { voiceStatus } = this.#speech.view;
        return html`${voiceStatus === 'missing' || voiceStatus === 'unsupported'
            ? html`<tts-voice-help reason=${voiceStatus}></tts-voice-help>`
            : nothing}
          <tts-reader .document=${article.document} .script=${article.script}></tts-reader>`;
      }
    }
  }

  #message(text: string): TemplateResult {
    return html`<div class="message">
      <h1 tabindex="-1">${text}</h1>
      <p><a href=${LIBRARY_HREF}>${strings.backToLibrary}</a></p>
    </div>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const player = this.player;
    this.#playerObserver?.disconnect();
    if (player) this.#playerObserver?.observe(player);
    else document.documentElement.style.setProperty('--tts-player-block-size', '0px');
    if (this.#focusAfterRender && this.#viewReady()) {
      this.#focusAfterRender = false;
      void this.#focusHeading();
    }
  }

  // ---- Routing -------------------------------------------------------------------------------

  #onHashChange = (): void => {
    const next = parseRoute(location.hash);
    if (sameRoute(next, this.route)) return;
    this.#focusAfterRender = true;
    this.route = next;
  };

  /** Runs when the route changes (and on start-up): title, engine and article loading. */
  #enterRoute(): void {
    const route = this.route;
    if (route.view !== 'article') {
      this.#articleAbort?.abort();
      this.article = null;
      this.engine.stop();
      this.engine.load([]);
      document.title = documentTitle(route.view === 'library' ? undefined : strings.pageNotFound);
      this.#hotkeys.enabled = false;
      return;
    }
    if (this.article?.id === route.id) return;
    this.#hotkeys.enabled = false;
    this.engine.stop();
    this.article = { status: 'loading', id: route.id };
    document.title = documentTitle(strings.articleLoading);
    void this.#loadArticle(route.id);
  }

  async #loadArticle(id: string): Promise<void> {
    this.#articleAbort?.abort();
    const abort = new AbortController();
    this.#articleAbort = abort;
    try {
      let opened = this.#opened.get(id);
      if (!opened) {
        const document = await fetchArticle(id, abort.signal);
        if (abort.signal.aborted) return;
        opened = { document, script: readingScript(document.article) };
        this.#opened.set(id, opened);
        if (this.#opened.size > 8) this.#opened.delete(this.#opened.keys().next().value!);
      }
      const { document, script } = opened;
      this.engine.load(script.sentences, 0);
      this.article = { status: 'ready', id, document, script };
      this.#hotkeys.enabled = true;
      globalThis.document.title = documentTitle(document.article.title);
    } catch (error) {
      if (abort.signal.aborted) return;
      const notFound = error instanceof LibraryError && error.kind === 'not-found';
      this.article = { status: 'error', id, notFound };
      globalThis.document.title = documentTitle(notFound ? strings.articleNotFound : strings.articleError);
    }
  }

  async #loadLibrary(): Promise<void> {
    try {
      this.library = { status: 'ready', index: await fetchLibrary() };
    } catch {
      this.library = { status: 'error' };
    }
  }

  /** Whether the current view has rendered its heading (articles load asynchronously). */
  #viewReady(): boolean {
    return this.route.view !== 'article' || (this.article !== null && this.article.status !== 'loading');
  }

  async #focusHeading(): Promise<void> {
    const view = this.renderRoot.querySelector<TtsLibrary | TtsReader>('tts-library, tts-reader');
    if (view) {
      await view.updateComplete;
      view.focusHeading();
    } else {
      this.renderRoot.querySelector<HTMLElement>('main h1')?.focus();
    }
  }

  // ---- Settings ------------------------------------------------------------------------------

  #onSettingsChange = (event: Event): void => {
    this.settings = (event as SettingsChangeEvent).settings;
  };

  #onRateChange = (event: RateChangeEvent): void => this.#setRate(event.rate);

  #setRate(rate: number): void {
    const settings = this.#settingsStore.update({ rate });
    this.engine.setRate(settings.rate);
  }

  #onVoiceChange = (event: VoiceChangeEvent): void => {
    this.#settingsStore.update({ voice: event.voice });
    this.engine.setVoice(event.voice);
    this.#announce(formatVoiceChanged(this.engine.voice?.name ?? strings.voiceAuto));
  };

  // ---- Status region -------------------------------------------------------------------------

  #onEngineState(event: SpeechStateEvent): void {
    this.#wakeLock.keepAwake(event.state === 'playing');
    switch (event.state) {
      case 'playing':
        this.#announce(strings.statusPlaying);
        break;
      case 'paused':
        this.#announce(event.reason === 'interrupted' ? strings.statusInterrupted : strings.statusPaused);
        break;
      case 'idle':
        if (event.reason === 'ended') this.#announce(strings.statusFinished);
        break;
      // `blocked` moves focus to its button and `error` has its own role="alert": both speak.
    }
  }

  /** While not reading, say where the reading position went (never the sentence's text). */
  #onSentence(index: number): void {
    const state = this.engine.state;
    if (state === 'playing' || this.article?.status !== 'ready') return;
    const { count } = this.engine.progress;
    if (count > 0) this.#announce(formatPosition(index, count));
  }

  #onNotice = (event: Event): void => {
    const notice = event as SpeechNoticeEvent;
    this.#announce(notice.to ? formatVoiceChanged(notice.to.name) : strings.noVoiceHeading);
  };

  #onAnnounce = (event: AnnounceEvent): void => this.#announce(event.message);

  /**
   * Puts a message in the polite status region. The region is emptied first and refilled a moment
   * later, so that the same message twice (已暂停 … 已暂停) is announced twice.
   */
  #announce(message: string): void {
    this.status = '';
    clearTimeout(this.#statusTimer);
    this.#statusTimer = window.setTimeout(() => {
      this.status = message;
    }, 50);
  }

  // ---- Help ----------------------------------------------------------------------------------

  /** Loads the help dialog on first use (it is rarely needed) and opens it. */
  async #openHelp(returnFocusTo: HTMLElement | null): Promise<void> {
    const trigger = returnFocusTo ?? this.#focusedElement() ?? this.helpTrigger;
    await import('../components/tts-help-dialog.ts');
    this.helpLoaded = true;
    await this.updateComplete;
    this.helpDialog?.show(trigger);
  }

  #focusedElement(): HTMLElement | null {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active instanceof HTMLElement && active !== document.body ? active : null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tts-app': TtsApp;
  }
}
