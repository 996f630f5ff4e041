import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { search, type SearchResult } from '../archive/search.ts';
import { AnnounceEvent } from '../state/events.ts';
import { LibraryError, fetchSearchIndex } from '../data/library-client.ts';
import { articleHref } from '../state/router.ts';
import { articleLabel } from '../library/label.ts';
import type { SearchIndex } from '../library/types.ts';
import { archiveStrings, formatPrinted, formatResults, strings } from '../strings.ts';
import { buttonStyles, cardList, focusRing } from '../styles/shared.ts';

/** Results shown at a time (显示更多结果 adds as many): the page stays small. */
const PAGE = 20;
/** How long typing must pause before the result count is announced. */
const ANNOUNCE_AFTER_MS = 600;

/**
 * 搜索: finds articles of every edition by title, byline and first words, in the search index the
 * build writes (`articles/search.json`), fetched when the listener first types here and never
 * before. Results are links (title, where it was printed, byline), twenty at a time; their count is
 * announced in the shell's status region once typing pauses.
 */
@customElement('tts-archive-search')
export class TtsArchiveSearch extends LitElement {
  static override styles = [
    focusRing,
    buttonStyles,
    cardList,
    css`
      :host {
        display: block;
        margin-block: 0 var(--tts-space-6);
      }
      label {
        display: block;
        font-weight: 600;
        margin-block-end: var(--tts-space-1);
      }
      input {
        box-sizing: border-box;
        inline-size: 100%;
        min-block-size: var(--tts-target-size);
        font: inherit;
        padding: var(--tts-space-1) var(--tts-space-2);
        border: 1px solid var(--tts-color-border-strong, var(--tts-color-border));
        border-radius: var(--tts-radius);
        background: var(--tts-color-surface-raised);
        color: inherit;
      }
      .hint,
      .count {
        color: var(--tts-color-text-muted);
        font-size: var(--tts-font-size-small);
        margin-block: var(--tts-space-1) 0;
      }
      ul {
        margin-block-start: var(--tts-space-3);
        gap: var(--tts-space-2);
      }
      li {
        padding: var(--tts-space-2) var(--tts-space-4);
      }
      h3 {
        font-size: 1.125rem;
        line-height: 1.5;
        margin: 0;
      }
      .meta {
        margin: 0;
        color: var(--tts-color-text-muted);
        font-size: var(--tts-font-size-small);
      }
      .more {
        margin-block-start: var(--tts-space-3);
      }
    `,
  ];

  @state() private query = '';
  @state() private index: SearchIndex | null = null;
  @state() private problem: string | null = null;
  @state() private shown = PAGE;

  #loading: Promise<SearchIndex> | null = null;
  #announceTimer = 0;
  #results: SearchResult[] = [];

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#announceTimer);
  }

  protected override render(): TemplateResult {
    const searching = this.query.trim() !== '';
    this.#results = searching && this.index ? this.#search(this.index, this.query) : [];
    return html`<search>
      <label for="q">${archiveStrings.searchLabel}</label>
      <input id="q" type="search" autocomplete="off" aria-describedby="search-hint" .value=${this.query} @input=${this.#onInput} />
      <p class="hint" id="search-hint">${archiveStrings.searchHint}</p>
      ${searching ? this.#renderResults() : nothing}
    </search>`;
  }

  #renderResults(): TemplateResult {
    if (this.problem) return html`<p class="count">${this.problem}</p>`;
    if (!this.index) return html`<p class="count">${archiveStrings.searchLoading}</p>`;
    const results = this.#results;
    return html`<p class="count">${formatResults(results.length)}</p>
      ${results.length === 0
        ? nothing
        : html`<ul aria-label=${formatResults(results.length)}>
            ${results.slice(0, this.shown).map(
              (result) => html`<li>
                <h3 lang="zh-CN"><a href=${articleHref(result.id)}>${articleLabel(result)}</a></h3>
                <p class="meta">
                  ${formatPrinted(result.paper, result.date, result.page)}${result.byline ? html` · <span lang="zh-CN">${result.byline}</span>` : nothing}
                </p>
              </li>`,
            )}
          </ul>`}
      ${results.length > this.shown ? html`<button type="button" class="more" @click=${this.#more}>${archiveStrings.searchMore}</button>` : nothing}`;
  }

  #onInput = async (event: Event): Promise<void> => {
    this.query = (event.currentTarget as HTMLInputElement).value;
    this.shown = PAGE;
    if (this.query.trim() === '') {
      clearTimeout(this.#announceTimer);
      return;
    }
    if (!this.index) {
      try {
        this.#loading ??= fetchSearchIndex();
        this.index = await this.#loading;
        this.problem = null;
      } catch (error) {
        this.#loading = null;
        this.problem = error instanceof LibraryError && error.kind === 'offline' ? archiveStrings.needsNetwork : strings.libraryError;
      }
    }
    this.#announceLater();
  };

  /** The last search's results, kept: each render (显示更多结果, the count announced) does not search again. */
  #last: { index: SearchIndex; query: string; results: SearchResult[] } | null = null;

  #search(index: SearchIndex, query: string): SearchResult[] {
    if (this.#last?.index !== index || this.#last.query !== query) this.#last = { index, query, results: search(index, query) };
    return this.#last.results;
  }

  #more = (): void => {
    this.shown += PAGE;
  };

  /** Says the result count once typing has paused (not at every key). */
  #announceLater(): void {
    clearTimeout(this.#announceTimer);
    this.#announceTimer = window.setTimeout(() => {
      if (this.query.trim() === '') return;
      const message = this.problem ?? (this.index ? formatResults(this.#search(this.index, this.query).length) : '');
      if (message) this.dispatchEvent(new AnnounceEvent(message));
    }, ANNOUNCE_AFTER_MS);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tts-archive-search': TtsArchiveSearch;
  }
}
