import type { Page } from '@playwright/test';
import { speakable } from '../../src/speech/normalise.ts';
import { isMandarin } from '../../src/speech/voices.ts';
import { levels, wav } from './environment.ts';
import { cannotRun, expect, test } from './fixtures.ts';

/**
 * The spoken form with a real voice (espeak-ng's Mandarin through speech-dispatcher): a sentence
 * with numbers and units, said as the app says it (numbers and units in words), is not longer than
 * the same sentence said as printed by more than the words the spoken form adds. Each is recorded
 * from the sink and timed from its real start to its real end.
 */

const PRINTED = '全程3.4km，气温17~4℃。';
/** The words the spoken form adds: 点 for the point, 公里 for km, 到 for ~, 摄氏度 for ℃. */
const ADDED_WORDS = '点，公里，到，摄氏度';
const VOICE_WAIT_MS = 30_000;

/** Speaks `text` with the first Mandarin voice Chromium lists; resolves with seconds from start to end. */
function speakTimed(page: Page, text: string): Promise<number> {
  return page.evaluate(
    (text) =>
      new Promise<number>((resolve, reject) => {
        const voice = speechSynthesis.getVoices().find((v) => /^cmn\b|^zh\b/i.test(v.lang) && !/yue/i.test(v.lang));
        const u = new SpeechSynthesisUtterance(text);
        u.lang = 'zh-CN';
        if (voice) u.voice = voice;
        let started = 0;
        u.onstart = () => (started = performance.now());
        u.onend = () => resolve((performance.now() - started) / 1000);
        u.onerror = (e) => reject(new Error(e.error));
        speechSynthesis.speak(u);
      }),
    text,
  );
}

test('real voice: a sentence with numbers and units said in words is no longer than printed by more than the words added', async ({
  page,
  realSpeech,
}, testInfo) => {
  test.skip(!realSpeech.ready, realSpeech.ready ? '' : realSpeech.reason);
  if (!realSpeech.ready) return;
  test.setTimeout(180_000);
  await page.goto('/');
  // Chromium lists speech-dispatcher's voices a few seconds after start.
  const listed = await page
    .waitForFunction(() => speechSynthesis.getVoices().some((v) => /^(cmn|zh)\b/i.test(v.lang) && !/yue|hk/i.test(v.lang)), undefined, {
      timeout: VOICE_WAIT_MS,
    })
    .then(() => true)
    .catch(() => false);
  const langs = await page.evaluate(() => speechSynthesis.getVoices().map((v) => v.lang));
  if (!listed || !langs.some((l) => isMandarin(l))) {
    test.skip(true, cannotRun(`no Mandarin voice listed within ${VOICE_WAIT_MS / 1000} s`));
    return;
  }

  const spoken = speakable(PRINTED).spoken;
  expect(spoken).toBe('全程3点4公里，气温17到4摄氏度。');
  const figures: Record<string, unknown> = {};
  const seconds: Record<'printed' | 'spoken' | 'added', number> = { printed: 0, spoken: 0, added: 0 };
  for (const [kind, text] of [
    ['printed', PRINTED],
    ['spoken', spoken],
    ['added', ADDED_WORDS],
  ] as const) {
    const recording = await realSpeech.environment.record();
    seconds[kind] = await speakTimed(page, text);
    const pcm = await recording.stop();
    const heard = levels(pcm, recording.sampleRate);
    await testInfo.attach(`${kind}.wav`, { body: wav(pcm, recording.sampleRate), contentType: 'audio/wav' });
    expect(heard.rms, `${kind}: the sink heard speech`).toBeGreaterThan(0.02);
    figures[kind] = { text, seconds: Number(seconds[kind].toFixed(2)), loudSeconds: Number(heard.loudSeconds.toFixed(2)) };
  }
  // The printed sentence plus the added words said on their own (which the voice reads with pauses
  // between them, so they are no shorter than inside the sentence).
  const allowed = seconds.printed + seconds.added;
  figures.allowedSeconds = Number(allowed.toFixed(2));
  console.log(`[real-speech] ${JSON.stringify(figures)}`);
  await testInfo.attach('spoken-form.json', { body: JSON.stringify(figures, null, 2), contentType: 'application/json' });
  expect(seconds.spoken, `said in words: ${seconds.spoken.toFixed(2)} s; printed: ${seconds.printed.toFixed(2)} s`).toBeLessThanOrEqual(allowed);
});
