import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import '../components/tts-player.ts';
import '../components/tts-reader.ts';
import '../components/tts-voice-help.ts';
import { ContinuousPlayController } from '../controllers/continuous-play-controller.ts';
import { MediaSessionController, type MediaArticle } from '../controllers/media-session-controller.ts';
import { OfflineVoiceController } from '../controllers/offline-voice-controller.ts';
import { SpeechProgressController } from '../controllers/speech-progress-controller.ts';
import { WakeLockController } from '../controllers/wake-lock-controller.ts';
import { isImportedId } from '../library/import-rules.ts';
import { articleLabelOf } from '../library/label.ts';
import { readingScript, type ReadingScript, type ScriptOptions } from '../library/script.ts';
import type { ArticleDocument } from '../library/types.ts';
import { SpeechEngine } from '../speech/engine.ts';
import { SpeechNoticeEvent, type SpeechStateEvent } from '../speech/events.ts';
import type { ImportedStore } from '../storage/imported.ts';
import { isFinished, type PositionStore } from '../storage/positions.ts';
import type { Settings } from '../storage/settings.ts';
import { documentTitle, formatPosition, strings } from '../strings.ts';
import { engineContext, listeningContext, type LibraryState } from '../state/contexts.ts';
import { RateChangeEvent, VoiceChangeEvent } from '../state/events.ts';
import { LibraryError, fetchArticle, fetchEdition } from '../data/library-client.ts';
import { articleHref } from '../state/router.ts';
import { articleProblem, type ArticleState } from './article-state.ts';
import { formatRestored, formatVoiceChanged, formatVoiceUnavailable, readerStrings } from '../strings-reader.ts';

/** What the reading session needs from the shell. */
export interface ReadingSessionOptions {
  settings(): Settings;
  /** Stores a settings patch; returns the settings as stored. */
  updateSettings(patch: Partial<Settings>): Settings;
  positions: PositionStore;
  /** The edition list, once it has loaded (or failed). */
  library(): Promise<LibraryState>;
  /** The imported articles' store, when it is loaded. */
  imported(): ImportedStore | null;
  /** Loads the imported articles' store. */
  importedStore(): Promise<ImportedStore>;
  announce(message: string): void;
  /** Reading started or stopped (the update flow never reloads while reading). */
  reading(playing: boolean): void;
}

/**
 * Everything the reader view needs and the library does not, loaded with the first article (or
 * when the listener points at an article link): the speech engine (provided as `engineContext`),
 * the reader and player elements, articles and their reading scripts, the reading position saved
 * at every sentence, 连续播放 and 睡眠定时 (`listeningContext`), the screen kept on, a local voice
 * while offline, and the lock-screen controls.
 *
 * The shell composes one of these and asks it to `open` an article or `close`; it re-renders the
 * shell (`requestUpdate`) when the article's state or the voice status changes.
 *
 * Contract with the host: the engine is created with the session and stopped when the host is
 * disconnected; the rate and voice events from the player are handled on the host.
 */
export class ReadingSession implements ReactiveController {
  /** The one engine; the platform is asked for its voices at start-up (see the shell). */
  readonly engine: SpeechEngine;
  /** The article open in the reader: loading, ready or failed; null in the library. */
  article: ArticleState | null = null;

  #abort: AbortController | null = null;
  #persistenceAsked = false;
  /**
   * Articles opened in this session, with their reading scripts (and whether the page's notes are
   * read with them): reopening one is instant.
   */
  readonly #opened = new Map<string, { document: ArticleDocument; script: ReadingScript; withNotes: boolean }>();

  readonly #speech: SpeechProgressController;
  readonly #wakeLock: WakeLockController;
  readonly #continuous: ContinuousPlayController;
  readonly #offlineVoice: OfflineVoiceController;
  readonly #media: MediaSessionController;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly deps: ReadingSessionOptions,
  ) {
    const { rate, voice } = deps.settings();
    this.engine = new SpeechEngine({ rate, voice });
    new ContextProvider(host, { context: engineContext, initialValue: this.engine });
    this.#speech = new SpeechProgressController(host, {
      engine: this.engine,
      renders: ['voiceStatus'],
      onState: (event) => this.#onEngineState(event),
      onSentence: (index) => this.#onSentence(index),
      onError: (event) => {
        if (event.kind === 'no-voice') deps.announce(readerStrings.playUnavailable);
        if (event.kind === 'unsupported') deps.announce(readerStrings.playUnsupported);
      },
    });
    this.#wakeLock = new WakeLockController(host);
    let library: LibraryState = { status: 'loading' };
    this.#continuous = new ContinuousPlayController(host, {
      engine: this.engine,
      current: () => this.#ready(),
      library: () => library,
      imported: deps.imported,
      open: (id) => void (location.hash = articleHref(id)),
      announce: deps.announce,
    });
    void deps.library().then((state) => (library = state));
    new ContextProvider(host, { context: listeningContext, initialValue: this.#continuous.options });
    this.#offlineVoice = new OfflineVoiceController(host, {
      engine: this.engine,
      chosen: () => deps.settings().voice,
      announce: deps.announce,
    });
    this.#media = new MediaSessionController(host, this.engine, {
      previous: () => this.#continuous.previousArticle(),
      next: () => this.#continuous.nextArticle(),
    });
    host.addController(this);
  }

  hostConnected(): void {
    this.engine.addEventListener(SpeechNoticeEvent.eventName, this.#onNotice);
    this.host.addEventListener(RateChangeEvent.type, this.#onRateChange);
    this.host.addEventListener(VoiceChangeEvent.type, this.#onVoiceChange);
  }

  hostDisconnected(): void {
    this.engine.removeEventListener(SpeechNoticeEvent.eventName, this.#onNotice);
    this.host.removeEventListener(RateChangeEvent.type, this.#onRateChange);
    this.host.removeEventListener(VoiceChangeEvent.type, this.#onVoiceChange);
    this.#abort?.abort();
    this.engine.stop();
  }

  /** Whether the engine has no voice to speak with (the reader then shows why, and what to do). */
  get voiceProblem(): 'missing' | 'unsupported' | null {
    const { voiceStatus } = this.#speech.view;
    return voiceStatus === 'missing' || voiceStatus === 'unsupported' ? voiceStatus : null;
  }

  /** Opens an article in the reader (its saved position restored); nothing when it is open. */
  open(id: string): void {
    if (this.article?.id === id) return;
    this.engine.stop();
    this.#media.setArticle(null);
    this.#set({ status: 'loading', id });
    document.title = documentTitle(strings.articleLoading);
    void this.#load(id);
  }

  /** Back to the library: reading stops. */
  close(): void {
    this.#abort?.abort();
    this.engine.stop();
    this.engine.load([]);
    this.#media.setArticle(null);
    this.#set(null);
  }

  /** An imported article was deleted: its script is not kept. */
  forget(id: string): void {
    this.#opened.delete(id);
  }

  setRate(rate: number): void {
    this.engine.setRate(this.deps.updateSettings({ rate }).rate);
  }

  /** The settings changed: the screen is kept on (or not), and scripts are respelled if needed. */
  settingsChanged(before: Settings, after: Settings): void {
    if (after.keepAwake !== before.keepAwake) this.#wakeLock.keepAwake(after.keepAwake && this.engine.state === 'playing');
    const spellingChanged =
      JSON.stringify(after.dictionary) !== JSON.stringify(before.dictionary) || after.announceHeadings !== before.announceHeadings;
    if (spellingChanged) this.#respell();
  }

  /** Saves the current sentence of the open article (or, `finished`, that it was read to its end). */
  savePosition(finished = false): void {
    const article = this.#ready();
    if (!article) return;
    const count = article.script.sentences.length;
    if (count === 0) return;
    this.deps.positions.save(article.id, finished ? count : this.engine.index, count);
  }

  #ready(): Extract<ArticleState, { status: 'ready' }> | null {
    return this.article?.status === 'ready' ? this.article : null;
  }

  #set(article: ArticleState | null): void {
    this.article = article;
    this.host.requestUpdate();
  }

  async #load(id: string): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    try {
      let opened = this.#opened.get(id);
      if (!opened) {
        const [document] = await Promise.all([this.#fetchDocument(id, abort.signal), this.deps.positions.load()]);
        if (abort.signal.aborted) return;
        const withNotes = document.notes.length > 0 && (await this.#firstOfPage(id, document));
        if (abort.signal.aborted) return;
        opened = { document, withNotes, script: readingScript(document.article, this.#scriptOptions(document, withNotes)) };
        this.#opened.set(id, opened);
        if (this.#opened.size > 8) this.#opened.delete(this.#opened.keys().next().value!);
      }
      const { document, script } = opened;
      // Where the listener left it; from the start again once it was read to the end.
      const saved = this.deps.positions.get(id);
      const count = script.sentences.length;
      const start = saved && !isFinished(saved) ? Math.min(saved.sentence, count - 1) : 0;
      this.engine.load(script.sentences, start);
      this.#set({ status: 'ready', id, document, script });
      this.#media.setArticle(this.#mediaArticle());
      globalThis.document.title = documentTitle(articleLabelOf(document.article));
      if (start > 0) this.deps.announce(formatRestored(start, count));
    } catch (error) {
      if (abort.signal.aborted) return;
      const kind = error instanceof LibraryError ? error.kind : 'failed';
      this.#set({ status: 'error', id, kind });
      globalThis.document.title = documentTitle(articleProblem(kind));
    }
  }

  /** An article's document: a bundled one from the server (or the cache), an imported one from IndexedDB. */
  async #fetchDocument(id: string, signal: AbortSignal): Promise<ArticleDocument> {
    if (!isImportedId(id)) return fetchArticle(id, signal);
    let document: ArticleDocument | null;
    try {
      document = await (await this.deps.importedStore()).document(id);
    } catch {
      throw new LibraryError(`imported article ${id}: storage could not be read`);
    }
    if (!document) throw new LibraryError(`imported article ${id}: not found`, 'not-found');
    return document;
  }

  /**
   * Whether `id` is the first article of its page in the library (bundled or imported): the page's
   * notes are offered, and read, with that article only. A bundled article's page is in its
   * edition's index (the latest one's is at hand; another's is fetched, or cached).
   */
  async #firstOfPage(id: string, document: ArticleDocument): Promise<boolean> {
    let entries: readonly { id: string; source: string }[] = [];
    if (isImportedId(id)) entries = this.deps.imported()?.entries ?? [];
    else {
      const library = await this.deps.library();
      const latest = library.status === 'ready' ? library.editions.latest : null;
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
    const { dictionary, announceHeadings } = this.deps.settings();
    return {
      dictionary,
      announce: announceHeadings
        ? {
            kicker: readerStrings.announceKicker,
            title: readerStrings.announceTitle,
            subtitle: readerStrings.announceSubtitle,
            heading: readerStrings.announceHeading,
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
    const article = this.#ready();
    const script = article && this.#opened.get(article.id)?.script;
    if (!article || !script) return;
    this.engine.respell(script.sentences);
    this.#set({ ...article, script });
  }

  #mediaArticle(): MediaArticle | null {
    const article = this.#ready()?.document.article;
    return article ? { title: articleLabelOf(article), byline: article.byline } : null;
  }

  #onRateChange = (event: RateChangeEvent): void => this.setRate(event.rate);

  #onVoiceChange = (event: VoiceChangeEvent): void => {
    this.deps.updateSettings({ voice: event.voice });
    this.engine.setVoice(event.voice);
    this.deps.announce(formatVoiceChanged(this.engine.voice?.name ?? readerStrings.voiceAuto));
    this.#offlineVoice.chosenChanged();
  };

  #onEngineState(event: SpeechStateEvent): void {
    const { announce } = this.deps;
    const playing = event.state === 'playing';
    this.#wakeLock.keepAwake(playing && this.deps.settings().keepAwake);
    this.deps.reading(playing);
    if (playing) this.savePosition(); // this article is now the last one read
    if (event.state === 'idle' && event.reason === 'ended') this.savePosition(true);
    switch (event.state) {
      case 'playing':
        announce(readerStrings.statusPlaying);
        break;
      case 'paused':
        announce(event.reason === 'interrupted' ? readerStrings.statusInterrupted : readerStrings.statusPaused);
        break;
      case 'idle':
        if (event.reason === 'ended') announce(readerStrings.statusFinished);
        break;
      // `blocked` moves focus to its button and `error` has its own role="alert": both speak.
    }
  }

  /**
   * The reading position moved (the voice reached the next sentence, or the listener moved it):
   * remember it. While not reading, also say where it went (never the sentence's text).
   */
  #onSentence(index: number): void {
    if (!this.#ready()) return; // the article is being opened at its saved position
    this.savePosition();
    if (this.engine.state === 'playing') {
      this.#askForPersistence();
      return;
    }
    const { count } = this.engine.progress;
    if (count > 0) this.deps.announce(formatPosition(index, count));
  }

  #onNotice = (event: Event): void => {
    const notice = event as SpeechNoticeEvent;
    if (notice.kind === 'voice-unavailable' && notice.from) {
      this.deps.announce(formatVoiceUnavailable(notice.from.name, notice.to?.name ?? null));
      return;
    }
    this.deps.announce(notice.to ? formatVoiceChanged(notice.to.name) : readerStrings.noVoiceHeading);
  };

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
}
