import { css } from 'lit';

/**
 * Style rules several components share (each adds them to its `static styles`). Colours come from
 * the `--tts-*` tokens in tokens.css; nothing here defines a colour of its own.
 */

/** A visible focus ring for keyboard users, on every focusable thing in the component. */
export const focusRing = css`
  :focus-visible {
    outline: var(--tts-focus-ring);
    outline-offset: var(--tts-focus-offset);
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;

/** Hidden on screen, still read by screen readers. */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;

/** The app's buttons: native <button>s, at least 44 × 44 CSS px, bordered, label never clipped. */
export const buttonStyles = css`
  button {
    box-sizing: border-box;
    min-inline-size: var(--tts-target-size);
    min-block-size: var(--tts-target-size);
    padding: var(--tts-space-2) var(--tts-space-3);
    border: 1px solid var(--tts-color-border);
    border-radius: var(--tts-radius);
    background: var(--tts-color-surface);
    color: var(--tts-color-text);
    font: inherit;
    line-height: 1.2;
    cursor: pointer;
    touch-action: manipulation;
  }
  button:hover {
    border-color: var(--tts-color-text);
  }
  button.primary {
    background: var(--tts-color-accent);
    border-color: var(--tts-color-accent);
    color: var(--tts-color-on-accent);
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    background: var(--tts-color-surface);
    border-color: var(--tts-color-border);
    color: var(--tts-color-text-muted);
    border-style: dashed;
  }
  @media (forced-colors: active) {
    button,
    button.primary {
      border-color: ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }
    button:disabled,
    button[aria-disabled='true'] {
      border-color: GrayText;
      color: GrayText;
    }
  }
`;

/** A native modal <dialog> sized for a phone, with the app's surface and a dimmed page behind it. */
export const dialogStyles = css`
  dialog {
    box-sizing: border-box;
    inline-size: min(32rem, calc(100vw - 2rem));
    max-block-size: calc(100dvh - 2rem);
    /* Narrow screens and large text: less room lost to the sides. */
    padding: var(--tts-space-4) clamp(var(--tts-space-3), 5vw, var(--tts-space-6));
    border: 1px solid var(--tts-color-border);
    border-radius: var(--tts-radius);
    background: var(--tts-color-surface);
    color: var(--tts-color-text);
    font-family: var(--tts-font-family);
    line-height: var(--tts-line-height);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  dialog h2 {
    font-size: var(--tts-font-size-h2);
    line-height: 1.4;
    margin-block: 0 var(--tts-space-3);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--tts-space-2);
    margin-block-start: var(--tts-space-4);
  }
  @media (forced-colors: active) {
    dialog {
      border-color: CanvasText;
    }
  }
`;

/** What went wrong, in a `role="alert"` (import problems): the error colour, and a bar beside it. */
export const problemStyles = css`
  .problems:not(:empty) {
    margin-block: var(--tts-space-3) 0;
    padding-inline-start: var(--tts-space-3);
    border-inline-start: 4px solid var(--tts-color-error);
    color: var(--tts-color-error);
  }
  .problems p {
    margin-block: 0 var(--tts-space-2);
  }
  .problems p:last-child {
    margin-block-end: 0;
  }
  @media (forced-colors: active) {
    .problems:not(:empty) {
      border-inline-start-color: CanvasText;
      color: CanvasText;
    }
  }
`;

/**
 * Lists of article cards (the library, search results): a list without bullets, each item a
 * bordered card, each link a full-height target. Components set the spacing they need.
 */
export const cardList = css`
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
  a {
    color: var(--tts-color-accent);
    text-underline-offset: 0.2em;
    display: flex;
    align-items: center;
    min-block-size: var(--tts-target-size);
  }
  @media (forced-colors: active) {
    li {
      border-color: CanvasText;
    }
    a {
      color: LinkText;
    }
  }
`;
