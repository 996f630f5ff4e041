import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SpeechEngine } from '../speech/engine.ts';
import { SpeechVoicesEvent } from '../speech/events.ts';
import type { VoiceChoice, VoiceInfo } from '../speech/types.ts';
import { isMandarin, sameVoice } from '../speech/voices.ts';
import { formatOfflineVoice, formatOnlineVoice } from '../strings-reader.ts';

export interface OfflineVoiceOptions {
  engine: SpeechEngine;
  /** The voice the listener chose in the settings (`null`: automatic). */
  chosen: () => VoiceChoice | null;
  /** Puts a message in the polite status region. */
  announce: (message: string) => void;
  /** Whether the device is online; `navigator.onLine` by default. */
  online?: () => boolean;
}

/** The best local Mandarin voice of the engine's list (which is sorted best first, local first). */
export function bestLocalVoice(voices: readonly VoiceInfo[]): VoiceInfo | null {
  return voices.find((v) => v.localService && isMandarin(v.lang)) ?? null;
}

/**
 * Offline, only local voices speak (Chrome's "Google 普通话" and Edge's "Online (Natural)" voices
 * need the network: docs/web-speech.md §1.2). This controller, for the shell:
 * - on `offline`, and whenever the voice list changes while offline, moves the engine from a
 *   network voice to the best local Mandarin voice, and says so;
 * - on `online`, gives the engine the listener's own choice back, and says so when that is a
 *   network voice in use again.
 *
 * It builds on the engine, which already re-chooses when the voice in use vanishes from the list
 * (Chrome hides network voices offline) and fires a `notice` then: that case is announced by the
 * shell from the notice, not here. The listener's saved choice is never changed: the switch is
 * the engine's choice for now (`engine.setVoice`), and going online restores the saved one.
 *
 * Contract with the host: listeners are added in hostConnected and removed in hostDisconnected;
 * the host is never asked to update (the player follows the engine's `voiceschange`).
 */
export class OfflineVoiceController implements ReactiveController {
  /** Whether we moved the engine off the listener's choice. */
  #switched = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: OfflineVoiceOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('offline', this.#leaveNetworkVoice);
    addEventListener('online', this.#onOnline);
    this.options.engine.addEventListener(SpeechVoicesEvent.eventName, this.#onVoices);
    this.#onVoices();
  }

  hostDisconnected(): void {
    removeEventListener('offline', this.#leaveNetworkVoice);
    removeEventListener('online', this.#onOnline);
    this.options.engine.removeEventListener(SpeechVoicesEvent.eventName, this.#onVoices);
  }

  /** The listener chose a voice: it applies as chosen (our switch, if any, is forgotten). */
  chosenChanged(): void {
    this.#switched = false;
    this.#onVoices();
  }

  #online(): boolean {
    return this.options.online ? this.options.online() : navigator.onLine;
  }

  #onVoices = (): void => {
    if (!this.#online()) this.#leaveNetworkVoice();
  };

  #leaveNetworkVoice = (): void => {
    const { engine } = this.options;
    const voice = engine.voice;
    if (!voice || voice.localService) return;
    const local = bestLocalVoice(engine.voices);
    if (!local) return; // nothing better: the platform may still manage
    this.#switched = true;
    engine.setVoice({ name: local.name, lang: local.lang });
    this.options.announce(formatOfflineVoice(local.name));
  };

  #onOnline = (): void => {
    if (!this.#switched) return;
    this.#switched = false;
    const { engine } = this.options;
    const chosen = this.options.chosen();
    engine.setVoice(chosen);
    // Listed again already: say so. Otherwise the engine will take it when the list has it again,
    // and its own notice says so then.
    if (chosen && engine.voice && sameVoice(engine.voice, chosen) && !engine.voice.localService) {
      this.options.announce(formatOnlineVoice(engine.voice.name));
    }
  };
}
