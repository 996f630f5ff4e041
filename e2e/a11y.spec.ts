import { expect, test } from '@playwright/test';
import { installFakeSpeech } from './fixtures/fake-speech.ts';
import { currentSentence, openArticle, pause, pickArticle, play, showSettings } from './support/app.ts';
import { expectNoViolations, expectNoSidewaysScroll } from './support/a11y.ts';

/**
 * Accessibility checked, not hoped for: axe (WCAG 2.0/2.1/2.2 A and AA rules) finds nothing in the
 * library, the reader idle and the reader playing, in light and dark schemes, on a desktop and at
 * 320 CSS px; nothing scrolls sideways at 320 px or with text at 200%; focus is visible.
 */

for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [1280, 320]) {
    test(`axe finds nothing: library, reader idle, reader playing (${colorScheme}, ${width} px)`, async ({ page, request }) => {
      test.slow(); // three axe runs, each several seconds on a two-core machine
      await page.setViewportSize({ width, height: width === 320 ? 640 : 800 });
      await page.emulateMedia({ colorScheme });
      const article = await pickArticle(request);
      const tts = await installFakeSpeech(page);

      await page.goto('/');
      await expect(page.getByRole('link', { name: article.label, exact: true })).toBeVisible();
      await expectNoViolations(page);
      await expectNoSidewaysScroll(page);

      await openArticle(page, article);
      await showSettings(page);
      await expectNoViolations(page);
      await expectNoSidewaysScroll(page);

      await tts.hold();
      await play(page).click();
      await expect(pause(page)).toBeVisible();
      await expect(currentSentence(page)).toHaveCount(1);
      await expectNoViolations(page);
      await expectNoSidewaysScroll(page);
    });
  }
}

test('axe finds nothing in the help dialog and in forced-colors mode', async ({ page, request }) => {
  const article = await pickArticle(request);
  const tts = await installFakeSpeech(page);
  await page.emulateMedia({ forcedColors: 'active' });
  await openArticle(page, article);
  await tts.hold();
  await play(page).click();
  await expect(pause(page)).toBeVisible();
  await expectNoViolations(page);
  await page.getByRole('button', { name: '快捷键' }).click();
  await expect(page.getByRole('dialog', { name: '键盘快捷键' })).toBeVisible();
  await expectNoViolations(page);
});

test('text at 200%: nothing scrolls sideways, the player stays usable, and axe finds nothing', async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const article = await pickArticle(request);
  const tts = await installFakeSpeech(page);
  // The browser's own text size setting (what people with low vision use), at twice the default.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
  await openArticle(page, article);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
  await expectNoSidewaysScroll(page);

  // The player never covers more than part of the screen, and its controls stay on screen.
  const viewport = page.viewportSize()!;
  const toggle = play(page);
  const box = (await toggle.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  const playerTop = await page.getByRole('region', { name: '朗读控制' }).evaluate((el) => el.getBoundingClientRect().top);
  expect(playerTop).toBeGreaterThan(viewport.height * 0.4);

  await tts.hold();
  await toggle.click();
  await expect(pause(page)).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoViolations(page);
});

test('targets are at least 44 × 44 CSS px in the player, and focus is visible', async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const article = await pickArticle(request);
  await installFakeSpeech(page);
  await openArticle(page, article);
  await showSettings(page);
  const player = page.getByRole('region', { name: '朗读控制' });
  const sizes = await player.getByRole('button').evaluateAll((buttons) =>
    buttons.map((b) => ({ name: b.textContent?.trim(), ...b.getBoundingClientRect().toJSON() }) as { name: string; width: number; height: number }),
  );
  expect(sizes.length).toBeGreaterThanOrEqual(11);
  for (const size of sizes) {
    expect(size.width, size.name).toBeGreaterThanOrEqual(44);
    expect(size.height, size.name).toBeGreaterThanOrEqual(44);
  }
  await page.getByRole('button', { name: '下一句' }).focus();
  await page.keyboard.press('Tab');
  const outline = await page.getByRole('button', { name: '下一段' }).evaluate((el) => {
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style).toBe('solid');
  expect(outline.width).toBeGreaterThanOrEqual(2);
});
