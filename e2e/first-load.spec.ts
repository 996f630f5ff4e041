import { expect, test, type Locator, type Page } from '@playwright/test';
import { installFakeSpeech } from './fixtures/fake-speech.ts';
import { libraryEntries, play } from './support/app.ts';

/** The paths of the scripts the page has asked for so far. */
function scriptsOf(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return scripts;
}

const readerView = (path: string): boolean => /\/reading-session-[\w-]+\.js$/.test(path);

/** Opens the library and waits until it is quiet, no reader-view code fetched; its first article link. */
async function libraryWithoutReader(page: Page): Promise<{ scripts: string[]; link: Locator }> {
  const scripts = scriptsOf(page);
  await page.goto('/');
  const link = page.locator('tts-library a[href^="#/article/"]').first();
  await expect(link).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(scripts.filter(readerView)).toEqual([]);
  return { scripts, link };
}

test('the library loads without the reader view; pointing at an article link loads it, and the article opens', async ({ page }) => {
  await installFakeSpeech(page);
  const { scripts, link } = await libraryWithoutReader(page);

  await link.hover();
  await expect.poll(() => scripts.filter(readerView).length).toBe(1);

  await link.click();
  await expect(play(page)).toBeVisible();
  expect(scripts.filter(readerView)).toHaveLength(1);
});

test('focusing an article link with the keyboard loads the reader view too', async ({ page }) => {
  const { scripts, link } = await libraryWithoutReader(page);
  await link.focus();
  await expect.poll(() => scripts.filter(readerView).length).toBe(1);
});

test('an article opened directly loads the reader view with it', async ({ page, request }) => {
  await installFakeSpeech(page);
  const [first] = await libraryEntries(request);
  const scripts = scriptsOf(page);
  await page.goto(`/#/article/${encodeURIComponent(first!.id)}`);
  await expect(play(page)).toBeVisible();
  expect(scripts.filter(readerView)).toHaveLength(1);
});
