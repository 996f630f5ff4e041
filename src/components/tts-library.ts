import { consume } from '@lit/context';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { libraryContext, settingsContext, type LibraryState } from '../app/contexts.ts';
import { articleHref } from '../app/router.ts';
import { PositionsController } from '../controllers/positions-controller.ts';
import { listeningSeconds } from '../library/measure.ts';
import type { LibraryEntry } from '../library/types.ts';
import { isFinished, listenedPercent } from '../storage/positions.ts';
import { DEFAULT_SETTINGS, type Settings } from '../storage/settings.ts';
import { formatChars, formatContinue, formatListened, formatListeningTime, formatPosition, strings } from '../strings.ts';
import { focusRing } from '../styles/shared.ts';

/**
 * The library: every bundled article with its title (a link that opens it), byline, length,
 * estimated listening time at the listener's rate, and how much of it was heard (已听 35%). A list
 * of headings, so screen-reader users can jump from article to article.
 *
 * Above the list, "继续收听" takes the listener back to the article they read last, at the
 * sentence where they stopped (unless they read it to the end).
 */
@customElement('tts-library')
export class TtsLibrary extends LitElement {
  static override styles = [
    focusRing,
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
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--tts-space-3);
      }
      li {
        border: 1px solid var(--tts-color-border);
        border-radius: var(--tts-radius);
        padding: var(--tts-space-3) var(--tts-space-4);
        background: var(--tts-color-surface-raised);
      }
      h3 {
        font-size: 1.125rem;
        line-height: 1.5;
        margin: 0;
      }
      a {
        color: var(--tts-color-accent);
        text-underline-offset: 0.2em;
        display: flex;
        align-items: center;
        min-block-size: var(--tts-target-size);
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
      @media (forced-colors: active) {
        li,
        .continue {
          border-color: CanvasText;
        }
        a {
          color: LinkText;
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

  @query('h1') private heading!: HTMLHeadingElement | null;

  readonly #positions = new PositionsController(this);

  /** Moves focus to the page's heading (after a view change). */
  focusHeading(options?: FocusOptions): void {
    this.heading?.focus(options);
  }

  protected override render(): TemplateResult {
    return html`<div class="wrap">
      <h1 tabindex="-1">${strings.appName}</h1>
      <p class="tagline">${strings.appTagline}</p>
      ${this.#renderContinue()}
      <section aria-labelledby="articles-heading">
        <h2 id="articles-heading">${strings.libraryHeading}</h2>
        ${this.#renderList()}
      </section>
    </div>`;
  }

  #renderList(): TemplateResult | typeof nothing {
    const library = this.library;
    if (library.status === 'loading') return html`<p>${strings.libraryLoading}</p>`;
    if (library.status === 'error') return html`<p role="alert">${strings.libraryError}</p>`;
    const articles = library.index.articles;
    if (articles.length === 0) return html`<p>${strings.libraryEmpty}</p>`;
    return html`<ul>
      ${articles.map(
        (entry) => html`<li>
          <h3 lang="zh-CN"><a href=${articleHref(entry.id)}>${entry.title}</a></h3>
          <p class="meta">
            ${entry.byline ? html`<span lang="zh-CN">${entry.byline}</span>` : nothing}
            <span>${formatChars(entry.chars)}</span>
            <span>${formatListeningTime(listeningSeconds(entry.chars, this.settings.rate))}</span>
            ${this.#renderProgress(entry)}
          </p>
        </li>`,
      )}
    </ul>`;
  }

  /** "继续收听": the article read last, unless it was read to the end or is no longer here. */
  #renderContinue(): TemplateResult | typeof nothing {
    const last = this.#positions.lastRead;
    if (!last || isFinished(last) || this.library.status !== 'ready') return nothing;
    const entry = this.library.index.articles.find((a) => a.id === last.articleId);
    if (!entry) return nothing;
    return html`<div class="continue">
      <a href=${articleHref(entry.id)}>${formatContinue(entry.title)}</a>
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

declare global {
  interface HTMLElementTagNameMap {
    'tts-library': TtsLibrary;
  }
}
