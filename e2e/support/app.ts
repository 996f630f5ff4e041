import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { readingScript, type ReadingScript } from '../../src/library/script.ts';
import type { ArticleDocument, EditionList, LibraryEntry } from '../../src/library/types.ts';
import { articleLabelOf } from '../../src/library/label.ts';
import type { FakeSpeechControl } from '../fixtures/fake-speech.ts';

/**
 * Helpers for the app's specs. The bundled articles change with the cleaner, so specs never
 * hard-code an article: they read the published library and compute the reading script the same
 * way the app does (src/library/script.ts), then check the page against it.
 */

export interface OpenedArticle {
  entry: LibraryEntry;
  document: ArticleDocument;
  script: ReadingScript;
  /** What the app calls it (its title, or its first words when it has none). */
  label: string;
}

/** The articles of the latest edition (all of them, for the bundled seed's one edition), in page order. */
export async function libraryEntries(request: APIRequestContext): Promise<LibraryEntry[]> {
  const response = await request.get('articles/editions.json');
  expect(response.ok()).toBe(true);
  return ((await response.json()) as EditionList).latest?.pages.flatMap((page) => page.articles) ?? [];
}

/**
 * The article to test with: the shortest one that still has what the spec needs (at least
 * `minSentences` sentences, and whatever `suits` asks of its reading script).
 */
export async function pickArticle(
  request: APIRequestContext,
  { minSentences = 6, suits = () => true }: { minSentences?: number; suits?: (script: ReadingScript) => boolean } = {},
): Promise<OpenedArticle> {
  const listed = await libraryEntries(request);
  const entries = [...listed].sort((a, b) => a.sentences - b.sentences);
  for (const entry of entries) {
    if (entry.sentences < minSentences) continue;
    const response = await request.get(`articles/${entry.id}.json`);
    const document = (await response.json()) as ArticleDocument;
    // As the app does: the page's notes are read after the first article of the page.
    const firstOfPage = listed.find((e) => e.source === entry.source)?.id === entry.id;
    const script = readingScript(document.article, { notes: firstOfPage ? document.notes : [] });
    if (suits(script)) return { entry, document, script, label: articleLabelOf(document.article) };
  }
  throw new Error(`no bundled article has ${minSentences} sentences and suits the spec`);
}

/** Opens the article through the library, as a person would (click on its title). */
export async function openArticle(page: Page, article: OpenedArticle): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: article.label, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: article.label })).toBeFocused();
}

/** The one element marked as the sentence being read. */
export function currentSentence(page: Page): Locator {
  return page.locator('[aria-current="true"]');
}

/** Index (in the reading script) of the sentence marked as current; checks there is exactly one. */
export async function currentIndex(page: Page): Promise<number> {
  await expect(currentSentence(page)).toHaveCount(1);
  return Number(await currentSentence(page).getAttribute('data-i'));
}

/** The sentence element for script index `i`. */
export function sentence(page: Page, i: number): Locator {
  return page.locator(`tts-reader article [data-i="${i}"]`);
}

/**
 * Waits out the short silence the app leaves around a title or a heading: until an utterance is
 * queued, or the reading has stopped (播放 is back).
 */
async function untilSpeakingOrStopped(page: Page): Promise<void> {
  await expect
    .poll(async () => {
      const speaking = await page.evaluate(() => (window as unknown as { __tts: FakeSpeechControl }).__tts.current() !== null);
      return speaking || (await play(page).isVisible());
    })
    .toBe(true);
}

/**
 * Lets the utterance being spoken end and holds the next one: one step of speech, however long the
 * utterances take. Release and hold happen in one evaluate, so no timer can slip in between. The
 * fake must be holding (call `hold` first).
 */
export async function step(page: Page): Promise<void> {
  await untilSpeakingOrStopped(page);
  await page.evaluate(() => {
    const tts = (window as unknown as { __tts: FakeSpeechControl }).__tts;
    tts.release();
    tts.hold();
  });
}

/** Like `step`, and returns the text of the utterance that was speaking (null: nothing was). */
export async function stepAndTell(page: Page): Promise<string | null> {
  await untilSpeakingOrStopped(page);
  return page.evaluate(() => {
    const tts = (window as unknown as { __tts: FakeSpeechControl }).__tts;
    const speaking = tts.current()?.text ?? null;
    tts.release();
    tts.hold();
    return speaking;
  });
}

/**
 * The app's polite status region, where it announces what happens (正在朗读, 已暂停…). The notices
 * at the top of the page (可离线使用, 有新版本…) are a second status region, named 通知: see
 * `notices`.
 */
export function announcer(page: Page): Locator {
  return page.getByRole('status').and(page.locator('#announcer'));
}

/** The notices region (可离线使用, 有新版本, storage problems). */
export function notices(page: Page): Locator {
  return page.getByRole('status', { name: '通知' });
}

export function play(page: Page): Locator {
  return page.getByRole('button', { name: '播放', exact: true });
}

export function pause(page: Page): Locator {
  return page.getByRole('button', { name: '暂停', exact: true });
}

/**
 * Opens the rate and voice panel when the screen is narrow enough to fold it away (语速和语音), or
 * short enough for the compact dock (更多).
 */
export async function showSettings(page: Page): Promise<void> {
  for (const name of ['语速和语音', '更多']) {
    const toggle = page.getByRole('button', { name, exact: true });
    if (await toggle.isVisible()) {
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    }
  }
  await expect(page.getByRole('slider', { name: '语速' })).toBeVisible();
}

/**
 * Lets a spec hide and show the page as a phone does when the screen goes off or the listener
 * switches apps: `document.visibilityState`/`hidden` follow `setVisibility`, which also fires
 * `visibilitychange`. Call before `page.goto()`.
 */
export async function emulateVisibility(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const state = (): DocumentVisibilityState => (window as unknown as { __visibility?: DocumentVisibilityState }).__visibility ?? 'visible';
    Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: state });
    Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => state() === 'hidden' });
  });
}

export async function setVisibility(page: Page, visibility: DocumentVisibilityState): Promise<void> {
  await page.evaluate((v) => {
    (window as unknown as { __visibility: DocumentVisibilityState }).__visibility = v;
    document.dispatchEvent(new Event('visibilitychange'));
  }, visibility);
}

/**
 * Every document the page loads from now on starts as on a device with no network:
 * `navigator.onLine === false` and no `online` event. Use it with `context.setOffline(true)`
 * (which cuts the network, the service worker's fetches included) before a reload: Chromium up to
 * 150 leaves `navigator.onLine` true in a document served by the service worker after a reload
 * under DevTools' offline emulation, where a device without a connection reports false.
 */
export async function startsOffline(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false });
  });
}
