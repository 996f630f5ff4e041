import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { LibraryIndex } from '../library/types.ts';

/** Placeholder shell: lists the bundled library. Replaced by the reader. */
@customElement('tts-app')
export class TtsApp extends LitElement {
  @state() private library: LibraryIndex | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void fetch(`${import.meta.env.BASE_URL}articles/index.json`)
      .then((r) => r.json() as Promise<LibraryIndex>)
      .then((lib) => (this.library = lib));
  }

  override render() {
    return html`<main>
      <h1>听读</h1>
      <ul>
        ${this.library?.articles.map((a) => html`<li>${a.title}</li>`)}
      </ul>
    </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tts-app': TtsApp;
  }
}
