/**
 * Every string the interface shows or announces, in Simplified Chinese (zh-CN), in one place.
 * Templates import from here; nothing user-facing is written inline in a component.
 *
 * The formatting helpers are pure (no DOM) and unit-tested in `strings.test.ts`.
 */
import type { ImportProblem } from './library/import-rules.ts';

export const strings = {
  appName: '听读',
  appTagline: '把新闻读给你听。文章下载一次，离线也能听。',

  // Library
  libraryHeading: '文章',
  libraryLoading: '正在载入文章列表…',
  libraryError: '文章列表载入失败。请检查网络后重试。',
  libraryEmpty: '还没有文章。',
  retry: '重试',
  continueListening: '继续收听',
  listenedAll: '已听完',

  // Importing the listener's own text (the library's 我导入的文章 section, the paste and delete dialogs)
  importedHeading: '我导入的文章',
  importedEmpty: '还没有导入文章。',
  importHint:
    '可以导入报纸电子版的版面 PDF（每个文件不超过 200 MB），或从版面 PDF 提取出的文字（.txt 文件，UTF-8 或 GB18030/GBK 编码，每个文件不超过 20 MB），听读会把它整理成文章。导入的文章只保存在这台设备上。',
  importFiles: '导入文件',
  importCancelled: '已取消导入，没有导入任何文章。',
  importPaste: '粘贴文本',
  importBusy: '正在导入…',
  pastedText: '粘贴的文本',
  sharedText: '分享的文本',
  sharedFailed: '分享来的内容没能导入。请再试一次，或用“导入文本文件”“粘贴文本”。',
  pasteHeading: '粘贴文本',
  pasteLabel: '报纸版面的文字',
  pasteHint: '粘贴从报纸 PDF 复制或提取出的文字，一个版面可以包含多篇文章。',
  pasteSubmit: '导入',
  cancel: '取消',
  deleteArticle: '删除',
  deleteHeading: '删除这篇导入的文章？',
  deleteConfirm: '删除',
  importFull: '设备存储空间已满，没有导入任何文章。清理出空间后再试。',
  importUnavailable: '浏览器不允许听读保存数据（可能是无痕模式），没有导入任何文章。',
  importCrashed: '导入时出错了，没有导入任何文章。请再试一次。',
  deleteFailed: '没能删除这篇文章，它还在文章列表里。请再试一次。',

  // Reader
  backToLibrary: '返回文章列表',
  articleLoading: '正在载入文章…',
  articleError: '这篇文章载入失败。',
  articleNotFound: '找不到这篇文章。',
  pageNotFound: '找不到这个页面。',
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
  voiceAuto: '自动选择',
  voiceNetwork: '需联网',
  voiceCantonese: '粤语',
  voiceNone: '没有中文语音',
  settingsToggle: '语速和语音',
  more: '更多',
  progressLabel: '朗读进度',
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

  // Settings (the dialog; rate and voice are in the player)
  settings: '设置',
  settingsHeading: '设置',
  theme: '主题',
  themeSystem: '跟随系统',
  themeLight: '浅色',
  themeDark: '深色',
  textSize: '文章字号',
  keepAwake: '朗读时保持屏幕常亮',
  keepAwakeHint: '手机屏幕关闭后，浏览器会停止朗读。打开后，朗读时屏幕不会自动关闭（会多耗一些电）。',
  announceHeadings: '朗读标题和小标题时先报“标题”“小标题”',
  announceHeadingsHint: '例如“小标题：一、总体要求”。标题和小标题前后总会稍作停顿。',
  announceKicker: '引题：',
  announceTitle: '标题：',
  announceSubtitle: '副题：',
  announceHeading: '小标题：',
  wordHighlight: '标出正在读的词',
  wordHighlightHint: '只有能报告读到哪个词的语音（如电脑上的部分系统语音）才会标出；其他语音只标出整句。',

  // The pronunciation dictionary (in the settings dialog)
  dictionaryHeading: '读音词典',
  dictionaryHint: '某个词读错时，在这里写下它的读法（例如“行长”读作“航长”）。只改变朗读，不改变显示的文字；只保存在这台设备上。',
  dictionaryFrom: '原文',
  dictionaryTo: '读作',
  dictionaryAdd: '添加',
  dictionaryEmpty: '词典里还没有词。',
  dictionaryListLabel: '词典中的词',
  dictionaryExport: '导出词典',
  dictionaryImport: '导入词典',
  dictionaryEmptyEntry: '“原文”和“读作”都要填写。',
  dictionaryTooLong: '太长了：“原文”最多 20 个字，“读作”最多 40 个字。',
  dictionarySame: '“读作”和“原文”一样，不需要添加。',
  dictionaryLoop: '这样会循环替换（两个词互相读作对方），没有添加。',
  dictionaryFull: '词典已满（最多 500 个词）。',
  dictionaryNotAFile: '这个文件不是听读的读音词典，词典没有改变。',

  // Notices (the visible, dismissible ones above the player)
  noticesLabel: '通知',
  dismiss: '知道了',
  offlineReadyTitle: '可离线使用',
  offlineReadyBody: '听读和全部文章已存到这台设备上，没有网络也能打开和收听。',
  updateTitle: '有新版本',
  updateBody: '刷新后使用新版本，并回到现在的朗读位置。',
  updateRefresh: '刷新',
  updateLater: '稍后',
  updateApplying: '正在更新…',
  settingsReset: '保存的设置无法读取，已恢复默认设置。',
  positionsReset: '保存的收听进度无法读取，已清除。',
  importedReset: '有导入的文章无法读取，已从这台设备上删除。',
  storageFull: '设备存储空间已满：收听进度和设置暂时无法保存。清理出空间后会继续保存。',
  storageUnavailable: '浏览器不允许听读保存数据（可能是无痕模式）：关闭后，收听进度和设置不会保留。',

  // Status messages (the polite live region; never the spoken sentence itself)
  statusPlaying: '正在朗读',
  statusPaused: '已暂停',
  statusInterrupted: '朗读被打断了（锁屏、切换应用或其他声音）。按“播放”从这一句继续。',
  statusFinished: '已读完全文',
  statusBlocked: '浏览器阻止了自动朗读，请点击“继续朗读”',
  statusError: '朗读出错',
  statusReturned: '已回到朗读位置',

  // Help
  help: '快捷键',
  helpHeading: '键盘快捷键',
  helpIntro: '焦点不在按钮或输入框上时可用：',
  close: '关闭',
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

const numberFormat = new Intl.NumberFormat('zh-CN');

/** What is wrong with an imported file, by `ImportProblem` (src/library/import-rules.ts). */
const IMPORT_PROBLEMS: Record<ImportProblem, (name: string) => string> = {
  'too-large': (name) => `“${name}”超过 20 MB，没有导入。听读一次最多导入 20 MB 的文本，请把它分成几个文件。`,
  'pdf-too-large': (name) => `“${name}”超过 200 MB，没有导入。听读一次最多导入 200 MB 的 PDF，请分版面导入。`,
  empty: (name) => `“${name}”是空的，里面没有文字。`,
  'not-pdf': (name) => `“${name}”不是 PDF 文件（文件名以 .pdf 结尾，内容却不是 PDF），没有导入。`,
  'pdf-password': (name) => `“${name}”有密码保护，听读打不开，没有导入。请导入没有密码的 PDF。`,
  'pdf-damaged': (name) => `“${name}”已损坏，听读读不出来，没有导入。请重新下载这个 PDF 后再试。`,
  'pdf-scanned': (name) => `“${name}”：这是扫描图片，没有可读的文字。听读不能识别图片里的字，没有导入。`,
  'pdf-unreadable': (name) =>
    `“${name}”里的文字无法识别（字体没有对应的汉字编码，读出来是乱码），没有导入。`,
  binary: (name) => `“${name}”不是文本文件（看起来是图片、压缩包或其他二进制文件）。请导入 .txt 文本文件。`,
  encoding: (name) =>
    `“${name}”的文字编码无法识别。听读能读 UTF-8 和 GB18030/GBK 编码的文本，请把文件另存为 UTF-8 后再试。`,
  unreadable: (name) =>
    `“${name}”里的文字无法识别（提取它的 PDF 字体没有对应的汉字编码，读出来是符号或乱码），没有导入。请改导入这一版的 PDF。`,
  'no-articles': (name) => `在“${name}”里没有找到文章。听读能整理的是从报纸版面 PDF 提取出的中文文字。`,
};

/** Why a file (or the pasted text, named `粘贴的文本`) was not imported. */
export function formatImportProblem(name: string, problem: ImportProblem): string {
  return IMPORT_PROBLEMS[problem](name);
}

/** Titles in a sentence: `“甲”、“乙”和另外 3 篇` (at most `shown` named). */
function formatTitles(titles: readonly string[], shown = 3): string {
  const named = titles.slice(0, shown).map((t) => `“${t}”`).join('、');
  const rest = titles.length - shown;
  return rest > 0 ? `${named}和另外 ${numberFormat.format(rest)} 篇` : named;
}

/** A long PDF being read, beside its progress bar: `正在读取“x.pdf”：第 3 页，共 200 页`. */
export function formatImportProgress({ name, page, pages }: { name: string; page: number; pages: number }): string {
  return `正在读取“${name}”：第 ${numberFormat.format(page)} 页，共 ${numberFormat.format(pages)} 页`;
}

/** Said after an import: `已导入 2 篇文章：“甲”、“乙”。` */
export function formatImported(titles: readonly string[]): string {
  return `已导入 ${numberFormat.format(titles.length)} 篇文章：${formatTitles(titles)}。`;
}

/** Said when imported text was there already: `1 篇文章已在列表中：“甲”。` */
export function formatAlreadyImported(titles: readonly string[]): string {
  return `${numberFormat.format(titles.length)} 篇文章已在列表中：${formatTitles(titles)}。`;
}

/** The delete button's accessible name: `删除《<title>》` (its visible text, `删除`, comes first: WCAG 2.5.3). */
export function formatDeleteLabel(title: string): string {
  return `${strings.deleteArticle}《${title}》`;
}

/** Where an imported article came from: `来源：<file name>` (or `来源：粘贴的文本`). */
export function formatSource(name: string): string {
  return `来源：${name}`;
}

/** The delete dialog's question: what goes, with what. */
export function formatDeleteQuestion(title: string): string {
  return `“${title}”和它的收听进度将从这台设备上删除。`;
}

/** Said after a deletion: `已删除：<title>`. */
export function formatDeleted(title: string): string {
  return `已删除：${title}`;
}

/** `1.5` → `1.5 倍`, `1` → `1 倍`, `0.75` → `0.75 倍` (at most two decimals, no trailing zeros). */
export function formatRate(rate: number): string {
  return `${Number(rate.toFixed(2))} 倍`;
}

/** `3812` → `3,812 字`. */
export function formatChars(chars: number): string {
  return `${numberFormat.format(chars)} 字`;
}

/**
 * A listening time, rounded the way a person would say it: `不到 1 分钟`, `约 4 分钟`,
 * `约 1 小时 5 分钟`. Estimates are rough (voices differ), so never seconds.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 30) return '不到 1 分钟';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `约 ${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `约 ${hours} 小时` : `约 ${hours} 小时 ${rest} 分钟`;
}

/** The library's listening-time line: `约 4 分钟`. */
export function formatListeningTime(seconds: number): string {
  return `收听${formatDuration(seconds)}`;
}

/** `剩余约 4 分钟` (or `剩余不到 1 分钟`). */
export function formatTimeLeft(seconds: number): string {
  return `剩余${formatDuration(seconds)}`;
}

/** `第 12 句，共 88 句` (1-based for people; `index` is 0-based). */
export function formatPosition(index: number, total: number): string {
  return `第 ${numberFormat.format(index + 1)} 句，共 ${numberFormat.format(total)} 句`;
}

/** The title of the browser tab: `<article title> - 听读`, or just `听读`. */
export function documentTitle(page?: string): string {
  return page ? `${page} - ${strings.appName}` : strings.appName;
}

/** The library's progress of an article: `已听 35%`, or `已听完`. */
export function formatListened(percent: number): string {
  return percent >= 100 ? strings.listenedAll : `已听 ${percent}%`;
}

/** The "继续收听" link's name: `继续收听：<title>`. */
export function formatContinue(title: string): string {
  return `${strings.continueListening}：${title}`;
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

/** A text size choice: `大（125%）`. `size` is one of TEXT_SIZES (src/storage/settings.ts). */
export function formatTextSize(size: number): string {
  const names: Record<number, string> = { 0.9: '小', 1: '标准', 1.25: '大', 1.5: '特大', 2: '超大' };
  return `${names[size] ?? ''}（${Math.round(size * 100)}%）`;
}

/** The app's version, in the help: `听读 0.1.0`. */
export function formatVersion(version: string): string {
  return `${strings.appName} ${version}`;
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
  if (cantonese) label += `（${strings.voiceCantonese}）`;
  return local ? label : `${label}（${strings.voiceNetwork}）`;
}

/** The "automatic" choice, with the voice it stands for: `自动选择（Tingting）`. */
export function formatVoiceAuto(current: string | null): string {
  return current ? `${strings.voiceAuto}（${current}）` : strings.voiceAuto;
}

// ---- The archive: editions, search, downloads (src/archive/, the library) -------------------

export const archiveStrings = {
  earlierHeading: '往期',
  moreEditions: '更多往期',
  editionLoading: '正在载入这一期…',
  editionError: '这一期载入失败。',
  needsNetwork: '需联网才能打开',
  searchHeading: '搜索',
  searchLabel: '搜索',
  searchHint: '按标题、作者或开头的文字查找所有各期的文章。',
  searchLoading: '正在载入搜索索引…',
  searchMore: '显示更多结果',
  cancel: '取消',
  stored: '已下载',
  removeEdition: '删除',
  downloadFailed: '下载中断：网络不可用。已下载的文章离线时仍能打开。',
  downloadFull: '设备存储空间不足，下载已停止。',
  storageHeading: '离线存储',
  storageUnknown: '这个浏览器不提供存储用量。',
} as const;

/** An edition's date: `2026-12-07` → `2026年12月7日`. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** An edition's name: `<paper> 2026年12月7日` (a flat library has no edition name: `文章`). */
export function formatEdition(paper: string | null, date: string | null): string {
  if (date === null) return strings.libraryHeading;
  return paper ? `${paper} ${formatDate(date)}` : formatDate(date);
}

/** A page of an edition: `第1版`, `第A3版`. */
export function formatPage(page: string): string {
  return `第${page}版`;
}

/** `1.2 MB`, `0.3 MB` (never less than 0.1). */
export function formatMegabytes(bytes: number): string {
  return `${Math.max(0.1, Math.round(bytes / 100_000) / 10)} MB`;
}

/** An edition's size: `24 篇，约 1.2 MB`. */
export function formatEditionSize(articles: number, bytes: number): string {
  return `${numberFormat.format(articles)} 篇，约 ${formatMegabytes(bytes)}`;
}

/** The download button: `下载本期（24 篇，约 1.2 MB）`. */
export function formatDownload(articles: number, bytes: number): string {
  return `下载本期（${formatEditionSize(articles, bytes)}）`;
}

/** Download progress: `正在下载：12 / 24 篇`. */
export function formatDownloading(done: number, total: number): string {
  return `正在下载：${numberFormat.format(done)} / ${numberFormat.format(total)} 篇`;
}

/** The remove button's accessible name: `删除已下载的 <edition>`. */
export function formatRemoveEdition(edition: string): string {
  return `${archiveStrings.removeEdition}已下载的${edition}`;
}

/** Said when a connection that saves data kept the app from fetching the latest edition. */
export function formatSkipped(articles: number, bytes: number): string {
  return `省流量模式：本期 ${formatEditionSize(articles, bytes)}没有下载，离线时打不开。需要时请点“下载本期”。`;
}

/** The search's result count, announced: `找到 3 篇文章`, `没有找到文章`. */
export function formatResults(count: number): string {
  return count === 0 ? '没有找到文章' : `找到 ${numberFormat.format(count)} 篇文章`;
}

/** Where a search result was printed: `tingdu 2026年12月5日 第2版`. */
export function formatPrinted(paper: string | null, date: string | null, page: string | null): string {
  const edition = date === null ? '' : formatEdition(paper, date);
  return [edition, page === null ? '' : formatPage(page)].filter(Boolean).join(' ');
}

/** Storage in the settings: `已用 3.2 MB，浏览器允许 1,024 MB`. */
export function formatStorage(used: number, quota: number): string {
  return `已用 ${formatMegabytes(used)}，浏览器允许 ${numberFormat.format(Math.round(quota / 1_000_000))} MB`;
}

// ---- Listening to a whole paper (<tts-listening-options>, ContinuousPlayController) ----------

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

/** One dictionary entry as a list item and the name of its delete button. */
export function formatPronunciation(from: string, to: string): string {
  return `${from} → ${to}`;
}

export function formatPronunciationDelete(from: string): string {
  return `删除“${from}”`;
}

/** After adding or importing pronunciations. */
export function formatPronunciationAdded(from: string, to: string): string {
  return `已添加：${from} 读作 ${to}`;
}

export function formatDictionaryImported(added: number, refused: number): string {
  return refused > 0 ? `已导入 ${added} 个词，${refused} 个无效的词没有导入。` : `已导入 ${added} 个词。`;
}

/** The compact dock's notices toggle: `全部通知（2）`. */
export function formatAllNotices(count: number): string {
  return `全部通知（${count}）`;
}
