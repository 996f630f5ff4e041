import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { archiveStrings } from '../strings.ts';
import { formatStorage } from '../strings-settings.ts';

/**
 * How much the app keeps on the device and how much the browser allows it
 * (`navigator.storage.estimate()`): downloaded editions, opened articles, the app itself. Shown in
 * the settings; `refresh()` reads it again (the dialog calls it each time it opens).
 */
@customElement('tts-storage-usage')
export class TtsStorageUsage extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    h3 {
      font-size: 1rem;
      margin: 0 0 var(--tts-space-1);
    }
    p {
      margin: 0;
      color: var(--tts-color-text-muted);
    }
  `;

  @state() private usage: string = archiveStrings.storageUnknown;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  async refresh(): Promise<void> {
    try {
      const { usage, quota } = await navigator.storage.estimate();
      this.usage = usage !== undefined && quota !== undefined ? formatStorage(usage, quota) : archiveStrings.storageUnknown;
    } catch {
      this.usage = archiveStrings.storageUnknown;
    }
  }

  protected override render(): TemplateResult {
    return html`<h3>${archiveStrings.storageHeading}</h3>
      <p>${this.usage}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tts-storage-usage': TtsStorageUsage;
  }
}
