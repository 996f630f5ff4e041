import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PWA_ICONS } from '../pwa/constants.ts';
import type { SpeechEngine } from '../speech/engine.ts';
import { SpeechStateEvent } from '../speech/events.ts';
import { strings } from '../strings.ts';

/** What the lock screen, the notification and the headset show about the article being read. */
export interface MediaArticle {
  title: string;
  byline: string | null;
}

/**
 * A WAV file of `seconds` of a 40 Hz hum at about −62 dBFS (16-bit mono, 8 kHz), as a data URI:
 * below what earbuds reproduce and far below hearing at that level, yet not digital silence
 * (Firefox treats a silent file as not playing: w3c/mediasession#328). Six seconds, because Chrome
 * for Android shows media controls only for media at least 5 s long.
 */
export function nearSilentWav(seconds = 6, sampleRate = 8000): string {
  const samples = seconds * sampleRate;
  const bytes = new Uint8Array(44 + samples * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string): void => {
    for (let i = 0; i < text.length; i++) bytes[offset + i] = text.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // size of the fmt chunk
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // bytes a second
  view.setUint16(32, 2, true); // bytes a frame
  view.setUint16(34, 16, true); // bits a sample
  ascii(36, 'data');
  view.setUint32(40, samples * 2, true);
  const amplitude = 26; // of 32767: 20·log10(26/32767) ≈ −62 dBFS
  for (let i = 0; i < samples; i++) {
    view.setInt16(44 + i * 2, Math.round(amplitude * Math.sin((2 * Math.PI * 40 * i) / sampleRate)), true);
  }
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:audio/wav;base64,${btoa(binary)}`;
}

type Action = 'play' | 'pause' | 'stop' | 'previoustrack' | 'nexttrack' | 'seekbackward' | 'seekforward';

/**
 * Lock-screen, notification and headset controls while reading (Media Session API), for the shell.
 *
 * - Metadata: the article's title, its byline as the artist, the app as the album, the app icons
 *   as artwork. Set with `setArticle()` when an article opens; cleared when it closes.
 * - Actions: play/pause, stop, previous/next track = previous/next sentence, seek backward/forward
 *   = the same (a sentence is the unit here; there is no time line to seek in).
 * - `playbackState` follows the engine: `playing`, `paused` (an article is open), `none`.
 * - Chrome shows the controls and routes media keys only while an <audio> or <video> plays: Web
 *   Speech does not count (crbug 944538, docs/web-speech.md §2). So a near-silent looping
 *   <audio> plays exactly while the engine is in state `playing`, and is paused otherwise. It is
 *   started from the engine's `statechange` to `playing`, which the engine fires right after its
 *   `speak()`, still inside the listener's tap: the audio never delays the speech, and the tap
 *   lets it start (autoplay rules). It does not keep speech going with the screen off: Android
 *   stops TTS regardless (§1.7).
 *
 * Contract with the host: listeners and action handlers are added in hostConnected and removed in
 * hostDisconnected; the controller never asks the host to update. Where `navigator.mediaSession`
 * is missing, only the audio part runs (harmless) — and where actions are not supported,
 * `setActionHandler` throws and that action is skipped.
 */
export class MediaSessionController implements ReactiveController {
  #audio: HTMLAudioElement | null = null;
  #article: MediaArticle | null = null;
  readonly #session: MediaSession | null = 'mediaSession' in navigator ? navigator.mediaSession : null;

  constructor(
    host: ReactiveControllerHost,
    private readonly engine: SpeechEngine,
    /**
     * Previous/next track as previous/next article (连续播放 on): each returns whether it went;
     * when not, the track buttons move by sentence.
     */
    private readonly tracks: { previous(): boolean; next(): boolean } = { previous: () => false, next: () => false },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.engine.addEventListener(SpeechStateEvent.eventName, this.#onState);
    const engine = this.engine;
    const handlers: Record<Action, () => void> = {
      play: () => engine.play(),
      pause: () => engine.pause(),
      stop: () => engine.stop(),
      previoustrack: () => this.tracks.previous() || engine.previous(),
      nexttrack: () => this.tracks.next() || engine.next(),
      seekbackward: () => engine.previous(),
      seekforward: () => engine.next(),
    };
    for (const [action, handler] of Object.entries(handlers) as Array<[Action, () => void]>) {
      this.#setHandler(action, handler);
    }
    this.#sync();
  }

  hostDisconnected(): void {
    this.engine.removeEventListener(SpeechStateEvent.eventName, this.#onState);
    for (const action of ['play', 'pause', 'stop', 'previoustrack', 'nexttrack', 'seekbackward', 'seekforward'] as const) {
      this.#setHandler(action, null);
    }
    this.#audio?.pause();
    if (this.#session) {
      this.#session.metadata = null;
      this.#session.playbackState = 'none';
    }
  }

  /** The article being read (its metadata on the lock screen), or `null` when none is open. */
  setArticle(article: MediaArticle | null): void {
    this.#article = article;
    const session = this.#session;
    if (session) {
      const base = import.meta.env.BASE_URL;
      session.metadata = article
        ? new MediaMetadata({
            title: article.title,
            artist: article.byline ?? '',
            album: strings.appName,
            artwork: PWA_ICONS.map(({ src, size }) => ({ src: `${base}${src}`, sizes: `${size}x${size}`, type: 'image/png' })),
          })
        : null;
    }
    this.#sync();
  }

  #setHandler(action: Action, handler: (() => void) | null): void {
    try {
      this.#session?.setActionHandler(action, handler);
    } catch {
      // This browser does not know this action.
    }
  }

  #onState = (): void => this.#sync();

  #sync(): void {
    const playing = this.engine.state === 'playing';
    if (this.#session) this.#session.playbackState = playing ? 'playing' : this.#article ? 'paused' : 'none';
    if (playing) {
      this.#audio ??= this.#createAudio();
      if (this.#audio.paused) this.#audio.play().catch(() => undefined); // refused: no controls, reading goes on
    } else if (this.#audio && !this.#audio.paused) {
      this.#audio.pause();
    }
  }

  #createAudio(): HTMLAudioElement {
    const audio = new Audio(nearSilentWav());
    audio.loop = true;
    return audio;
  }
}
