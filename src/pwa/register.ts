/// <reference types="trusted-types" />
import { Workbox } from 'workbox-window';
import { SW_FILE, SW_TRUSTED_TYPES_POLICY } from './constants.ts';

/**
 * Registers the service worker that vite-plugin-pwa generates (Workbox `generateSW`, prompt mode)
 * and turns what it says into calls on the update flow (update-flow.ts). Loaded by the shell after
 * the first paint: nothing here is needed to show the library.
 *
 * Why workbox-window directly and not `virtual:pwa-register`: `navigator.serviceWorker.register()`
 * is a Trusted Types sink (TrustedScriptURL), and our CSP enforces Trusted Types.
 * `virtual:pwa-register` passes a plain string, which only a catch-all `default` policy could let
 * through. Here a named policy, `tingdu-sw` (allowed in vite.config.ts's CSP), turns exactly one
 * URL, our own sw.js, into a TrustedScriptURL, and refuses anything else. The events are handled
 * the way `virtual:pwa-register` does in prompt mode (vite-plugin-pwa src/client/build/register.ts),
 * except that nothing ever reloads without the listener's say-so.
 *
 * Update checks: at start-up, whenever the app comes back into view (`visibilitychange`, e.g. the
 * phone unlocked), and hourly while it stays in view (docs/web-speech.md §3.3).
 */

/** What the service worker reports; the update flow implements it. */
export interface ServiceWorkerEvents {
  /** First install done: the app is precached (the shell then keeps the latest edition too). */
  offlineReady(): void;
  /** A new version is installed and waiting to take over. */
  updateFound(): void;
  /** A new version took control of this page. */
  controlling(): void;
}

export interface ServiceWorkerHandle {
  /** Asks the server for a new version now (quietly does nothing offline). */
  check(): Promise<void>;
  /** Lets the waiting version take over (`SKIP_WAITING`); `controlling()` follows. */
  activate(): void;
  /** Stops the update checks. */
  dispose(): void;
}

const HOUR = 60 * 60 * 1000;

let policy: { createScriptURL(input: string): TrustedScriptURL } | null = null;

/**
 * The service worker's URL, as a TrustedScriptURL where the browser enforces Trusted Types. The
 * policy is created once per page (a second `createPolicy` with the same name would throw).
 */
export function serviceWorkerURL(url: string): string | TrustedScriptURL {
  const factory = window.trustedTypes;
  if (!factory) return url;
  const created = (policy ??= factory.createPolicy(SW_TRUSTED_TYPES_POLICY, {
    createScriptURL: (input: string) => {
      if (input !== url) throw new TypeError(`${SW_TRUSTED_TYPES_POLICY}: refused script URL ${input}`);
      return input;
    },
  }));
  return created.createScriptURL(url);
}

/**
 * Registers the service worker and starts the update checks. Resolves `null` where there is no
 * service worker support or registration failed (the app then simply works online only).
 */
export async function registerServiceWorker(events: ServiceWorkerEvents): Promise<ServiceWorkerHandle | null> {
  if (!('serviceWorker' in navigator)) return null;
  const base = import.meta.env.BASE_URL;
  const workbox = new Workbox(serviceWorkerURL(`${base}${SW_FILE}`), { scope: base });

  workbox.addEventListener('installed', (event) => {
    // The first install (no earlier version controlled the page): everything is cached now.
    if (!event.isUpdate && !event.isExternal) events.offlineReady();
  });
  // A new version waiting, found by this page or by another tab (`isExternal`), or already
  // waiting when the page opened (`wasWaitingBeforeRegister`).
  workbox.addEventListener('waiting', () => events.updateFound());
  // Without clientsClaim the control only changes when a new version takes over.
  workbox.addEventListener('controlling', () => events.controlling());

  try {
    await workbox.register({ immediate: true });
  } catch {
    return null; // e.g. blocked by the browser, or an insecure origin
  }

  const check = async (): Promise<void> => {
    try {
      await workbox.update();
    } catch {
      // Offline, or the server is away: try again at the next occasion.
    }
  };
  let timer = 0;
  const schedule = (): void => {
    clearInterval(timer);
    timer = window.setInterval(() => void check(), HOUR);
  };
  const onVisibility = (): void => {
    if (document.visibilityState !== 'visible') {
      clearInterval(timer);
      return;
    }
    void check();
    schedule();
  };
  document.addEventListener('visibilitychange', onVisibility);
  schedule();
  void check();

  return {
    check,
    activate: () => workbox.messageSkipWaiting(),
    dispose: () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
