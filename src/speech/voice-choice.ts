import type { VoiceChoice } from './types.ts';

/** Lower case, `_` → `-`, trimmed: `zh_CN` → `zh-cn`, `cmn-LATN-PINYIN` → `cmn-latn-pinyin`. */
export function normaliseLang(lang: string): string {
  return lang.trim().toLowerCase().replace(/_/g, '-');
}

/** Same voice: same name and same language (voiceURI is neither unique nor stable). */
export function sameVoice(a: VoiceChoice | null | undefined, b: VoiceChoice | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.name === b.name && normaliseLang(a.lang) === normaliseLang(b.lang);
}
