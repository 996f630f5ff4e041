import { expect, test, type Page } from '@playwright/test';
import { installFakeSpeech } from './fixtures/fake-speech.ts';
import { currentIndex, openArticle, pause, pickArticle, play } from './support/app.ts';

/**
 * Lock-screen, notification and headset controls (Media Session): the article's title and byline
 * with the app's icon, play/pause/stop and previous/next sentence, the playback state in step with
 * the reading; and the near-silent looping sound Chrome needs to show them, playing exactly while
 * reading and never otherwise.
 */

type Recorder = Window & {
  __mediaHandlers: Record<string, (() => void) | null>;
  __audio: HTMLMediaElement[];
  /** performance.now() of the first play() of a media element. */
  __firstPlayAt?: number;
};

/** Records the action handlers the app sets, and every media element that plays. */
async function recordMedia(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Recorder;
    w.__mediaHandlers = {};
    w.__audio = [];
    const set = MediaSession.prototype.setActionHandler;
    MediaSession.prototype.setActionHandler = function (this: MediaSession, action: MediaSessionAction, handler: MediaSessionActionHandler | null) {
      w.__mediaHandlers[action] = handler as (() => void) | null;
      set.call(this, action, handler);
    };
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      if (!w.__audio.includes(this)) w.__audio.push(this);
      w.__firstPlayAt ??= performance.now();
      return play.call(this);
    };
  });
}

const session = (page: Page) =>
  page.evaluate(() => {
    const { metadata, playbackState } = navigator.mediaSession;
    return {
      playbackState,
      title: metadata?.title ?? null,
      artist: metadata?.artist ?? null,
      album: metadata?.album ?? null,
      artwork: metadata ? metadata.artwork.map((a) => ({ src: a.src, sizes: a.sizes })) : [],
    };
  });

/** The state of each media element that ever played: playing or not, looping, its source kind. */
const audio = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as Recorder).__audio.map((a) => ({ playing: !a.paused, loop: a.loop, src: a.src.slice(0, 22) })),
  );

const act = (page: Page, action: string) =>
  page.evaluate((a) => {
    const handler = (window as unknown as Recorder).__mediaHandlers[a];
    if (!handler) throw new Error(`no handler for ${a}`);
    handler();
  }, action);

test('metadata of the open article, the app icon as artwork; cleared in the library', async ({ page, request }) => {
  const article = await pickArticle(request);
  await recordMedia(page);
  await installFakeSpeech(page);
  await openArticle(page, article);
  await expect.poll(() => session(page)).toMatchObject({
    title: article.label,
    artist: article.document.article.byline ?? '',
    album: '听读',
    playbackState: 'paused',
  });
  const { artwork } = await session(page);
  expect(artwork.map((a) => a.sizes)).toEqual(['192x192', '512x512']);
  for (const { src } of artwork) {
    const response = await request.get(src);
    expect(response.ok()).toBe(true);
    expect(response.headers()['content-type']).toBe('image/png');
  }

  await page.getByRole('link', { name: '返回文章列表' }).click();
  await expect.poll(() => session(page)).toMatchObject({ title: null, playbackState: 'none' });
});

test('the controls: play, pause, next and previous sentence, seek, stop; the state follows', async ({ page, request }) => {
  const article = await pickArticle(request, { minSentences: 8 });
  await recordMedia(page);
  const tts = await installFakeSpeech(page);
  await openArticle(page, article);
  await expect.poll(() => page.evaluate(() => Object.keys((window as unknown as Recorder).__mediaHandlers).sort())).toEqual(
    ['nexttrack', 'pause', 'play', 'previoustrack', 'seekbackward', 'seekforward', 'stop'],
  );
  await tts.hold();
  await play(page).click();
  await expect.poll(() => session(page)).toMatchObject({ playbackState: 'playing' });

  await act(page, 'nexttrack');
  await expect.poll(() => currentIndex(page)).toBe(1);
  await act(page, 'seekforward');
  await expect.poll(() => currentIndex(page)).toBe(2);
  await act(page, 'previoustrack');
  await expect.poll(() => currentIndex(page)).toBe(1);
  await act(page, 'seekbackward');
  await expect.poll(() => currentIndex(page)).toBe(0);
  await expect(pause(page)).toBeVisible(); // still reading

  await act(page, 'pause');
  await expect(play(page)).toBeVisible();
  await expect.poll(() => session(page)).toMatchObject({ playbackState: 'paused' });
  await act(page, 'play');
  await expect(pause(page)).toBeVisible();
  await expect.poll(() => session(page)).toMatchObject({ playbackState: 'playing' });
  await expect.poll(async () => (await tts.current())?.outcome).toBe('speaking');

  await act(page, 'stop');
  await expect(play(page)).toBeVisible();
  await expect.poll(() => session(page)).toMatchObject({ playbackState: 'paused' }); // an article is still open
});

test('the near-silent sound plays exactly while reading: not before, not when paused, not at the end, not in the library', async ({ page, request }) => {
  const article = await pickArticle(request, { minSentences: 6 });
  await recordMedia(page);
  const tts = await installFakeSpeech(page);
  await openArticle(page, article);
  expect(await audio(page)).toEqual([]); // nothing plays before reading

  await tts.hold();
  await play(page).click();
  await expect.poll(() => audio(page)).toEqual([{ playing: true, loop: true, src: 'data:audio/wav;base64,' }]);
  // Started after speak(), in the same tap: the sound never delays the speech.
  const firstSpeak = (await tts.calls()).find((c) => c.op === 'speak')!.time;
  const firstPlay = await page.evaluate(() => (window as unknown as Recorder).__firstPlayAt!);
  expect(firstSpeak).toBeLessThanOrEqual(firstPlay);

  await pause(page).click();
  await expect.poll(() => audio(page)).toEqual([{ playing: false, loop: true, src: 'data:audio/wav;base64,' }]);
  await play(page).click();
  await expect.poll(() => audio(page)).toEqual([{ playing: true, loop: true, src: 'data:audio/wav;base64,' }]);

  // Speech stopped from outside: the sound stops too.
  await expect.poll(async () => (await tts.current())?.outcome).toBe('speaking');
  await tts.interrupt('interrupted');
  await expect(play(page)).toBeVisible();
  await expect.poll(() => audio(page)).toEqual([{ playing: false, loop: true, src: 'data:audio/wav;base64,' }]);

  // Read to the end: silent afterwards.
  await page.locator(`tts-reader article [data-i="${article.script.sentences.length - 1}"]`).click();
  await expect.poll(() => audio(page)).toEqual([{ playing: true, loop: true, src: 'data:audio/wav;base64,' }]);
  await tts.release(); // the last sentence (however many utterances it takes) is read to its end
  await expect(play(page)).toBeVisible();
  await expect.poll(() => audio(page)).toEqual([{ playing: false, loop: true, src: 'data:audio/wav;base64,' }]);

  // Leaving the article while reading stops it.
  await play(page).click();
  await expect.poll(() => audio(page)).toEqual([{ playing: true, loop: true, src: 'data:audio/wav;base64,' }]);
  await page.getByRole('link', { name: '返回文章列表' }).click();
  await expect.poll(() => audio(page)).toEqual([{ playing: false, loop: true, src: 'data:audio/wav;base64,' }]);
});
