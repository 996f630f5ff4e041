/**
 * The strings the shell and the library view show or announce, in Simplified Chinese (zh-CN), and
 * the shared formatting helpers. What only the reader view, the settings dialog, the help or
 * importing say is in strings-reader.ts, strings-settings.ts, strings-help.ts and
 * strings-import.ts, loaded with them. Nothing user-facing is written inline in a component.
 *
 * The formatting helpers are pure (no DOM) and unit-tested in `strings.test.ts`.
 */

export const strings = {
  appName: '听读',
  appTagline: '把新闻读给你听。文章下载一次，离线也能听。',

  // Library
  libraryHeading: '文章',
  libraryLoading: '正在载入文章列表…',
  libraryError: '文章列表载入失败。请检查网络后重试。',
  libraryEmpty: '还没有文章。',
  continueListening: '继续收听',
  listenedAll: '已听完',

  // Importing the listener's own text (the library's 我导入的文章 section, the paste and delete dialogs)
  importedHeading: '我导入的文章',
  importedEmpty: '还没有导入文章。',
  importHint:
    '可以导入报纸电子版的版面 PDF（每个文件不超过 200 MB），或从版面 PDF 提取出的文字（.txt 文件，UTF-8 或 GB18030/GBK 编码，每个文件不超过 20 MB），听读会把它整理成文章。导入的文章只保存在这台设备上。',
  importFiles: '导入文件',
  importPaste: '粘贴文本',
  importBusy: '正在导入…',
  pastedText: '粘贴的文本',
  sharedText: '分享的文本',
  sharedFailed: '分享来的内容没能导入。请再试一次，或用“导入文本文件”“粘贴文本”。',
  cancel: '取消',
  deleteArticle: '删除',
  deleteHeading: '删除这篇导入的文章？',
  deleteConfirm: '删除',
  importCrashed: '导入时出错了，没有导入任何文章。请再试一次。',
  deleteFailed: '没能删除这篇文章，它还在文章列表里。请再试一次。',

  // Opening an article (the reader's own strings are in strings-reader.ts)
  backToLibrary: '返回文章列表',
  articleLoading: '正在载入文章…',
  articleError: '这篇文章载入失败。',
  articleNotFound: '找不到这篇文章。',
  pageNotFound: '找不到这个页面。',
  progressLabel: '朗读进度',

  // Settings (the header's button; the dialog's strings are in strings-settings.ts)
  settings: '设置',

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

  // Status messages (the polite live region; the reader's are in strings-reader.ts)
  statusBlocked: '浏览器阻止了自动朗读，请点击“继续朗读”',
  statusError: '朗读出错',

  // Help (the header's button; the dialog's strings are in strings-help.ts)
  help: '快捷键',
  close: '关闭',
} as const;

/** Numbers as Chinese text shows them: `1,024`. */
export const numberFormat = new Intl.NumberFormat('zh-CN');

/** A long PDF being read, beside its progress bar: `正在读取“x.pdf”：第 3 页，共 200 页`. */
export function formatImportProgress({ name, page, pages }: { name: string; page: number; pages: number }): string {
  return `正在读取“${name}”：第 ${numberFormat.format(page)} 页，共 ${numberFormat.format(pages)} 页`;
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

// ---- Listening to a whole paper (<tts-listening-options>, ContinuousPlayController) ----------

/** The compact dock's notices toggle: `全部通知（2）`. */
export function formatAllNotices(count: number): string {
  return `全部通知（${count}）`;
}
