import { consume } from '@lit/context';
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { settingsContext } from '../state/contexts.ts';
import { AnnounceEvent } from '../state/events.ts';
import { ReducedMotionController } from '../controllers/reduced-motion-controller.ts';
import { SpeechProgressController } from '../controllers/speech-progress-controller.ts';
import { articleLabel, leadOf } from '../library/label.ts';
import { notesStart, type ReadingScript, type ScriptBlock } from '../library/script.ts';
import type { ArticleDocument } from '../library/types.ts';
import type { SpeechBoundaryEvent } from '../speech/events.ts';
import { shownRange, wordEnd } from '../speech/spoken.ts';
import { DEFAULT_SETTINGS, type Settings } from '../state/settings.ts';
import { buttonStyles, focusRing } from '../styles/shared.ts';
import { readerStrings } from '../strings-reader.ts';

/**
 * The article being read: its title, byline, section headings (real headings) and paragraphs,
 * every sentence its own `<span class="s">`, in the order of the reading script, so that the
 * i-th sentence element is the engine's sentence i. The page's notes follow in a labelled aside:
 * for the first article of their page they are part of the script (their sentences can be read,
 * and an offer at the start of the article reads them); otherwise a disclosure to read on screen.
 *
 * Playback never re-renders the article. The sentence being read is marked by toggling
 * `aria-current="true"` (and the one tab stop, `tabindex="0"`) on exactly two elements, the old
 * sentence and the new, found through an index → element array built once per article.
 *
 * Gestures: a click (or tap, or Enter on the focused sentence) starts reading from that sentence,
 * calling the engine synchronously; Space does too, or plays/pauses on the sentence being read.
 * ←/→ on a focused sentence move the reading position and focus with it.
 *
 * Word highlight: where the voice reports words (`boundary` events, offsets into the spoken form),
 * the word is marked inside the sentence with the CSS Custom Highlight API (`::highlight(tts-word)`):
 * a Range on the sentence's text node, mapped to the shown text through the offset map, so no DOM
 * changes per word. Off without boundary events, and when the listener turns it off.
 *
 * Following: the sentence being read is scrolled into view (smoothly unless reduced motion is
 * asked for). When the reader has scrolled away on purpose while listening, it stops following
 * and offers "回到朗读位置" instead, until the sentence is back in view or they move the position.
 */
@customElement('tts-reader')
export class TtsReader extends LitElement {
  static override styles = [
    focusRing,
    buttonStyles,
    css`
      :host {
        display: block;
      }
      article,
      aside,
      .hint {
        max-inline-size: var(--tts-measure);
        margin-inline: auto;
      }
      article {
        font-family: var(--tts-font-family-reading);
        font-size: var(--tts-font-size-reading);
        line-height: var(--tts-line-height-reading);
      }
      /* The whole article follows the listener's text size (设置 → 文章字号), headings included. */
      h1 {
        font-family: var(--tts-font-family);
        font-size: calc(var(--tts-font-size-h1) * var(--tts-text-scale, 1));
        line-height: 1.4;
        margin-block: 0 var(--tts-space-2);
      }
      h1:focus {
        outline: none;
      }
      h1:focus-visible {
        outline: var(--tts-focus-ring);
        outline-offset: var(--tts-focus-offset);
      }
      h2 {
        font-family: var(--tts-font-family);
        font-size: calc(var(--tts-font-size-h2) * var(--tts-text-scale, 1));
        line-height: 1.45;
        margin-block: var(--tts-space-8) var(--tts-space-2);
      }
      /* The headline's smaller parts: the kicker (引题) above the title, the subtitle (副题) below. */
      .kicker,
      .subtitle {
        font-family: var(--tts-font-family);
        font-size: calc(var(--tts-font-size-h2) * var(--tts-text-scale, 1));
        line-height: 1.45;
        margin-block: 0 var(--tts-space-2);
      }
      .byline {
        color: var(--tts-color-text-muted);
        font-family: var(--tts-font-family);
        font-size: calc(var(--tts-font-size-body) * var(--tts-text-scale, 1));
        margin-block: 0 var(--tts-space-6);
      }
      p {
        margin-block: 0 var(--tts-space-4);
        text-align: start;
      }
      /*
       * Long articles: the browser skips layout and paint of paragraphs far off screen, so a
       * 100,000-character article opens as fast as a short one. Skipped text stays in the
       * accessibility tree and in find-in-page. content-visibility also clips painting to the
       * paragraph, so it gets a little padding for the highlight's outline.
       */
      article p {
        content-visibility: auto;
        contain-intrinsic-size: auto 12em;
        padding: 4px;
        margin-inline: -4px;
      }
      .hint {
        color: var(--tts-color-text-muted);
        font-size: var(--tts-font-size-small);
        margin-block: 0 var(--tts-space-4);
      }
      .s {
        cursor: pointer;
        border-radius: 0.2em;
        -webkit-box-decoration-break: clone;
        box-decoration-break: clone;
        /* The page's scroll padding keeps it clear of the player; this adds air above. */
        scroll-margin-block: var(--tts-space-8);
      }
      .s:hover {
        text-decoration: underline;
        text-decoration-color: var(--tts-color-text-muted);
        text-underline-offset: 0.25em;
      }
      .s[aria-current='true'] {
        background: var(--tts-color-highlight);
        color: var(--tts-color-on-highlight);
        outline: 2px solid var(--tts-color-highlight-outline);
        outline-offset: 1px;
      }
      .s[aria-current='true']:focus-visible {
        outline: var(--tts-focus-ring);
      }
      ::highlight(tts-word) {
        background-color: var(--tts-color-accent);
        color: var(--tts-color-on-accent);
        text-decoration: underline 2px;
        text-underline-offset: 0.2em;
      }
      .offer {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--tts-space-2);
        max-inline-size: var(--tts-measure);
        margin: 0 auto var(--tts-space-4);
      }
      .offer p {
        margin: 0;
        flex: 1 1 12em;
      }
      aside h2 {
        font-size: var(--tts-font-size-body);
        margin-block: 0 var(--tts-space-2);
      }
      aside {
        margin-block-start: var(--tts-space-8);
        border-block-start: 1px solid var(--tts-color-border);
        padding-block-start: var(--tts-space-4);
        color: var(--tts-color-text);
      }
      details > summary {
        min-block-size: var(--tts-target-size);
        display: list-item;
        cursor: pointer;
        font-weight: 600;
        line-height: var(--tts-target-size);
      }
      .notes p {
        font-size: var(--tts-font-size-body);
      }
      .return {
        position: fixed;
        inset-block-end: calc(var(--tts-player-block-size) + var(--tts-space-3));
        inset-inline-end: var(--tts-space-4);
        z-index: 1;
        box-shadow: 0 2px 8px var(--tts-color-shadow);
      }
      @media (forced-colors: active) {
        .s[aria-current='true'] {
          forced-color-adjust: none;
          background: Highlight;
          color: HighlightText;
          background: Mark;
          color: MarkText;
          outline: 2px solid CanvasText;
        }
        .s[aria-current='true']:focus-visible {
          outline: 3px solid Highlight;
        }
        ::highlight(tts-word) {
          background-color: Highlight;
          color: HighlightText;
        }
      }
      @media (prefers-reduced-motion: no-preference) {
        .s {
          transition: background-color var(--tts-duration);
        }
      }
    `,
  ];

  /** The article with its page's notes, as the library publishes it. */
  @property({ attribute: false }) document: ArticleDocument | null = null;
  /** The article's reading script (computed once by the shell, shared with the engine). */
  @property({ attribute: false }) script: ReadingScript | null = null;

  @consume({ context: settingsContext, subscribe: true })
  @state()
  private settings: Settings = DEFAULT_SETTINGS;

  /** Shown when the reader scrolled away from the sentence being read. */
  @state() private detached = false;

  @query('h1') private heading!: HTMLHeadingElement | null;

  readonly #motion = new ReducedMotionController(this);
  readonly #speech = new SpeechProgressController(this, {
    renders: ['state'],
    onSentence: (index, previous) => this.#moveHighlight(index, previous),
    onState: (event) => {
      if (event.state !== 'playing') this.#clearWord();
    },
    onBoundary: (event) => this.#markWord(event),
  });
  /** The word being said (a Range inside the sentence), registered as `tts-word` while connected. */
  readonly #word: Highlight | null = typeof Highlight === 'function' ? new Highlight() : null;

  /** Sentence index → its element; rebuilt when a new script renders. */
  #sentences: HTMLElement[] = [];
  /** The sentence currently marked (index into #sentences), or -1. */
  #marked = -1;
  /** Follow the sentence being read by scrolling; false once the reader scrolls away. */
  #following = true;
  /** Until this time (performance.now()), scroll events are ours, not the reader's. */
  #ownScrollUntil = 0;
  /**
   * The sentence our last scroll went to, and how many more times it may be scrolled to when the
   * scroll ends with it out of place: paragraphs skipped by content-visibility get their real
   * height only as they come near the viewport, which moves the target during the scroll (large
   * text sizes make the estimate far off).
   */
  #scrollTarget: HTMLElement | null = null;
  #scrollRetries = 0;
  /** Move focus along with the highlight once (the reader pressed ←/→ on a sentence). */
  #focusFollows = false;
  #scrollFrame = 0;

  /**
   * Moves focus to the article's title (after a view change), without scrolling away from the
   * reading position when the article opened in the middle (a saved position).
   */
  focusHeading(options?: FocusOptions): void {
    this.heading?.focus({ preventScroll: this.#marked > 0, ...options });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('scroll', this.#onScroll, { passive: true });
    addEventListener('scrollend', this.#onScrollEnd);
    if (this.#word) CSS.highlights.set('tts-word', this.#word);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('scroll', this.#onScroll);
    removeEventListener('scrollend', this.#onScrollEnd);
    cancelAnimationFrame(this.#scrollFrame);
    if (this.#word && CSS.highlights.get('tts-word') === this.#word) CSS.highlights.delete('tts-word');
  }

  protected override render(): TemplateResult | typeof nothing {
    const { document: doc, script } = this;
    if (!doc || !script) return nothing;
    const active = this.#speech.view.state === 'playing' || this.#speech.view.state === 'paused';
    const notes = notesStart(script);
    return html`
      <p class="hint">${readerStrings.readerHint}</p>
      ${notes >= 0
        ? html`<div class="offer">
            <p>${readerStrings.notesOffer}</p>
            <button type="button" @click=${() => this.#readFrom(notes)}>${readerStrings.notesListen}</button>
          </div>`
        : nothing}
      ${guard([script], () => this.#renderArticle(script))}
      ${notes < 0 && doc.notes.length > 0
        ? html`<aside aria-labelledby="notes-heading" class="notes">
            <details>
              <summary id="notes-heading">${readerStrings.notesHeading}</summary>
              ${doc.notes.map((note) => html`<p lang="zh-CN">${note}</p>`)}
            </details>
          </aside>`
        : nothing}
      ${this.detached && active
        ? html`<button class="return primary" type="button" @click=${this.#returnToReading}>
            ${readerStrings.returnToReading}
          </button>`
        : nothing}
    `;
  }

  /**
   * The page's notes when they are part of the script, at the end of the article: sentences that
   * are read (and tapped) like the article's.
   */
  #renderNotes(script: ReadingScript): TemplateResult | typeof nothing {
    const blocks = script.blocks.filter((b) => b.kind === 'note');
    if (blocks.length === 0) return nothing;
    return html`<aside aria-labelledby="notes-heading" class="notes">
      <h2 id="notes-heading">${readerStrings.notesHeading}</h2>
      ${blocks.map((block) => html`<p>${this.#renderSentences(script, block)}</p>`)}
    </aside>`;
  }

  /** The article, rendered once per script (guarded): playback never comes back here. */
  #renderArticle(script: ReadingScript): TemplateResult {
    const { blocks } = script;
    const body: TemplateResult[] = [];
    let kicker: TemplateResult | typeof nothing = nothing;
    let title: TemplateResult | undefined;
    let subtitle: TemplateResult | typeof nothing = nothing;
    let byline: TemplateResult | typeof nothing = nothing;
    blocks.forEach((block) => {
      const content = this.#renderSentences(script, block);
      switch (block.kind) {
        case 'kicker':
          kicker = html`<p class="kicker">${content}</p>`;
          break;
        case 'title':
          title = html`<h1 tabindex="-1">${content}</h1>`;
          break;
        case 'subtitle':
          subtitle = html`<p class="subtitle">${content}</p>`;
          break;
        case 'byline':
          byline = html`<p class="byline">${content}</p>`;
          break;
        case 'heading':
          body.push(html`<h2>${content}</h2>`);
          break;
        case 'paragraph':
          body.push(html`<p>${content}</p>`);
          break;
        case 'note':
          break; // in the notes aside (#renderNotes)
      }
    });
    return html`<article
      lang="zh-CN"
      aria-label=${readerStrings.articleLabel}
      @click=${this.#onClick}
      @keydown=${this.#onKeyDown}
    >
      <header>${kicker}${title ?? this.#untitledHeading(script)}${subtitle}${byline}</header>
      ${body} ${this.#renderNotes(script)}
    </article>`;
  }

  /**
   * The heading of an article the page gives no title: its first words (the UI's label, not part
   * of what is read), so the view still has its h1 to focus and to find by.
   */
  #untitledHeading(script: ReadingScript): TemplateResult {
    const first = script.blocks.find((b) => b.kind === 'paragraph');
    return html`<h1 tabindex="-1">${articleLabel({ title: null, lead: leadOf(first ? [first.text] : []) })}</h1>`;
  }

  /**
   * A block's sentences as DOM nodes: one `<span class="s" data-i>` per sentence, with whatever
   * text lies between them (spaces in Latin text) kept. Built with createElement and text nodes,
   * never parsed as markup, so article text stays text; cheaper than a Lit template per sentence
   * (a 100,000-character article has thousands), and rendered only once per article (guarded).
   */
  #renderSentences(script: ReadingScript, block: ScriptBlock): DocumentFragment {
    const fragment = document.createDocumentFragment();
    let at = 0;
    for (let i = block.first; i < block.first + block.count; i++) {
      const sentence = script.sentences[i]!;
      if (sentence.start > at) fragment.append(block.text.slice(at, sentence.start));
      const span = document.createElement('span');
      span.className = 's';
      span.dataset.i = String(i);
      span.append(sentence.text);
      fragment.append(span);
      at = sentence.end;
    }
    return fragment;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('settings') && !this.settings.wordHighlight) this.#clearWord();
    if (changed.has('script')) {
      this.#sentences = [];
      for (const element of this.renderRoot.querySelectorAll<HTMLElement>('.s[data-i]')) {
        this.#sentences[Number(element.dataset.i)] = element;
      }
      this.#clearWord();
      this.#marked = -1;
      this.#following = true;
      this.detached = false;
      this.#moveHighlight(this.#speech.view.index, -1);
    }
  }

  /** Marks sentence `index` as the one being read: touches the old and the new element only. */
  #moveHighlight(index: number, _previous: number): void {
    const old = this.#sentences[this.#marked];
    const next = this.#sentences[index];
    if (old === next) return;
    this.#clearWord();
    if (old) {
      old.removeAttribute('aria-current');
      old.removeAttribute('tabindex');
    }
    this.#marked = next ? index : -1;
    if (!next) return;
    next.setAttribute('aria-current', 'true');
    next.tabIndex = 0;
    // Focus moves only when the reader moved the position from a focused sentence: moving it as
    // the voice reads on would make a screen reader read every sentence over the voice.
    if (this.#focusFollows) next.focus({ preventScroll: true });
    this.#follow(next);
  }

  /**
   * Marks the word the voice reports, mapped from the spoken form to the shown text. Words the
   * text does not show (an announcement such as 小标题：) mark nothing.
   */
  #markWord(event: SpeechBoundaryEvent): void {
    if (!this.#word || !this.settings.wordHighlight || event.name !== 'word') return;
    const sentence = this.script?.sentences[event.index];
    const text = this.#sentences[event.index]?.firstChild;
    if (!sentence || !(text instanceof Text) || event.index !== this.#marked) return;
    const end = event.charLength > 0 ? event.charIndex + event.charLength : wordEnd(sentence.spoken, event.charIndex);
    const shown = shownRange(sentence.speech, event.charIndex, end);
    this.#word.clear();
    if (shown.end <= shown.start || shown.end > text.length) return;
    const range = new Range();
    range.setStart(text, shown.start);
    range.setEnd(text, shown.end);
    this.#word.add(range);
  }

  #clearWord(): void {
    this.#word?.clear();
  }

  /** Scrolls the sentence into view, unless the reader has scrolled away on purpose. */
  #follow(element: HTMLElement): void {
    const visibility = this.#visibility(element);
    // Not reading, the position only moves when the reader moves it: show it to them.
    if (this.#speech.view.state !== 'playing') this.#following = true;
    if (!this.#following) {
      if (visibility === 'hidden') {
        this.detached = true;
        return;
      }
      this.#following = true; // the reader scrolled back to it
      this.detached = false;
    }
    if (visibility !== 'comfortable') this.#scrollTo(element);
  }

  #scrollTo(element: HTMLElement): void {
    this.#scrollTarget = element;
    this.#scrollRetries = 2;
    this.#ownScrollUntil = performance.now() + 1500;
    element.scrollIntoView({ block: this.#alignment(element), inline: 'nearest', behavior: this.#motion.scrollBehavior });
  }

  /** The part of the viewport the dock (notices, player) does not cover, from the top: its height. */
  #visibleHeight(): number {
    const dock = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--tts-player-block-size')) || 0;
    return innerHeight - dock;
  }

  /** Centred, unless the sentence is too tall to be seen whole (large text, narrow screen): its start then. */
  #alignment(element: HTMLElement): ScrollLogicalPosition {
    return element.getBoundingClientRect().height > this.#visibleHeight() * 0.7 ? 'start' : 'center';
  }

  /**
   * Where an element is relative to the part of the viewport the dock does not cover:
   * `comfortable` (well inside; for a sentence taller than that, its start in the upper third),
   * `edge` (partly visible or close to an edge) or `hidden`.
   */
  #visibility(element: HTMLElement): 'comfortable' | 'edge' | 'hidden' {
    const rect = element.getBoundingClientRect();
    const bottom = this.#visibleHeight();
    if (rect.bottom <= 0 || rect.top >= bottom) return 'hidden';
    if (this.#alignment(element) === 'start') return rect.top >= 0 && rect.top <= bottom / 3 ? 'comfortable' : 'edge';
    const margin = Math.min(64, bottom / 6);
    return rect.top >= margin && rect.bottom <= bottom - margin ? 'comfortable' : 'edge';
  }

  #onScroll = (): void => {
    if (this.#scrollFrame) return;
    this.#scrollFrame = requestAnimationFrame(() => {
      this.#scrollFrame = 0;
      if (performance.now() < this.#ownScrollUntil) return;
      const current = this.#sentences[this.#marked];
      if (!current) return;
      const hidden = this.#visibility(current) === 'hidden';
      this.#following = !hidden;
      this.detached = hidden;
    });
  };

  #onScrollEnd = (): void => {
    const target = this.#scrollTarget;
    if (target && performance.now() < this.#ownScrollUntil && this.#scrollRetries > 0 && this.#visibility(target) !== 'comfortable') {
      // Our scroll ended with the sentence moved away by layout: once more, at once.
      this.#scrollRetries--;
      this.#ownScrollUntil = performance.now() + 1500;
      target.scrollIntoView({ block: this.#alignment(target), inline: 'nearest', behavior: 'instant' });
      return;
    }
    this.#scrollTarget = null;
    this.#ownScrollUntil = 0;
  };

  #returnToReading = (): void => {
    const current = this.#sentences[this.#marked];
    this.#following = true;
    this.detached = false;
    if (!current) return;
    // The button goes away; focus goes to where the reading is, not to the top of the page.
    current.focus({ preventScroll: true });
    this.#scrollTo(current);
    this.dispatchEvent(new AnnounceEvent(readerStrings.statusReturned));
  };

  /** Index of the sentence element an event came from, or -1. */
  #sentenceIndex(event: Event): number {
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>('.s') : null;
    return target ? Number(target.dataset.i) : -1;
  }

  #onClick = (event: MouseEvent): void => {
    const index = this.#sentenceIndex(event);
    if (index < 0) return;
    // A click that ends a text selection (someone copying a sentence) is not a request to read.
    const selection = getSelection();
    if (selection && !selection.isCollapsed && selection.toString().trim() !== '') return;
    this.#readFrom(index);
  };

  #onKeyDown = (event: KeyboardEvent): void => {
    const index = this.#sentenceIndex(event);
    if (index < 0 || event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
    const engine = this.#speech.engine;
    if (!engine) return;
    switch (event.key) {
      case 'Enter':
        event.preventDefault();
        this.#readFrom(index);
        return;
      case ' ':
        // Space on the sentence being read plays or pauses there, like Space anywhere else.
        event.preventDefault();
        if (index === engine.index) engine.toggle();
        else this.#readFrom(index);
        return;
      case 'ArrowLeft':
      case 'ArrowRight': {
        // Same as the global shortcuts, but focus moves with the reading position.
        event.preventDefault();
        this.#focusFollows = true;
        const forward = event.key === 'ArrowRight';
        if (event.shiftKey) {
          if (forward) engine.nextParagraph();
          else engine.previousParagraph();
        } else if (forward) engine.next();
        else engine.previous();
        this.#focusFollows = false;
        return;
      }
    }
  };

  /** Starts reading at sentence `index`: synchronously, still inside the click or key press. */
  #readFrom(index: number): void {
    const engine = this.#speech.engine;
    if (!engine) return;
    engine.seek(index);
    if (engine.state !== 'playing') engine.play();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tts-reader': TtsReader;
  }
}
