import { describe, expect, it } from 'vitest';
import { TEXT_SIZES } from './storage/settings.ts';
import { formatDownload, formatEdition, formatMegabytes, formatPage, formatPrinted, formatResults } from './strings.ts';
import {
  documentTitle,
  formatChars,
  formatContinue,
  formatDeleteLabel,
  formatDuration,
  formatListened,
  formatPosition,
  formatSource,
} from './strings.ts';
import { formatAlreadyImported, formatImportProblem, formatImported } from './strings-import.ts';
import {
  formatNextArticle,
  formatOfflineVoice,
  formatOnlineVoice,
  formatRate,
  formatRestored,
  formatResumeFrom,
  formatSleepLeft,
  formatSleepSet,
  formatTimeLeft,
  formatVoiceAuto,
  formatVoiceOption,
  formatVoiceUnavailable,
} from './strings-reader.ts';
import { formatStorage, formatTextSize } from './strings-settings.ts';

describe('formatRate', () => {
  it('says the rate as a multiple, without trailing zeros', () => {
    expect(formatRate(1)).toBe('1 倍');
    expect(formatRate(1.5)).toBe('1.5 倍');
    expect(formatRate(0.75)).toBe('0.75 倍');
    expect(formatRate(1.2000000000000002)).toBe('1.2 倍');
  });
});

describe('formatDuration / formatTimeLeft', () => {
  it('rounds to whole minutes, as a person would say it', () => {
    expect(formatDuration(0)).toBe('不到 1 分钟');
    expect(formatDuration(29)).toBe('不到 1 分钟');
    expect(formatDuration(31)).toBe('约 1 分钟');
    expect(formatDuration(4 * 60 + 20)).toBe('约 4 分钟');
    expect(formatDuration(4 * 60 + 40)).toBe('约 5 分钟');
    expect(formatDuration(60 * 60)).toBe('约 1 小时');
    expect(formatDuration(65 * 60)).toBe('约 1 小时 5 分钟');
  });
  it('copes with nonsense input', () => {
    expect(formatDuration(NaN)).toBe('不到 1 分钟');
    expect(formatDuration(-5)).toBe('不到 1 分钟');
  });
  it('prefixes the time left', () => {
    expect(formatTimeLeft(600)).toBe('剩余约 10 分钟');
  });
});

describe('other formats', () => {
  it('counts from 1 for people', () => {
    expect(formatPosition(0, 88)).toBe('第 1 句，共 88 句');
    expect(formatPosition(1233, 2000)).toBe('第 1,234 句，共 2,000 句');
  });
  it('groups thousands in character counts', () => {
    expect(formatChars(3812)).toBe('3,812 字');
  });
  it('titles the tab', () => {
    expect(documentTitle()).toBe('听读');
    expect(documentTitle('标题')).toBe('标题 - 听读');
  });
  it('marks network voices', () => {
    expect(formatVoiceOption('Tingting', 'zh-CN', true)).toBe('Tingting（zh-CN）');
    expect(formatVoiceOption('Google 普通话（中国大陆）', 'zh-CN', false)).toBe('Google 普通话（中国大陆）（zh-CN）（需联网）');
    expect(formatVoiceOption('Sinji', 'zh-HK', true, true)).toBe('Sinji（zh-HK）（粤语）');
    expect(formatVoiceAuto('Tingting')).toBe('自动选择（Tingting）');
    expect(formatVoiceAuto(null)).toBe('自动选择');
  });
});

describe('progress and resuming', () => {
  it('says how much was heard', () => {
    expect(formatListened(35)).toBe('已听 35%');
    expect(formatListened(100)).toBe('已听完');
  });
  it('names the continue link after the article', () => {
    expect(formatContinue('标题')).toBe('继续收听：标题');
  });
  it('counts sentences from 1 for people', () => {
    expect(formatResumeFrom(0)).toBe('从第 1 句继续');
    expect(formatResumeFrom(1233)).toBe('从第 1,234 句继续');
    expect(formatRestored(11, 88)).toBe('回到上次的位置：第 12 句，共 88 句');
  });
});

describe('voice switches', () => {
  it('says why the voice changed', () => {
    expect(formatOfflineVoice('Huihui')).toBe('已离线，改用本机语音：Huihui');
    expect(formatOnlineVoice('Google 普通话')).toBe('已联网，换回语音：Google 普通话');
    expect(formatVoiceUnavailable('Google 普通话', 'Huihui')).toBe('语音“Google 普通话”现在不可用，已换成：Huihui');
    expect(formatVoiceUnavailable('Google 普通话', null)).toBe('语音“Google 普通话”现在不可用');
  });
});

describe('formatTextSize', () => {
  it('names every offered size, with its percentage', () => {
    expect(formatTextSize(1)).toBe('标准（100%）');
    expect(formatTextSize(1.25)).toBe('大（125%）');
    expect(formatTextSize(2)).toBe('超大（200%）');
  });
});

describe('every text size has a name', () => {
  it('matches TEXT_SIZES', () => {
    for (const size of TEXT_SIZES) expect(formatTextSize(size)).toMatch(/^[^（]+（\d+%）$/);
  });
});

describe('import strings', () => {
  it('names at most three titles, then how many more', () => {
    expect(formatImported(['甲'])).toBe('已导入 1 篇文章：“甲”。');
    expect(formatImported(['甲', '乙', '丙', '丁', '戊'])).toBe('已导入 5 篇文章：“甲”、“乙”、“丙”和另外 2 篇。');
    expect(formatAlreadyImported(['甲', '乙'])).toBe('2 篇文章已在列表中：“甲”、“乙”。');
  });

  it('the delete button’s name starts with its visible text and names the article (WCAG 2.5.3)', () => {
    expect(formatDeleteLabel('标题')).toBe('删除《标题》');
  });

  it('says where an article came from, and why a file was refused, by its name', () => {
    expect(formatSource('page.txt')).toBe('来源：page.txt');
    expect(formatImportProblem('a.pdf', 'not-pdf')).toContain('“a.pdf”不是 PDF 文件');
    expect(formatImportProblem('a.pdf', 'pdf-scanned')).toContain('这是扫描图片，没有可读的文字');
    expect(formatImportProblem('a.pdf', 'pdf-password')).toContain('密码');
    expect(formatImportProblem('a.pdf', 'pdf-too-large')).toContain('200 MB');
    expect(formatImportProblem('b.txt', 'encoding')).toContain('GB18030/GBK');
  });
});

describe('archive and listening strings', () => {
  it('name editions, pages, sizes, downloads and search results', () => {
    expect(formatEdition('daily', '2026-12-07')).toBe('daily 2026年12月7日');
    expect(formatEdition(null, null)).toBe('文章');
    expect(formatPage('A3')).toBe('第A3版');
    expect(formatDownload(24, 1_234_567)).toBe('下载本期（24 篇，约 1.2 MB）');
    expect(formatMegabytes(10)).toBe('0.1 MB');
    expect(formatResults(0)).toBe('没有找到文章');
    expect(formatResults(1234)).toBe('找到 1,234 篇文章');
    expect(formatPrinted('daily', '2026-12-05', '2')).toBe('daily 2026年12月5日 第2版');
    expect(formatStorage(3_200_000, 1_024_000_000)).toBe('已用 3.2 MB，浏览器允许 1,024 MB');
  });
  it('say the sleep timer and what comes next', () => {
    expect(formatSleepSet(15)).toBe('睡眠定时：15 分钟后停止');
    expect(formatSleepSet('end')).toBe('睡眠定时：读完本篇后停止');
    expect(formatSleepSet(null)).toBe('睡眠定时已关闭');
    expect(formatSleepLeft(14 * 60_000 + 1)).toBe('还剩 15 分钟');
    expect(formatSleepLeft(0)).toBe('还剩 1 分钟');
    expect(formatNextArticle('标题')).toBe('接下来：标题');
  });
});

describe('pronunciation dictionary strings', () => {
  it('word an entry, its delete button and an import', async () => {
    const { formatPronunciation, formatPronunciationDelete, formatDictionaryImported } = await import('./strings-settings.ts');
    expect(formatPronunciation('行长', '航长')).toBe('行长 → 航长');
    expect(formatPronunciationDelete('行长')).toBe('删除“行长”');
    expect(formatDictionaryImported(2, 0)).toBe('已导入 2 个词。');
    expect(formatDictionaryImported(2, 1)).toBe('已导入 2 个词，1 个无效的词没有导入。');
  });
});
