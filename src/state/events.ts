import type { ImportOptions, ImportSource } from '../library/import.ts';
import type { LibraryEntry } from '../library/types.ts';
import type { VoiceChoice } from '../speech/types.ts';
import type { Settings } from '../storage/settings.ts';
import type { StorageProblem } from '../storage/problems.ts';

/**
 * The notices, shown in the dock at the bottom, above the player: things the listener should know
 * about the app itself (not about the reading, which has its own status region and the player).
 * Each is shown until dismissed; none needs an answer except the update offer.
 *
 * - `offline-ready`: the first install is done ("可离线使用");
 * - `update`: a new version is waiting ("有新版本": 刷新 / 稍后);
 * - a storage problem (src/storage/problems.ts): data reset, disk full, storage refused.
 */
export type NoticeId = 'offline-ready' | 'update' | StorageProblem;

/**
 * Events components send up to the shell (<tts-app>), which decides what happens. Each has a fixed
 * type, bubbles and is composed (it crosses shadow roots), and is declared in
 * `GlobalEventHandlersEventMap` so that listeners are typed.
 */

/** The listener chose a rate (slider released, preset pressed, or +/−). */
export class RateChangeEvent extends Event {
  static readonly type = 'tts-rate-change';
  constructor(readonly rate: number) {
    super(RateChangeEvent.type, { bubbles: true, composed: true });
  }
}

/** The listener chose a voice; `null` means "choose for me". */
export class VoiceChangeEvent extends Event {
  static readonly type = 'tts-voice-change';
  constructor(readonly voice: VoiceChoice | null) {
    super(VoiceChangeEvent.type, { bubbles: true, composed: true });
  }
}

/** A component has something for the polite status region (never the spoken sentence). */
export class AnnounceEvent extends Event {
  static readonly type = 'tts-announce';
  constructor(readonly message: string) {
    super(AnnounceEvent.type, { bubbles: true, composed: true });
  }
}

/** The listener changed a setting of the settings dialog (theme, text size, keep the screen on). */
export class PreferencesChangeEvent extends Event {
  static readonly type = 'tts-preferences-change';
  constructor(
    readonly patch: Partial<
      Pick<Settings, 'theme' | 'textSize' | 'keepAwake' | 'dictionary' | 'announceHeadings' | 'wordHighlight'>
    >,
  ) {
    super(PreferencesChangeEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * The listener answered a notice: `dismiss` (知道了), `accept` (刷新) or `later` (稍后).
 * `hadFocus`: the pressed button had focus (it goes away, so focus must go somewhere).
 */
export class NoticeActionEvent extends Event {
  static readonly type = 'tts-notice-action';
  constructor(
    readonly notice: NoticeId,
    readonly action: 'dismiss' | 'accept' | 'later',
    readonly hadFocus: boolean,
  ) {
    super(NoticeActionEvent.type, { bubbles: true, composed: true });
  }
}

/** The shell's answer to an import (ImportRequestEvent). */
export interface ImportReport {
  /** Articles now in the library that were not before, in the order of the text. */
  readonly added: readonly LibraryEntry[];
  /** Articles of the text that were in the library already (bundled, or imported before). */
  readonly duplicates: readonly LibraryEntry[];
  /** What went wrong, one message per file or failure, for the `role="alert"` by the control. */
  readonly problems: readonly string[];
}

/**
 * The listener chose files to import, or pasted text. The shell answers with `respond()` while the
 * event is dispatched (the way @lit/context's request event carries a callback); the sender reads
 * `report` once `dispatchEvent()` has returned, to show what went wrong where it was asked.
 */
export class ImportRequestEvent extends Event {
  static readonly type = 'tts-import-request';
  #report: Promise<ImportReport> | null = null;
  /** `options`: where a long PDF's progress goes, and the signal of the sender's 取消. */
  constructor(
    readonly sources: readonly ImportSource[],
    readonly options: ImportOptions = {},
  ) {
    super(ImportRequestEvent.type, { bubbles: true, composed: true });
  }

  respond(report: Promise<ImportReport>): void {
    this.#report = report;
  }

  /** The answer; rejects when no one answered (no shell above the sender). */
  get report(): Promise<ImportReport> {
    return this.#report ?? Promise.reject(new Error(`${ImportRequestEvent.type}: no one answered`));
  }
}

/**
 * The listener confirmed the deletion of an imported article. The shell deletes it (with its
 * reading position) and answers with `respond()`: resolves when it is gone, rejects when it could
 * not be deleted.
 */
export class DeleteRequestEvent extends Event {
  static readonly type = 'tts-delete-request';
  #done: Promise<void> | null = null;
  constructor(readonly articleId: string) {
    super(DeleteRequestEvent.type, { bubbles: true, composed: true });
  }

  respond(done: Promise<void>): void {
    this.#done = done;
  }

  get done(): Promise<void> {
    return this.#done ?? Promise.reject(new Error(`${DeleteRequestEvent.type}: no one answered`));
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [RateChangeEvent.type]: RateChangeEvent;
    [VoiceChangeEvent.type]: VoiceChangeEvent;
    [AnnounceEvent.type]: AnnounceEvent;
    [PreferencesChangeEvent.type]: PreferencesChangeEvent;
    [NoticeActionEvent.type]: NoticeActionEvent;
    [ImportRequestEvent.type]: ImportRequestEvent;
    [DeleteRequestEvent.type]: DeleteRequestEvent;
  }
}
