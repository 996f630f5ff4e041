import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Whether the person asked for reduced motion (`prefers-reduced-motion: reduce`), for the motion
 * that script decides (smooth scrolling to the spoken sentence). CSS transitions read the same
 * media query through the `--tts-duration` token in tokens.css, so both follow one setting.
 *
 * Contract with the host: `reduced` is always current; the host is asked to update only if it
 * passed `{ render: true }` (a host that merely reads the value when it scrolls needs no update).
 */
export class ReducedMotionController implements ReactiveController {
  static readonly query = '(prefers-reduced-motion: reduce)';
  #media: MediaQueryList | null = null;
  #reduced = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: { render?: boolean } = {},
  ) {
    host.addController(this);
  }

  get reduced(): boolean {
    return this.#media ? this.#media.matches : this.#reduced;
  }

  /** `'smooth'` unless reduced motion is asked for. */
  get scrollBehavior(): ScrollBehavior {
    return this.reduced ? 'auto' : 'smooth';
  }

  hostConnected(): void {
    this.#media = typeof matchMedia === 'function' ? matchMedia(ReducedMotionController.query) : null;
    this.#reduced = this.#media?.matches ?? false;
    this.#media?.addEventListener('change', this.#onChange);
  }

  hostDisconnected(): void {
    this.#media?.removeEventListener('change', this.#onChange);
    this.#media = null;
  }

  #onChange = (event: MediaQueryListEvent): void => {
    this.#reduced = event.matches;
    if (this.options.render) this.host.requestUpdate();
  };
}
