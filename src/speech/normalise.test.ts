import { describe, expect, it } from 'vitest';
import { foldWidth, RULES, romanValue, sayDigits, sayNumber, speakable } from './normalise.ts';
import { shownRange } from './spoken.ts';

/** Each rule with the shown text it is for and what must be said: one row per case. */
const CASES: ReadonlyArray<readonly [rule: string, shown: string, spoken: string]> = [
  ['date', '会议于2024-08-01开幕', '会议于二零二四年八月一日开幕'],
  ['date', '2024/8/1日', '二零二四年八月一日'],
  ['date', '截至2023.12.31', '截至二零二三年十二月三十一日'],
  ['time', '14:00开始', '十四点开始'],
  ['time', '上午8:30至9:05', '上午八点三十分至九点零五分'],
  ['time', '21：15：30', '二十一点十五分三十秒'],
  ['phone', '电话010-12345678', '电话零一零，一二三四五六七八'],
  ['year range', '2010-2015年', '二零一零到二零一五年'],
  ['year range', '2021～2025年', '二零二一到二零二五年'],
  ['year', '2024年', '二零二四年'],
  ['year', '2 0 2 4年', '二零二四年'],
  ['code', '车牌JY14310210336260', '车牌J Y 一四三一零二一零三三六二六零'],
  ['letters and number', 'PM2.5浓度', 'P M 二点五浓度'],
  ['range', '17~4℃', '十七到四摄氏度'],
  ['range', '3-5个', '三到五个'],
  ['range', '3～5km', '三到五公里'],
  ['range', '10%~20%', '百分之十到百分之二十'],
  ['percent', '增长20%', '增长百分之二十'],
  ['percent', '下降3.5％', '下降百分之三点五'],
  ['percent', '5‰', '千分之五'],
  ['unit', '全程3.4km', '全程三点四公里'],
  ['unit', '重5kg', '重五千克'],
  ['unit', '25℃', '二十五摄氏度'],
  ['unit', '120m²', '一百二十平方米'],
  ['unit', '时速80km/h', '时速八十公里每小时'],
  ['unit', '装机1200MW', '装机一千二百兆瓦'],
  ['digit string', '拨打13812345678', '拨打一三八一二三四五六七八'],
  ['digit string', '编号0086', '编号零零八六'],
  ['digit string', '共 1 2 3 人', '共 一二三 人'],
  ['number', '第17名', '第十七名'],
  ['number', '1,200人', '一千二百人'],
  ['number', '1.5万元', '一点五万元'],
  ['roman numeral sign', '国Ⅳ排放', '国四排放'],
  ['roman numeral sign', '第Ⅱ卷', '第二卷'],
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
  it.each(['今天天气很好。', '“你好，”他说。', 'iPhone和WiFi', '约翰·史密斯'])('%s is said as shown', (shown) => {
    expect(speakable(shown).spoken).toBe(shown);
  });

  it('leaves none of ● ■ ~ km in a sentence holding every case', () => {
    const spoken = speakable('●全程3.4km，气温17~4℃，■湿度20%，2 0 2 4年，国Ⅳ，【链接】GDP——好……').spoken;
    expect(spoken).not.toMatch(/[●■~～【】]|km|\d/);
  });
});

describe('helpers', () => {
  it('reads digits one by one and numbers as words', () => {
    expect(sayDigits('2024')).toBe('二零二四');
    expect(sayNumber('3.40')).toBe('三点四零');
    expect(sayNumber('-3')).toBe('负三');
    expect(sayNumber('007')).toBe('零零七');
    expect(sayNumber('10000000000000')).toBe('一零零零零零零零零零零零零零');
  });

  it('folds full-width digits and letters one for one', () => {
    expect(foldWidth('２０２４ＧＤＰ')).toBe('2024GDP');
    expect(speakable('２０２４年增长５％').spoken).toBe('二零二四年增长百分之五');
  });

  it('reads Roman numerals in letters', () => {
    expect([romanValue('I'), romanValue('IV'), romanValue('VI'), romanValue('IX'), romanValue('XII')]).toEqual([1, 4, 6, 9, 12]);
  });
});

describe('the offset map of a normalised sentence', () => {
  it('marks the shown number and unit for any word said in their place', () => {
    const shown = '全程3.4km，用时2小时。';
    const text = speakable(shown);
    expect(text.spoken).toBe('全程三点四公里，用时二小时。');
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
