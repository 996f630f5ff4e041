import { collapseToken } from './doubling.ts';

/**
 * Bylines: who wrote an article. Chinese papers print them as a role and a name joined by a
 * separator glyph (`包头市中级人民法院党组书记、院长●毕晨`, `□ 本报记者 王五`), or as a credit
 * (`本报记者 张三 李四`, `文/图 赵六`, `通讯员 孙七`). The separator is shown as a space.
 */

/** Glyphs that separate a role from a name. */
const SEPARATOR = '●■□◆◇▲△○◎★☆◉▪▫';
const SEPARATOR_RUN = new RegExp(`[${SEPARATOR}]+`, 'u');

/** A Chinese personal name (2–4 Han), or a transliterated one with a middle dot. */
const NAME = '[\\p{Script=Han}]{2,4}(?:[·•][\\p{Script=Han}]{1,6})?';
const NAMES = `${NAME}(?:[\\s、，,]+${NAME}){0,4}`;

/** Credit words that introduce names. */
const CREDIT =
  '(?:本报|本刊|新华社|中新社|人民网)?(?:特约|首席|见习|实习)?(?:记者|通讯员|评论员|撰稿人?|作者|实习生|摄影记者|摄影|编译|整理|文字|文/图|文图|图/文|文|图)';

const CREDIT_LINE = new RegExp(`^[（(【]?\\s*${CREDIT}\\s*[：:/]?\\s*${NAMES}(?:\\s+${CREDIT}\\s*[：:/]?\\s*${NAMES})*\\s*[)）】]?$`, 'u');

/** Role + separator + name(s): the role may contain 、 but no sentence punctuation. */
const ROLE_LINE = new RegExp(`^([^。！？；“”]{0,40}?)\\s*[${SEPARATOR}]+\\s*(\\S.{0,30})$`, 'u');

/** True when a printed line (or a headline unit's text) is a byline. */
/** Cheap test first: a byline has a separator glyph or starts with a credit word. */
const MAYBE = new RegExp(`[${SEPARATOR}]|^[（(【]?\\s*(?:本报|本刊|新华社|中新社|人民网|特约|首席|见习|实习|记者|通讯员|评论员|撰稿|作者|摄影|编译|整理|文|图)`, 'u');

/** First characters of credit lines (`本报记者`, `新华社`, `（记者`, `文/图`…), for a cheap test. */
const FIRST_OF_CREDIT = new Set(Array.from('（(【本新中人特首见实记通评撰作摄编整文图'));

/** The separators are geometric shapes and stars (U+25A0–U+26FF). */
function hasSeparator(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x25a0 && c <= 0x26ff && SEPARATOR.includes(text[i]!)) return true;
  }
  return false;
}

export function isByline(text: string): boolean {
  const t = text.trim();
  if (t.length < 2 || t.length > 60 || t.indexOf('。') >= 0 || t.indexOf('，') >= 0) return false;
  if (!FIRST_OF_CREDIT.has(t[0]!) && !hasSeparator(t)) return false;
  if (!MAYBE.test(t)) return false;
  if (/[！？；]/.test(t)) return false;
  if (CREDIT_LINE.test(t)) return true;
  const m = ROLE_LINE.exec(t);
  if (!m) return false;
  const name = collapseName(m[2]!);
  return new RegExp(`^${NAMES}$`, 'u').test(name) || CREDIT_LINE.test(name);
}

/** The byline as shown: doubled runs undone, separators shown as one space, spaces normalised. */
export function formatByline(text: string): string {
  const t = text.trim();
  const m = ROLE_LINE.exec(t);
  if (m) {
    const role = m[1]!.trim();
    const name = collapseName(m[2]!);
    return role ? `${role} ${name}` : name;
  }
  return t.replace(SEPARATOR_RUN, ' ').replace(/\s+/g, ' ').trim();
}

/** Undoes fake-bold doubling in the name part (`李雁李雁` → `李雁`) and normalises its spaces. */
function collapseName(name: string): string {
  return name
    .replace(SEPARATOR_RUN, ' ')
    .trim()
    .split(/\s+/)
    .map((token) => collapseToken(token))
    .join(' ');
}
