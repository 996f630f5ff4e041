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
