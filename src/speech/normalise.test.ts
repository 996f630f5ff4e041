import { describe, expect, it } from 'vitest';
import { chineseNumber, foldWidth, RULES, romanValue, sayDigits, sayNumber, speakable } from './normalise.ts';
import { shownRange } from './spoken.ts';

/** Each rule with the shown text it is for and what must be said: one row per case. */
const CASES: ReadonlyArray<readonly [rule: string, shown: string, spoken: string]> = [
  ['date', '会议于2024-08-01开幕', '会议于2024年8月1日开幕'],
  ['date', '2024/8/1日', '2024年8月1日'],
  ['date', '截至2023.12.31', '截至2023年12月31日'],
  ['time', '14:00开始', '14点开始'],
  ['time', '上午8:30至9:05', '上午8点30分至9点05分'],
  ['time', '21：15：30', '21点15分30秒'],
  ['phone', '电话010-12345678', '电话0 1 0，1 2 3 4 5 6 7 8'],
  ['year range', '2010-2015年', '2010到2015年'],
  ['year range', '2021～2025年', '2021到2025年'],
  ['year', '2 0 2 4年', '2024年'],
  ['year', '2024 年', '2024年'],
  ['code', '车牌JY14310210336260', '车牌J Y 1 4 3 1 0 2 1 0 3 3 6 2 6 0'],
  ['letters and number', 'PM2.5浓度', 'P M 2点5浓度'],
  ['range', '17~4℃', '17到4摄氏度'],
  ['range', '3-5个', '3到5个'],
  ['range', '3～5km', '3到5公里'],
  ['range', '10%~20%', '百分之10到百分之20'],
  ['percent', '增长20%', '增长百分之20'],
  ['percent', '下降3.5％', '下降百分之3点5'],
  ['percent', '5‰', '千分之5'],
  ['unit', '全程3.4km', '全程3点4公里'],
  ['unit', '重5kg', '重5千克'],
  ['unit', '25℃', '25摄氏度'],
  ['unit', '120m²', '120平方米'],
  ['unit', '时速80km/h', '时速80公里每小时'],
  ['unit', '装机1,200MW', '装机1200兆瓦'],
  ['digit string', '拨打13812345678', '拨打1 3 8 1 2 3 4 5 6 7 8'],
  ['digit string', '编号0086', '编号0 0 8 6'],
  ['number', '第1,200名', '第1200名'],
  ['number', '1.5万元', '1点5万元'],
  ['number', '共 1 2 3 人', '共 123 人'],
  ['roman numeral sign', '国Ⅳ排放', '国四排放'],
  ['roman numeral sign', '第Ⅻ卷', '第十二卷'],
  ['roman numeral letters', '国IV标准', '国四标准'],
  ['abbreviation', 'GDP增长', 'G D P增长'],
  ['abbreviation', '下载APP', '下载A P P'],
  ['unit sign', '单位：℃', '单位：摄氏度'],
  ['layout symbol', '●本报记者', '本报记者'],
  ['layout symbol', '记者 ■ 张三', '记者，张三'],
  ['layout symbol', '※注意', '注意'],
  ['layout symbol', '【链接】详情', '链接，详情'],
  ['dash and ellipsis', '这是——真的', '这是，真的'],
  ['dash and ellipsis', '等等……', '等等，'],
];

describe('the spoken form of each rule', () => {
  it('has a case for every rule', () => {
    expect(new Set(CASES.map(([rule]) => rule))).toEqual(new Set(RULES.map((r) => r.name)));
  });

  for (const [rule, shown, spoken] of CASES) {
    it(`${rule}: ${shown} → ${spoken}`, () => {
      const text = speakable(shown);
      expect(text.spoken).toBe(spoken);
      expect(text.shown).toBe(shown);
    });
  }
});

describe('what no rule touches', () => {
  it.each(['今天天气很好。', '“你好，”他说。', 'iPhone和WiFi', '约翰·史密斯', '第17名', '2024年'])('%s is said as shown', (shown) => {
    expect(speakable(shown).spoken).toBe(shown);
  });

  it('leaves none of ● ■ ~ km in a sentence holding every case', () => {
    const spoken = speakable('●全程3.4km，气温17~4℃，■湿度20%，2 0 2 4年，国Ⅳ，【链接】GDP——好……').spoken;
    expect(spoken).not.toMatch(/[●■~～【】※]|km|℃|%|Ⅳ|\d\.\d|\d \d \d \d年/);
  });
});

describe('helpers', () => {
  it('says digits one by one, and the point and sign of a number', () => {
    expect(sayDigits('2024')).toBe('2 0 2 4');
    expect(sayNumber('3.40')).toBe('3点40');
    expect(sayNumber('-3')).toBe('负3');
    expect(sayNumber('007')).toBe('0 0 7');
    expect(sayNumber('10000000000000')).toBe('1 0 0 0 0 0 0 0 0 0 0 0 0 0');
    expect(chineseNumber(12)).toBe('十二');
  });

  it('folds full-width digits and letters one for one', () => {
    expect(foldWidth('２０２４ＧＤＰ')).toBe('2024GDP');
    expect(speakable('２０２４年增长５％').spoken).toBe('2024年增长百分之5');
  });

  it('reads Roman numerals in letters', () => {
    expect([romanValue('I'), romanValue('IV'), romanValue('VI'), romanValue('IX'), romanValue('XII')]).toEqual([1, 4, 6, 9, 12]);
  });
});

describe('the offset map of a normalised sentence', () => {
  it('marks the shown number and unit for any word said in their place', () => {
    const shown = '全程3.4km，用时2小时。';
    const text = speakable(shown);
    expect(text.spoken).toBe('全程3点4公里，用时2小时。');
    const gongli = text.spoken.indexOf('公里');
    const range = shownRange(text, gongli, gongli + 2);
    expect(shown.slice(range.start, range.end)).toBe('3.4km');
    const yongshi = text.spoken.indexOf('用时');
    const after = shownRange(text, yongshi, yongshi + 2);
    expect(shown.slice(after.start, after.end)).toBe('用时');
  });
});

describe('the listener’s pronunciations', () => {
  it('apply to the spoken form only, before the rules, longest first', () => {
    const text = speakable('银行行长说GDP', [
      { from: '行长', to: '航长' },
      { from: '银行行长', to: '银航航长' },
      { from: 'GDP', to: '国内生产总值' },
    ]);
    expect(text.spoken).toBe('银航航长说国内生产总值');
    expect(text.shown).toBe('银行行长说GDP');
  });

  it('apply at every occurrence', () => {
    expect(speakable('行长和行长', [{ from: '行长', to: '航长' }]).spoken).toBe('航长和航长');
  });

  it('put an announcement before the sentence, shown nowhere', () => {
    const text = speakable('●一、总体要求', [], '小标题：');
    expect(text.spoken).toBe('小标题：一、总体要求');
  });
});
