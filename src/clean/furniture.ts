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

/** Masthead and credits: `…日报`, `本版编辑：…`, `责任编辑 …`, `版式设计 …`, `一审 …`. */
const MASTHEAD = /^(?:\S{1,8}(?:日报|晚报|晨报|时报|商报|周报|导报|快报|法制报|青年报|都市报|经济报|消费报)(?:\s*\S{0,6}版)?|(?:本版|责任|版面|执行)?编辑\s*[：:]?\s*\S{2,12}(?:\s+\S{2,12}){0,3}|(?:美编|校对|版式|设计|组版|照排|审读|责编|美术编辑|版式设计|统筹|策划|[一二三]审|终审|审核|制图|视觉)\s*[：:]?\s*\S{2,12}(?:\s+\S{2,12}){0,3})$/u;

/** True for lines that are page furniture on their own: page numbers, dates, masthead, credits. */
export function isFurnitureLine(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 40) return false;
  // Cheap test first: furniture is short, or has a digit, a dash, or one of its words.
  if (t.length > 10 && !/[0-9０-９—–\-版报编辑星期审校筹]/.test(t)) return false;
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

/**
 * What a line is when it is none of an article's text, beside the furniture above: a photo's
 * caption or credit, a prompt to scan a code or get an app, an ad's label, one of a strip of
 * lost-document notices, or a table row. `null` for anything else.
 */
export type JunkKind = 'caption' | 'credit' | 'prompt' | 'ad' | 'notice' | 'table';

/** A photo credit: `本报记者 张三 摄`, `张三/摄`, `新华社发`, `张三 供图`, `（资料图片）`. */
const PHOTO_CREDIT = /^(?:\S{1,20}[/／]?(?:摄|摄影|供图|制图)|(?:新华社|中新社|本报)\S{0,6}发|[（(](?:资料)?(?:图片|照片|图)\S{0,8}[)）])$/u;
/** A caption's first line: `图为…`, `图：…`, `上图…`, `（图片来源：…）`. */
const CAPTION = /^(?:图为|图\s*[：:]|[上下左右中]图(?:为|[：:])|图片来源|[（(]图片来源)/u;
/** Prompts to scan a code or get an app. */
const PROMPT = /二维码|扫一扫|扫码|下载客户端|客户端下载|关注(?:微信)?公众号|微信公众号/u;
/** A lost-document notice (遗失声明): one line, declared void. */
const LOST_NOTICE = /(?:遗失|丢失).{2,60}(?:声明作废|作废)[。.]?$|^遗失声明$/u;

export function junkKind(text: string): JunkKind | null {
  const t = text.trim();
  if (t.length === 0 || t.length > 80) return null;
  const compact = t.replace(/\s+/g, '');
  if (/^[（(]\s*广告\s*[)）]$/u.test(compact) || /[（(]广告[)）]$/u.test(compact)) return 'ad';
  if (LOST_NOTICE.test(compact)) return 'notice';
  if (compact.length <= 40 && PROMPT.test(compact)) return 'prompt';
  if (compact.length <= 30 && !/[，。；！？、]/u.test(compact) && PHOTO_CREDIT.test(compact)) return 'credit';
  if (CAPTION.test(compact)) return 'caption';
  if (isTableRow(t)) return 'table';
  return null;
}

/**
 * A table row: three or more short cells set apart by spaces (six characters at most, one at
 * most of a single character), a third or more of them figures, with two cells of words side by
 * side or wide gaps between cells (`北京 晴 25℃ 18℃`, `螺纹钢 4250 +30`), and no sentence punctuation.
 * Letter-spaced running text (cells of one character) and spaced digits in a sentence are not.
 */
export function isTableRow(text: string): boolean {
  if (/[，。；！？、]/u.test(text)) return false;
  const cells = text.trim().split(/\s+/);
  if (cells.length < 3) return false;
  if (cells.some((c) => c.length > 6) || cells.filter((c) => c.length === 1).length > 1) return false;
  const figure = cells.map((c) => /^[-+±]?[0-9０-９.,%％℃°~～/:-]+[℃%％元吨]?$/u.test(c));
  if (figure.filter(Boolean).length < Math.max(2, cells.length / 3)) return false;
  // Extractors space figures off running text, but never two words: cells of words side by side,
  // or wide gaps, show columns.
  return /\S(?: {2,}|\t)\S/u.test(text.trim()) || figure.some((f, i) => i > 0 && !f && !figure[i - 1]);
}
