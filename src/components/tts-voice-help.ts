import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { readerStrings } from '../strings-reader.ts';

/**
 * Shown above the article when nothing can be read aloud: the device has no Chinese (Mandarin)
 * voice (`missing`: says so plainly and tells how to add one on each platform), or the browser has
 * no speech synthesis at all (`unsupported`). The player disables play meanwhile.
 */
@customElement('tts-voice-help')
export class TtsVoiceHelp extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    section {
      max-inline-size: var(--tts-measure);
      margin: 0 auto var(--tts-space-6);
      padding: var(--tts-space-3) var(--tts-space-4);
      border: 2px solid var(--tts-color-error);
      border-radius: var(--tts-radius);
      background: var(--tts-color-surface-raised);
    }
    h2 {
      font-size: var(--tts-font-size-h2);
      margin-block: 0 var(--tts-space-2);
    }
    p {
      margin-block: 0 var(--tts-space-2);
    }
    ul {
      margin: 0;
      padding-inline-start: 1.25em;
    }
    li + li {
      margin-block-start: var(--tts-space-1);
    }
    @media (forced-colors: active) {
      section {
        border-color: CanvasText;
      }
    }
  `;

  /** Why nothing can be read. */
  @property() reason: 'missing' | 'unsupported' = 'missing';

  protected override render(): TemplateResult {
    if (this.reason === 'unsupported') {
      return html`<section aria-labelledby="no-voice-heading">
        <h2 id="no-voice-heading">${readerStrings.unsupportedHeading}</h2>
        <p>${readerStrings.unsupportedBody}</p>
      </section>`;
    }
    return html`<section aria-labelledby="no-voice-heading">
      <h2 id="no-voice-heading">${readerStrings.noVoiceHeading}</h2>
      <p>${readerStrings.noVoiceBody}</p>
      <ul>
        <li>${readerStrings.noVoiceWindows}</li>
        <li>${readerStrings.noVoiceMac}</li>
        <li>${readerStrings.noVoiceIos}</li>
        <li>${readerStrings.noVoiceAndroid}</li>
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tts-voice-help': TtsVoiceHelp;
  }
}
