import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { build } from 'vite';
import { FAKE_DEFAULT_VOICE, FAKE_VOICES, installFakeSpeech } from './fixtures/fake-speech.ts';

/**
 * Checks the fake speech synthesis itself (e2e/fixtures/fake-speech.ts), and the speech engine on
 * it, in Chromium, on a tiny page routed at the preview server's origin. Not an app spec.
 */

const LAB = '/__speech-lab/';

/** Serves a page with a "speak" button at LAB and opens it. `script` runs as a module at load. */
async function openLab(page: Page, script = ''): Promise<void> {
  await page.route(`**${LAB}`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>speech lab</title></head>
<body><button id="speak">speak</button><script type="module">${script}</script></body></html>`,
    }),
  );
  await page.goto(LAB);
}

type LabWindow = Window & { events: string[]; voiceLists: string[][]; firstVoices: number };

/** Records the events of an utterance into window.events as `type:text[:error]`. */
const RECORDER = `
window.events = [];
window.track = (u) => {
  for (const type of ['start', 'end', 'error', 'boundary', 'pause', 'resume']) {
    u.addEventListener(type, (e) => window.events.push(type + ':' + u.text + (e.error ? ':' + e.error : '')));
  }
  return u;
};`;

const events = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as LabWindow).events);

test('lists no voice at first, then the voices with voiceschanged', async ({ page }) => {
  await installFakeSpeech(page);
  await openLab(
    page,
    `window.firstVoices = speechSynthesis.getVoices().length;
     window.voiceLists = [];
     speechSynthesis.onvoiceschanged = () => window.voiceLists.push(speechSynthesis.getVoices().map((v) => v.name));`,
  );
  await expect.poll(() => page.evaluate(() => (window as unknown as LabWindow).voiceLists)).toEqual([FAKE_VOICES.map((v) => v.name)]);
  expect(await page.evaluate(() => (window as unknown as LabWindow).firstVoices)).toBe(0);
});

test("refuses speech before a user gesture (not-allowed), then speaks in order at the fake's pace", async ({ page }) => {
  const tts = await installFakeSpeech(page, { msPerChar: 30 });
  await openLab(
    page,
    `${RECORDER}
     speechSynthesis.speak(track(new SpeechSynthesisUtterance('自动播放。')));
     document.querySelector('#speak').addEventListener('click', () => {
       const slow = track(new SpeechSynthesisUtterance('第一句话慢慢说。'));
       slow.lang = 'zh-CN';
       slow.voice = speechSynthesis.getVoices().find((v) => v.lang === 'cmn');
       speechSynthesis.speak(slow);
       const fast = track(new SpeechSynthesisUtterance('第二句话快快说。'));
       fast.rate = 2;
       speechSynthesis.speak(fast);
     });`,
  );
  await expect.poll(() => events(page)).toEqual(['error:自动播放。:not-allowed']);
  await page.getByRole('button', { name: 'speak' }).click();
  await expect.poll(() => events(page)).toEqual([
    'error:自动播放。:not-allowed',
    'start:第一句话慢慢说。',
    'end:第一句话慢慢说。',
    'start:第二句话快快说。',
    'end:第二句话快快说。',
  ]);
  const log = await tts.log();
  expect(log.map((e) => [e.text, e.outcome, e.voice, e.lang])).toEqual([
    ['自动播放。', 'error:not-allowed', null, ''],
    ['第一句话慢慢说。', 'ended', 'Chinese (Mandarin, latin as English) espeak-ng', 'zh-CN'],
    ['第二句话快快说。', 'ended', null, ''],
  ]);
  const duration = (i: number): number => log[i]!.endedAt! - log[i]!.startedAt!;
  expect(duration(1)).toBeGreaterThanOrEqual(8 * 30 - 5);
  expect(duration(2)).toBeLessThan(duration(1));
  expect(await tts.spokenTexts()).toEqual(['第一句话慢慢说。', '第二句话快快说。']);
});

test('cancel: the speaking head is interrupted; queued utterances get no event (Chrome)', async ({ page }) => {
  // The fake's time is the page's: with the clock installed, "nothing more happens" is shown by
  // running every timer due in the next 300 ms at once, not by waiting.
  await page.clock.install();
  const tts = await installFakeSpeech(page);
  await openLab(
    page,
    `${RECORDER}
     document.querySelector('#speak').addEventListener('click', () => {
       for (const t of ['一。', '二。', '三。']) speechSynthesis.speak(track(new SpeechSynthesisUtterance(t)));
     });`,
  );
  // Held: the head stays speaking until cancelled, however slow the machine is.
  await tts.hold();
  await page.getByRole('button', { name: 'speak' }).click();
  await tts.waitForSpeaking('一。');
  await page.evaluate(() => speechSynthesis.cancel());
  await expect.poll(() => events(page)).toEqual(['start:一。', 'error:一。:interrupted']);
  await page.clock.runFor(300);
  expect(await events(page)).toEqual(['start:一。', 'error:一。:interrupted']);
  expect((await tts.log()).map((e) => e.outcome)).toEqual(['error:interrupted', 'dropped', 'dropped']);
});

test('error injection, hold and release, and voice list changes', async ({ page }) => {
  await page.clock.install();
  const tts = await installFakeSpeech(page);
  await openLab(
    page,
    `${RECORDER}
     window.voiceLists = [];
     speechSynthesis.addEventListener('voiceschanged', () => window.voiceLists.push(speechSynthesis.getVoices().map((v) => v.name)));
     window.say = (t) => speechSynthesis.speak(track(new SpeechSynthesisUtterance(t)));`,
  );
  const say = (text: string): Promise<void> => page.evaluate((t) => (window as unknown as { say: (t: string) => void }).say(t), text);

  await tts.failNext('synthesis-failed');
  await say('失败。');
  await expect.poll(() => events(page)).toEqual(['error:失败。:synthesis-failed']);

  await tts.hangNext('after-start');
  await say('卡住。');
  await expect.poll(() => events(page)).toContain('start:卡住。');
  await page.clock.runFor(200);
  expect((await tts.current())?.outcome).toBe('speaking');
  await tts.interrupt('interrupted'); // the platform stops it: screen lock, another tab
  await expect.poll(() => events(page)).toContain('error:卡住。:interrupted');

  await tts.hold();
  await say('等一下。');
  await say('再等一下。');
  await page.clock.runFor(300);
  expect(await tts.current()).toMatchObject({ text: '等一下。', outcome: 'speaking' });
  expect(await tts.step()).toBe('等一下。'); // ends it, holds the next
  await expect.poll(() => tts.current()).toMatchObject({ text: '再等一下。', outcome: 'speaking' });
  await page.clock.runFor(300);
  expect(await tts.current()).toMatchObject({ text: '再等一下。', outcome: 'speaking' });
  await tts.release();
  await expect.poll(() => events(page)).toContain('end:再等一下。');
  expect(await events(page)).toContain('end:等一下。');

  await tts.setVoices(FAKE_VOICES.filter((v) => v.localService));
  await expect.poll(() => page.evaluate(() => (window as unknown as LabWindow).voiceLists.at(-1))).not.toContain('Google 普通话（中国大陆）');
});

test('the speech engine reads through the fake: the right voice, every sentence in order', async ({ page }) => {
  const bundle = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {
      write: false,
      minify: false,
      lib: { entry: fileURLToPath(new URL('../src/speech/engine.ts', import.meta.url)), formats: ['es'], fileName: 'engine' },
    },
  });
  const outputs = Array.isArray(bundle) ? bundle : [bundle];
  const chunk = outputs.flatMap((o) => ('output' in o ? o.output : [])).find((c) => c.type === 'chunk');
  expect(chunk).toBeDefined();
  const code = chunk && chunk.type === 'chunk' ? chunk.code : '';
  await page.route(`**${LAB}engine.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: code }));

  const tts = await installFakeSpeech(page);
  await openLab(
    page,
    `import { SpeechEngine } from './engine.js';
     window.events = [];
     const engine = new SpeechEngine();
     window.engine = engine;
     for (const type of ['statechange', 'sentencechange', 'voiceschange', 'notice', 'speecherror']) {
       engine.addEventListener(type, (e) => window.events.push(type + ':' + (e.state ?? e.index ?? e.status ?? e.kind)));
     }
     engine.load([
       { text: '第一句。', block: 0 },
       { text: '第二句比较长一点，要读完整。', block: 0 },
       { text: '第三句。', block: 1 },
     ]);
     document.querySelector('#speak').addEventListener('click', () => engine.play());`,
  );
  // The voices may be listed before the engine exists (no voiceschange then): read the status.
  await expect.poll(() => page.evaluate(() => (window as unknown as { engine: { voiceStatus: string } }).engine.voiceStatus)).toBe('ready');
  await page.getByRole('button', { name: 'speak' }).click();
  await expect.poll(() => events(page)).toContain('statechange:idle');
  const log = await tts.log();
  expect(log.map((e) => [e.text, e.voice, e.lang, e.outcome])).toEqual([
    ['第一句。', FAKE_DEFAULT_VOICE, 'zh-CN', 'ended'],
    ['第二句比较长一点，要读完整。', FAKE_DEFAULT_VOICE, 'zh-CN', 'ended'],
    ['第三句。', FAKE_DEFAULT_VOICE, 'zh-CN', 'ended'],
  ]);
  expect((await events(page)).filter((e) => e.startsWith('sentencechange') || e.startsWith('statechange'))).toEqual([
    'sentencechange:0',
    'statechange:playing',
    'sentencechange:1',
    'sentencechange:2',
    'statechange:idle',
  ]);
});
