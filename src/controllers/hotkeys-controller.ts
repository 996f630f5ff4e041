import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What a hotkey does. Handlers run inside the keydown event, so they may start speech. */
export interface HotkeyActions {
  togglePlay(): void;
  previousSentence(): void;
  nextSentence(): void;
  previousParagraph(): void;
  nextParagraph(): void;
  faster(): void;
  slower(): void;
  help(): void;
}

/** The shortcuts, as `aria-keyshortcuts` values (UI Events key names; "Space" for the space bar). */
export const KEYSHORTCUTS = {
  togglePlay: 'Space',
  previousSentence: 'ArrowLeft',
  nextSentence: 'ArrowRight',
  previousParagraph: 'Shift+ArrowLeft',
  nextParagraph: 'Shift+ArrowRight',
  rate: 'Plus Minus',
  help: 'Shift+?',
} as const;

type Action = keyof HotkeyActions;

/** Elements whose own keyboard behaviour wins over every shortcut (typing, choosing, sliding). */
const OWNS_ALL_KEYS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
/** Elements where Space (and Enter) activate the element itself. */
const OWNS_SPACE = new Set(['BUTTON', 'A', 'SUMMARY', 'DETAILS']);

/**
 * Which action a key press asks for, or `null`. Pure: decides from the key, its modifiers and the
 * chain of elements the event passed through (`path`, innermost first, as `composedPath()` gives).
 *
 * - Nothing while an IME is composing (Chinese input!), with Ctrl/Alt/Meta held (browser and
 *   screen-reader shortcuts), or inside a modal dialog.
 * - Space only when focus is not on a control (a button or link takes Space for itself).
 * - Arrows and +/− also on buttons (they mean nothing there), but not in inputs and selects,
 *   where they move the caret, the slider or the choice.
 */
export function hotkeyAction(
  event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey' | 'isComposing' | 'defaultPrevented'>,
  path: readonly EventTarget[],
): Action | null {
  if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.altKey || event.metaKey) return null;
  let inControl = false;
  for (const target of path) {
    if (!(target instanceof Element)) continue;
    if (OWNS_ALL_KEYS.has(target.tagName) || (target as HTMLElement).isContentEditable) return null;
    if (target.tagName === 'DIALOG' && target.hasAttribute('open')) return null;
    const role = target.getAttribute('role');
    if (OWNS_SPACE.has(target.tagName) || role === 'button' || role === 'link' || role === 'slider') inControl = true;
  }
  switch (event.key) {
    case ' ':
    case 'Spacebar':
      return inControl ? null : 'togglePlay';
    case 'ArrowLeft':
      return event.shiftKey ? 'previousParagraph' : 'previousSentence';
    case 'ArrowRight':
      return event.shiftKey ? 'nextParagraph' : 'nextSentence';
    case '+':
    case '=': // the unshifted plus key on US-style keyboards
      return 'faster';
    case '-':
    case '_':
      return 'slower';
    case '?':
      return 'help';
    default:
      return null;
  }
}

/**
 * The app's keyboard shortcuts: one keydown listener on the document while the host is connected
 * (added in hostConnected, removed in hostDisconnected). Handled keys get `preventDefault()` so
 * that Space does not also scroll the page. Never triggers a render.
 */
export class HotkeysController implements ReactiveController {
  /** While false (no article open), shortcuts are ignored and the keys keep their usual meaning. */
  enabled = true;

  constructor(
    host: ReactiveControllerHost,
    private readonly actions: HotkeyActions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.#onKeyDown);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.#onKeyDown);
  }

  #onKeyDown = (event: KeyboardEvent): void => {
    const action = hotkeyAction(event, event.composedPath());
    if (!action || (!this.enabled && action !== 'help')) return;
    event.preventDefault();
    this.actions[action]();
  };
}
