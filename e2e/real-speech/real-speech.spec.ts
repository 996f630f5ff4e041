import type { APIRequestContext, Page } from '@playwright/test';
import { readingScript } from '../../src/library/script.ts';
import type { ArticleDocument } from '../../src/library/types.ts';
import { isCantonese, isMandarin } from '../../src/speech/voices.ts';
import { currentSentence, libraryEntries, openArticle, pause, play, sentence, showSettings, type OpenedArticle } from '../support/app.ts';
import { levels, wav } from './environment.ts';
import { cannotRun, expect, test } from './fixtures.ts';
import { logSpeech, speechLog, type LoggedUtterance } from './speech-log.ts';
import { articleLabelOf } from '../../src/library/label.ts';
import { readerStrings } from '../../src/strings-reader.ts';

/**
 * The app with real voices: Chromium with --enable-speech-dispatcher, speech-dispatcher and
 * espeak-ng playing into a private PulseAudio null sink (./environment.ts). Nothing is faked; the
 * page only logs what it hands to speechSynthesis (./speech-log.ts), to time the utterances.
 *
 * espeak-ng's Mandarin reads about 2–3 characters a second, so the article's first sentences (the
 * title and the byline) take several seconds each: the timeouts are generous, never retries.
 */

/** The raw page the bundled library starts with; its first article is the one read here. */
const SEED_SOURCE = '000_8e04ed7bb1f39c91.txt';
/** How long Chromium may take to list speech-dispatcher's voices (it takes 2–6 s here). */
const VOICE_WAIT_MS = 30_000;
/** One sentence of espeak-ng at rate 1, with room for a loaded machine. */
const SENTENCE_MS = 60_000;

async function firstSeedArticle(request: APIRequestContext): Promise<OpenedArticle> {
  const entry = (await libraryEntries(request)).find((e) => e.source === SEED_SOURCE);
  expect(entry, `an article cleaned from ${SEED_SOURCE} is in the bundled library`).toBeDefined();
  const response = await request.get(`articles/${entry!.id}.json`);
  expect(response.ok()).toBe(true);
  const document = (await response.json()) as ArticleDocument;
  return { entry: entry!, document, script: readingScript(document.article), label: articleLabelOf(document.article) };
}

interface Voice {
  name: string;
  lang: string;
}

/** Chinese voices Chromium lists, or null when no Mandarin one came within VOICE_WAIT_MS. */
async function waitForMandarinVoices(page: Page): Promise<{ chinese: Voice[]; total: number }> {
  const chineseVoices = (): Promise<{ chinese: Voice[]; total: number }> =>
    page.evaluate(() => {
      const all = speechSynthesis.getVoices();
      return {
        chinese: all.filter((v) => /^(zh|cmn|yue)\b/i.test(v.lang)).map((v) => ({ name: v.name, lang: v.lang })),
        total: all.length,
      };
    });
  const deadline = Date.now() + VOICE_WAIT_MS;
  let voices = await chineseVoices();
  while (!voices.chinese.some((v) => isMandarin(v.lang)) && Date.now() < deadline) {
    await page.waitForTimeout(250); // polling the list, not an assertion
    voices = await chineseVoices();
  }
  return voices;
}

/** The utterances that spoke sentence `text`, in order (its clauses when it was chunked). */
function utterancesOf(log: readonly LoggedUtterance[], text: string, from = 0): LoggedUtterance[] {
  const found: LoggedUtterance[] = [];
  let rest = text;
  for (let i = from; i < log.length && rest.length > 0; i++) {
    const entry = log[i]!;
    if (entry.text.length > 0 && rest.startsWith(entry.text)) {
      found.push(entry);
      rest = rest.slice(entry.text.length);
    } else if (found.length > 0) break;
  }
  return rest.length === 0 ? found : [];
}

/** Checks that every utterance of a sentence really started and ended (no error, no watchdog). */
function expectSpokenThrough(utterances: readonly LoggedUtterance[], what: string): void {
  expect(utterances.length, `${what} was spoken`).toBeGreaterThan(0);
  for (const u of utterances) {
    expect(u.error, `${what}: "${u.text}" ended without an error`).toBeNull();
    expect(u.startAt, `${what}: "${u.text}" got a real start event`).not.toBeNull();
    expect(u.endAt, `${what}: "${u.text}" got a real end event`).not.toBeNull();
    expect(u.startAt!).toBeGreaterThanOrEqual(u.spokenAt);
    expect(u.endAt!).toBeGreaterThan(u.startAt!);
  }
}

/** Seconds of speech: start → end of each utterance, summed. */
function speakingSeconds(utterances: readonly LoggedUtterance[]): number {
  return utterances.reduce((sum, u) => sum + (u.endAt! - u.startAt!), 0) / 1000;
}

test('real voices: a Mandarin voice reads the first article aloud, start/end move the highlight, the sink hears it, rate 2 is faster', async ({
  page,
  request,
  realSpeech,
}, testInfo) => {
  test.skip(!realSpeech.ready, realSpeech.ready ? '' : realSpeech.reason);
  if (!realSpeech.ready) return;
  test.setTimeout(240_000);
  const { environment } = realSpeech;

  const article = await firstSeedArticle(request);
  const texts = article.script.sentences.map((s) => s.spoken);
  expect(texts.length).toBeGreaterThanOrEqual(3);
  await logSpeech(page);
  await openArticle(page, article);

  // ---- The voice: Chromium lists espeak-ng's voices, and the app chose a Mandarin one. ----------
  const voices = await waitForMandarinVoices(page);
  if (!voices.chinese.some((v) => isMandarin(v.lang))) {
    const reason = `Chromium listed ${voices.total} voices and no Mandarin one after ${VOICE_WAIT_MS / 1000} s (Chinese: ${JSON.stringify(voices.chinese.slice(0, 5))})`;
    test.skip(true, cannotRun(reason));
    return;
  }
  await showSettings(page);
  const chosen = page.getByRole('combobox', { name: readerStrings.voice }).locator('option:checked');
  const auto = new RegExp(`^${readerStrings.voiceAuto}（(.+)）$`);
  await expect(chosen).toHaveText(auto, { timeout: 15_000 });
  const voiceName = auto.exec((await chosen.textContent())!.trim())![1]!;
  const voice = voices.chinese.find((v) => v.name === voiceName);
  expect(voice, `the chosen voice "${voiceName}" is one Chromium lists`).toBeDefined();
  expect(isMandarin(voice!.lang), `${voice!.name} (${voice!.lang}) is Mandarin`).toBe(true);
  expect(isCantonese(voice!.lang)).toBe(false);

  // ---- Play with a real click; the highlight moves 0 → 1 → 2 on real end events. ------------------
  await expect(currentSentence(page)).toHaveAttribute('data-i', '0');
  const recording = await environment.record();
  await play(page).click();
  await expect(pause(page)).toBeVisible({ timeout: 15_000 });

  for (const next of [1, 2]) {
    await expect(currentSentence(page)).toHaveAttribute('data-i', String(next), { timeout: SENTENCE_MS });
    // After a title or byline, the next sentence is spoken after a short silence: wait for it.
    await expect
      .poll(
        async () => {
          const log = await speechLog(page);
          const last = utterancesOf(log, texts[next - 1]!).at(-1);
          return last !== undefined && log.indexOf(last) + 1 < log.length;
        },
        { timeout: SENTENCE_MS },
      )
      .toBe(true);
    const log = await speechLog(page);
    const previous = utterancesOf(log, texts[next - 1]!);
    expectSpokenThrough(previous, `sentence ${next - 1}`);
    // The next sentence was handed over only after the last clause of this one had ended.
    const following = log[log.indexOf(previous.at(-1)!) + 1];
    expect(following, `sentence ${next} was spoken after sentence ${next - 1}`).toBeDefined();
    expect(texts[next]!.startsWith(following!.text)).toBe(true);
    expect(following!.spokenAt).toBeGreaterThanOrEqual(previous.at(-1)!.endAt!);
  }
  const pcm = await recording.stop();
  await pause(page).click();
  await expect(play(page)).toBeVisible();

  let log = await speechLog(page);
  for (const u of log) {
    expect(u.voice, `"${u.text}" was spoken with the chosen voice`).toEqual({ name: voice!.name, lang: voice!.lang });
    expect(u.rate).toBe(1);
  }
  const atRate1 = utterancesOf(log, texts[0]!);
  const seconds1 = speakingSeconds(atRate1);
  // Real time, not the 0.1–0.4 s an utterance "lasts" when speech-dispatcher has no real audio output.
  expect(seconds1).toBeGreaterThan(1.5);

  // ---- The sink heard speech. ------------------------------------------------------------------
  const heard = levels(pcm, recording.sampleRate);
  await testInfo.attach('sink.wav', { body: wav(pcm, recording.sampleRate), contentType: 'audio/wav' });
  expect(heard.seconds).toBeGreaterThan(2);
  expect(heard.rms, 'the recording of the sink is not silence').toBeGreaterThan(0.02);
  expect(heard.loudSeconds, 'the recording is loud for more than a moment').toBeGreaterThan(1.5);

  // ---- The same sentence at rate 2 takes clearly less time. -----------------------------------
  const rate = page.getByRole('slider', { name: readerStrings.rate });
  await rate.focus();
  await page.keyboard.press('End');
  await expect(rate).toHaveAttribute('aria-valuetext', '2 倍');
  const before = log.length;
  await sentence(page, 0).click();
  await expect(pause(page)).toBeVisible();
  await expect(currentSentence(page)).toHaveAttribute('data-i', '1', { timeout: SENTENCE_MS });
  await pause(page).click();
  log = await speechLog(page);
  const atRate2 = utterancesOf(log, texts[0]!, before);
  expectSpokenThrough(atRate2, 'sentence 0 at rate 2');
  for (const u of atRate2) expect(u.rate).toBe(2);
  const seconds2 = speakingSeconds(atRate2);

  const figures = {
    voice,
    sentence: texts[0],
    rate1Seconds: Number(seconds1.toFixed(2)),
    rate2Seconds: Number(seconds2.toFixed(2)),
    ratio: Number((seconds2 / seconds1).toFixed(3)),
    firstStartLatencySeconds: Number(((atRate1[0]!.startAt! - atRate1[0]!.spokenAt) / 1000).toFixed(2)),
    recording: {
      seconds: Number(heard.seconds.toFixed(2)),
      rms: Number(heard.rms.toFixed(4)),
      peak: Number(heard.peak.toFixed(3)),
      loudSeconds: Number(heard.loudSeconds.toFixed(2)),
    },
  };
  console.log(`[real-speech] ${JSON.stringify(figures)}`);
  await testInfo.attach('real-speech.json', { body: JSON.stringify(figures, null, 2), contentType: 'application/json' });
  expect(seconds2, `rate 2 (${seconds2.toFixed(2)} s) is clearly faster than rate 1 (${seconds1.toFixed(2)} s)`).toBeLessThan(0.8 * seconds1);
});
