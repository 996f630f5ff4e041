import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { installFakeSpeech } from './fixtures/fake-speech.ts';
import { notices, openArticle, pause, pickArticle, play } from './support/app.ts';

/**
 * A dock that fits large text: with the text at 200% on a 320 × 568 screen (a phone's large-text
 * setting), the dock leaves at least 55% of the height to the article while one is open and read:
 * a compact player (上一句, 播放/暂停, 下一句, 更多 for the rest), and notices that do not stack.
 */

const SIZE = { width: 320, height: 568 };

async function largeText(page: Page): Promise<void> {
  await page.setViewportSize(SIZE);
  // The browser's own text size, at twice the default (root font size 32 px).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
}

/** Height of the dock (notices and player, fixed at the bottom), in CSS px. */
async function dockHeight(page: Page): Promise<number> {
  return page.evaluate(() => {
    const app = document.querySelector('tts-app')!;
    return app.shadowRoot!.querySelector('.dock')!.getBoundingClientRect().height;
  });
}

test('at 200% text on 320 × 568 the compact dock leaves at least 55% of the height to the article', async ({ page, request }) => {
  const article = await pickArticle(request);
  const tts = await installFakeSpeech(page);
  await largeText(page);
  await openArticle(page, article);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');

  const player = page.getByRole('region', { name: '朗读控制' });
  for (const name of ['上一句', '播放', '下一句', '更多']) await expect(player.getByRole('button', { name, exact: true })).toBeVisible();
  await expect(player.getByRole('button', { name: '上一段' })).toBeHidden();
  await expect(player.getByRole('slider', { name: '语速' })).toBeHidden();

  await tts.hold();
  await play(page).click();
  await expect(pause(page)).toBeVisible();
  const compact = await dockHeight(page);
  test.info().annotations.push({ type: 'dock', description: `${compact} of ${SIZE.height} px while reading` });
  expect(compact).toBeLessThanOrEqual(SIZE.height * 0.45);

  // 更多 opens the rest, above the four buttons; they stay where the thumb is.
  const more = player.getByRole('button', { name: '更多' });
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  for (const name of ['上一段', '下一段']) await expect(player.getByRole('button', { name, exact: true })).toBeVisible();
  await expect(player.getByRole('slider', { name: '语速' })).toBeVisible();
  await expect(player.getByRole('combobox', { name: '语音' })).toBeVisible();
  const playBox = (await pause(page).boundingBox())!;
  expect(playBox.y + playBox.height).toBeLessThanOrEqual(SIZE.height);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  expect(await dockHeight(page)).toBeLessThanOrEqual(SIZE.height * 0.45);
  // The article keeps the rest, scrolled clear of the dock.
  await expect(page.locator('[aria-current="true"]')).toBeInViewport();
});

test('notices do not stack inside the compact dock while reading: 全部通知 unfolds them', async ({ page, request }) => {
  const article = await pickArticle(request);
  const tts = await installFakeSpeech(page);
  // Saved settings that cannot be read: a notice (and 可离线使用 may come too).
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('tingdu.settings', '{"version":2,"rate":"fast"}');
    }
  });
  await largeText(page);
  await openArticle(page, article);
  // Still said in the status region…
  await expect(notices(page)).toContainText('保存的设置无法读取');
  await tts.hold();
  await play(page).click();
  await expect(pause(page)).toBeVisible();
  const groups = notices(page).getByRole('group');
  const count = await groups.count();
  expect(count).toBeGreaterThanOrEqual(1);
  // …but folded behind one button: the dock keeps its size.
  for (const group of await groups.all()) {
    const box = (await group.boundingBox())!;
    expect(box.width * box.height).toBeLessThanOrEqual(1);
  }
  await expect(groups.getByRole('button')).toHaveCount(0);
  expect(await dockHeight(page)).toBeLessThanOrEqual(SIZE.height * 0.45);
  const unfold = notices(page).getByRole('button', { name: `全部通知（${count}）` });
  await expect(unfold).toHaveAttribute('aria-expanded', 'false');
  await unfold.click();
  await expect(unfold).toHaveAttribute('aria-expanded', 'true');
  for (const group of await groups.all()) await expect(group).toBeVisible();
  await groups.first().getByRole('button', { name: '知道了' }).click();
  await expect(groups).toHaveCount(count - 1);
});
