import type { ImportProblem } from './library/import-rules.ts';
import { numberFormat } from './strings.ts';

/**
 * What importing says (the paste dialog, the importer's report): loaded with the first import.
 * Simplified Chinese (zh-CN); the shared strings and the formatting helpers are in strings.ts.
 */
export const importStrings = {
  importCancelled: '已取消导入，没有导入任何文章。',
  pasteHeading: '粘贴文本',
  pasteLabel: '报纸版面的文字',
  pasteHint: '粘贴从报纸 PDF 复制或提取出的文字，一个版面可以包含多篇文章。',
  pasteSubmit: '导入',
  importFull: '设备存储空间已满，没有导入任何文章。清理出空间后再试。',
  importUnavailable: '浏览器不允许听读保存数据（可能是无痕模式），没有导入任何文章。',
} as const;

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

/** Said after an import: `已导入 2 篇文章：“甲”、“乙”。` */
export function formatImported(titles: readonly string[]): string {
  return `已导入 ${numberFormat.format(titles.length)} 篇文章：${formatTitles(titles)}。`;
}

/** Said when imported text was there already: `1 篇文章已在列表中：“甲”。` */
export function formatAlreadyImported(titles: readonly string[]): string {
  return `${numberFormat.format(titles.length)} 篇文章已在列表中：${formatTitles(titles)}。`;
}
