import { numberFormat, formatDuration, formatPosition } from './strings.ts';

/**
 * The reader view's strings (the reader, the player, the no-voice help, reading status messages):
 * loaded with the reader view (src/app/reading-session.ts), not with the library.
 * Simplified Chinese (zh-CN); the shared strings and the formatting helpers are in strings.ts.
 */
export const readerStrings = {
  retry: '重试',

  // Reader
  readerHint: '点一下任意一句，就从那里开始朗读。',
  notesHeading: '编者按 / 本版说明',
  notesListen: '收听编者按',
  notesOffer: '本版有编者按，可以先听。',
  returnToReading: '回到朗读位置',
  articleLabel: '正文',

  // Player
  playerLabel: '朗读控制',
  play: '播放',
  pause: '暂停',
  previousSentence: '上一句',
  nextSentence: '下一句',
  previousParagraph: '上一段',
  nextParagraph: '下一段',
  rate: '语速',
  ratePresets: '常用语速',
  voice: '语音',
  voiceNone: '没有中文语音',
  settingsToggle: '语速和语音',
  more: '更多',
  continueReading: '点击继续朗读',
  blockedExplanation: '浏览器需要你点一下才能开始朗读。',
  errorHeading: '朗读出错了',
  errorBody: '语音没能读出这一句。可以重试，或者换一个语音。',
  changeVoice: '更换语音',

  // No Chinese voice
  noVoiceHeading: '这台设备上没有中文语音',
  noVoiceBody: '听读用设备自带的语音朗读。现在找不到中文（普通话）语音，所以无法朗读。添加中文语音后，重新打开听读即可：',
  noVoiceWindows: 'Windows：设置 → 时间和语言 → 语音 → 添加语音，选择“中文(简体，中国)”。',
  noVoiceMac: 'macOS：系统设置 → 辅助功能 → 朗读内容 → 系统声音 → 管理声音，下载“普通话（中国大陆）”的声音，如“婷婷”。',
  noVoiceIos: 'iPhone 和 iPad：设置 → 辅助功能 → 朗读内容 → 声音 → 中文（中国大陆），下载一个声音。',
  noVoiceAndroid: 'Android：设置 → 系统 → 语言和输入法 → 文字转语音输出，选用 Google 文字转语音引擎，并在其设置中安装“中文（中国）”语音数据。',
  playUnavailable: '没有中文语音，无法播放',
  unsupportedHeading: '这个浏览器不能朗读',
  unsupportedBody: '这个浏览器没有语音合成功能。请换用新版的 Chrome、Edge、Safari 或 Firefox 打开听读。',
  playUnsupported: '这个浏览器不能朗读，无法播放',

  // Picking up after speech stopped from outside (screen lock, another app)
  resumeExplanation: '朗读停下了（锁屏、切换应用或其他声音）。',
  announceKicker: '引题：',
  announceTitle: '标题：',
  announceSubtitle: '副题：',
  announceHeading: '小标题：',

  // Status messages (the polite live region; never the spoken sentence itself)
  statusPlaying: '正在朗读',
  statusPaused: '已暂停',
  statusInterrupted: '朗读被打断了（锁屏、切换应用或其他声音）。按“播放”从这一句继续。',
  statusFinished: '已读完全文',
  statusReturned: '已回到朗读位置',

  // Voices (the player's choice)
  voiceAuto: '自动选择',
  voiceNetwork: '需联网',
  voiceCantonese: '粤语',
} as const;

/** `1.5` → `1.5 倍`, `1` → `1 倍`, `0.75` → `0.75 倍` (at most two decimals, no trailing zeros). */
export function formatRate(rate: number): string {
  return `${Number(rate.toFixed(2))} 倍`;
}

/** `剩余约 4 分钟` (or `剩余不到 1 分钟`). */
export function formatTimeLeft(seconds: number): string {
  return `剩余${formatDuration(seconds)}`;
}

/** Said when an article opens at the saved position: `回到上次的位置：第 12 句，共 88 句`. */
export function formatRestored(index: number, total: number): string {
  return `回到上次的位置：${formatPosition(index, total)}`;
}

/** The one-tap button after speech stopped from outside: `从第 12 句继续` (`index` is 0-based). */
export function formatResumeFrom(index: number): string {
  return `从第 ${numberFormat.format(index + 1)} 句继续`;
}

/** Said when going offline made the app leave a network voice. */
export function formatOfflineVoice(name: string): string {
  return `已离线，改用本机语音：${name}`;
}

/** Said when the network came back and the listener's network voice is used again. */
export function formatOnlineVoice(name: string): string {
  return `已联网，换回语音：${name}`;
}

/** Said when the voice in use vanished from the platform's list (Chrome hides network voices offline). */
export function formatVoiceUnavailable(from: string, to: string | null): string {
  return to ? `语音“${from}”现在不可用，已换成：${to}` : `语音“${from}”现在不可用`;
}

/** The status line after a voice change: `已换成语音：Tingting`. */
export function formatVoiceChanged(name: string): string {
  return `已换成语音：${name}`;
}

/**
 * A voice as the select lists it: `Tingting（zh-CN）`, `Google 普通话（中国大陆）（zh-CN）（需联网）`,
 * `Sinji（zh-HK）（粤语）`.
 */
export function formatVoiceOption(name: string, lang: string, local: boolean, cantonese = false): string {
  let label = name.includes(lang) ? name : `${name}（${lang}）`;
  if (cantonese) label += `（${readerStrings.voiceCantonese}）`;
  return local ? label : `${label}（${readerStrings.voiceNetwork}）`;
}

/** The "automatic" choice, with the voice it stands for: `自动选择（Tingting）`. */
export function formatVoiceAuto(current: string | null): string {
  return current ? `${readerStrings.voiceAuto}（${current}）` : readerStrings.voiceAuto;
}

export const listeningStrings = {
  continuous: '连续播放',
  sleep: '睡眠定时',
  sleepOff: '关闭',
  sleepEnd: '读完本篇',
  sleepDone: '睡眠定时到了，已停止朗读。下次从这里继续。',
  sleepCleared: '睡眠定时已关闭',
} as const;

/** A sleep timer choice in the list: `15 分钟`, `读完本篇`, `关闭`. */
export function formatSleepChoice(choice: number | 'end' | null): string {
  if (choice === null) return listeningStrings.sleepOff;
  return choice === 'end' ? listeningStrings.sleepEnd : `${choice} 分钟`;
}

/** Said once when the sleep timer is set: `睡眠定时：15 分钟后停止`, `睡眠定时：读完本篇后停止`. */
export function formatSleepSet(choice: number | 'end' | null): string {
  if (choice === null) return listeningStrings.sleepCleared;
  return `${listeningStrings.sleep}：${formatSleepChoice(choice)}后停止`;
}

/** The time left on the sleep timer, shown beside it: `还剩 14 分钟` (whole minutes, rounded up). */
export function formatSleepLeft(ms: number): string {
  return `还剩 ${Math.max(1, Math.ceil(ms / 60_000))} 分钟`;
}

/** What 连续播放 goes on to: `接下来：<title>`. */
export function formatNextArticle(title: string): string {
  return `接下来：${title}`;
}
