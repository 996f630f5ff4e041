import { css } from 'lit';
import { buttonStyles, focusRing, visuallyHidden } from '../styles/shared.ts';

/** The shell's styles (<tts-app>): the header, the views' frame, the dock, the messages. */
export const appStyles = [
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
