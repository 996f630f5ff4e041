import nzh from 'nzh/cn';
import { spokenText, type Replacement, type SpokenText } from './spoken.ts';

/**
 * What a voice should say for newspaper text: the spoken form of a sentence (see spoken.ts).
 *
 * Voices read numbers, units and symbols differently, and some badly: `3.4km` as letters, `17~4℃`
 * without the tilde, `JY14310210336260` as one enormous number, `●` by its name. The rules below
 * say these in words, the same on every voice. They change only the spoken form: the shown text
 * stays as printed, and the offset map ties the two together.
 *
 * The rules are a table, tried in order on the shown text; a range one rule has claimed is left
 * alone by the later ones. The listener's own pronunciations (读音词典) come before all of them.
 *
 * Numbers stay in Arabic digits, which every Chinese voice reads in Mandarin (espeak-ng's Mandarin
 * reads digits far better than Han numerals, which it spells out in pinyin); what the rules add is
 * what voices get wrong: the decimal point (`3.4` → `3点4`), units, ranges, dates, times, digit
 * strings (spaced so that each digit is said), symbols. Roman numerals become Chinese numerals with
 * the `nzh` library; the rest is ours.
 */

/** One rule: where it applies (a global regular expression) and what to say there. */
export interface SpeechRule {
  readonly name: string;
  readonly pattern: RegExp;
  /** The words for one match; `null` leaves the match to later rules. */
  readonly say: (match: RegExpExecArray) => string | null;
}

/** A pause: a comma, which every voice takes as a short break and none reads out. */
export const PAUSE = '，';

/** Digit by digit, one word each: `0086` → `0 0 8 6` (phone numbers, ids, licence numbers). */
export function sayDigits(digits: string): string {
  return [...digits.replace(/\D/g, '')].join(' ');
}

/**
 * A number as a voice should get it: `3.4` → `3点4` (voices drop or misread the point),
 * `1,200` → `1200`, `-3` → `负3`. Leading zeros and very long numbers (more than 12 digits before
 * the point) are said digit by digit.
 */
export function sayNumber(text: string): string {
  const plain = text.replace(/[,\s]/g, '');
  const [whole = '', fraction] = plain.replace(/^-/, '').split('.');
  const sign = plain.startsWith('-') ? '负' : '';
  const wholeWords = (whole.length > 1 && whole.startsWith('0')) || whole.length > 12 ? sayDigits(whole) : whole;
  return sign + wholeWords + (fraction ? `点${fraction}` : '');
}

/** A whole number in Chinese words: `4` → 四, `12` → 十二 (for Roman numerals). */
export function chineseNumber(value: number): string {
  return nzh.encodeS(value);
}

/** Latin capitals said one by one: `GDP` → `G D P` (a voice would try to pronounce `APP` as a word). */
export function sayLetters(letters: string): string {
  return [...letters].join(' ');
}

/**
 * Full-width forms folded to ASCII, one character for one (so offsets stay the same): `２０２４`
 * → `2024`, `ＧＤＰ` → `GDP`, `５％` stays with its full-width `％` (a rule reads both).
 */
export function foldWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF0E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Units after a number, and what they are called. Longest first, so `km²` wins over `km`. */
export const UNITS: Readonly<Record<string, string>> = {
  'km/h': '公里每小时',
  'km²': '平方公里',
  'km2': '平方公里',
  'm²': '平方米',
  'm³': '立方米',
  '㎡': '平方米',
  '㎞': '公里',
  '㎏': '千克',
  '°C': '摄氏度',
  '℃': '摄氏度',
  '°': '度',
  kWh: '千瓦时',
  kW: '千瓦',
  MW: '兆瓦',
  GW: '吉瓦',
  km: '公里',
  cm: '厘米',
  mm: '毫米',
  kg: '千克',
  mg: '毫克',
  mL: '毫升',
  ml: '毫升',
  GB: '吉字节',
  MB: '兆字节',
  TB: '太字节',
  ha: '公顷',
  m: '米',
  g: '克',
  t: '吨',
  L: '升',
  h: '小时',
};

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const UNIT = `(?:${Object.keys(UNITS)
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|')})(?![A-Za-z])`;
/** A number as printed: `3.4`, `1,200`, or digits an extractor spaced out (`2 0 2 4`). */
const NUMBER = String.raw`(?:\d(?: \d){2,}(?!\d)|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
const NOT_AFTER_DIGIT = String.raw`(?<![\d.])`;
const NOT_BEFORE_DIGIT = String.raw`(?![\d])`;
const squeeze = (s: string): string => s.replace(/ /g, '');

const ROMAN: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10 };
const ROMAN_SIGNS = 'ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ';
const ROMAN_SMALL = 'ⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹⅺⅻ';

/** `IV` → 4 (Latin letters, up to 39). */
export function romanValue(numeral: string): number {
  let total = 0;
  for (let i = 0; i < numeral.length; i++) {
    const value = ROMAN[numeral[i]!] ?? 0;
    const next = ROMAN[numeral[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** Symbols that are layout, not words: said as a pause. */
const LAYOUT = '●○■□◆◇▲△▼▽★☆※◎▶►◀•▪【】〖〗';

/**
 * The rules, in the order they are tried. Each is tested on its own in normalise.test.ts.
 * The input is the shown text with full-width digits and letters folded (`foldWidth`).
 */
export const RULES: readonly SpeechRule[] = [
  {
    // 2024-08-01, 2024/8/1, 2024.08.01 → 二零二四年八月一日
    name: 'date',
    pattern: new RegExp(String.raw`${NOT_AFTER_DIGIT}(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${NOT_BEFORE_DIGIT}日?`, 'g'),
    say: (m) => {
      const month = Number(m[3]);
      const day = Number(m[4]);
      if (month < 1 || month > 12 || day < 1 || day > 31) return null;
      return `${m[1]!}年${month}月${day}日`;
    },
  },
  {
    // 14:00 → 十四点, 8:30 → 八点三十分
    name: 'time',
    pattern: new RegExp(String.raw`${NOT_AFTER_DIGIT}(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?${NOT_BEFORE_DIGIT}`, 'g'),
    say: (m) => {
      const hours = Number(m[1]);
      const minutes = Number(m[2]);
      const seconds = m[3] === undefined ? 0 : Number(m[3]);
      if (hours > 24 || minutes > 59 || seconds > 59) return null;
      const minuteWords = minutes === 0 ? (seconds > 0 ? '0分' : '') : `${minutes < 10 ? '0' : ''}${minutes}分`;
      return `${hours}点${minuteWords}${seconds > 0 ? `${seconds}秒` : ''}`;
    },
  },
  {
    // 010-12345678, 0571-8888888: area code and number, digit by digit
    name: 'phone',
    pattern: new RegExp(String.raw`${NOT_AFTER_DIGIT}(0\d{2,3})-(\d{7,8})${NOT_BEFORE_DIGIT}`, 'g'),
    say: (m) => `${sayDigits(m[1]!)}${PAUSE}${sayDigits(m[2]!)}`,
  },
  {
    // 2010-2015年, 2010～2015年 → 2010到2015年
    name: 'year range',
    pattern: new RegExp(String.raw`${NOT_AFTER_DIGIT}(\d{4})\s*[-–—~～〜至]\s*(\d{4})\s*年`, 'g'),
    say: (m) => `${m[1]!}到${m[2]!}年`,
  },
  {
    // 2 0 2 4年 (spaced by an extractor), 2024 年 → 2024年
    name: 'year',
    pattern: new RegExp(String.raw`${NOT_AFTER_DIGIT}(\d{4}|\d(?: \d){3})\s*年`, 'g'),
    say: (m) => `${squeeze(m[1]!)}年`,
  },
  {
    // JY14310210336260, 粤B12345 → letters one by one, digits one by one
    name: 'code',
    pattern: /(?<![A-Za-z\d])([A-Z]{1,4})(\d{5,})(?![A-Za-z\d])/g,
    say: (m) => `${sayLetters(m[1]!)} ${sayDigits(m[2]!)}`,
  },
  {
    // PM2.5 → P M 2点5; 5G stays to the unit and number rules
    name: 'letters and number',
    pattern: new RegExp(String.raw`(?<![A-Za-z\d])([A-Z]{2,5})(\d+(?:\.\d+)?)(?![A-Za-z\d%％])`, 'g'),
    say: (m) => `${sayLetters(m[1]!)} ${sayNumber(m[2]!)}`,
  },
  {
    // 17~4℃ → 17到4摄氏度, 3-5km → 3到5公里, 10%~20% → 百分之10到百分之20
    name: 'range',
    pattern: new RegExp(
      String.raw`${NOT_AFTER_DIGIT}(-?${NUMBER})\s*(${UNIT}|[%％])?\s*(?:[~～〜]|[-–](?=\s*\d+(?:\.\d+)?\s*(?:${UNIT}|[%％]|[个名人天年月日岁元万亿])))\s*(-?${NUMBER})\s*(${UNIT}|[%％])?`,
      'g',
    ),
    say: (m) => {
      const [, low, lowUnit, high, highUnit] = m;
      const unit = highUnit ?? lowUnit;
      const percent = unit === '%' || unit === '％';
      const word = (n: string): string => (percent ? `百分之${sayNumber(squeeze(n))}` : sayNumber(squeeze(n)));
      const unitWord = unit && !percent ? UNITS[unit]! : '';
      const lowWord = lowUnit && !percent && lowUnit !== unit ? UNITS[lowUnit]! : '';
      return `${word(low!)}${lowWord}到${word(high!)}${unitWord}`;
    },
  },
  {
    // 20% → 百分之20; 5‰ → 千分之5
    name: 'percent',
    pattern: new RegExp(String.raw`${NOT_AFTER_DIGIT}(-?${NUMBER})\s*([%％‰])`, 'g'),
    say: (m) => `${m[2] === '‰' ? '千分之' : '百分之'}${sayNumber(squeeze(m[1]!))}`,
  },
  {
    // 3.4km → 3点4公里, 25℃ → 25摄氏度
    name: 'unit',
    pattern: new RegExp(String.raw`${NOT_AFTER_DIGIT}(-?${NUMBER})\s*(${UNIT})`, 'g'),
    say: (m) => `${sayNumber(squeeze(m[1]!))}${UNITS[m[2]!]!}`,
  },
  {
    // 13812345678, 0086: digit by digit (2 0 2 4, spaced by an extractor, is one number)
    name: 'digit string',
    pattern: new RegExp(String.raw`${NOT_AFTER_DIGIT}(\d{7,}|0\d{2,})${NOT_BEFORE_DIGIT}(?!\.\d)`, 'g'),
    say: (m) => sayDigits(m[1]!),
  },
  {
    // 3.4 → 3点4, 1,200 → 1200, 2 0 2 4 → 2024; a plain 17 is left as it is
    name: 'number',
    pattern: new RegExp(String.raw`${NOT_AFTER_DIGIT}(${NUMBER})${NOT_BEFORE_DIGIT}`, 'g'),
    say: (m) => {
      const said = sayNumber(squeeze(m[1]!));
      return said === m[0] ? null : said;
    },
  },
  {
    // 国Ⅳ → 国四, 第Ⅱ → 第二
    name: 'roman numeral sign',
    pattern: new RegExp(`[${ROMAN_SIGNS}${ROMAN_SMALL}]`, 'g'),
    say: (m) => {
      const sign = m[0];
      const index = ROMAN_SIGNS.includes(sign) ? ROMAN_SIGNS.indexOf(sign) : ROMAN_SMALL.indexOf(sign);
      return chineseNumber(index + 1);
    },
  },
  {
    // 国IV → 国四 (Latin letters as a numeral: only after 国, where emission standards print them)
    name: 'roman numeral letters',
    pattern: /(?<=国)(I{1,3}|IV|VI{0,3}|IX|X)(?![A-Za-z])/g,
    say: (m) => chineseNumber(romanValue(m[1]!)),
  },
  {
    // GDP, APP, CPI → letters one by one (a voice would try to pronounce them as words)
    name: 'abbreviation',
    pattern: /(?<![A-Za-z])([A-Z]{2,6})(?![A-Za-z])/g,
    say: (m) => sayLetters(m[1]!),
  },
  {
    // ℃ alone (零下℃ is rare, 气温℃ in tables)
    name: 'unit sign',
    pattern: /[℃㎡㎞㎏]/g,
    say: (m) => UNITS[m[0]]!,
  },
  {
    // ●, ■, ※, 【 】: layout, said as a pause (or nothing at the very start)
    name: 'layout symbol',
    pattern: new RegExp(`\\s*[${LAYOUT}]+\\s*`, 'g'),
    say: (m) => (m.index === 0 ? '' : PAUSE),
  },
  {
    // —— and …… (and a tilde with no number beside it): a pause
    name: 'dash and ellipsis',
    pattern: /[—―]+|…+|\.{3,}|[~～〜]/g,
    say: (m) => (m.index === 0 ? '' : PAUSE),
  },
];

/** The pieces of `shown` that `rules` say differently, without overlaps (earlier rules first). */
export function findReplacements(shown: string, rules: readonly SpeechRule[] = RULES, claimed: Replacement[] = []): Replacement[] {
  const text = foldWidth(shown);
  const found = [...claimed];
  const free = (start: number, end: number): boolean => found.every((r) => end <= r.start || start >= r.end);
  for (const rule of rules) {
    const pattern = new RegExp(rule.pattern.source, rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`);
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      if (!free(start, end)) continue;
      const spoken = rule.say(m);
      if (spoken === null) continue;
      found.push({ start, end, spoken });
    }
  }
  return found;
}

/** A pronunciation the listener set (读音词典): `from` as shown is said as `to`. */
export interface Pronunciation {
  readonly from: string;
  readonly to: string;
}

/** Where the listener's pronunciations apply: every occurrence, longest entries first. */
export function pronunciationReplacements(shown: string, dictionary: readonly Pronunciation[]): Replacement[] {
  const found: Replacement[] = [];
  const entries = [...dictionary].filter((e) => e.from.length > 0).sort((a, b) => b.from.length - a.from.length);
  for (const entry of entries) {
    for (let at = shown.indexOf(entry.from); at >= 0; at = shown.indexOf(entry.from, at + entry.from.length)) {
      const end = at + entry.from.length;
      if (found.every((r) => end <= r.start || at >= r.end)) found.push({ start: at, end, spoken: entry.to });
    }
  }
  return found;
}

/**
 * The spoken form of one sentence: the listener's pronunciations first, then the rules, all on the
 * shown text. `prefix` is said before it (an announcement such as `小标题：`), shown nowhere.
 */
export function speakable(shown: string, dictionary: readonly Pronunciation[] = [], prefix = ''): SpokenText {
  const replacements = findReplacements(shown, RULES, pronunciationReplacements(shown, dictionary));
  if (prefix) replacements.push({ start: 0, end: 0, spoken: prefix });
  return spokenText(shown, replacements);
}
