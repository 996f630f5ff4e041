import { describe, expect, it } from 'vitest';
import { androidChrome } from './fixtures/android-chrome.ts';
import { chromeWindows, chromeWindowsNoChinesePack, chromeWindowsOffline } from './fixtures/chrome-windows.ts';
import { edgeWindows, edgeWindowsOnlineOnly } from './fixtures/edge-windows.ts';
import { linuxEspeakNg } from './fixtures/linux-espeak-ng.ts';
import { safari } from './fixtures/safari.ts';
import type { VoiceInfo } from './types.ts';
import { chineseVoices, isCantonese, isMandarin, mandarinRank, normaliseLang, pickVoice } from './voices.ts';

const names = (voices: readonly VoiceInfo[]): string[] => voices.map((v) => v.name);

describe('language tags', () => {
  it('normalises case and Android underscores', () => {
    expect(normaliseLang('zh_CN')).toBe('zh-cn');
    expect(normaliseLang(' cmn-LATN-PINYIN ')).toBe('cmn-latn-pinyin');
    expect(normaliseLang('zh-Hans-CN')).toBe('zh-hans-cn');
  });

  it('accepts every Mandarin spelling and ranks zh-cn > zh-hans > zh-sg > zh > cmn > zh-tw', () => {
    const ranked = ['zh-CN', 'zh-Hans', 'zh-SG', 'zh', 'cmn', 'cmn-LATN-PINYIN', 'zh-TW'].map(mandarinRank);
    expect(ranked.every((r) => r !== null)).toBe(true);
    expect([...ranked].sort((a, b) => a! - b!)).toEqual(ranked);
    expect(new Set(ranked).size).toBe(ranked.length);
    expect(mandarinRank('zh_CN')).toBe(mandarinRank('zh-CN'));
    expect(mandarinRank('zh-Hans-CN')).toBe(mandarinRank('zh-CN'));
    expect(mandarinRank('zh_TW')).toBe(mandarinRank('zh-TW'));
    expect(mandarinRank('zh-Hant')).toBe(mandarinRank('zh-TW'));
  });

  it('treats Cantonese as not Mandarin', () => {
    for (const tag of ['zh-HK', 'zh_HK', 'zh-Hant-HK', 'zh-MO', 'yue', 'yue_HK', 'yue-Hant-HK', 'zh-yue']) {
      expect(isCantonese(tag), tag).toBe(true);
      expect(isMandarin(tag), tag).toBe(false);
    }
  });

  it('rejects other languages, including other Chinese languages', () => {
    for (const tag of ['en-US', 'ja-JP', 'hak', 'nan', 'wuu', 'zhx', 'cm', '']) {
      expect(isMandarin(tag), tag).toBe(false);
    }
  });
});

describe('pickVoice on recorded and transcribed voice lists', () => {
  it('Linux espeak-ng (recorded): the plain cmn voice, never yue, hak or the pinyin variant', () => {
    expect(pickVoice(linuxEspeakNg)?.name).toBe('Chinese (Mandarin, latin as English) espeak-ng');
    const menu = chineseVoices(linuxEspeakNg);
    expect(menu.map((v) => v.lang)).toEqual(['cmn', 'cmn', 'cmn', 'cmn-LATN-PINYIN', 'cmn-LATN-PINYIN', 'yue', 'yue', 'yue']);
    expect(names(menu)).not.toContain('Hakka Chinese espeak-ng');
  });

  it('Linux espeak-ng with only Cantonese left: no voice rather than Cantonese', () => {
    expect(pickVoice(linuxEspeakNg.filter((v) => v.lang !== 'cmn' && v.lang !== 'cmn-LATN-PINYIN'))).toBeNull();
  });

  it('Chrome on Windows: the local Huihui before the Google network voice', () => {
    expect(pickVoice(chromeWindows)?.name).toBe('Microsoft Huihui Desktop - Chinese (Simplified)');
    expect(names(chineseVoices(chromeWindows))).toEqual([
      'Microsoft Huihui Desktop - Chinese (Simplified)',
      'Google 普通话（中国大陆）',
      'Google 國語（臺灣）',
      'Google 粤語（香港）',
    ]);
  });

  it('Chrome on Windows without the speech pack: the network zh-CN voice, not zh-TW, never zh-HK', () => {
    expect(pickVoice(chromeWindowsNoChinesePack)?.name).toBe('Google 普通话（中国大陆）');
    const onlyTaiwanAndHongKong = chromeWindowsNoChinesePack.filter((v) => v.lang !== 'zh-CN');
    expect(pickVoice(onlyTaiwanAndHongKong)?.name).toBe('Google 國語（臺灣）');
    expect(pickVoice(onlyTaiwanAndHongKong.filter((v) => v.lang !== 'zh-TW'))).toBeNull();
  });

  it('Chrome offline: the network voices are gone and the remembered Google voice gives way', () => {
    const google = { name: 'Google 普通话（中国大陆）', lang: 'zh-CN' };
    expect(pickVoice(chromeWindows, google)?.name).toBe('Google 普通话（中国大陆）');
    expect(pickVoice(chromeWindowsOffline, google)?.name).toBe('Microsoft Huihui Desktop - Chinese (Simplified)');
  });

  it('Android Chrome: zh_CN, not yue_HK or zh_HK listed before it, nor the default English', () => {
    expect(pickVoice(androidChrome)?.name).toBe('Chinese (China)');
    const menu = chineseVoices(androidChrome);
    expect(names(menu)).toEqual(['Chinese (China)', 'Chinese (Taiwan)', 'Cantonese (Hong Kong)', 'Chinese (Hong Kong)']);
    expect(pickVoice(androidChrome.filter((v) => v.lang !== 'zh_CN'))?.name).toBe('Chinese (Taiwan)');
  });

  it('Safari (every voice default:true): Tingting, not Sinji', () => {
    expect(pickVoice(safari)?.name).toBe('Tingting');
    expect(pickVoice(safari.filter((v) => v.name !== 'Tingting'))?.name).toBe('Meijia');
    expect(pickVoice(safari.filter((v) => v.lang !== 'zh-CN' && v.lang !== 'zh-TW'))).toBeNull();
  });

  it('Edge: a local voice before the better-sounding online ones, which fail offline', () => {
    expect(pickVoice(edgeWindows)?.name).toBe('Microsoft Huihui - Chinese (Simplified, PRC)');
    expect(pickVoice(edgeWindowsOnlineOnly)?.name).toBe('Microsoft Xiaoxiao Online (Natural) - Chinese (Mainland)');
  });

  it('prefers local voices whatever the order of the list', () => {
    expect(pickVoice([...chromeWindows].reverse())?.name).toBe('Microsoft Huihui Desktop - Chinese (Simplified)');
    expect(pickVoice([...edgeWindows].reverse())?.name).toBe('Microsoft Yaoyao - Chinese (Simplified, PRC)');
    expect(names(chineseVoices([...chromeWindows].reverse()))[0]).toBe('Microsoft Huihui Desktop - Chinese (Simplified)');
  });

  it('honours a remembered choice by name and language, even a network or Cantonese one', () => {
    const xiaoxiao = { name: 'Microsoft Xiaoxiao Online (Natural) - Chinese (Mainland)', lang: 'zh-CN' };
    expect(pickVoice(edgeWindows, xiaoxiao)?.name).toBe(xiaoxiao.name);
    expect(pickVoice(safari, { name: 'Sinji', lang: 'zh-HK' })?.name).toBe('Sinji');
    expect(pickVoice(androidChrome, { name: 'Chinese (Taiwan)', lang: 'zh_TW' })?.name).toBe('Chinese (Taiwan)');
  });

  it('ignores a remembered choice whose language no longer matches, or that is gone', () => {
    expect(pickVoice(safari, { name: 'Tingting', lang: 'zh-TW' })?.name).toBe('Tingting'); // auto choice anyway
    expect(pickVoice(safari, { name: 'Meijia', lang: 'zh-CN' })?.name).toBe('Tingting');
    expect(pickVoice(safari, { name: 'Lilian', lang: 'zh-CN' })?.name).toBe('Tingting');
  });

  it('skips avoided voices (failed ones), the remembered one included', () => {
    const huihui = { name: 'Microsoft Huihui - Chinese (Simplified, PRC)', lang: 'zh-CN' };
    expect(pickVoice(edgeWindows, null, [huihui])?.name).toBe('Microsoft Kangkang - Chinese (Simplified, PRC)');
    expect(pickVoice(edgeWindows, huihui, [huihui])?.name).toBe('Microsoft Kangkang - Chinese (Simplified, PRC)');
  });

  it('returns null for an empty list or one without Chinese', () => {
    expect(pickVoice([])).toBeNull();
    expect(pickVoice(chromeWindows.filter((v) => !v.lang.startsWith('zh')))).toBeNull();
  });
});
