import { consume } from '@lit/context';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { libraryContext, settingsContext, type LibraryState } from '../state/contexts.ts';
import { fetchEdition, fetchEditionsPage, LibraryError } from '../data/library-client.ts';
import { DownloadsController } from '../controllers/downloads-controller.ts';
import { AnnounceEvent, DeleteRequestEvent, ImportRequestEvent, type ImportReport } from '../state/events.ts';
import { articleHref } from '../state/router.ts';
import { ImportedController } from '../controllers/imported-controller.ts';
import { PositionsController } from '../controllers/positions-controller.ts';
import type { ImportOptions, ImportSource } from '../library/import.ts';
import type { ImportProgress } from '../library/import-rules.ts';
import { listeningSeconds } from '../library/listening-time.ts';
import { articleLabel } from '../library/label.ts';
import type { EditionIndex, EditionSummary, LibraryEntry } from '../library/types.ts';
import type { ImportedEntry } from '../storage/imported.ts';
import { isFinished, listenedPercent } from '../state/positions.ts';
import { DEFAULT_SETTINGS, type Settings } from '../state/settings.ts';
import { archiveStrings, formatChars, formatDownload, formatDownloading, formatEdition, formatEditionSize, formatPage, formatRemoveEdition, formatSkipped, formatContinue, formatDeleteLabel, formatDeleteQuestion, formatDeleted, formatImportProgress, formatListened, formatListeningTime, formatPosition, formatSource, strings } from '../strings.ts';
import { buttonStyles, cardList, focusRing, problemStyles } from '../styles/shared.ts';
import type { TtsConfirmDialog } from './tts-confirm-dialog.ts';
import type { PasteSubmitEvent, TtsPasteDialog } from './tts-paste-dialog.ts';
import './tts-archive-search.ts';
import { LazyElementController } from '../controllers/lazy-element-controller.ts';

/** An earlier edition the listener opened: its index loading, loaded, or not reachable. */
type OpenedEdition =
  | { status: 'loading'; summary: EditionSummary }
  | { status: 'ready'; summary: EditionSummary; index: EditionIndex }
  | { status: 'error'; summary: EditionSummary; offline: boolean };

/** Heading levels below an edition's heading. */
type Level = 2 | 3 | 4 | 5;

/**
 * The library: the latest edition first, by page (第1版 …), each article with its title (a link
 * that opens it), byline, length, estimated listening time at the listener's rate, and how much of
 * it was heard (已听 35%); then the earlier editions, newest first, thirty at a time (更多往期),
 * each opened on demand (its index is fetched then, and one is open at a time, so the page stays
 * small however big the archive). Headings all the way down (edition, page, article), so
 * screen-reader users can jump from one to the next. Each dated edition offers 下载本期 (its size,
 * progress, 取消, 已下载, 删除: DownloadsController). Above it all, 搜索 (<tts-archive-search>).
 *
 * Nothing on the first screen moves once painted: until the edition list has arrived (it is
 * precached, and the shell waits for the reading positions too), only the page's title and the
 * search are shown, and the rest appears at once.
 *
 * Above the list, "继续收听" takes the listener back to the article they read last, at the
 * sentence where they stopped (unless they read it to the end).
 *
 * Below it, "我导入的文章": the articles the listener brought (ImportedController), each with the
 * name of the file it came from and a 删除 button (asked again in <tts-confirm-dialog>), and the
 * two ways to bring more: 导入文件 (a native file input behind a button) and 粘贴文本
 * (<tts-paste-dialog>). Imports and deletions are asked of the shell (ImportRequestEvent,
 * DeleteRequestEvent); the shell announces what was done in the status region, and what went wrong
 * is shown here, in a `role="alert"` beside the buttons. Both dialogs are loaded on first use.
 */
@customElement('tts-library')
export class TtsLibrary extends LitElement {
  static override styles = [
    focusRing,
    buttonStyles,
    problemStyles,
    cardList,
    css`
      :host {
        display: block;
      }
      .wrap {
        max-inline-size: var(--tts-measure);
        margin-inline: auto;
      }
      h1 {
        font-size: var(--tts-font-size-h1);
        line-height: 1.3;
        margin-block: 0 var(--tts-space-1);
      }
      h1:focus {
        outline: none;
      }
      h1:focus-visible {
        outline: var(--tts-focus-ring);
        outline-offset: var(--tts-focus-offset);
      }
      .tagline {
        color: var(--tts-color-text-muted);
        margin-block: 0 var(--tts-space-6);
      }
      h2 {
        font-size: var(--tts-font-size-h2);
        margin-block: 0 var(--tts-space-3);
      }
      h3,
      h4,
      h5 {
        font-size: 1.125rem;
        line-height: 1.5;
        margin: 0;
      }
      .page {
        font-size: var(--tts-font-size-small);
        color: var(--tts-color-text-muted);
        margin-block: var(--tts-space-4) var(--tts-space-2);
      }
      .edition + .earlier,
      .earlier {
        margin-block-start: var(--tts-space-8);
      }
      .download {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--tts-space-2) var(--tts-space-3);
        margin-block: 0 var(--tts-space-3);
        color: var(--tts-color-text-muted);
        font-size: var(--tts-font-size-small);
      }
      .download button {
        font-size: 1rem;
      }
      .editions > li {
        display: grid;
        gap: var(--tts-space-2);
      }
      .editions .meta {
        margin: 0;
      }
      .disclosure {
        inline-size: 100%;
        justify-content: flex-start;
        text-align: start;
        font-size: 1.125rem;
      }
      .more {
        margin-block-start: var(--tts-space-4);
      }
      .problem {
        color: var(--tts-color-error);
      }
      .meta {
        margin: var(--tts-space-1) 0 0;
        color: var(--tts-color-text-muted);
        font-size: var(--tts-font-size-small);
        display: flex;
        flex-wrap: wrap;
        column-gap: var(--tts-space-3);
      }
      [role='alert'] {
        color: var(--tts-color-error);
      }
      .progress {
        flex-basis: 100%;
        display: flex;
        align-items: center;
        gap: var(--tts-space-2);
      }
      progress {
        flex: 1 1 auto;
        max-inline-size: 12rem;
        block-size: 0.375rem;
        accent-color: var(--tts-color-accent);
      }
      .continue {
        margin-block: 0 var(--tts-space-6);
        padding: var(--tts-space-3) var(--tts-space-4);
        border: 2px solid var(--tts-color-accent);
        border-radius: var(--tts-radius);
        background: var(--tts-color-surface-raised);
      }
      .continue a {
        font-size: 1.125rem;
        font-weight: 600;
        line-height: 1.5;
      }
      .continue .meta {
        margin-block-start: 0;
      }
      .meta > span {
        min-inline-size: 0;
        overflow-wrap: anywhere;
      }
      .imported {
        margin-block-start: var(--tts-space-8);
      }
      h2:focus {
        outline: none;
      }
      h2:focus-visible {
        outline: var(--tts-focus-ring);
        outline-offset: var(--tts-focus-offset);
      }
      .hint {
        color: var(--tts-color-text-muted);
        font-size: var(--tts-font-size-small);
        margin-block: 0 var(--tts-space-3);
      }
      .import-actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--tts-space-2);
      }
      .progress {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--tts-space-2);
        margin-block: var(--tts-space-3) 0;
      }
      .problems:empty {
        display: none;
      }
      .imported ul,
      .imported .empty {
        margin-block-start: var(--tts-space-4);
      }
      .item {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-start;
        justify-content: space-between;
        column-gap: var(--tts-space-3);
      }
      .item > div {
        flex: 1 1 14rem;
        min-inline-size: 0;
      }
      .item h3 {
        overflow-wrap: anywhere;
      }
      .delete {
        flex: none;
        margin-block-start: var(--tts-space-2);
      }
      @media (forced-colors: active) {
        .continue {
          border-color: CanvasText;
        }
      }
    `,
  ];

  @consume({ context: libraryContext, subscribe: true })
  @state()
  private library: LibraryState = { status: 'loading' };

  @consume({ context: settingsContext, subscribe: true })
  @state()
  private settings: Settings = DEFAULT_SETTINGS;

  /** An import asked of the shell is on its way: the buttons say so and do nothing more. */
  @state() private importing = false;
  /** How far a long PDF's reading has got, while it is read (shown with 取消). */
  @state() private progress: ImportProgress | null = null;
  /** Ends the running file import (its 取消). */
  #cancelImport: AbortController | null = null;
  /** What went wrong with the last file import or deletion, for the `role="alert"`. */
  @state() private problems: readonly string[] = [];
  /** The paste dialog's state, while it is open. */
  @state() private pasteProblems: readonly string[] = [];

  @query('h1') private heading!: HTMLHeadingElement | null;
  @query('#imported-heading') private importedHeading!: HTMLHeadingElement | null;
  @query('input[type="file"]') private fileInput!: HTMLInputElement | null;
  @query('tts-paste-dialog') private pasteDialog!: TtsPasteDialog | null;
  /** The paste and confirm dialogs, loaded on first use. */
  readonly #paste = new LazyElementController<TtsPasteDialog>(this, { load: () => import('./tts-paste-dialog.ts'), selector: 'tts-paste-dialog' });
  readonly #confirm = new LazyElementController<TtsConfirmDialog>(this, {
    load: () => import('./tts-confirm-dialog.ts'),
    selector: 'tts-confirm-dialog',
  });

  /** Earlier editions listed so far (from `articles/editions.json` and the pages after it). */
  @state() private earlier: readonly EditionSummary[] = [];
  @state() private nextEditions: string | null = null;
  @state() private opened: OpenedEdition | null = null;
  @state() private loadingMore = false;

  readonly #positions = new PositionsController(this);
  readonly #downloads = new DownloadsController(this);
  #editionAbort: AbortController | null = null;
  readonly #imported = new ImportedController(this);

  /** Moves focus to the page's heading (after a view change). */
  focusHeading(options?: FocusOptions): void {
    this.heading?.focus(options);
  }

  protected override render(): TemplateResult {
    return html`<div class="wrap">
      <h1 tabindex="-1">${strings.appName}</h1>
      <p class="tagline">${strings.appTagline}</p>
      ${this.#renderContinue()}
      <tts-archive-search></tts-archive-search>
      ${this.#renderList()}
    </div>
    ${this.#paste.loaded
      ? html`<tts-paste-dialog ?busy=${this.importing} .problems=${this.pasteProblems} @tts-paste-submit=${this.#onPasteSubmit}></tts-paste-dialog>`
      : nothing}
    ${this.#confirm.loaded ? html`<tts-confirm-dialog></tts-confirm-dialog>` : nothing}`;
  }

  #renderImported(): TemplateResult {
    const entries = this.#imported.entries;
    return html`<section class="imported" aria-labelledby="imported-heading">
      <h2 id="imported-heading" tabindex="-1">${strings.importedHeading}</h2>
      <p class="hint" id="import-hint">${strings.importHint}</p>
      <div class="import-actions">
        <button type="button" aria-describedby="import-hint" aria-disabled=${this.importing ? 'true' : 'false'} @click=${this.#pickFiles}>
          ${this.importing ? strings.importBusy : strings.importFiles}
        </button>
        <button type="button" aria-haspopup="dialog" @click=${this.#openPaste}>${strings.importPaste}</button>
        <input type="file" accept=".pdf,application/pdf,.txt,text/plain" multiple hidden @change=${this.#onFilesChosen} />
        ${this.importing && this.#cancelImport
          ? html`<button type="button" @click=${this.#onCancelImport}>${strings.cancel}</button>`
          : nothing}
      </div>
      ${this.progress
        ? html`<p class="progress">
            <label for="import-progress">${formatImportProgress(this.progress)}</label>
            <progress id="import-progress" max=${this.progress.pages} value=${this.progress.page}></progress>
          </p>`
        : nothing}
      <div class="problems" role="alert">${this.problems.map((problem) => html`<p>${problem}</p>`)}</div>
      ${entries.length === 0
        ? html`<p class="empty">${strings.importedEmpty}</p>`
        : html`<ul>
            ${entries.map(
              (entry) => html`<li class="item">
                <div>
                  <h3 lang="zh-CN"><a href=${articleHref(entry.id)}>${articleLabel(entry)}</a></h3>
                  <p class="meta">
                    ${this.#renderMeta(entry)}
                    <span>${formatSource(entry.source)}</span>
                    ${this.#renderProgress(entry)}
                  </p>
                </div>
                <button type="button" class="delete" aria-haspopup="dialog" aria-label=${formatDeleteLabel(articleLabel(entry))} @click=${(event: Event) => void this.#delete(entry, event.currentTarget as HTMLButtonElement)}>
                  ${strings.deleteArticle}
                </button>
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  #renderMeta(entry: LibraryEntry): TemplateResult {
    return html`${entry.byline ? html`<span lang="zh-CN">${entry.byline}</span>` : nothing}
      <span>${formatChars(entry.chars)}</span>
      <span>${formatListeningTime(listeningSeconds(entry.chars, this.settings.rate))}</span>`;
  }

  // ---- Importing and deleting ----------------------------------------------------------------

  #pickFiles = (): void => {
    if (this.importing) return;
    this.fileInput?.click();
  };

  #onFilesChosen = (event: Event): void => {
    const input = event.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = ''; // the same file chosen again is a new choice
    if (files.length === 0) return;
    const cancel = new AbortController();
    this.#cancelImport = cancel;
    const onProgress = (progress: ImportProgress): void => {
      if (!cancel.signal.aborted) this.progress = progress;
    };
    void this.#import(
      files.map((file): ImportSource => ({ kind: 'file', name: file.name, file })),
      { signal: cancel.signal, onProgress },
    ).then((report) => {
      this.problems = report.problems;
    });
  };

  /** 取消: the import stops at once; nothing of it is added. */
  #onCancelImport = (): void => {
    this.#cancelImport?.abort();
  };

  async #openPaste(event: Event): Promise<void> {
    const trigger = event.currentTarget as HTMLElement;
    this.pasteProblems = [];
    (await this.#paste.element())?.show(trigger);
  }

  #onPasteSubmit = async (event: PasteSubmitEvent): Promise<void> => {
    if (this.importing) return;
    this.pasteProblems = [];
    const report = await this.#import([{ kind: 'text', name: strings.pastedText, text: event.text }]);
    if (report.problems.length > 0) this.pasteProblems = report.problems;
    else this.pasteDialog?.close();
  };

  /** Asks the shell to import; what it says (or a crash) comes back as a report. */
  async #import(sources: ImportSource[], options: ImportOptions = {}): Promise<ImportReport> {
    this.importing = true;
    this.problems = [];
    // A large file takes a moment: said now, and replaced by the shell's account of what was done.
    this.dispatchEvent(new AnnounceEvent(strings.importBusy));
    const request = new ImportRequestEvent(sources, options);
    this.dispatchEvent(request);
    try {
      return await request.report;
    } catch {
      // The importer could not be loaded (offline before it was cached, say) or failed.
      return { added: [], duplicates: [], problems: [strings.importCrashed] };
    } finally {
      this.importing = false;
      this.progress = null;
      this.#cancelImport = null;
    }
  }

  /** 删除: asks first; once it is gone, focus goes to the section's heading (the button went away). */
  async #delete(entry: ImportedEntry, trigger: HTMLButtonElement): Promise<void> {
    const dialog = await this.#confirm.element();
    if (!dialog) return;
    const confirmed = await dialog.ask(
      { heading: strings.deleteHeading, body: formatDeleteQuestion(articleLabel(entry)), confirm: strings.deleteConfirm },
      trigger,
    );
    if (!confirmed) return;
    const request = new DeleteRequestEvent(entry.id);
    this.dispatchEvent(request);
    try {
      await request.done;
      this.problems = [];
      await this.updateComplete;
      this.importedHeading?.focus();
    } catch {
      this.problems = [strings.deleteFailed];
      if (trigger.isConnected) trigger.focus();
    }
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('library') && this.library.status === 'ready') {
      const { editions, next, latest } = this.library.editions;
      this.earlier = editions;
      this.nextEditions = next;
      if (latest) this.#downloads.check(latest);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#editionAbort?.abort();
  }

  /**
   * The archive. While it loads, one line in its place (nothing below it yet: the imported
   * section appears with the list, so nothing moves down once painted).
   */
  #renderList(): TemplateResult {
    const library = this.library;
    if (library.status === 'loading') return html`<p class="loading">${strings.libraryLoading}</p>`;
    if (library.status === 'error') {
      return html`<p role="alert">${strings.libraryError}</p>
        ${this.#renderImported()}`;
    }
    const { latest } = library.editions;
    return html`${latest
        ? this.#renderLatest(latest)
        : html`<section aria-labelledby="articles-heading">
            <h2 id="articles-heading">${strings.libraryHeading}</h2>
            <p>${strings.libraryEmpty}</p>
          </section>`}
      ${this.#renderEarlier()} ${this.#renderImported()}`;
  }

  #renderLatest(latest: EditionIndex): TemplateResult {
    const { edition } = latest;
    return html`<section class="edition" aria-labelledby="articles-heading">
      <h2 id="articles-heading">${formatEdition(edition.paper, edition.date)}</h2>
      ${edition.date === null ? nothing : this.#renderDownload(latest)} ${this.#renderPages(latest, 3)}
    </section>`;
  }

  /** An edition's articles, by page when it has pages: page headings at `level`, titles below. */
  #renderPages(index: EditionIndex, level: Level): TemplateResult {
    const paged = index.pages.some((page) => page.page !== null);
    if (!paged) return this.#renderArticles(index.pages.flatMap((page) => page.articles), level);
    return html`${index.pages.map(
      (page) => html`${heading(level, page.page === null ? '' : formatPage(page.page), 'page')}
        ${this.#renderArticles(page.articles, (level + 1) as Level)}`,
    )}`;
  }

  #renderArticles(articles: readonly LibraryEntry[], level: Level): TemplateResult {
    return html`<ul>
      ${articles.map(
        (entry) => html`<li>
          ${heading(level, html`<a href=${articleHref(entry.id)}>${articleLabel(entry)}</a>`, '', 'zh-CN')}
          <p class="meta">${this.#renderMeta(entry)} ${this.#renderProgress(entry)}</p>
        </li>`,
      )}
    </ul>`;
  }

  /**
   * 下载本期 and what follows from it. One button throughout (下载本期 → 取消 → 删除), so focus
   * stays on it while its job changes; the state beside it (progress, 已下载, why not) is text.
   */
  #renderDownload(index: EditionIndex): TemplateResult {
    const { edition } = index;
    const state = this.#downloads.state(edition.id);
    const name = formatEdition(edition.paper, edition.date);
    let label = formatDownload(edition.articles, edition.bytes);
    let ariaLabel: string | undefined;
    let action = (): void => void this.#download(index, name);
    let status: TemplateResult | typeof nothing = nothing;
    switch (state.status) {
      case 'downloading':
        label = archiveStrings.cancel;
        action = () => this.#downloads.cancel(index);
        status = html`<span class="progress">
          <span>${formatDownloading(state.done, state.total)}</span>
          <progress max=${state.total} .value=${state.done} aria-hidden="true"></progress>
        </span>`;
        break;
      case 'stored':
        label = archiveStrings.removeEdition;
        ariaLabel = formatRemoveEdition(name);
        action = () => void this.#remove(index, name);
        status = html`<span>${archiveStrings.stored}</span>`;
        break;
      case 'skipped':
        status = html`<span>${formatSkipped(edition.articles, edition.bytes)}</span>`;
        break;
      case 'failed':
        status = html`<span>${state.full ? archiveStrings.downloadFull : archiveStrings.downloadFailed}</span>`;
        break;
    }
    return html`<p class="download">
      <button type="button" aria-label=${ariaLabel ?? nothing} @click=${action}>${label}</button>
      ${status}
    </p>`;
  }

  async #download(index: EditionIndex, name: string): Promise<void> {
    await this.#downloads.download(index);
    if (this.#downloads.state(index.edition.id).status === 'stored') this.dispatchEvent(new AnnounceEvent(`${archiveStrings.stored}：${name}`));
  }

  async #remove(index: EditionIndex, name: string): Promise<void> {
    await this.#downloads.remove(index);
    this.dispatchEvent(new AnnounceEvent(formatDeleted(name)));
  }

  /** The earlier editions: each a disclosure button in a heading; the one opened shows its pages. */
  #renderEarlier(): TemplateResult | typeof nothing {
    if (this.earlier.length === 0) return nothing;
    return html`<section class="earlier" aria-labelledby="earlier-heading">
      <h2 id="earlier-heading">${archiveStrings.earlierHeading}</h2>
      <ul class="editions">
        ${this.earlier.map((summary) => {
          const open = this.opened?.summary.id === summary.id ? this.opened : null;
          const name = formatEdition(summary.paper, summary.date);
          return html`<li>
            <h3>
              <button type="button" class="disclosure" aria-expanded=${open ? 'true' : 'false'} aria-controls=${`edition-${summary.id}`} @click=${() => this.#toggle(summary)}>
                ${name}
              </button>
            </h3>
            <p class="meta"><span>${formatEditionSize(summary.articles, summary.bytes)}</span></p>
            <div id=${`edition-${summary.id}`}>${open ? this.#renderOpened(open) : nothing}</div>
          </li>`;
        })}
      </ul>
      ${this.nextEditions
        ? html`<button type="button" class="more" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${this.#more}>${archiveStrings.moreEditions}</button>`
        : nothing}
    </section>`;
  }

  #renderOpened(open: OpenedEdition): TemplateResult {
    if (open.status === 'loading') return html`<p>${archiveStrings.editionLoading}</p>`;
    if (open.status === 'error') return html`<p class="problem">${open.offline ? archiveStrings.needsNetwork : archiveStrings.editionError}</p>`;
    return html`${this.#renderDownload(open.index)} ${this.#renderPages(open.index, 4)}`;
  }

  async #toggle(summary: EditionSummary): Promise<void> {
    this.#editionAbort?.abort();
    if (this.opened?.summary.id === summary.id) {
      this.opened = null;
      return;
    }
    const abort = new AbortController();
    this.#editionAbort = abort;
    this.opened = { status: 'loading', summary };
    try {
      const index = await fetchEdition(summary.id, abort.signal);
      if (abort.signal.aborted) return;
      this.opened = { status: 'ready', summary, index };
      this.#downloads.check(index);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.opened = { status: 'error', summary, offline: error instanceof LibraryError && error.kind === 'offline' };
    }
  }

  #more = async (): Promise<void> => {
    const file = this.nextEditions;
    if (!file || this.loadingMore) return;
    this.loadingMore = true;
    try {
      const page = await fetchEditionsPage(file);
      this.earlier = [...this.earlier, ...page.editions];
      this.nextEditions = page.next;
    } catch {
      this.dispatchEvent(new AnnounceEvent(archiveStrings.needsNetwork));
    } finally {
      this.loadingMore = false;
    }
  };

  /** "继续收听": the article read last, unless it was read to the end or is no longer here. */
  #renderContinue(): TemplateResult | typeof nothing {
    const last = this.#positions.lastRead;
    if (!last || isFinished(last)) return nothing;
    const bundled = [
      ...(this.library.status === 'ready' ? (this.library.editions.latest?.pages ?? []) : []),
      ...(this.opened?.status === 'ready' ? this.opened.index.pages : []),
    ].flatMap((page) => page.articles);
    const entry = bundled.find((a) => a.id === last.articleId) ?? this.#imported.get(last.articleId);
    if (!entry) return nothing;
    return html`<div class="continue">
      <a href=${articleHref(entry.id)}>${formatContinue(articleLabel(entry))}</a>
      <p class="meta">
        <span>${formatListened(listenedPercent(last))}</span>
        <span>${formatPosition(last.sentence, last.sentences)}</span>
      </p>
    </div>`;
  }

  #renderProgress(entry: LibraryEntry): TemplateResult | typeof nothing {
    const position = this.#positions.get(entry.id);
    if (!position) return nothing;
    const percent = listenedPercent(position);
    return html`<span class="progress">
      <span>${formatListened(percent)}</span>
      <progress max="100" .value=${percent} aria-hidden="true"></progress>
    </span>`;
  }
}

/** A heading of the given level (2–5), with an optional class and language. */
function heading(level: Level, content: unknown, className = '', lang = ''): TemplateResult {
  const cls = className || nothing;
  const language = lang || nothing;
  switch (level) {
    case 2:
      return html`<h2 class=${cls} lang=${language}>${content}</h2>`;
    case 3:
      return html`<h3 class=${cls} lang=${language}>${content}</h3>`;
    case 4:
      return html`<h4 class=${cls} lang=${language}>${content}</h4>`;
    case 5:
      return html`<h5 class=${cls} lang=${language}>${content}</h5>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tts-library': TtsLibrary;
  }
}
