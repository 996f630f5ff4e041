import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { build } from 'vite';
import { installFakeSpeech } from './fixtures/fake-speech.ts';
import { currentIndex, currentSentence, notices, pause, pickArticle, play, step } from './support/app.ts';
import { expectNoViolations } from './support/a11y.ts';

/**
 * A new version at the same address: two production builds that differ (their version, hence
 * their bundles and their precache lists), served one after the other by a small static server
 * of this spec's own, on a port of its own. The app offers the new version ("有新版本": 刷新 /
 * 稍后) only when it is not reading, never reloads by itself, and 刷新 brings the listener back to
 * the same sentence in the new version.
 */

test.use({ serviceWorkers: 'allow' });
test.describe.configure({ mode: 'serial' });

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

const VERSIONS = { old: '9.0.0-old', new: '9.0.1-new' } as const;
type Version = keyof typeof VERSIONS;

let root = '';
let serving: Version = 'old';
let server: Server;
let base = '';

test.beforeAll(async () => {
  test.setTimeout(180_000); // two production builds
  root = mkdtempSync(join(tmpdir(), 'tingdu-update-'));
  for (const version of Object.keys(VERSIONS) as Version[]) {
    await build({
      logLevel: 'warn',
      define: { __APP_VERSION__: JSON.stringify(VERSIONS[version]) },
      build: { outDir: join(root, version), emptyOutDir: true },
    });
  }
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
    const file = join(root, serving, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(join(root, serving))) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
        response.end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (root) rmSync(root, { recursive: true, force: true });
});

/** The version the page runs, as its help says. */
async function runningVersion(page: Page): Promise<string> {
  await page.getByRole('button', { name: '快捷键' }).click();
  const dialog = page.getByRole('dialog', { name: '键盘快捷键' });
  const text = (await dialog.locator('.version').textContent()) ?? '';
  await dialog.getByRole('button', { name: '关闭' }).click();
  return text.trim();
}

/** The first visit of the old version, until it is cached and in control. */
async function installOld(page: Page): Promise<void> {
  serving = 'old';
  await page.goto(base);
  await expect(notices(page)).toContainText('可离线使用');
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null)).toBe('activated');
  expect(await runningVersion(page)).toBe(`听读 ${VERSIONS.old}`);
}

/** Waits until the new version is installed and waiting in this page's registration. */
async function newVersionWaiting(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state ?? null), { timeout: 20_000 })
    .toBe('installed');
}

test('a new version found while reading waits; offered when paused; 刷新 switches to it at the same sentence', async ({ page, request }) => {
  const article = await pickArticle(request, { minSentences: 10 });
  const tts = await installFakeSpeech(page);
  await installOld(page);
  await page.getByRole('link', { name: article.label, exact: true }).click();
  await tts.hold();
  await play(page).click();
  while ((await currentIndex(page)) < 4) await step(page);

  // The new version is deployed; the app checks when it comes back into view (the phone unlocked).
  serving = 'new';
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await newVersionWaiting(page);
  const prompt = notices(page).getByText('有新版本');
  // Reading: not a word about it, the voice goes on.
  while ((await currentIndex(page)) < 5) await step(page);
  await expect(prompt).toHaveCount(0);
  await expect(pause(page)).toBeVisible();

  // Paused: offered.
  await pause(page).click();
  await expect(prompt).toBeVisible();
  await expect(notices(page).getByRole('button', { name: '刷新' })).toBeVisible();
  await expect(notices(page).getByRole('button', { name: '稍后' })).toBeVisible();
  await expectNoViolations(page);

  // Reading again: it steps aside; paused again: back.
  await play(page).click();
  await expect(prompt).toHaveCount(0);
  await pause(page).click();
  await expect(prompt).toBeVisible();
  expect(await currentIndex(page)).toBe(5);

  // Never reloads by itself: the old version is still running here.
  expect(await runningVersion(page)).toBe(`听读 ${VERSIONS.old}`);

  // 刷新, from the keyboard: the new version takes over, the page reloads, same sentence.
  const reloaded = page.waitForEvent('load');
  await notices(page).getByRole('button', { name: '刷新' }).focus();
  await page.keyboard.press('Enter');
  await reloaded;
  await expect(page.getByRole('heading', { level: 1, name: article.label })).toBeVisible();
  expect(await runningVersion(page)).toBe(`听读 ${VERSIONS.new}`);
  await expect(currentSentence(page)).toHaveAttribute('data-i', '5');
  await expect(currentSentence(page)).toBeInViewport();
  await expect(notices(page)).not.toContainText('有新版本');

  // And 播放 goes on from there.
  await tts.hold();
  await play(page).click();
  await expect.poll(async () => (await tts.queuedTexts()).length).toBeGreaterThan(0);
  expect(article.script.sentences[5]!.spoken.startsWith((await tts.queuedTexts())[0]!)).toBe(true);
});

test('a new version found at start is offered at once; 稍后 puts it off until the next start', async ({ page }) => {
  await installFakeSpeech(page);
  await installOld(page);
  serving = 'new';
  await page.reload(); // the next start checks for a new version
  await newVersionWaiting(page);
  const prompt = notices(page).getByText('有新版本');
  await expect(prompt).toBeVisible();

  await notices(page).getByRole('button', { name: '稍后' }).click();
  await expect(prompt).toHaveCount(0);
  // Focus does not get lost with the button.
  await expect(page.getByRole('heading', { level: 1, name: '听读' })).toBeFocused();
  expect(await runningVersion(page)).toBe(`听读 ${VERSIONS.old}`);

  // Next start: the waiting version is offered again.
  await page.reload();
  await expect(prompt).toBeVisible();
  expect(await runningVersion(page)).toBe(`听读 ${VERSIONS.old}`);
});
