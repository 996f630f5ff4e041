import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { NoticeActionEvent } from '../state/events.ts';
import type { NoticeId } from '../state/events.ts';
import { formatAllNotices, strings } from '../strings.ts';
import { buttonStyles, focusRing } from '../styles/shared.ts';

/** What each notice says: a title (optional) and a sentence or two. */
const TEXT: Record<NoticeId, { title?: string; body: string }> = {
  update: { title: strings.updateTitle, body: strings.updateBody },
  'offline-ready': { title: strings.offlineReadyTitle, body: strings.offlineReadyBody },
  'settings-reset': { body: strings.settingsReset },
  'positions-reset': { body: strings.positionsReset },
  'imported-reset': { body: strings.importedReset },
  full: { body: strings.storageFull },
  unavailable: { body: strings.storageUnavailable },
};

/**
 * The app's notices (src/app/notices.ts), shown by the shell in the dock at the bottom of the
 * screen, above the player: appearing there, they never push the page under a finger about to tap.
 *
 * One polite live region (`role="status"`) that is always there, so a notice added to it is
 * announced; nothing in it takes focus by itself (none is modal). Buttons are native and reached
 * by Tab: 刷新 / 稍后 for the update offer, 知道了 for the others. Answers go up to the shell as a
 * NoticeActionEvent; `focusFirst()` lets the shell put focus back here after one notice went away.
 *
 * When space is short (the viewport under 36 rem tall: a phone with large text), the notices do not
 * stack over the article: one button, `全部通知（N）`, unfolds them. Their text stays in the live
 * region, so a screen reader hears a new one either way.
 */
@customElement('tts-notices')
export class TtsNotices extends LitElement {
  static override styles = [
    focusRing,
    buttonStyles,
    css`
      :host {
        display: block;
      }
      .notice {
        box-sizing: border-box;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--tts-space-2) var(--tts-space-3);
        inline-size: 100%;
        max-inline-size: var(--tts-measure);
        margin-inline: auto;
        padding: var(--tts-space-2) var(--tts-space-3);
        border: 1px solid var(--tts-color-border);
        border-inline-start: 4px solid var(--tts-color-accent);
        border-radius: var(--tts-radius);
        background: var(--tts-color-surface-raised);
      }
      /* A panel of its own over the page, like the player, so no text shows between the notices. */
      .notices:has(.notice) {
        display: grid;
        gap: var(--tts-space-2);
        padding: var(--tts-space-2) var(--tts-space-3);
        background: var(--tts-color-surface);
        border-block-start: 1px solid var(--tts-color-border);
      }
      .notice.problem {
        border-inline-start-color: var(--tts-color-error);
      }
      p {
        flex: 1 1 16rem;
        margin: 0;
      }
      strong {
        margin-inline-end: var(--tts-space-2);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--tts-space-2);
        margin-inline-start: auto;
      }
      .unfold {
        display: none;
      }
      @media (max-height: 36rem) {
        /*
         * Folded: out of sight but still in the live region, so a screen reader hears a new notice;
         * its buttons go (nothing focusable out of sight) until 全部通知 unfolds them.
         */
        .notices:not(.unfolded) .notice {
          position: absolute;
          inline-size: 1px;
          block-size: 1px;
          margin: 0;
          padding: 0;
          border: 0;
          overflow: hidden;
          clip-path: inset(50%);
          white-space: nowrap;
        }
        .notices:not(.unfolded) .actions {
          display: none;
        }
        .unfold {
          display: block;
          justify-self: start;
        }
        .notices:has(.notice) {
          padding-block: var(--tts-space-1);
        }
      }
      @media (forced-colors: active) {
        .notice,
        .notice.problem,
        .notices:has(.notice) {
          border-color: CanvasText;
        }
      }
    `,
  ];

  /** The notices to show, in order. */
  @property({ attribute: false }) notices: readonly NoticeId[] = [];
  /** 刷新 was pressed: the update offer shows that it is busy. */
  @property({ type: Boolean }) applying = false;
  /** When space is short: all the notices unfolded (otherwise the first, on one line). */
  @state() private unfolded = false;

  /** Focuses the first button of the first notice; `false` when there is none. */
  focusFirst(): boolean {
    const button = this.renderRoot.querySelector<HTMLButtonElement>('.notice button');
    button?.focus();
    return button !== null;
  }

  protected override render(): TemplateResult {
    const count = this.notices.length;
    return html`<div class="notices ${this.unfolded ? 'unfolded' : ''}" role="status" aria-label=${strings.noticesLabel}>
      ${this.notices.map((id) => this.#renderNotice(id))}
      ${count > 0
        ? html`<button class="unfold" type="button" aria-expanded=${this.unfolded ? 'true' : 'false'} @click=${this.#toggle}>
            ${formatAllNotices(count)}
          </button>`
        : nothing}
    </div>`;
  }

  #renderNotice(id: NoticeId): TemplateResult {
    const { title, body } = TEXT[id];
    const problem = id !== 'update' && id !== 'offline-ready';
    return html`<div class="notice ${problem ? 'problem' : ''}" role="group" aria-labelledby="notice-${id}">
      <p id="notice-${id}">${title ? html`<strong>${title}</strong>` : nothing}${body}</p>
      <div class="actions">
        ${id === 'update'
          ? html`<button
                class="primary"
                type="button"
                aria-disabled=${this.applying ? 'true' : nothing}
                @click=${(e: Event) => this.#act(e, id, 'accept')}
              >
                ${this.applying ? strings.updateApplying : strings.updateRefresh}
              </button>
              <button type="button" ?hidden=${this.applying} @click=${(e: Event) => this.#act(e, id, 'later')}>
                ${strings.updateLater}
              </button>`
          : html`<button type="button" @click=${(e: Event) => this.#act(e, id, 'dismiss')}>${strings.dismiss}</button>`}
      </div>
    </div>`;
  }

  #toggle = (): void => {
    this.unfolded = !this.unfolded;
  };

  #act(event: Event, id: NoticeId, action: NoticeActionEvent['action']): void {
    if (this.applying && id === 'update') return;
    const button = event.currentTarget as HTMLElement;
    const hadFocus = this.shadowRoot?.activeElement === button;
    this.dispatchEvent(new NoticeActionEvent(id, action, hadFocus));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tts-notices': TtsNotices;
  }
}
