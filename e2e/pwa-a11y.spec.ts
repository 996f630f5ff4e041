import { expect, test, type Page } from '@playwright/test';
import { installFakeSpeech } from './fixtures/fake-speech.ts';
import { currentIndex, notices, pause, pickArticle, play, step } from './support/app.ts';
import { expectNoViolations, expectNoSidewaysScroll } from './support/a11y.ts';

/**
 * Axe (WCAG 2.0/2.1/2.2 A and AA) on what the offline, persistence and settings work added: the
 * notices (可离线使用, a storage reset), the library with progress and 继续收听, the settings
 * dialog; in light and dark, at 1280 and 320 CSS px, and in forced colours. Nothing scrolls
 * sideways; the notices' buttons are big enough to hit.
 */

test.use({ serviceWorkers: 'allow' });

/** Notices shown (the first install, a reset of corrupt settings), and an article half heard. */
async function libraryWithEverything(page: Page, title: string): Promise<void> {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('corrupted')) {
      sessionStorage.setItem('corrupted', '1');
      localStorage.setItem('tingdu.settings', 'garbage');
    }
  });
  const tts = await installFakeSpeech(page);
  await page.goto('/');
  await expect(notices(page)).toContainText('可离线使用');
  await expect(notices(page)).toContainText('保存的设置无法读取');
  await page.getByRole('link', { name: title, exact: true }).click();
  await tts.hold();
  await play(page).click();
  while ((await currentIndex(page)) < 4) await step(page);
  await pause(page).click();
  await page.getByRole('link', { name: '返回文章列表' }).click();
  await expect(page.getByRole('link', { name: `继续收听：${title}` })).toBeVisible();
  await expect(page.getByRole('listitem').getByText(/已听 \d+%/)).toBeVisible();
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [1280, 320]) {
    test(`axe finds nothing: notices, library progress, 继续收听, settings (${colorScheme}, ${width} px)`, async ({ page, request }) => {
      await page.setViewportSize({ width, height: width === 320 ? 640 : 800 });
      await page.emulateMedia({ colorScheme });
      const article = await pickArticle(request, { minSentences: 10 });
      await libraryWithEverything(page, article.label);
      await expectNoViolations(page);
      await expectNoSidewaysScroll(page);

      // The notices' buttons: at least 44 × 44 CSS px.
      for (const box of await notices(page).getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().toJSON() as DOMRect))) {
        expect(box.width).toBeGreaterThanOrEqual(44);
        expect(box.height).toBeGreaterThanOrEqual(44);
      }

      await page.getByRole('button', { name: '设置' }).click();
      await expect(page.getByRole('dialog', { name: '设置' })).toBeVisible();
      await expectNoViolations(page);
      await expectNoSidewaysScroll(page);
    });
  }
}

test('forced colours: axe finds nothing in the notices, the library and the settings; the chosen theme is axe-clean too', async ({ page, request }) => {
  test.slow(); // several axe runs, each several seconds on a two-core machine
  await page.emulateMedia({ forcedColors: 'active' });
  const article = await pickArticle(request, { minSentences: 10 });
  await libraryWithEverything(page, article.label);
  await expectNoViolations(page);
  await page.getByRole('button', { name: '设置' }).click();
  await expectNoViolations(page);
  await page.emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
  // A dark theme chosen on a light system, and the other way round.
  await page.getByRole('radio', { name: '深色' }).check();
  await page.keyboard.press('Escape');
  await expectNoViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: '设置' }).click();
  await page.getByRole('radio', { name: '浅色' }).check();
  await page.keyboard.press('Escape');
  await expectNoViolations(page);
});

test('the notices are reached with the keyboard after the page, and focus is visible on them', async ({ page }) => {
  await installFakeSpeech(page);
  await page.goto('/');
  const dismiss = notices(page).getByRole('group', { name: /^可离线使用/ }).getByRole('button', { name: '知道了' });
  await expect(dismiss).toBeVisible();
  // From the last control of the page (粘贴文本, at the end of 我导入的文章), Tab goes to the notice.
  await page.getByRole('button', { name: '粘贴文本' }).focus();
  await page.keyboard.press('Tab');
  await expect(dismiss).toBeFocused();
  const outline = await dismiss.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '听读' })).toBeFocused();
  await expect(notices(page)).toBeEmpty();
});
