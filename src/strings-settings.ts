import { formatMegabytes, numberFormat } from './strings.ts';

/**
 * The settings dialog's strings (with the pronunciation dictionary): loaded with the dialog.
 * Simplified Chinese (zh-CN); the shared strings and the formatting helpers are in strings.ts.
 */
export const settingsStrings = {
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
} as const;

/** A text size choice: `大（125%）`. `size` is one of TEXT_SIZES (src/storage/settings.ts). */
export function formatTextSize(size: number): string {
  const names: Record<number, string> = { 0.9: '小', 1: '标准', 1.25: '大', 1.5: '特大', 2: '超大' };
  return `${names[size] ?? ''}（${Math.round(size * 100)}%）`;
}

/** Storage in the settings: `已用 3.2 MB，浏览器允许 1,024 MB`. */
export function formatStorage(used: number, quota: number): string {
  return `已用 ${formatMegabytes(used)}，浏览器允许 ${numberFormat.format(Math.round(quota / 1_000_000))} MB`;
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
