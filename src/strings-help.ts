import { strings } from './strings.ts';

/**
 * The help dialog's strings: loaded with the dialog.
 * Simplified Chinese (zh-CN); the shared strings and the formatting helpers are in strings.ts.
 */
export const helpStrings = {
  helpHeading: '键盘快捷键',
  helpIntro: '焦点不在按钮或输入框上时可用：',
  keySpace: '空格',
  keyLeft: '←',
  keyRight: '→',
  keyShift: 'Shift',
  keyPlus: '+',
  keyMinus: '−',
  keyHelp: '?',
  helpPlayPause: '播放 / 暂停',
  helpPreviousSentence: '上一句',
  helpNextSentence: '下一句',
  helpPreviousParagraph: '上一段',
  helpNextParagraph: '下一段',
  helpFaster: '加快语速',
  helpSlower: '减慢语速',
  helpOpenHelp: '打开这个说明',
  helpSentence: '在句子上按回车：从这一句开始朗读',
  helpAboutHeading: '朗读时要知道的事',
  helpLimits:
    '在手机上，锁屏或切换到其他应用后，浏览器会停止朗读，网页无法绕过这个限制。“设置”里的“朗读时保持屏幕常亮”（默认打开）可以让屏幕在朗读时一直亮着。朗读停下后回到听读，点“从第 N 句继续”就能接着听。',
  helpMediaKeys: '朗读时，耳机按键以及锁屏和通知栏上的播放控制（浏览器支持时）可以暂停、继续和切换上一句、下一句。',
  helpOffline:
    '第一次打开后，听读和全部文章都存在这台设备上，没有网络也能听。离线时只能用本机语音：选了需联网的语音时，会自动换成本机语音，联网后再换回来。',
  helpProgress: '听读会记住每篇文章听到了哪一句，再打开时从那一句继续。',
} as const;

/** The app's version, in the help: `听读 0.1.0`. */
export function formatVersion(version: string): string {
  return `${strings.appName} ${version}`;
}
