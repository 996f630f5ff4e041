import type { APIRequestContext, Page } from '@playwright/test';
import { articleLabel } from '../src/library/label.ts';
import { readingScript } from '../src/library/script.ts';
import type { ArticleDocument, EditionIndex, EditionList } from '../src/library/types.ts';
import { installFakeSpeech } from './fixtures/fake-speech.ts';
import { ARCHIVE_PAPER, expect, test } from './support/archive-server.ts';
import { announcer, currentIndex, notices, pause, play, showSettings, startsOffline, step } from './support/app.ts';
import { expectNoViolations } from './support/axe.ts';

/**
 * The archive on a generated newspaper of three editions (three pages each; see
 * support/archive-server.ts): the latest edition first by page, earlier ones opened on demand,
 * search across all of them, and offline by choice (the latest edition kept, others on request).
 */

async function editionList(request: APIRequestContext): Promise<EditionList> {
  const response = await request.get('articles/editions.json');
  expect(response.ok()).toBe(true);
  return (await response.json()) as EditionList;
}

async function edition(request: APIRequestContext, id: string): Promise<EditionIndex> {
  return (await (await request.get(`articles/edition-${id}.json`)).json()) as EditionIndex;
}

/** The section of the latest edition, named by its heading. */
function latestSection(page: Page) {
  return page.getByRole('region', { name: `${ARCHIVE_PAPER} 2026年12月7日` });
}

test.describe('without the service worker (nothing fetched for offline use)', () => {
  test.use({ serviceWorkers: 'block' });

  test('the latest edition comes first, by page; an earlier one opens on demand; axe finds nothing', async ({ page, request }) => {
    test.slow(); // two axe runs
    const list = await editionList(request);
    const latest = list.latest!;
    expect(list.total).toBe(3);
    await page.goto('/');

    // The first section after the search is the latest edition, with a heading per page.
    const headings = page.getByRole('heading', { level: 2 });
    await expect(headings.first()).toHaveText(`${ARCHIVE_PAPER} 2026年12月7日`);
    await expect(headings.nth(1)).toHaveText('往期');
    const section = latestSection(page);
    await expect(section.getByRole('heading', { level: 3 })).toHaveText(latest.pages.map((p) => `第${p.page}版`));
    await expect(section.getByRole('heading', { level: 4 })).toHaveText(latest.pages.flatMap((p) => p.articles.map((a) => articleLabel(a))));
    await expect(section.getByRole('button', { name: /^下载本期（\d+ 篇，约 [\d.]+ MB）$/ })).toBeVisible();

    // Earlier editions: newest first, closed; one opens with its pages.
    const earlier = page.getByRole('region', { name: '往期' });
    await expect(earlier.getByRole('button')).toHaveText([`${ARCHIVE_PAPER} 2026年12月6日`, `${ARCHIVE_PAPER} 2026年12月5日`]);
    await expect(earlier.getByRole('link')).toHaveCount(0);
    await expectNoViolations(page);

    const oldest = list.editions[1]!;
    const oldIndex = await edition(request, oldest.id);
    const toggle = earlier.getByRole('button', { name: `${ARCHIVE_PAPER} 2026年12月5日` });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(earlier.getByRole('heading', { level: 4 })).toHaveText(oldIndex.pages.map((p) => `第${p.page}版`));
    await expect(earlier.getByRole('heading', { level: 5 })).toHaveText(oldIndex.pages.flatMap((p) => p.articles.map((a) => articleLabel(a))));
    await expectNoViolations(page);

    // Opening another closes the first: one earlier edition at a time.
    await earlier.getByRole('button', { name: `${ARCHIVE_PAPER} 2026年12月6日` }).click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(earlier.getByRole('heading', { level: 5 })).toHaveCount((await edition(request, list.editions[0]!.id)).pages.flatMap((p) => p.articles).length);
  });

  test('连续播放 goes from the last sentence of one article to the title of the next, and is remembered', async ({ page, request }) => {
    const latest = (await editionList(request)).latest!;
    const [first, second] = latest.pages.flatMap((p) => p.articles);
    const secondDoc = (await (await request.get(`articles/${second!.id}.json`)).json()) as ArticleDocument;
    const secondTitle = readingScript(secondDoc.article).sentences[0]!.text;
    const tts = await installFakeSpeech(page);
    await page.goto('/');
    await page.getByRole('link', { name: articleLabel(first!), exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: articleLabel(first!) })).toBeFocused();

    await showSettings(page); // 连续播放 and 睡眠定时 are in what 更多 opens
    const continuous = page.getByRole('switch', { name: '连续播放' });
    await expect(continuous).not.toBeChecked();
    await expect(page.getByText(/^接下来：/)).toHaveCount(0);
    await continuous.check();
    await expect(page.getByText(`接下来：${articleLabel(second!)}`)).toBeVisible();

    await tts.hold();
    await play(page).click();
    await expect(pause(page)).toBeVisible();
    // The last sentence the reader has (the page's notes, read after its first article, included).
    const last = (await page.locator('tts-reader [data-i]').count()) - 1;
    await page.locator(`tts-reader [data-i="${last}"]`).click();
    await expect.poll(() => currentIndex(page)).toBe(last);
    await tts.clearLog();
    // Each step ends what is being spoken: the last sentence, then (after the pause) nothing until
    // the next article's title is spoken, which the fake then holds.
    await expect
      .poll(
        async () => {
          await step(page);
          return (await tts.log()).some((entry) => entry.text === secondTitle);
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await expect(page.getByRole('heading', { level: 1, name: articleLabel(second!) })).toBeVisible();
    // The next article is read from its title (once), and goes on reading.
    const log = (await tts.log()).map((entry) => entry.text);
    expect(log.filter((text) => text === secondTitle)).toHaveLength(1);
    await expect(pause(page)).toBeVisible();

    // Remembered after a reload.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: articleLabel(second!) })).toBeVisible();
    await showSettings(page);
    await expect(page.getByRole('switch', { name: '连续播放' })).toBeChecked();
  });

  test('with 连续播放 on, Media Session previous/next track go to the previous/next article (off: by sentence)', async ({ page, request }) => {
    const latest = (await editionList(request)).latest!;
    const [first, second] = latest.pages.flatMap((p) => p.articles);
    const secondDoc = (await (await request.get(`articles/${second!.id}.json`)).json()) as ArticleDocument;
    const secondTitle = readingScript(secondDoc.article).sentences[0]!.text;
    // The action handlers the app gives the Media Session, to call them as a headset would.
    await page.addInitScript(() => {
      const handlers: Record<string, MediaSessionActionHandler | null> = {};
      (window as unknown as { __mediaHandlers: typeof handlers }).__mediaHandlers = handlers;
      const set = MediaSession.prototype.setActionHandler;
      MediaSession.prototype.setActionHandler = function (this: MediaSession, action: MediaSessionAction, handler: MediaSessionActionHandler | null) {
        handlers[action] = handler;
        set.call(this, action, handler);
      };
    });
    const act = (action: 'previoustrack' | 'nexttrack') =>
      page.evaluate((a) => {
        const handler = (window as unknown as { __mediaHandlers: Record<string, ((details: MediaSessionActionDetails) => void) | null> }).__mediaHandlers[a];
        if (!handler) throw new Error(`no handler for ${a}`);
        handler({ action: a });
      }, action);
    const tts = await installFakeSpeech(page);
    await page.goto('/');
    await page.getByRole('link', { name: articleLabel(first!), exact: true }).click();
    const firstHeading = page.getByRole('heading', { level: 1, name: articleLabel(first!) });
    await expect(firstHeading).toBeFocused();

    await tts.hold();
    await play(page).click();
    await expect(pause(page)).toBeVisible();
    await expect.poll(() => currentIndex(page)).toBe(0);
    // 连续播放 off: the track buttons move by sentence, in the same article.
    await act('nexttrack');
    await expect.poll(() => currentIndex(page)).toBe(1);
    await expect(firstHeading).toBeVisible();

    await showSettings(page);
    await page.getByRole('switch', { name: '连续播放' }).check();
    await tts.clearLog();
    await act('nexttrack');
    await expect(page.getByRole('heading', { level: 1, name: articleLabel(second!) })).toBeVisible();
    // Reading goes on, from the next article's title.
    await expect.poll(async () => (await tts.log()).some((entry) => entry.text === secondTitle)).toBe(true);
    await expect(pause(page)).toBeVisible();

    await act('previoustrack');
    await expect(firstHeading).toBeVisible();
    await expect(pause(page)).toBeVisible();
    await expect.poll(() => currentIndex(page)).toBe(0);
  });

  test('睡眠定时 stops at the end of a sentence when the time is up, says so, and keeps the place', async ({ page, request }) => {
    const latest = (await editionList(request)).latest!;
    const article = latest.pages[0]!.articles[0]!;
    const tts = await installFakeSpeech(page);
    await page.clock.install();
    await page.goto('/');
    await page.getByRole('link', { name: articleLabel(article), exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: articleLabel(article) })).toBeFocused();

    await showSettings(page);
    await page.getByRole('combobox', { name: '睡眠定时' }).selectOption({ label: '15 分钟' });
    await expect(announcer(page)).toHaveText('睡眠定时：15 分钟后停止');
    await expect(page.getByText('还剩 15 分钟')).toBeVisible();

    // Read a moment, pause, and come back just before the time is up (a paused reader has no
    // speech for the jump to cut); then the voice reads on, in its own time, until the timer ends.
    await play(page).click();
    await expect(pause(page)).toBeVisible();
    await pause(page).click();
    await page.clock.fastForward('14:50');
    await expect(page.getByText('还剩 1 分钟')).toBeVisible();
    await tts.clearLog();
    await play(page).click();
    await expect(play(page)).toBeVisible({ timeout: 20_000 });
    await expect(announcer(page)).toHaveText('睡眠定时到了，已停止朗读。下次从这里继续。');
    await expect(page.getByText(/^还剩/)).toHaveCount(0);
    await expect(page.getByRole('combobox', { name: '睡眠定时' })).toHaveValue('0');

    // It stopped at a sentence's end: every sentence begun before then was read to its end, and
    // the one after it, where reading stopped, was not heard (cancelled before or as it started).
    const log = await tts.log();
    const heard = log.filter((entry) => entry.outcome === 'ended');
    expect(heard.length).toBeGreaterThan(0);
    expect(log.slice(0, heard.length).every((entry) => entry.outcome === 'ended')).toBe(true);
    expect(log.slice(heard.length).every((entry) => entry.outcome !== 'ended')).toBe(true);
    const stoppedAt = await currentIndex(page);
    expect(stoppedAt).toBeGreaterThan(0);

    // The place is kept: back in the library, 继续收听 is at that sentence.
    await page.getByRole('link', { name: '返回文章列表' }).click();
    await expect(page.getByRole('link', { name: `继续收听：${articleLabel(article)}` })).toBeVisible();
    await expect(page.getByText(`第 ${stoppedAt + 1} 句，共`)).toBeVisible();
  });
});

test('search finds an article of the oldest edition, says how many, and opens it', async ({ page, request }) => {
  const list = await editionList(request);
  const oldIndex = await edition(request, list.editions[1]!.id);
  const target = oldIndex.pages[0]!.articles[0]!;
  let searchFetched = false;
  page.on('request', (r) => {
    if (r.url().endsWith('/articles/search.json')) searchFetched = true;
  });
  await page.goto('/');
  await expect(latestSection(page)).toBeVisible();
  expect(searchFetched).toBe(false); // loaded only when searching

  await page.getByRole('searchbox', { name: '搜索' }).fill(articleLabel(target));
  const result = page.getByRole('link', { name: articleLabel(target), exact: true }).first();
  await expect(result).toBeVisible();
  await expect(page.getByText(`${ARCHIVE_PAPER} 2026年12月5日 第${oldIndex.pages[0]!.page}版`).first()).toBeVisible();
  await expect(announcer(page)).toHaveText(/^找到 \d+ 篇文章$/);
  expect(searchFetched).toBe(true);
  await expectNoViolations(page);

  await result.click();
  await expect(page.getByRole('heading', { level: 1, name: articleLabel(target) })).toBeFocused();

  await page.goBack();
  await page.getByRole('searchbox', { name: '搜索' }).fill('这串字不会出现在任何文章里');
  await expect(announcer(page)).toHaveText('没有找到文章');
});

test('offline by choice: the latest edition plays offline, an earlier one needs the network until 下载本期', async ({ page, context, request }) => {
  test.slow(); // builds, installs, downloads and reloads
  const list = await editionList(request);
  const latestArticle = list.latest!.pages[0]!.articles[0]!;
  const older = list.editions[0]!;
  const olderIndex = await edition(request, older.id);
  const olderArticle = olderIndex.pages[0]!.articles[0]!;
  const olderName = `${ARCHIVE_PAPER} 2026年12月6日`;
  const tts = await installFakeSpeech(page);

  // First visit: only the latest edition is fetched for offline use (可离线使用 once it is there).
  const fetchedArticles = new Set<string>();
  page.on('request', (r) => {
    const match = /\/articles\/(a-[0-9a-z]+)\.json$/.exec(r.url());
    if (match) fetchedArticles.add(match[1]!);
  });
  await page.goto('/');
  await expect(notices(page)).toContainText('可离线使用');
  const latestIds = list.latest!.pages.flatMap((p) => p.articles.map((a) => a.id));
  expect([...fetchedArticles].sort()).toEqual([...latestIds].sort());
  await expect(latestSection(page).getByText('已下载', { exact: true })).toBeVisible();
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null)).toBe('activated');

  // Offline: the latest edition opens and plays; an earlier one says it needs the network.
  await startsOffline(page);
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('link', { name: articleLabel(latestArticle), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: articleLabel(latestArticle) })).toBeFocused();
  await tts.hold();
  await play(page).click();
  await expect(pause(page)).toBeVisible();
  await step(page);
  await expect.poll(() => currentIndex(page)).toBe(1);
  await pause(page).click();

  await page.goto(`/#/article/${olderArticle.id}`);
  await expect(page.getByRole('heading', { level: 1, name: '需联网才能打开' })).toBeVisible();
  await page.goto('/');
  const earlier = page.getByRole('region', { name: '往期' });
  await earlier.getByRole('button', { name: olderName }).click();
  await expect(earlier.getByText('需联网才能打开')).toBeVisible();

  // Online again: 下载本期 for that edition, with its size; then offline it opens.
  await context.setOffline(false);
  await page.goto('/');
  await earlier.getByRole('button', { name: olderName }).click();
  const download = earlier.getByRole('button', { name: /^下载本期（\d+ 篇，约 [\d.]+ MB）$/ });
  await expect(download).toHaveText(`下载本期（${olderIndex.edition.articles} 篇，约 ${Math.max(0.1, Math.round(olderIndex.edition.bytes / 100_000) / 10)} MB）`);
  await download.click();
  await expect(earlier.getByText('已下载', { exact: true })).toBeVisible();
  await expect(announcer(page)).toHaveText(`已下载：${olderName}`);
  await expect(earlier.getByRole('button', { name: `删除已下载的${olderName}` })).toBeFocused();

  // The settings say how much is stored and how much the browser allows.
  await page.getByRole('button', { name: '设置', exact: true }).click();
  const settings = page.getByRole('dialog', { name: '设置' });
  await expect(settings.getByRole('heading', { name: '离线存储' })).toBeVisible();
  await expect(settings).toContainText(/已用 [\d.]+ MB，浏览器允许 [\d,]+ MB/);
  await page.keyboard.press('Escape');

  await context.setOffline(true);
  await page.reload();
  await earlier.getByRole('button', { name: olderName }).click();
  await earlier.getByRole('link', { name: articleLabel(olderArticle), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: articleLabel(olderArticle) })).toBeFocused();
  await expect(page.locator('tts-reader article .s')).toHaveCount(olderArticle.sentences);

  // Removed again, it needs the network again.
  await context.setOffline(false);
  await page.goto('/');
  await earlier.getByRole('button', { name: olderName }).click();
  await earlier.getByRole('button', { name: `删除已下载的${olderName}` }).click();
  await expect(earlier.getByRole('button', { name: /^下载本期/ })).toBeVisible();
  await context.setOffline(true);
  await page.goto(`/#/article/${olderArticle.id}`);
  await expect(page.getByRole('heading', { level: 1, name: '需联网才能打开' })).toBeVisible();
});
