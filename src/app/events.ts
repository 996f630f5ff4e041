import type { VoiceChoice } from '../speech/types.ts';
import type { Settings } from '../storage/settings.ts';
import type { NoticeId } from './notices.ts';

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
  constructor(readonly patch: Partial<Pick<Settings, 'theme' | 'textSize' | 'keepAwake'>>) {
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

declare global {
  interface GlobalEventHandlersEventMap {
    [RateChangeEvent.type]: RateChangeEvent;
    [VoiceChangeEvent.type]: VoiceChangeEvent;
    [AnnounceEvent.type]: AnnounceEvent;
    [PreferencesChangeEvent.type]: PreferencesChangeEvent;
    [NoticeActionEvent.type]: NoticeActionEvent;
  }
}
