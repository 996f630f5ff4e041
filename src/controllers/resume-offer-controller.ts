import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SpeechEngine } from '../speech/engine.ts';
import type { SpeechStateEvent } from '../speech/events.ts';

/** Whether the platform is saying anything (or has something queued), where it can tell. */
export function platformSpeaking(): boolean {
  const synthesis = globalThis.speechSynthesis as SpeechSynthesis | undefined;
  return synthesis ? synthesis.speaking || synthesis.pending : false;
}

/**
 * Offers one tap to go on reading after speech was stopped from outside: on a phone the screen
 * went off or the listener switched apps (Chrome Android stops TTS when it has no visible
 * activity; iOS suspends the page: docs/web-speech.md §1.7), or another tab spoke.
 *
 * The offer stands when
 * - the engine paused with reason `interrupted` (the platform cut the utterance off), or
 * - the page comes back into view while the engine believes it is playing but the platform says
 *   nothing at all (iOS: the page was suspended and the events never came). The engine is then
 *   paused, so its state tells the truth again.
 * It goes away as soon as the state leaves `paused` (reading again, or stopped, or a new article).
 *
 * The tap on the offer is a fresh user gesture, which iOS needs to speak again after a suspension.
 *
 * Contract with the host: call `onState` from its SpeechProgressController's `onState`; read
 * `offered` in render(); the controller calls `requestUpdate()` when it changes. In `updated()`,
 * `takeAppeared()` tells once that the offer has just appeared (to move focus to it). The
 * visibility listener is added in hostConnected and removed in hostDisconnected.
 */
export class ResumeOfferController implements ReactiveController {
  #offered = false;
  #appeared = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly engine: () => SpeechEngine | undefined,
    private readonly speaking: () => boolean = platformSpeaking,
  ) {
    host.addController(this);
  }

  /** Whether to show "从第 N 句继续" (N is the engine's current sentence). */
  get offered(): boolean {
    return this.#offered;
  }

  /** Whether the offer appeared since the last call (true once per appearance). */
  takeAppeared(): boolean {
    const appeared = this.#appeared;
    this.#appeared = false;
    return appeared;
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
  }

  onState(event: SpeechStateEvent): void {
    if (event.state === 'paused' && event.reason === 'interrupted') this.#set(true);
    else if (event.state !== 'paused') this.#set(false);
  }

  #onVisibility = (): void => {
    if (document.visibilityState !== 'visible') return;
    const engine = this.engine();
    // Silence the engine chose (the pause around a heading) is not speech stopped from outside.
    if (!engine || engine.state !== 'playing' || engine.betweenUtterances || this.speaking()) return;
    engine.pause();
    this.#set(true);
  };

  #set(offered: boolean): void {
    if (offered === this.#offered) return;
    this.#offered = offered;
    this.#appeared = offered;
    this.host.requestUpdate();
  }
}
