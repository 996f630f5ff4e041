/**
 * What real newspaper pages have, rule by rule, on small pages made up for the purpose and set in
 * columns by the test typesetter (src/clean/testing/typeset.ts): headline decks, one article per
 * article, two-line headings, no invented titles, what is not an article, letter-spaced lines.
 * (Interleaved pdftotext output: interleave.test.ts; unreadable text: readable.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { cleanText } from './index.ts';
import { setParagraph } from './testing/typeset.ts';

const P1 = '海滨市文化中心昨日正式对外开放。据介绍，该中心总建筑面积两万平方米，设有图书馆、剧场和展览馆，可同时容纳三千名市民参观。';
const P2 = '市民王先生说，以后周末可以带孩子来这里看书，比过去方便多了。中心负责人表示，下一步将推出更多公益讲座和展览，让文化服务走进千家万户。';
const P3 = '今年海滨市还将新建公园二十座，总面积达到一百公顷。市园林局负责人介绍，新建公园将优先安排在老城区和新建住宅区附近，方便市民就近休闲。';
const P4 = '目前，首批八座公园已经完成设计，将于下月陆续开工，年底前全部建成开放。市民可以通过网站和热线电话对设计方案提出意见和建议。';

/** An article on another subject: it shares hardly a word with the ones above. */
const Q1 = '今年夏粮收购工作日前全面展开。据粮食部门统计，截至目前全省已收购小麦八十万吨，比去年同期增加一成，收购价格总体平稳。';
const Q2 = '粮食部门要求各收购企业做到敞开收购、随到随收，不得压级压价，不得拖欠农民售粮款，切实保护种粮农民的利益。';

const set = (measure: number, ...paragraphs: string[]): string[] => paragraphs.flatMap((p) => setParagraph(p, measure));
const page = (...lines: string[]): string => lines.join('\n') + '\n';
const squash = (s: string | null): string | null => s && s.replace(/\s+/g, '');
const all = (text: string): string => JSON.stringify(cleanText(text));

describe('headline structure', () => {
  it('keeps a subtitle opening with —— apart from its title', () => {
    const [a] = cleanText(page('文化中心开门迎客', '——海滨市公共文化服务走进新阶段', ...set(16, P1, P2))).articles;
    expect(a!.title).toBe('文化中心开门迎客');
    expect(a!.subtitle).toBe('——海滨市公共文化服务走进新阶段');
    expect(a!.kicker).toBeNull();
  });

  it('reads a plain line right above a fake-bold title as its kicker', () => {
    const [a] = cleanText(page('市民有了新去处', '文化中心开门迎客', '文化中心开门迎客', ...set(16, P1, P2))).articles;
    expect(a!.kicker).toBe('市民有了新去处');
    expect(a!.title).toBe('文化中心开门迎客');
    expect(a!.subtitle).toBeNull();
  });
});

describe('one article per article', () => {
  it('a second article at the same measure under its own fake-bold title is not a section', () => {
    const text = page('文化中心开门迎客', '文化中心开门迎客', ...set(16, P1, P2), '夏粮收购全面展开', '夏粮收购全面展开', ...set(16, Q1, Q2));
    expect(cleanText(text).articles.map((a) => a.title)).toEqual(['文化中心开门迎客', '夏粮收购全面展开']);
  });
});

describe('two articles\' titles printed together', () => {
  // An extractor may print the titles of neighbouring articles one after the other, before both
  // bodies: each line heads the body its words are about.
  it('splits a two-line headline into the two titles of the bodies its lines are about', () => {
    const text = page('夏粮收购全面展开价格总体平稳', '文化中心开门迎客市民有了新去处', ...set(16, P1, P2), ...set(13, Q1, Q2));
    expect(cleanText(text).articles.map((a) => a.title)).toEqual(['文化中心开门迎客市民有了新去处', '夏粮收购全面展开价格总体平稳']);
  });

  it('titles wider than the column are no full lines of it', () => {
    const text = page('全省夏粮收购全面展开收购价格总体平稳', '文化中心开门迎客市民周末有了新去处', ...set(14, P1, P2), ...set(13, Q1, Q2));
    expect(cleanText(text).articles.map((a) => a.title)).toEqual(['文化中心开门迎客市民周末有了新去处', '全省夏粮收购全面展开收购价格总体平稳']);
  });

  it('a title whose two lines an extractor printed as two blocks (a blank line between) is one title', () => {
    const [a, ...rest] = cleanText(page('文化中心开门迎客', '', '市民周末有了新去处', '', ...set(16, P1, P2))).articles;
    expect(rest).toEqual([]);
    expect(a!.title).toBe('文化中心开门迎客 市民周末有了新去处');
    expect(a!.sections.map((s) => s.heading)).toEqual([null]);
  });

  it('a two-line title over one body stays one title', () => {
    const [a, ...rest] = cleanText(page('海滨市文化中心', '昨日正式对外开放', ...set(14, P1, P2))).articles;
    expect(rest).toEqual([]);
    expect(a!.title).toBe('海滨市文化中心 昨日正式对外开放');
    expect(a!.sections.map((s) => s.heading)).toEqual([null]);
  });
});

describe('one article per article, on long bodies', () => {
  // Two articles on one page share the page's common words (the city, 市民, 负责人): long bodies
  // that share little more than those are two articles, though a plain headline stands between.
  const P5 = '据了解，文化中心开放首日就迎来了五千多名市民，图书馆的阅览座位一度全部坐满。中心工作人员表示，开放时间将延长到每晚九点，方便上班族下班后前来。';
  const Q3 = '海滨市粮食局负责人表示，今年全市小麦种植面积稳中有增，单产明显提高，预计全年收购量将超过去年，市民的米袋子可以放心。';
  const Q4 = '目前，全市已设立收购网点一百二十个，下一步将根据农民售粮进度及时增设网点，方便农民就近售粮，做到应收尽收。';
  const Q5 = '粮食部门还提醒农民，售粮前要把小麦晒干扬净，避免因水分和杂质超标被扣量扣价，同时注意识别假币，保管好售粮凭证，遇到压价等问题可拨打举报电话。';
  const Q6 = '据悉，全省夏粮收购工作将持续到九月底结束。';

  it('a plain headline between two long bodies on different subjects is the second one\'s title', () => {
    const text = page('文化中心开门迎客', ...set(16, P1, P2, P3, P4, P5), '夏粮收购全面展开', ...set(16, Q1, Q2, Q3, Q4, Q5, Q6));
    const articles = cleanText(text).articles;
    expect(articles.map((a) => a.title)).toEqual(['文化中心开门迎客', '夏粮收购全面展开']);
    expect(articles.map((a) => a.sections.map((s) => s.heading))).toEqual([[null], [null]]);
  });
});

describe('section headings', () => {
  it('a heading set on two lines is one heading, its lines joined by a space', () => {
    const text = page('文化中心开门迎客', ...set(16, P1, P2), '公园建设', '同步推进', ...set(16, P3, P4));
    const [a] = cleanText(text).articles;
    expect(a!.sections.map((s) => s.heading)).toEqual([null, '公园建设 同步推进']);
  });

  it('a heading whose two lines an extractor printed apart (a blank line between) is one heading', () => {
    const text = page('文化中心开门迎客', '', ...set(16, P1, P2), '', '公园建设全面提速', '', '年内新建公园二十座', '', ...set(16, P3, P4));
    const articles = cleanText(text).articles;
    expect(articles.map((a) => a.title)).toEqual(['文化中心开门迎客']);
    expect(articles[0]!.sections.map((s) => s.heading)).toEqual([null, '公园建设全面提速 年内新建公园二十座']);
  });
});

describe('paragraphs that look like headings', () => {
  it('an unpunctuated line that fills a first line, then a short sentence end, is a paragraph of two lines', () => {
    const X = '其次文化中心的藏书种类和数量都相当丰富。';
    const [a, ...rest] = cleanText(page('文化中心开门迎客', ...set(13, P1, X, P2))).articles;
    expect(rest).toEqual([]);
    expect(a!.sections.map((s) => s.heading)).toEqual([null]);
    expect(a!.sections[0]!.paragraphs).toEqual([P1, X, P2]);
  });
});

describe('a line cut short by a Latin word', () => {
  it('a paragraph\'s first line that stops short because the next line starts with a long Latin word is no heading', () => {
    const lines = ['据国际市场研究机构', 'Euromonitor统计，今年全省图书', '销量比去年增长一成，其中少儿图书', '增长最快，占到全部销量的三成。'];
    const [a] = cleanText(page('文化中心开门迎客', ...set(16, P1), ...lines, ...set(16, P2))).articles;
    expect(a!.sections.map((s) => s.heading)).toEqual([null]);
    expect(a!.sections[0]!.paragraphs).toEqual([P1, lines.join(''), P2]);
  });
});

describe('no invented text', () => {
  it('an article whose page prints no title has title null', () => {
    const [a] = cleanText(page(...set(16, P1, P2))).articles;
    expect(a!.title).toBeNull();
    expect(a!.kicker).toBeNull();
    expect(a!.subtitle).toBeNull();
    expect(squash(a!.sections[0]!.paragraphs.join(''))).toBe(squash(P1 + P2));
  });
});

describe('what is not an article', () => {
  const body = set(16, P1, P2);
  const clean = (...junk: string[]): string => {
    const text = all(page('— 3 —', '海滨日报', '2011 年 4 月 18 日 星期一', '文化中心开门迎客', ...body.slice(0, 5), ...junk, ...body.slice(5)));
    expect(text).toContain('文化中心开门迎客');
    return text;
  };

  it('leaves out page numbers, dates and the paper name', () => {
    const text = clean();
    for (const junk of ['— 3 —', '海滨日报', '星期一']) expect(text).not.toContain(junk);
  });

  it('leaves out editor credit lines', () => {
    const text = clean();
    expect(all(page('文化中心开门迎客', ...body, '责编：王小明 美编：李大军', '校对：张三 统筹：赵四', '一审：钱五 二审：孙六'))).not.toMatch(/责编|校对|一审|二审|统筹/);
    expect(text).not.toContain('责编');
  });

  it('leaves out photo captions and credits', () => {
    const text = all(page('文化中心开门迎客', ...body.slice(0, 6), '图为市民在新落成的文化中心阅览室看书。', '本报记者 陈明 摄', ...body.slice(6)));
    expect(text).not.toMatch(/图为|陈明/);
    expect(text).toContain(squash(P2)!.slice(0, 10));
  });

  it('leaves out prompts to scan a code, ads, tables and strips of lost-document notices', () => {
    const text = all(
      page(
        '文化中心开门迎客',
        ...body,
        '扫描二维码下载海滨新闻客户端',
        '城市 天气 最高 最低',
        '海滨 多云 25℃ 18℃',
        '山城 小雨 22℃ 16℃',
        '张明遗失身份证，号码12345，声明作废。',
        '海滨某某公司遗失公章一枚，声明作废。',
        '（广告）',
      ),
    );
    expect(text).not.toMatch(/二维码|多云|小雨|遗失|广告/);
    expect(JSON.parse(text).articles).toHaveLength(1);
  });
});

describe('letter-spaced lines', () => {
  it('lines printed with a space between every character are joined like any other', () => {
    const lines = set(16, P1, P2).map((l, i) => (i % 3 === 1 ? Array.from(l).join(' ') : l));
    const [a] = cleanText(page('文化中心开门迎客', ...lines)).articles;
    expect(a!.sections[0]!.paragraphs).toEqual([P1, P2]);
  });
});
