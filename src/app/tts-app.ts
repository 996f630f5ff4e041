import { provide } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import '../components/tts-library.ts';
import '../components/tts-notices.ts';
import type { TtsHelpDialog } from '../components/tts-help-dialog.ts';
import type { TtsNotices } from '../components/tts-notices.ts';
import type { TtsReader } from '../components/tts-reader.ts';
import type { TtsLibrary } from '../components/tts-library.ts';
import type { TtsSettingsDialog } from '../components/tts-settings-dialog.ts';
import { EditionDownloads } from '../archive/downloads.ts';
import { HotkeysController } from '../controllers/hotkeys-controller.ts';
import { LazyElementController } from '../controllers/lazy-element-controller.ts';
import { RATE_STEP } from '../speech/rate.ts';
import { downloadsContext, importedContext, libraryContext, positionsContext, settingsContext, type LibraryState } from '../state/contexts.ts';
import { AnnounceEvent, PreferencesChangeEvent } from '../state/events.ts';
import type { ImportedStore } from '../storage/imported.ts';
import { PositionStore } from '../storage/positions.ts';
import { SettingsChangeEvent, SettingsStore, type Settings } from '../storage/settings.ts';
import { documentTitle, strings } from '../strings.ts';
import { Announcer } from './announcer.ts';
import { AppNotices } from './app-notices.ts';
import { applyAppearance } from './appearance.ts';
import { articleProblem } from './article-state.ts';
import { Imports } from './imports.ts';
import { articleUrl, fetchEditions } from '../data/library-client.ts';
import { ReaderView } from './reader-view.ts';
import { LIBRARY_HREF, parseRoute, sameRoute, type Route } from '../state/router.ts';
import { appStyles } from './tts-app.styles.ts';

/**
 * The app shell, the one stateful element: it decides, the components ask. It mostly wires units:
 *
 * - Routing (hash routes, router.ts): renders the library or the reader, updates `document.title`,
 *   and after a view change moves focus to the new view's h1.
 * - Provides the library's contexts (src/state/contexts.ts): the edition list, the settings
 *   snapshot, the reading positions, the imported articles, the editions kept on the device.
 * - The reader view (ReadingSession, reading-session.ts): the speech engine, articles and their
 *   reading scripts, positions saved while reading, the player. Loaded with the first article, or
 *   as soon as the listener points at, focuses or touches an article link: the library, the first
 *   paint, does not need it.
 * - Applies and remembers settings: theme and text size on the document (appearance.ts).
 * - The listener's own articles (Imports, imports.ts); the notices and the service worker
 *   (AppNotices, app-notices.ts).
 * - Owns the one polite status region and the keyboard shortcuts, and lazy-loads the help and
 *   settings dialogs.
 */
@customElement('tts-app')
export class TtsApp extends LitElement {
  static override styles = appStyles;

  readonly #settingsStore = new SettingsStore();

  @provide({ context: settingsContext })
  @state()
  private settings: Settings = this.#settingsStore.current;

  /** The reading positions; the store instance never changes (see contexts.ts). */
  @provide({ context: positionsContext })
  readonly positions = new PositionStore();

  /** The listener's imported articles: null until loaded (see Imports). */
  @provide({ context: importedContext })
  @state()
  private imported: ImportedStore | null = null;

  @provide({ context: libraryContext })
  @state()
  protected library: LibraryState = { status: 'loading' };

  /** The editions kept on the device (下载本期); the instance never changes. */
  @provide({ context: downloadsContext })
  readonly downloads = new EditionDownloads(articleUrl);

  #libraryLoaded: Promise<LibraryState> | null = null;

  @state() private route: Route = parseRoute(location.hash);
  @query('tts-notices') private noticesElement!: TtsNotices | null;
  @query('.dock') private dock!: HTMLElement | null;
  @query('.help-trigger') private helpTrigger!: HTMLButtonElement | null;

  readonly #announcer = new Announcer(this);

  /** The reader view, loaded when needed (see ReaderView). */
  readonly #reader = new ReaderView(this, {
    settings: () => this.settings,
    updateSettings: (patch) => this.#settingsStore.update(patch),
    positions: this.positions,
    library: () => this.#libraryLoaded ?? Promise.resolve(this.library),
    imported: () => this.imported,
    importedStore: () => this.#imports.store(),
    announce: (message) => this.#announce(message),
    reading: (playing) => this.#notices.setReading(playing),
  });

  readonly #notices = new AppNotices(this, {
    save: () => {
      this.#reader.session?.savePosition();
      return this.positions.flush();
    },
    keepLatestOffline: async () => {
      const library = await this.#libraryLoaded;
      if (library?.status === 'ready' && library.editions.latest) await this.downloads.keepLatest(library.editions.latest);
    },
    refocus: () => void this.#refocusAfterNotice(),
  });

  readonly #imports = new Imports(this, {
    positions: this.positions,
    loaded: (store) => {
      this.#notices.listen(store);
      this.imported = store;
    },
    deleted: (id) => this.#reader.session?.forget(id),
    announce: (message) => this.#announce(message),
  });

  readonly #hotkeys = new HotkeysController(this, {
    togglePlay: () => this.#reader.session?.engine.toggle(),
    previousSentence: () => this.#reader.session?.engine.previous(),
    nextSentence: () => this.#reader.session?.engine.next(),
    previousParagraph: () => this.#reader.session?.engine.previousParagraph(),
    nextParagraph: () => this.#reader.session?.engine.nextParagraph(),
    faster: () => this.#reader.session?.setRate(this.settings.rate + RATE_STEP * 2),
    slower: () => this.#reader.session?.setRate(this.settings.rate - RATE_STEP * 2),
    help: () => void this.#openHelp(null),
  });

  /** The help and settings dialogs, loaded on first use (they are rarely needed). */
  readonly #help = new LazyElementController<TtsHelpDialog>(this, {
    load: () => import('../components/tts-help-dialog.ts'),
    selector: 'tts-help-dialog',
  });
  readonly #settingsDialog = new LazyElementController<TtsSettingsDialog>(this, {
    load: () => import('../components/tts-settings-dialog.ts'),
    selector: 'tts-settings-dialog',
  });

  /** Move focus to the new view's heading after the next render (not on first load). */
  #focusAfterRender = false;
  #dockObserver: ResizeObserver | null = null;

  constructor() {
    super();
    // Before the first render: the first frame has the listener's colours and text size.
    applyAppearance(this.settings);
    for (const problem of this.#settingsStore.loadProblems) this.#notices.report(problem);
    this.#notices.listen(this.#settingsStore);
    this.#notices.listen(this.positions);
    // The platform starts listing its voices now, so that they are there when the reader opens
    // (Chrome fills the list asynchronously after the first call; docs/web-speech.md §1.1).
    if ('speechSynthesis' in globalThis) speechSynthesis.getVoices();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.#onHashChange);
    this.#settingsStore.addEventListener(SettingsChangeEvent.type, this.#onSettingsChange);
    this.addEventListener(PreferencesChangeEvent.type, this.#onPreferencesChange);
    this.addEventListener(AnnounceEvent.type, this.#onAnnounce);
    this.#dockObserver = new ResizeObserver((entries) => {
      const size = entries[0]?.borderBoxSize[0]?.blockSize ?? 0;
      document.documentElement.style.setProperty('--tts-player-block-size', `${Math.ceil(size)}px`);
    });
    if (this.dock) this.#dockObserver.observe(this.dock); // connected again
    this.#libraryLoaded = this.#loadLibrary();
    void this.positions.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.#onHashChange);
    this.#settingsStore.removeEventListener(SettingsChangeEvent.type, this.#onSettingsChange);
    this.removeEventListener(PreferencesChangeEvent.type, this.#onPreferencesChange);
    this.removeEventListener(AnnounceEvent.type, this.#onAnnounce);
    this.#dockObserver?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('route')) this.#enterRoute();
    this.#hotkeys.enabled = this.route.view === 'article' && this.#reader.article?.status === 'ready';
  }

  protected override render(): TemplateResult {
    const reading = this.route.view === 'article' ? this.#reader.article : null;
    return html`
      <header>
        ${this.route.view === 'library'
          ? nothing
          : html`<a class="back" href=${LIBRARY_HREF}><span class="chevron" aria-hidden="true">‹</span>${strings.backToLibrary}</a>`}
        <div class="tools">
          <button type="button" aria-haspopup="dialog" @click=${(e: Event) => void this.#openSettings(e.currentTarget as HTMLElement)}>
            ${strings.settings}
          </button>
          <button
            class="help-trigger"
            type="button"
            aria-haspopup="dialog"
            aria-keyshortcuts="Shift+?"
            @click=${(e: Event) => void this.#openHelp(e.currentTarget as HTMLElement)}
          >
            ${strings.help}
          </button>
        </div>
      </header>
      <main>${this.#renderView()}</main>
      <div class="dock">
        <tts-notices .notices=${this.#notices.notices} ?applying=${this.#notices.applying}></tts-notices>
        ${reading?.status === 'ready' ? html`<tts-player></tts-player>` : nothing}
      </div>
      <div id="announcer" class="visually-hidden" role="status">${this.#announcer.message}</div>
      ${this.#help.loaded ? html`<tts-help-dialog></tts-help-dialog>` : nothing}
      ${this.#settingsDialog.loaded ? html`<tts-settings-dialog></tts-settings-dialog>` : nothing}
    `;
  }

  #renderView(): TemplateResult {
    if (this.route.view === 'library') return html`<tts-library></tts-library>`;
    if (this.route.view === 'not-found') return this.#message(strings.pageNotFound);
    if (this.#reader.failed) return this.#message(articleProblem('failed'));
    const article = this.#reader.article;
    if (!article || article.status === 'loading') return html`<p class="message">${strings.articleLoading}</p>`;
    if (article.status === 'error') return this.#message(articleProblem(article.kind));
    const voiceProblem = this.#reader.session?.voiceProblem;
    return html`${voiceProblem ? html`<tts-voice-help reason=${voiceProblem}></tts-voice-help>` : nothing}
      <tts-reader .document=${article.document} .script=${article.script}></tts-reader>`;
  }

  #message(text: string): TemplateResult {
    return html`<div class="message">
      <h1 tabindex="-1">${text}</h1>
      <p><a href=${LIBRARY_HREF}>${strings.backToLibrary}</a></p>
    </div>`;
  }

  protected override firstUpdated(): void {
    if (this.dock) this.#dockObserver?.observe(this.dock);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#focusAfterRender && this.#viewReady()) {
      this.#focusAfterRender = false;
      void this.#focusHeading();
    }
  }

  // ---- Routing and the reader view ------------------------------------------------------------

  #onHashChange = (): void => {
    const next = parseRoute(location.hash);
    if (sameRoute(next, this.route)) return;
    this.#focusAfterRender = true;
    this.route = next;
  };

  /** Runs when the route changes (and on start-up): title, and the article opened or closed. */
  #enterRoute(): void {
    const route = this.route;
    if (route.view === 'article') {
      if (!this.#reader.session) document.title = documentTitle(strings.articleLoading);
      this.#reader.open(route.id);
      return;
    }
    this.#reader.close();
    document.title = documentTitle(route.view === 'library' ? undefined : strings.pageNotFound);
  }

  /** The edition list, shown once the reading positions are read too (nothing moves once painted). */
  async #loadLibrary(): Promise<LibraryState> {
    try {
      const [editions] = await Promise.all([fetchEditions(), this.positions.load()]);
      this.library = { status: 'ready', editions };
    } catch {
      this.library = { status: 'error' };
    }
    return this.library;
  }

  /** Whether the current view has rendered its heading (articles load asynchronously). */
  #viewReady(): boolean {
    if (this.route.view !== 'article' || this.#reader.failed) return true;
    const article = this.#reader.article;
    return article !== null && article.status !== 'loading';
  }

  async #focusHeading(options?: FocusOptions): Promise<void> {
    const view = this.renderRoot.querySelector<TtsLibrary | TtsReader>('tts-library, tts-reader');
    if (view) {
      await view.updateComplete;
      view.focusHeading(options);
    } else {
      this.renderRoot.querySelector<HTMLElement>('main h1')?.focus(options);
    }
  }

  async #refocusAfterNotice(): Promise<void> {
    await this.updateComplete;
    const notices = this.noticesElement;
    await notices?.updateComplete;
    if (!notices?.focusFirst()) await this.#focusHeading({ preventScroll: true });
  }

  // ---- Settings and the status region ---------------------------------------------------------

  #onSettingsChange = (event: Event): void => {
    const before = this.settings;
    this.settings = (event as SettingsChangeEvent).settings;
    applyAppearance(this.settings);
    this.#reader.session?.settingsChanged(before, this.settings);
  };

  #onPreferencesChange = (event: PreferencesChangeEvent): void => {
    this.#settingsStore.update(event.patch);
  };

  #onAnnounce = (event: AnnounceEvent): void => this.#announce(event.message);

  #announce(message: string): void {
    this.#announcer.say(message);
  }

  // ---- Dialogs --------------------------------------------------------------------------------

  async #openHelp(returnFocusTo: HTMLElement | null): Promise<void> {
    const trigger = returnFocusTo ?? this.#focusedElement() ?? this.helpTrigger;
    (await this.#help.element())?.show(trigger);
  }

  async #openSettings(returnFocusTo: HTMLElement): Promise<void> {
    (await this.#settingsDialog.element())?.show(returnFocusTo);
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
