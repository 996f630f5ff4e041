import { provide } from '@lit/context';
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import '../components/tts-library.ts';
import '../components/tts-notices.ts';
import type { TtsHelpDialog } from '../components/tts-help-dialog.ts';
import type { TtsNotices } from '../components/tts-notices.ts';
import type { TtsReader } from '../components/tts-reader.ts';
import type { TtsLibrary } from '../components/tts-library.ts';
import type { TtsSettingsDialog } from '../components/tts-settings-dialog.ts';
import { ContinuousPlayController } from '../controllers/continuous-play-controller.ts';
import { HotkeysController } from '../controllers/hotkeys-controller.ts';
import type { MediaArticle, MediaSessionController } from '../controllers/media-session-controller.ts';
import { OfflineVoiceController } from '../controllers/offline-voice-controller.ts';
import { SpeechProgressController } from '../controllers/speech-progress-controller.ts';
import { WakeLockController } from '../controllers/wake-lock-controller.ts';
import { isImportedId } from '../library/import-rules.ts';
import { articleLabel, articleLabelOf } from '../library/label.ts';
import { readingScript, type ReadingScript, type ScriptOptions } from '../library/script.ts';
import type { ArticleDocument } from '../library/types.ts';
import type { ServiceWorkerHandle } from '../pwa/register.ts';
import { UpdateFlow, UpdateFlowChangeEvent } from '../pwa/update-flow.ts';
import { SpeechEngine } from '../speech/engine.ts';
import { SpeechNoticeEvent, type SpeechStateEvent } from '../speech/events.ts';
import { RATE_STEP } from '../speech/rate.ts';
import type { ImportedStore } from '../storage/imported.ts';
import { hasImported } from '../storage/imported-probe.ts';
import { PositionStore, isFinished } from '../storage/positions.ts';
import { StorageProblemEvent } from '../storage/problems.ts';
import { SettingsChangeEvent, SettingsStore, type Settings } from '../storage/settings.ts';
import {
  archiveStrings,
  documentTitle,
  formatDeleted,
  formatPosition,
  formatRestored,
  formatVoiceChanged,
  formatVoiceUnavailable,
  strings,
} from '../strings.ts';
import { buttonStyles, focusRing, visuallyHidden } from '../styles/shared.ts';
import { applyAppearance } from './appearance.ts';
import { EditionDownloads } from '../archive/downloads.ts';
import {
  downloadsContext,
  engineContext,
  importedContext,
  libraryContext,
  listeningContext,
  positionsContext,
  settingsContext,
  type LibraryState,
} from './contexts.ts';
import {
  AnnounceEvent,
  DeleteRequestEvent,
  ImportRequestEvent,
  NoticeActionEvent,
  PreferencesChangeEvent,
  RateChangeEvent,
  VoiceChangeEvent,
  type ImportReport,
} from './events.ts';
import { ProblemNotices, visibleNotices, type NoticeId } from './notices.ts';
import { LibraryError, articleUrl, fetchArticle, fetchEdition, fetchEditions } from './library-client.ts';
import { LIBRARY_HREF, articleHref, parseRoute, sameRoute, type Route } from './router.ts';

/** The article view's data: loading, loaded (with its reading script) or failed. */
type ArticleState =
  | { status: 'loading'; id: string }
  | { status: 'ready'; id: string; document: ArticleDocument; script: ReadingScript }
  | { status: 'error'; id: string; kind: LibraryError['kind'] };

/** What the reader says instead of an article that could not be opened. */
function articleProblem(kind: LibraryError['kind']): string {
  if (kind === 'not-found') return strings.articleNotFound;
  return kind === 'offline' ? archiveStrings.needsNetwork : strings.articleError;
}

/**
 * The app shell, the one stateful element: it decides, the components ask.
 *
 * - Routing (hash routes, see router.ts): renders the library or the reader, updates
 *   `document.title`, and after a view change moves focus to the new view's h1.
 * - Provides the contexts (contexts.ts): the library, the settings snapshot, the speech engine.
 * - Loads articles, builds their reading script once and gives it to both the reader view and the
 *   engine, so sentence i is the same sentence in both.
 * - Applies and remembers settings (RateChangeEvent, VoiceChangeEvent, PreferencesChangeEvent,
 *   +/− keys): theme and text size on the document (appearance.ts), the screen kept on while
 *   reading (WakeLockController), a local voice while offline (OfflineVoiceController).
 * - Remembers the reading position at every sentence (PositionStore, IndexedDB) and opens an
 *   article where the listener left it.
 * - The listener's own articles (ImportedStore, IndexedDB): imports them (ImportRequestEvent; the
 *   cleaning runs in a Web Worker loaded with the first import, see importer.ts), deletes them
 *   (DeleteRequestEvent) and opens them by the same route as the bundled ones.
 * - Registers the service worker after the first paint and runs the update flow (src/pwa/):
 *   "可离线使用", "有新版本" (never while reading; 刷新 saves the position, then reloads).
 * - Lock-screen and headset controls while reading (MediaSessionController, loaded with the
 *   first article).
 * - Owns the one polite status region, the notices (tts-notices) and the keyboard shortcuts, and
 *   lazy-loads the help and settings dialogs.
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
      .tools {
        display: flex;
        flex-wrap: wrap;
        gap: var(--tts-space-2);
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
       * The dock: the notices and the player, fixed at the bottom, within a thumb's reach. Fixed,
       * not sticky: scrollIntoView() and focus() on a sticky element scroll the page to its place
       * in the flow (the end of the article); a fixed one is always where it is shown. Notices
       * appear here rather than in the flow so that they never push the page under a finger about
       * to tap. <main> keeps room for the dock (--tts-player-block-size, measured with a
       * ResizeObserver), and so does the document's scroll padding.
       */
      .dock {
        position: fixed;
        inset-inline: 0;
        inset-block-end: 0;
        z-index: 2;
      }
      tts-notices {
        max-block-size: 40dvh;
        overflow-y: auto;
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

  /** The reading positions; the store instance never changes (see contexts.ts). */
  @provide({ context: positionsContext })
  readonly positions = new PositionStore();

  /**
   * The listener's imported articles (see contexts.ts): loaded, with its module, only when the
   * device holds any or the listener opens, imports or deletes one.
   */
  @provide({ context: importedContext })
  @state()
  private imported: ImportedStore | null = null;

  #importedLoading: Promise<ImportedStore> | null = null;

  @provide({ context: libraryContext })
  @state()
  protected library: LibraryState = { status: 'loading' };

  /** The editions kept on the device (下载本期); the instance never changes. */
  @provide({ context: downloadsContext })
  readonly downloads = new EditionDownloads(articleUrl);

  #libraryLoaded: Promise<void> | null = null;

  /** Created at start-up so the platform starts listing its voices at once. */
  @provide({ context: engineContext })
  readonly engine = new SpeechEngine({ rate: this.settings.rate, voice: this.settings.voice });

  @state() private route: Route = parseRoute(location.hash);
  @state() private article: ArticleState | null = null;
  @state() private status = '';
  @state() private helpLoaded = false;
  @state() private settingsDialogLoaded = false;
  /** The notices shown in the dock above the player (see notices.ts). */
  @state() private notices: readonly NoticeId[] = [];
  @state() private updating = false;

  @query('tts-help-dialog') private helpDialog!: TtsHelpDialog | null;
  @query('tts-settings-dialog') private settingsDialog!: TtsSettingsDialog | null;
  @query('tts-notices') private noticesElement!: TtsNotices | null;
  @query('.dock') private dock!: HTMLElement | null;
  @query('.help-trigger') private helpTrigger!: HTMLButtonElement | null;

  readonly #problems = new ProblemNotices();
  readonly #updateFlow = new UpdateFlow({
    save: () => {
      this.#savePosition();
      return this.positions.flush();
    },
    activate: () => this.#serviceWorker?.activate(),
    reload: () => location.reload(),
  });
  #serviceWorker: ServiceWorkerHandle | null = null;
  #media: MediaSessionController | null = null;
  #mediaLoading = false;
  #persistenceAsked = false;

  /** Move focus to the new view's heading after the next render (not on first load). */
  #focusAfterRender = false;
  #articleAbort: AbortController | null = null;
  /**
   * Articles opened in this session, with their reading scripts (and whether the page's notes are
   * read with them): reopening one is instant.
   */
  readonly #opened = new Map<string, { document: ArticleDocument; script: ReadingScript; withNotes: boolean }>();
  #dockObserver: ResizeObserver | null = null;
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

  /** 连续播放 and 睡眠定时 (see the controller). */
  readonly #continuous = new ContinuousPlayController(this, {
    engine: this.engine,
    current: () => (this.article?.status === 'ready' ? this.article : null),
    library: () => this.library,
    imported: () => this.imported,
    open: (id) => void (location.hash = articleHref(id)),
    announce: (message) => this.#announce(message),
  });

  @provide({ context: listeningContext })
  readonly listening = this.#continuous.options;

  readonly #offlineVoice = new OfflineVoiceController(this, {
    engine: this.engine,
    chosen: () => this.settings.voice,
    announce: (message) => this.#announce(message),
  });

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

  constructor() {
    super();
    // Before the first render: the first frame has the listener's colours and text size.
    applyAppearance(this.settings);
    for (const problem of this.#settingsStore.loadProblems) this.#problems.report(problem);
    this.notices = visibleNotices(this.#updateFlow.view, this.#problems.shown);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.#onHashChange);
    this.#settingsStore.addEventListener(SettingsChangeEvent.type, this.#onSettingsChange);
    this.#settingsStore.addEventListener(StorageProblemEvent.type, this.#onStorageProblem);
    this.positions.addEventListener(StorageProblemEvent.type, this.#onStorageProblem);
    this.#updateFlow.addEventListener(UpdateFlowChangeEvent.type, this.#onUpdateFlowChange);
    this.engine.addEventListener(SpeechNoticeEvent.eventName, this.#onNotice);
    this.addEventListener(RateChangeEvent.type, this.#onRateChange);
    this.addEventListener(VoiceChangeEvent.type, this.#onVoiceChange);
    this.addEventListener(PreferencesChangeEvent.type, this.#onPreferencesChange);
    this.addEventListener(NoticeActionEvent.type, this.#onNoticeAction);
    this.addEventListener(AnnounceEvent.type, this.#onAnnounce);
    this.addEventListener(ImportRequestEvent.type, this.#onImportRequest);
    this.addEventListener(DeleteRequestEvent.type, this.#onDeleteRequest);
    this.#dockObserver = new ResizeObserver((entries) => {
      const size = entries[0]?.borderBoxSize[0]?.blockSize ?? 0;
      document.documentElement.style.setProperty('--tts-player-block-size', `${Math.ceil(size)}px`);
    });
    if (this.dock) this.#dockObserver.observe(this.dock); // connected again
    this.#libraryLoaded = this.#loadLibrary();
    void this.positions.load();
    void hasImported().then((any) => {
      if (any) void this.#importedStore();
    });
    this.#startServiceWorker();
    void this.#importShared();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.#onHashChange);
    removeEventListener('load', this.#registerServiceWorker);
    this.#settingsStore.removeEventListener(SettingsChangeEvent.type, this.#onSettingsChange);
    this.#settingsStore.removeEventListener(StorageProblemEvent.type, this.#onStorageProblem);
    this.positions.removeEventListener(StorageProblemEvent.type, this.#onStorageProblem);
    this.imported?.removeEventListener(StorageProblemEvent.type, this.#onStorageProblem);
    this.#updateFlow.removeEventListener(UpdateFlowChangeEvent.type, this.#onUpdateFlowChange);
    this.engine.removeEventListener(SpeechNoticeEvent.eventName, this.#onNotice);
    this.removeEventListener(RateChangeEvent.type, this.#onRateChange);
    this.removeEventListener(VoiceChangeEvent.type, this.#onVoiceChange);
    this.removeEventListener(PreferencesChangeEvent.type, this.#onPreferencesChange);
    this.removeEventListener(NoticeActionEvent.type, this.#onNoticeAction);
    this.removeEventListener(AnnounceEvent.type, this.#onAnnounce);
    this.removeEventListener(ImportRequestEvent.type, this.#onImportRequest);
    this.removeEventListener(DeleteRequestEvent.type, this.#onDeleteRequest);
    this.#dockObserver?.disconnect();
    this.#articleAbort?.abort();
    this.#serviceWorker?.dispose();
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
        <div class="tools">
          <button
            type="button"
            aria-haspopup="dialog"
            @click=${(e: Event) => void this.#openSettings(e.currentTarget as HTMLElement)}
          >
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
        <tts-notices .notices=${this.notices} ?applying=${this.updating}></tts-notices>
        ${this.article?.status === 'ready' && this.route.view === 'article' ? html`<tts-player></tts-player>` : nothing}
      </div>
      <div id="announcer" class="visually-hidden" role="status">${this.status}</div>
      ${this.helpLoaded ? html`<tts-help-dialog></tts-help-dialog>` : nothing}
      ${this.settingsDialogLoaded ? html`<tts-settings-dialog></tts-settings-dialog>` : nothing}
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
        if (article.status === 'error') return this.#message(articleProblem(article.kind));
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
      this.#media?.setArticle(null);
      document.title = documentTitle(route.view === 'library' ? undefined : strings.pageNotFound);
      this.#hotkeys.enabled = false;
      return;
    }
    if (this.article?.id === route.id) return;
    this.#hotkeys.enabled = false;
    this.engine.stop();
    this.#media?.setArticle(null);
    void this.#loadMediaSession();
    this.article = { status: 'loading', id: route.id };
    document.title = documentTitle(strings.articleLoading);
    void this.#loadArticle(route.id);
  }

  /**
   * The reader view's elements (<tts-reader>, <tts-player>, <tts-voice-help>), loaded with the
   * first article: the library, the first paint, does not need them.
   */
  #readerView: Promise<unknown> | null = null;

  #loadReaderView(): Promise<unknown> {
    this.#readerView ??= Promise.all([
      import('../components/tts-reader.ts'),
      import('../components/tts-player.ts'),
      import('../components/tts-voice-help.ts'),
    ]).catch((error: unknown) => {
      this.#readerView = null; // offline without a cache, say: try again with the next article
      throw error;
    });
    return this.#readerView;
  }

  async #loadArticle(id: string): Promise<void> {
    this.#articleAbort?.abort();
    const abort = new AbortController();
    this.#articleAbort = abort;
    try {
      let opened = this.#opened.get(id);
      if (!opened) {
        const [document] = await Promise.all([this.#fetchDocument(id, abort.signal), this.positions.load(), this.#loadReaderView()]);
        if (abort.signal.aborted) return;
        const withNotes = document.notes.length > 0 && (await this.#firstOfPage(id, document));
        if (abort.signal.aborted) return;
        opened = { document, withNotes, script: readingScript(document.article, this.#scriptOptions(document, withNotes)) };
        this.#opened.set(id, opened);
        if (this.#opened.size > 8) this.#opened.delete(this.#opened.keys().next().value!);
      }
      const { document, script } = opened;
      // Where the listener left it; from the start again once it was read to the end.
      const saved = this.positions.get(id);
      const count = script.sentences.length;
      const start = saved && !isFinished(saved) ? Math.min(saved.sentence, count - 1) : 0;
      this.engine.load(script.sentences, start);
      this.article = { status: 'ready', id, document, script };
      this.#hotkeys.enabled = true;
      this.#media?.setArticle(this.#mediaArticle());
      globalThis.document.title = documentTitle(articleLabelOf(document.article));
      if (start > 0) this.#announce(formatRestored(start, count));
    } catch (error) {
      if (abort.signal.aborted) return;
      const kind = error instanceof LibraryError ? error.kind : 'failed';
      this.article = { status: 'error', id, kind };
      globalThis.document.title = documentTitle(articleProblem(kind));
    }
  }

  /** An article's document: a bundled one from the server (or the cache), an imported one from IndexedDB. */
  async #fetchDocument(id: string, signal: AbortSignal): Promise<ArticleDocument> {
    if (!isImportedId(id)) return fetchArticle(id, signal);
    let document: ArticleDocument | null;
    try {
      document = await (await this.#importedStore()).document(id);
    } catch {
      throw new LibraryError(`imported article ${id}: storage could not be read`);
    }
    if (!document) throw new LibraryError(`imported article ${id}: not found`, 'not-found');
    return document;
  }

  /**
   * The edition list, shown once the reading positions are read too: 继续收听 and the progress
   * appear with the list, not after it (nothing moves once painted).
   */
  async #loadLibrary(): Promise<void> {
    try {
      const [editions] = await Promise.all([fetchEditions(), this.positions.load()]);
      this.library = { status: 'ready', editions };
    } catch {
      this.library = { status: 'error' };
    }
  }

  /**
   * Whether `id` is the first article of its page in the library (bundled or imported): the page's
   * notes are offered, and read, with that article only. A bundled article's page is in its
   * edition's index (the latest one's is at hand; another's is fetched, or cached).
   */
  async #firstOfPage(id: string, document: ArticleDocument): Promise<boolean> {
    let entries: readonly { id: string; source: string }[] = [];
    if (isImportedId(id)) entries = this.imported?.entries ?? [];
    else {
      await this.#libraryLoaded;
      const latest = this.library.status === 'ready' ? this.library.editions.latest : null;
      const edition = document.edition ?? latest?.edition.id;
      try {
        const index = latest && latest.edition.id === edition ? latest : edition ? await fetchEdition(edition) : null;
        entries = index?.pages.flatMap((page) => page.articles) ?? [];
      } catch {
        entries = []; // its edition's index is not on the device
      }
    }
    return entries.find((e) => e.source === document.source)?.id === id;
  }

  /** How scripts are spoken, from the listener's settings. */
  #scriptOptions(document: ArticleDocument, withNotes: boolean): ScriptOptions {
    const { dictionary, announceHeadings } = this.settings;
    return {
      dictionary,
      announce: announceHeadings
        ? {
            kicker: strings.announceKicker,
            title: strings.announceTitle,
            subtitle: strings.announceSubtitle,
            heading: strings.announceHeading,
          }
        : {},
      notes: withNotes ? document.notes : [],
    };
  }

  /** The listener changed how text is spoken: new scripts, and the engine goes on with them. */
  #respell(): void {
    for (const [id, opened] of this.#opened) {
      this.#opened.set(id, { ...opened, script: readingScript(opened.document.article, this.#scriptOptions(opened.document, opened.withNotes)) });
    }
    const article = this.article;
    if (article?.status !== 'ready') return;
    const script = this.#opened.get(article.id)?.script;
    if (!script) return;
    this.engine.respell(script.sentences);
    this.article = { ...article, script };
  }

  /** Whether the current view has rendered its heading (articles load asynchronously). */
  #viewReady(): boolean {
    return this.route.view !== 'article' || (this.article !== null && this.article.status !== 'loading');
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

  // ---- Settings ------------------------------------------------------------------------------

  #onSettingsChange = (event: Event): void => {
    const settings = (event as SettingsChangeEvent).settings;
    const keepAwakeChanged = settings.keepAwake !== this.settings.keepAwake;
    const spellingChanged =
      JSON.stringify(settings.dictionary) !== JSON.stringify(this.settings.dictionary) ||
      settings.announceHeadings !== this.settings.announceHeadings;
    this.settings = settings;
    if (spellingChanged) this.#respell();
    applyAppearance(settings);
    if (keepAwakeChanged) this.#wakeLock.keepAwake(settings.keepAwake && this.engine.state === 'playing');
  };

  #onPreferencesChange = (event: PreferencesChangeEvent): void => {
    this.#settingsStore.update(event.patch);
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
    this.#offlineVoice.chosenChanged();
  };

  // ---- Status region -------------------------------------------------------------------------

  #onEngineState(event: SpeechStateEvent): void {
    const playing = event.state === 'playing';
    this.#wakeLock.keepAwake(playing && this.settings.keepAwake);
    this.#updateFlow.setReading(playing);
    if (playing) this.#savePosition(); // this article is now the last one read
    if (event.state === 'idle' && event.reason === 'ended') this.#savePosition(true);
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

  /**
   * The reading position moved (the voice reached the next sentence, or the listener moved it):
   * remember it. While not reading, also say where it went (never the sentence's text).
   */
  #onSentence(index: number): void {
    if (this.article?.status !== 'ready') return; // the article is being opened at its saved position
    this.#savePosition();
    const state = this.engine.state;
    if (state === 'playing') {
      this.#askForPersistence();
      return;
    }
    const { count } = this.engine.progress;
    if (count > 0) this.#announce(formatPosition(index, count));
  }

  #onNotice = (event: Event): void => {
    const notice = event as SpeechNoticeEvent;
    if (notice.kind === 'voice-unavailable' && notice.from) {
      this.#announce(formatVoiceUnavailable(notice.from.name, notice.to?.name ?? null));
      return;
    }
    this.#announce(notice.to ? formatVoiceChanged(notice.to.name) : strings.noVoiceHeading);
  };

  // ---- Reading positions ---------------------------------------------------------------------

  /** Saves the current sentence of the open article (or, `finished`, that it was read to its end). */
  #savePosition(finished = false): void {
    const article = this.article;
    if (article?.status !== 'ready') return;
    const count = article.script.sentences.length;
    if (count === 0) return;
    this.positions.save(article.id, finished ? count : this.engine.index, count);
  }

  /**
   * Once the listener has heard something, ask the browser to keep our storage (the precached
   * articles and the positions) when space runs short. Chrome decides silently from engagement,
   * Firefox asks the user; once per session is enough.
   */
  #askForPersistence(): void {
    if (this.#persistenceAsked) return;
    this.#persistenceAsked = true;
    const storage = navigator.storage as StorageManager | undefined;
    if (!storage?.persist) return;
    void storage
      .persisted()
      .then((persisted) => (persisted ? true : storage.persist()))
      .catch(() => false);
  }

  // ---- The listener's own articles ----------------------------------------------------------

  /** The imported-articles store, loaded (module and list) on first need. */
  #importedStore(): Promise<ImportedStore> {
    this.#importedLoading ??= import('../storage/imported.ts').then(async ({ ImportedStore }) => {
      const store = new ImportedStore();
      store.addEventListener(StorageProblemEvent.type, this.#onStorageProblem);
      this.imported = store;
      await store.load();
      return store;
    });
    return this.#importedLoading;
  }

  #onImportRequest = (event: ImportRequestEvent): void => {
    event.respond(this.#import(event));
  };

  /**
   * Runs an import. The importer and the worker client are loaded with the first import: most
   * listeners never import, and the first load stays small.
   */
  async #import(event: ImportRequestEvent): Promise<ImportReport> {
    try {
      const [{ runImport }, { cleanSources }] = await Promise.all([import('./importer.ts'), import('./import-client.ts')]);
      const result = await runImport(event.sources, { clean: cleanSources, store: await this.#importedStore() }, event.options);
      // What was imported; or nothing, which empties the region of "正在导入…" (the problems are
      // in the library's alert).
      this.#announce(result.announcement ?? '');
      return result;
    } catch (error) {
      this.#announce('');
      throw error;
    }
  }

  /**
   * Text or files another app shared (Web Share Target, src/pwa/share-target.ts): imported at
   * start-up like chosen files; what went wrong is said in the status region.
   */
  async #importShared(): Promise<void> {
    if (!location.search) return;
    const { takeShared } = await import('../pwa/share-target.ts');
    const sources = await takeShared(strings.sharedText);
    if (sources.length === 0) return;
    try {
      const report = await this.#import(new ImportRequestEvent(sources));
      if (report.added.length === 0 && report.problems.length > 0) this.#announce(report.problems.join(' '));
    } catch {
      this.#announce(strings.sharedFailed);
    }
  }

  #onDeleteRequest = (event: DeleteRequestEvent): void => {
    event.respond(this.#delete(event.articleId));
  };

  /** Deletes an imported article with its reading position; rejects (and keeps both) when it cannot. */
  async #delete(id: string): Promise<void> {
    const store = await this.#importedStore();
    const entry = store.get(id);
    const title = entry ? articleLabel(entry) : undefined;
    await store.delete(id);
    this.positions.remove(id);
    this.#opened.delete(id);
    if (title !== undefined) this.#announce(formatDeleted(title));
  }

  // ---- Notices and the service worker --------------------------------------------------------

  #onStorageProblem = (event: Event): void => {
    if (this.#problems.report((event as StorageProblemEvent).problem)) this.#refreshNotices();
  };

  #onUpdateFlowChange = (): void => {
    this.updating = this.#updateFlow.view.applying;
    this.#refreshNotices();
  };

  #refreshNotices(): void {
    this.notices = visibleNotices(this.#updateFlow.view, this.#problems.shown);
  }

  #onNoticeAction = (event: NoticeActionEvent): void => {
    const { notice, action } = event;
    if (notice === 'update') {
      if (action === 'accept') void this.#updateFlow.accept();
      else this.#updateFlow.later();
    } else if (notice === 'offline-ready') {
      this.#updateFlow.dismissOfflineReady();
    } else {
      this.#problems.dismiss(notice);
      this.#refreshNotices();
    }
    // The button went away with its notice: focus goes to the next notice, or to the page's title.
    if (event.hadFocus && action !== 'accept') void this.#refocusAfterNotice();
  };

  async #refocusAfterNotice(): Promise<void> {
    await this.updateComplete;
    const notices = this.noticesElement;
    await notices?.updateComplete;
    if (!notices?.focusFirst()) await this.#focusHeading({ preventScroll: true });
  }

  /** Registers the service worker once the page has loaded (it is not needed for the first paint). */
  #startServiceWorker(): void {
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    if (document.readyState === 'complete') this.#registerServiceWorker();
    else addEventListener('load', this.#registerServiceWorker, { once: true });
  }

  #registerServiceWorker = (): void => {
    void import('../pwa/register.ts')
      .then(({ registerServiceWorker }) =>
        registerServiceWorker({
          // 可离线使用 once the latest edition is on the device too (or skipped to save data).
          offlineReady: () => void this.#keepLatestOffline().finally(() => this.#updateFlow.offlineReady()),
          updateFound: () => this.#updateFlow.updateFound(),
          controlling: () => this.#updateFlow.controlling(),
        }),
      )
      .then((handle) => {
        this.#serviceWorker = handle;
        // Installed before: a newer latest edition is fetched for offline use now.
        if (handle && navigator.serviceWorker.controller) void this.#keepLatestOffline();
      })
      .catch(() => undefined); // no offline support this time; everything else works
  };

  /** Keeps the latest edition on the device (see EditionDownloads.keepLatest). Never rejects. */
  async #keepLatestOffline(): Promise<void> {
    await this.#libraryLoaded;
    if (this.library.status === 'ready' && this.library.editions.latest) await this.downloads.keepLatest(this.library.editions.latest);
  }

  // ---- Media Session -------------------------------------------------------------------------

  /** Loads the lock-screen controls with the first article (they are not needed in the library). */
  async #loadMediaSession(): Promise<void> {
    if (this.#media || this.#mediaLoading) return;
    this.#mediaLoading = true;
    try {
      const { MediaSessionController } = await import('../controllers/media-session-controller.ts');
      this.#media = new MediaSessionController(this, this.engine, {
        previous: () => this.#continuous.previousArticle(),
        next: () => this.#continuous.nextArticle(),
      });
      this.#media.setArticle(this.#mediaArticle());
    } catch {
      this.#mediaLoading = false; // try again with the next article
    }
  }

  #mediaArticle(): MediaArticle | null {
    if (this.route.view !== 'article' || this.article?.status !== 'ready') return null;
    const { article } = this.article.document;
    return { title: articleLabelOf(article), byline: article.byline };
  }

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

  /** Loads the settings dialog on first use and opens it. */
  async #openSettings(returnFocusTo: HTMLElement): Promise<void> {
    await import('../components/tts-settings-dialog.ts');
    this.settingsDialogLoaded = true;
    await this.updateComplete;
    this.settingsDialog?.show(returnFocusTo);
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
