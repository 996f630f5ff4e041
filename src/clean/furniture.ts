/**
 * Page furniture: what a newspaper prints on every page around the articles (folio, page number,
 * date line, the paper's name, the page's column label). It belongs to no article.
 */

const DIGITS = '[0-9０-９一二三四五六七八九十〇零]';

/** Page numbers: `— 5 —`, `-5-`, `第 5 版`, `A5 版`, `5`, `第5版：要闻`. */
const PAGE_NUMBER = new RegExp(
  `^(?:[—–\\-－~～·•\\s]*${DIGITS}{1,3}[—–\\-－~～·•\\s]*|第?\\s*[A-Za-zＡ-Ｚ]?\\s*${DIGITS}{1,3}\\s*版(?:\\s*[：:]?\\s*\\S{0,8})?|[A-Za-zＡ-Ｚ]\\s*${DIGITS}{1,2})$`,
  'u',
);

/** Date lines: `2011 年 4 月 19 日 星期二`, `2011年4月19日`, `星期二`, `农历…`. */
const DATE_LINE = new RegExp(
  `^(?:(?:${DIGITS}{2,4}\\s*年\\s*)?${DIGITS}{1,2}\\s*月\\s*${DIGITS}{1,3}\\s*日\\s*(?:[（(]?\\s*(?:星期|周|礼拜)\\s*[一二三四五六日天]\\s*[)）]?)?(?:\\s*农历\\S*)?|(?:星期|周|礼拜)\\s*[一二三四五六日天]|农历\\S+)$`,
  'u',
);

/** Masthead and credits: `…日报`, `本版编辑：…`, `责任编辑 …`, `版式设计 …`. */
const MASTHEAD = /^(?:\S{1,8}(?:日报|晚报|晨报|时报|商报|周报|导报|快报|法制报|青年报|都市报|经济报|消费报)(?:\s*\S{0,6}版)?|(?:本版|责任|版面|执行)?编辑\s*[：:]?\s*\S{2,12}(?:\s+\S{2,12}){0,3}|(?:美编|校对|版式|设计|组版|照排|审读|责编|美术编辑|版式设计)\s*[：:]?\s*\S{2,12}(?:\s+\S{2,12}){0,3})$/u;

/** True for lines that are page furniture on their own: page numbers, dates, masthead, credits. */
export function isFurnitureLine(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 40) return false;
  // Cheap test first: furniture is short, or has a digit, a dash, or one of its words.
  if (t.length > 10 && !/[0-9０-９—–\-版报编辑星期]/.test(t)) return false;
  if (/[，。；！？、]/.test(t)) return false;
  return PAGE_NUMBER.test(t) || DATE_LINE.test(t) || MASTHEAD.test(t);
}

/**
 * A column label (`政府采购`, `消费维权`): a short line of a few characters without punctuation,
 * printed among other furniture. Only called for lines next to furniture.
 */
export function isColumnLabel(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return t.length >= 2 && t.length <= 8 && !/[，。、；：！？“”《》（）,.;:!?]/.test(t);
}
