/**
 * Layout rules in isolation, on small pages made up for the purpose and set in columns by the
 * test typesetter (src/clean/testing/typeset.ts), printed with no blank lines, as PyMuPDF and
 * pypdf print: where a headline ends and body text begins, and when two bodies are two articles.
 */
import { describe, expect, it } from 'vitest';
import { cleanText } from './index.ts';
import { setParagraph } from './testing/typeset.ts';

const P1 = '海滨市文化中心昨日正式对外开放。据介绍，该中心总建筑面积两万平方米，设有图书馆、剧场和展览馆，可同时容纳三千名市民参观。';
const P2 = '市民王先生说，以后周末可以带孩子来这里看书，比过去方便多了。中心负责人表示，下一步将推出更多公益讲座和展览，让文化服务走进千家万户。';
const P3 = '今年海滨市还将新建公园二十座，总面积达到一百公顷。市园林局负责人介绍，新建公园将优先安排在老城区和新建住宅区附近，方便市民就近休闲。';
const P4 = '目前，首批八座公园已经完成设计，将于下月陆续开工，年底前全部建成开放。市民可以通过网站和热线电话对设计方案提出意见和建议。';

const set = (measure: number, ...paragraphs: string[]): string[] => paragraphs.flatMap((p) => setParagraph(p, measure));
const page = (...lines: string[]): string => lines.join('\n') + '\n';
const squash = (s: string | null): string | null => s && s.replace(/\s+/g, '');
const titles = (text: string): string[] => cleanText(text).articles.map((a) => squash(a.title)!);
const headings = (text: string): (string | null)[] => cleanText(text).articles.flatMap((a) => a.sections.map((s) => squash(s.heading)));
const firstParagraph = (text: string): string => squash(cleanText(text).articles[0]!.sections[0]!.paragraphs[0]!)!;

describe('where a headline ends', () => {
  it('not inside a bracket left open', () => {
    const text = page('文化中心开门迎客', ...set(16, '海滨市文化发展有限公司（以下简称文化公司）昨日发布公告。', P1, P2));
    expect(titles(text)).toEqual(['文化中心开门迎客']);
    expect(headings(text)).toEqual([null]);
  });

  it('not on a first line with a dateline gap in it', () => {
    const text = page('文化中心开门迎客', ...set(16, '7月17日电 记者从海滨市文化局获悉，该市文化中心昨日正式对外开放。', P1, P2));
    expect(headings(text)).toEqual([null]);
    expect(firstParagraph(text)).toMatch(/^7月17日电记者从海滨市文化局获悉/);
  });

  it('not on lines that go on from clause to clause, in a short column between wider ones', () => {
    const clauses = '海滨市在建设文化中心的过程中，坚持公开招标，严格按照有关规定，接受社会监督，确保工程质量。';
    const text = page('文化中心开门迎客', ...set(17, P1, P2), '文化中心建设公开透明', ...set(14, clauses), '海滨今年新建二十座公园', ...set(17, P3, P4));
    expect(titles(text).sort()).toEqual(['文化中心开门迎客', '文化中心建设公开透明', '海滨今年新建二十座公园'].sort());
    expect(headings(text)).toEqual([null, null, null]);
  });
});

describe('copies of a headline', () => {
  it('are not read from body lines that share a number', () => {
    const text = page('文化中心开门迎客文化中心开门迎客', ...set(16, '新馆藏书 120 万册，其中古籍 120 余种，儿童读物三万余册，每天开放十二小时。', P1));
    expect(titles(text)).toEqual(['文化中心开门迎客']);
    expect(firstParagraph(text)).toMatch(/^新馆藏书120万册/);
  });
});

describe('two bodies with one headline between', () => {
  it('are two articles when their full lines are of different widths', () => {
    const text = page('文化中心开门迎客', ...set(17, P1, P2), '海滨今年新建二十座公园', ...set(16, P3, P4));
    expect(titles(text).sort()).toEqual(['文化中心开门迎客', '海滨今年新建二十座公园'].sort());
  });

  it('are one article when their lines are as wide', () => {
    const text = page('文化中心开门迎客', ...set(16, P1, P2), '公园建设同步推进', ...set(16, P3, P4));
    expect(titles(text)).toEqual(['文化中心开门迎客']);
    expect(headings(text)).toEqual([null, '公园建设同步推进']);
  });
});
