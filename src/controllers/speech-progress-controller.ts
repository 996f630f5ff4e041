import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { engineContext } from '../state/contexts.ts';
import type { SpeechEngine } from '../speech/engine.ts';
import {
  SpeechBoundaryEvent,
  SpeechErrorEvent,
  SpeechSentenceEvent,
  SpeechStateEvent,
  SpeechVoicesEvent,
  type SpeechErrorKind,
} from '../speech/events.ts';
import type { PlaybackState, VoiceInfo, VoiceStatus } from '../speech/types.ts';

/** The parts of the engine's busy state a host may render. */
export interface SpeechView {
  state: PlaybackState;
  /** The current sentence (0-based), `-1` when nothing is loaded. */
  index: number;
  voices: readonly VoiceInfo[];
  voice: VoiceInfo | null;
  voiceStatus: VoiceStatus;
  /** The last error that needs the user (cleared when the state leaves `blocked`/`error`). */
  error: SpeechErrorKind | null;
}

export interface SpeechProgressOptions {
  /**
   * The engine, for the element that provides it (a context provider does not answer its own
   * requests). Other hosts leave it out: the controller then consumes `engineContext`.
   */
  engine?: SpeechEngine;
  /**
   * The fields the host shows. The controller calls `host.requestUpdate()` only when one of them
   * changed; a host that shows none of them (the reader, which patches the DOM itself) is never
   * re-rendered by playback.
   */
  renders?: ReadonlyArray<keyof SpeechView>;
  /**
   * Called synchronously on every change of the current sentence, with the previous index (`-1`
   * when there was none), and once when the engine is first attached (previous `-1`). For hosts
   * that update the DOM themselves: touch the old and the new sentence, nothing else.
   */
  onSentence?: (index: number, previous: number) => void;
  /** Called on every state change, with the engine's reason (for status messages). */
  onState?: (event: SpeechStateEvent) => void;
  /** Called for every error that needs the user. */
  onError?: (event: SpeechErrorEvent) => void;
  /**
   * Called for every word the voice reports (`boundary`, offsets into the sentence's spoken form).
   * Only hosts that give it are listened for: most voices send none, some send many.
   */
  onBoundary?: (event: SpeechBoundaryEvent) => void;
}

/**
 * Brings the speech engine's busy state (the current sentence, playing or paused, voices,
 * errors) to one component, without going through context.
 *
 * Contract with the host:
 * - It finds the engine itself (a `ContextConsumer` of `engineContext`, unless given one), listens
 *   to it from hostConnected and removes every listener in hostDisconnected.
 * - `view` always holds the engine's current values (read it in `render()`).
 * - It calls `requestUpdate()` only when a field listed in `renders` changed.
 * - `onSentence`/`onState`/`onError` run synchronously inside the engine's event, outside Lit's
 *   update cycle.
 */
export class SpeechProgressController implements ReactiveController {
  #engine: SpeechEngine | undefined;
  #listening = false;
  readonly #renders: ReadonlySet<keyof SpeechView>;
  #view: SpeechView = { state: 'idle', index: -1, voices: [], voice: null, voiceStatus: 'loading', error: null };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: SpeechProgressOptions = {},
  ) {
    this.#renders = new Set(options.renders ?? []);
    // Before addController: a host connected already calls hostConnected at once.
    this.#engine = options.engine;
    host.addController(this);
    if (options.engine) return;
    // Added after this controller, so on connection our hostConnected runs first and the
    // consumer's callback (which attaches the engine) right after it.
    new ContextConsumer(host, { context: engineContext, callback: (engine) => this.#attach(engine) });
  }

  get engine(): SpeechEngine | undefined {
    return this.#engine;
  }

  get view(): Readonly<SpeechView> {
    return this.#view;
  }

  hostConnected(): void {
    if (this.#engine) this.#listen();
  }

  hostDisconnected(): void {
    this.#unlisten();
  }

  #attach(engine: SpeechEngine): void {
    if (engine === this.#engine && this.#listening) return;
    this.#unlisten();
    this.#engine = engine;
    this.#listen();
  }

  #listen(): void {
    const engine = this.#engine;
    if (!engine || this.#listening) return;
    engine.addEventListener(SpeechStateEvent.eventName, this.#onState);
    engine.addEventListener(SpeechSentenceEvent.eventName, this.#onSentence);
    engine.addEventListener(SpeechVoicesEvent.eventName, this.#onVoices);
    engine.addEventListener(SpeechErrorEvent.eventName, this.#onError);
    if (this.options.onBoundary) engine.addEventListener(SpeechBoundaryEvent.eventName, this.options.onBoundary);
    this.#listening = true;
    // Catch up with what happened while we were not listening.
    const previous = this.#view.index;
    this.#set({
      state: engine.state,
      index: engine.index,
      voices: engine.voices,
      voice: engine.voice,
      voiceStatus: engine.voiceStatus,
      error: isTrouble(engine.state) ? this.#view.error : null,
    });
    this.options.onSentence?.(engine.index, previous === engine.index ? -1 : previous);
  }

  #unlisten(): void {
    const engine = this.#engine;
    if (!engine || !this.#listening) return;
    engine.removeEventListener(SpeechStateEvent.eventName, this.#onState);
    engine.removeEventListener(SpeechSentenceEvent.eventName, this.#onSentence);
    engine.removeEventListener(SpeechVoicesEvent.eventName, this.#onVoices);
    engine.removeEventListener(SpeechErrorEvent.eventName, this.#onError);
    if (this.options.onBoundary) engine.removeEventListener(SpeechBoundaryEvent.eventName, this.options.onBoundary);
    this.#listening = false;
  }

  #set(patch: Partial<SpeechView>): void {
    let changed = false;
    for (const key of Object.keys(patch) as Array<keyof SpeechView>) {
      if (!Object.is(patch[key], this.#view[key]) && this.#renders.has(key)) changed = true;
    }
    this.#view = { ...this.#view, ...patch };
    if (changed) this.host.requestUpdate();
  }

  #onState = (event: Event): void => {
    const e = event as SpeechStateEvent;
    this.#set({ state: e.state, error: isTrouble(e.state) ? this.#view.error : null });
    this.options.onState?.(e);
  };

  #onSentence = (event: Event): void => {
    const e = event as SpeechSentenceEvent;
    const previous = this.#view.index;
    if (e.index === previous) return;
    this.#set({ index: e.index });
    this.options.onSentence?.(e.index, previous);
  };

  #onVoices = (event: Event): void => {
    const e = event as SpeechVoicesEvent;
    this.#set({ voices: e.voices, voice: e.voice, voiceStatus: e.status });
  };

  #onError = (event: Event): void => {
    const e = event as SpeechErrorEvent;
    this.#set({ error: e.kind });
    this.options.onError?.(e);
  };
}

function isTrouble(state: PlaybackState): boolean {
  return state === 'blocked' || state === 'error';
}
