import type { VoiceChoice, VoiceInfo } from './types.ts';
import { normaliseLang, sameVoice } from './voice-choice.ts';

// Apart so that the stored settings can compare voices without loading the rest (src/storage/settings.ts).
export { normaliseLang, sameVoice };

/**
 * Choosing a Mandarin voice from what `speechSynthesis.getVoices()` lists.
 *
 * Language tags differ per platform (docs/web-speech.md §1.1, §1.2):
 * - Chrome desktop, Edge, Safari, Windows: `zh-CN`, `zh-TW`, `zh-HK` (BCP 47);
 * - Chrome Android: `zh_CN`, `yue_HK` — one entry per Java Locale, `Locale.toString()` spelling
 *   (Chromium `TtsPlatformImpl.java`);
 * - Linux Chromium with speech-dispatcher + espeak-ng: `cmn`, `cmn-LATN-PINYIN`, `yue`, `hak`.
 *
 * Mandarin is ranked `zh-cn` > `zh-hans` > `zh-sg` > `zh` > `cmn` > `zh-tw` (Mandarin with a
 * Taiwan accent, traditional script). Cantonese (`zh-HK`, `zh-MO`, `yue`, `zh-yue`) is never
 * chosen automatically for Mandarin text, though it is listed (last) for a user who wants it.
 */

/** The fields of a voice that choosing one needs: a SpeechSynthesisVoice or a VoiceInfo. */
export type VoiceLike = Pick<VoiceInfo, 'name' | 'lang' | 'localService' | 'default'>;

/** Cantonese: `yue…`, `zh-yue…`, and Chinese of Hong Kong or Macao (`zh-HK`, `zh-Hant-HK`, `zh-MO`). */
export function isCantonese(lang: string): boolean {
  const tag = normaliseLang(lang);
  return /^(?:zh-)?yue(?:-|$)/.test(tag) || /^zh(?:-hant)?-(?:hk|mo)(?:-|$)/.test(tag);
}

/**
 * Preference of a Mandarin language tag, lower is better; `null` when the tag is not Mandarin
 * (another language, Cantonese, or another Chinese language such as Hakka `hak`).
 *
 * 0 `zh-CN` (also `zh-Hans-CN`, `zh-CN-liaoning`), 1 `zh-Hans`, 2 `zh-SG`, 3 `zh` (and other
 * regions), 4 `cmn` (espeak-ng), 5 `zh-TW` / `zh-Hant` / `cmn-TW`. A Latin-script variant
 * (espeak-ng's `cmn-LATN-PINYIN`, which reads Latin letters as pinyin) ranks half a step lower.
 */
export function mandarinRank(lang: string): number | null {
  const tag = normaliseLang(lang);
  if (isCantonese(tag)) return null;
  const [primary, ...subtags] = tag.split('-');
  if (primary !== 'zh' && primary !== 'cmn') return null;
  const script = subtags.find((s) => /^[a-z]{4}$/.test(s));
  const region = subtags.find((s) => /^(?:[a-z]{2}|\d{3})$/.test(s));
  const latin = script === 'latn' ? 0.5 : 0;
  if (region === 'tw' || script === 'hant') return 5 + latin;
  if (primary === 'cmn') return 4 + latin;
  if (region === 'cn') return 0 + latin;
  if (region === 'sg') return 2 + latin;
  if (region === undefined && script === 'hans') return 1;
  return 3 + latin;
}

/** Mandarin Chinese, in any of the spellings above (Cantonese is not). */
export function isMandarin(lang: string): boolean {
  return mandarinRank(lang) !== null;
}

/**
 * The Chinese voices of a list, best first, for a voice menu: Mandarin voices in the order
 * `pickVoice` prefers them (local first, then by language rank, then the platform default, then
 * the platform's order), then Cantonese voices (local first). Other languages are left out.
 */
export function chineseVoices<V extends VoiceLike>(voices: readonly V[]): V[] {
  const mandarin: Array<[V, number, number]> = [];
  const cantonese: Array<[V, number, number]> = [];
  voices.forEach((voice, order) => {
    const rank = mandarinRank(voice.lang);
    if (rank !== null) mandarin.push([voice, rank, order]);
    else if (isCantonese(voice.lang)) cantonese.push([voice, 0, order]);
  });
  return [...mandarin.sort(byPreference), ...cantonese.sort(byPreference)].map(([voice]) => voice);
}

/**
 * The voice to read Mandarin with, or `null` when the list has none.
 *
 * 1. The remembered choice (same name and language), if it is in the list and not in `avoid`,
 *    wins, whatever its language: the user picked it.
 * 2. Otherwise the best Mandarin voice not in `avoid`: a local voice (`localService: true`) before
 *    a network one, which fails offline and which Chrome hides offline and on cellular
 *    (`tts_controller_impl.cc`, `OnNetworkChanged`); then by `mandarinRank`; then the platform's
 *    default voice; then the platform's order.
 *
 * Cantonese is never chosen here unless remembered.
 */
export function pickVoice<V extends VoiceLike>(
  voices: readonly V[],
  remembered?: VoiceChoice | null,
  avoid: readonly VoiceChoice[] = [],
): V | null {
  const avoided = (v: V): boolean => avoid.some((a) => sameVoice(a, v));
  if (remembered) {
    const found = voices.find((v) => sameVoice(v, remembered));
    if (found && !avoided(found)) return found;
  }
  const mandarin = chineseVoices(voices).filter((v) => isMandarin(v.lang) && !avoided(v));
  return mandarin[0] ?? null;
}

/** A plain copy of a SpeechSynthesisVoice's fields (the platform object is not serialisable). */
export function toVoiceInfo(voice: VoiceInfo): VoiceInfo {
  return {
    name: voice.name,
    lang: voice.lang,
    localService: voice.localService,
    default: voice.default,
    voiceURI: voice.voiceURI,
  };
}

function byPreference<V extends VoiceLike>(
  [a, rankA, orderA]: [V, number, number],
  [b, rankB, orderB]: [V, number, number],
): number {
  return (
    Number(b.localService) - Number(a.localService) ||
    rankA - rankB ||
    Number(b.default) - Number(a.default) ||
    orderA - orderB
  );
}
