import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps the screen on while the app reads aloud (Screen Wake Lock API: Chrome 84, Safari 16.4,
 * Firefox 126; iOS Home Screen apps from 18.4, WebKit bug 254545). On phones, a screen that goes
 * off stops the speech: Chrome Android stops TTS when it has no visible activity (Chromium
 * `tts_environment_android_impl.cc`), iOS suspends the page. The browser releases the lock when
 * the page is hidden, so it is asked for again when the page is visible again.
 *
 * Contract with the host: call `keepAwake(true)` when reading starts and `keepAwake(false)` when
 * it stops; the controller never asks the host to update. Where the API is missing or refuses
 * (battery saver, permissions policy), nothing happens.
 */
export class WakeLockController implements ReactiveController {
  #wanted = false;
  #sentinel: WakeLockSentinel | null = null;
  #requesting = false;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  keepAwake(wanted: boolean): void {
    this.#wanted = wanted;
    if (wanted) void this.#acquire();
    else this.#release();
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#wanted = false;
    this.#release();
  }

  #onVisibility = (): void => {
    if (document.visibilityState === 'visible' && this.#wanted) void this.#acquire();
  };

  async #acquire(): Promise<void> {
    if (this.#sentinel || this.#requesting || !('wakeLock' in navigator) || document.visibilityState !== 'visible') return;
    this.#requesting = true;
    try {
      const sentinel = await navigator.wakeLock.request('screen');
      if (!this.#wanted) {
        void sentinel.release();
        return;
      }
      this.#sentinel = sentinel;
      sentinel.addEventListener('release', () => {
        if (this.#sentinel === sentinel) this.#sentinel = null;
      });
    } catch {
      // Refused (battery saver, not allowed in this frame): reading goes on without it.
    } finally {
      this.#requesting = false;
    }
  }

  #release(): void {
    const sentinel = this.#sentinel;
    this.#sentinel = null;
    void sentinel?.release().catch(() => undefined);
  }
}
