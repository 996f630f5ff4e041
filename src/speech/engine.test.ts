import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SpeechEngine, type SpeechEngineOptions } from './engine.ts';
import type {
  SpeechBoundaryEvent,
  SpeechErrorEvent,
  SpeechNoticeEvent,
  SpeechSentenceEvent,
  SpeechStateEvent,
  SpeechVoicesEvent,
} from './events.ts';
import { chromeWindows, chromeWindowsOffline } from './fixtures/chrome-windows.ts';
import { FakeSpeechEvent, FakeSpeechErrorEvent, installFakeSynthesis, voice, type FakeSynthesis } from './testing/fake-synthesis.ts';
import { WATCHDOG_FIRST_SPEED, watchdogMs } from './timing.ts';
import type { SpeechSentenceInput, VoiceInfo } from './types.ts';

const TINGTING = voice('Tingting', 'zh-CN', true, true);
const ESPEAK = voice('Chinese (Mandarin, latin as English) espeak-ng', 'cmn');
const SINJI = voice('Sinji', 'zh-HK');
const SAMANTHA = voice('Samantha', 'en-US', true, true);

/** Five short sentences in three paragraphs. */
const SENTENCES: Array<SpeechSentenceInput & { paragraph: number }> = [
  { text: '第一句话。', paragraph: 0 },
  { text: '第二句话。', paragraph: 0 },
  { text: '第三句话。', paragraph: 1 },
  { text: '第四句话。', paragraph: 1 },
  { text: '第五句话。', paragraph: 2 },
];

let fake: FakeSynthesis;
let engine: SpeechEngine;

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  engine?.dispose();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A fake synthesis with `voices`, an engine on it, and a log of the engine's events. */
function setup(voices: readonly VoiceInfo[] = [TINGTING, ESPEAK, SINJI, SAMANTHA], options: SpeechEngineOptions = {}) {
  fake = installFakeSynthesis(voices);
  engine = new SpeechEngine(options);
  const events = {
    states: [] as SpeechStateEvent[],
    sentences: [] as SpeechSentenceEvent[],
    /** For each sentencechange: how many speak() calls had been made when it fired. */
    speaksAtSentence: [] as number[],
    voices: [] as SpeechVoicesEvent[],
    notices: [] as SpeechNoticeEvent[],
    errors: [] as SpeechErrorEvent[],
    boundaries: [] as SpeechBoundaryEvent[],
    rates: [] as number[],
  };
  engine.addEventListener('statechange', (e) => events.states.push(e));
  engine.addEventListener('sentencechange', (e) => {
    events.sentences.push(e);
    events.speaksAtSentence.push(fake.spoken.length);
  });
  engine.addEventListener('voiceschange', (e) => events.voices.push(e));
  engine.addEventListener('notice', (e) => events.notices.push(e));
  engine.addEventListener('speecherror', (e) => events.errors.push(e));
  engine.addEventListener('boundary', (e) => events.boundaries.push(e));
  engine.addEventListener('ratechange', (e) => events.rates.push(e.rate));
  return events;
}

const texts = (): string[] => fake.spoken.map((s) => s.text);
/** Runs the fake until the engine stops playing (or 60 s pass). */
function runToEnd(): void {
  for (let i = 0; i < 600 && engine.state === 'playing'; i++) vi.advanceTimersByTime(100);
}

describe('playing', () => {
  it('calls speechSynthesis.speak() synchronously inside play()', () => {
    setup();
    engine.load(SENTENCES);
    let spokenDuringPlay = -1;
    const speak = fake.speak.bind(fake);
    fake.speak = (u) => {
      speak(u);
      spokenDuringPlay = fake.spoken.length;
    };
    engine.play();
    // No timer has run and no microtask has been awaited: the speak() happened inside play().
    expect(spokenDuringPlay).toBe(1);
    expect(fake.spoken[0]).toMatchObject({ text: '第一句话。', lang: 'zh-CN', rate: 1, voice: 'Tingting' });
    expect(engine.state).toBe('playing');
  });

  it('speaks every sentence in order, one utterance at a time, highlighting each as it is spoken', () => {
    const events = setup();
    engine.load(SENTENCES);
    engine.play();
    let mostQueued = 0;
    const speak = fake.speak.bind(fake);
    fake.speak = (u) => {
      speak(u);
      mostQueued = Math.max(mostQueued, fake.pending ? 2 : 1);
    };
    runToEnd();
    expect(texts()).toEqual(SENTENCES.map((s) => s.text));
    expect(mostQueued).toBe(1);
    expect(events.sentences.map((e) => e.index)).toEqual([0, 1, 2, 3, 4]);
    // Each highlight moved when its sentence was handed to speak() (the first one on load()).
    expect(events.speaksAtSentence).toEqual([0, 2, 3, 4, 5]);
    expect(events.states.map((e) => [e.state, e.reason])).toEqual([
      ['playing', 'user'],
      ['idle', 'ended'],
    ]);
    expect(fake.calls).not.toContain('cancel');
  });

  it('moves the highlight on start when speak() did not (never twice for one sentence)', () => {
    const events = setup();
    engine.load(SENTENCES);
    engine.play();
    vi.advanceTimersByTime(20); // start of sentence 0
    const head = fake.current!;
    head.dispatchEvent(new FakeSpeechEvent('start', head)); // a duplicate start
    expect(events.sentences.map((e) => e.index)).toEqual([0]);
  });

  it('starts over after the end', () => {
    setup();
    engine.load(SENTENCES, 3);
    engine.play();
    runToEnd();
    expect(texts()).toEqual(['第四句话。', '第五句话。']);
    expect(engine.index).toBe(4);
    engine.play();
    expect(engine.index).toBe(0);
    expect(texts().at(-1)).toBe('第一句话。');
  });

  it('speaks a long sentence in chunks under one highlight, and maps boundaries into the sentence', () => {
    const long =
      '会议强调，要坚持以人民为中心的发展思想，统筹发展和安全，推动经济实现质的有效提升和量的合理增长，加快建设现代化产业体系、扩大国内需求、深化改革开放。';
    const events = setup();
    engine.load([{ text: long, paragraph: 0 }, { text: '下一句。', paragraph: 0 }]);
    engine.play();
    const first = fake.spoken[0]!.text;
    expect(first.length).toBeLessThanOrEqual(40);
    vi.advanceTimersByTime(20);
    vi.advanceTimersByTime(first.length * 100); // first chunk ends, the second is spoken
    expect(fake.spoken).toHaveLength(2);
    fake.boundary(2, 2);
    expect(events.boundaries.map((b) => [b.index, b.charIndex, b.charLength])).toEqual([[0, first.length + 2, 2]]);
    runToEnd();
    expect(texts().slice(0, -1).join('')).toBe(long);
    expect(texts().at(-1)).toBe('下一句。');
    expect(events.sentences.map((e) => e.index)).toEqual([0, 1]);
  });

  it('speaks the spoken form and reports boundaries in it, while the highlight event carries the shown one', () => {
    const events = setup();
    engine.load([
      { text: '全程3.4km。', spoken: '全程三点四公里。', block: 0 },
      { text: '下一句。', block: 1 },
    ]);
    engine.play();
    vi.advanceTimersByTime(20);
    fake.boundary(4, 3);
    runToEnd();
    expect(texts()).toEqual(['全程三点四公里。', '下一句。']);
    expect(events.sentences[0]!.sentence).toMatchObject({ text: '全程3.4km。', spoken: '全程三点四公里。' });
    expect(events.boundaries.map((b) => [b.index, b.charIndex, b.charLength])).toEqual([[0, 4, 3]]);
  });

  it('leaves a silence before and after a sentence of structure (a heading), and none elsewhere', () => {
    setup(undefined, { structurePauseMs: 500 });
    engine.load([
      { text: '正文一。', block: 0 },
      { text: '小标题', block: 1, pause: true },
      { text: '正文二。', block: 2 },
      { text: '正文三。', block: 2 },
    ]);
    const spokenAt: number[] = [];
    const endedAt: number[] = [];
    const speak = fake.speak.bind(fake);
    fake.speak = (u) => {
      spokenAt.push(Date.now());
      u.addEventListener('end', () => endedAt.push(Date.now()));
      speak(u);
    };
    engine.play();
    runToEnd();
    expect(texts()).toEqual(['正文一。', '小标题', '正文二。', '正文三。']);
    // From the end of sentences 0, 1, 2 to the speak() of sentences 1, 2, 3.
    const gaps = spokenAt.slice(1).map((at, i) => at - endedAt[i]!);
    expect(gaps[0]).toBeGreaterThanOrEqual(500);
    expect(gaps[1]).toBeGreaterThanOrEqual(500);
    expect(gaps[2]).toBeLessThan(100);
  });

  it('cancels the silence when paused in it: nothing is spoken after', () => {
    setup(undefined, { structurePauseMs: 500 });
    engine.load([
      { text: '标题', block: 0, pause: true },
      { text: '正文。', block: 1 },
    ]);
    let ended = false;
    const speak = fake.speak.bind(fake);
    fake.speak = (u) => {
      u.addEventListener('end', () => (ended = true));
      speak(u);
    };
    engine.play();
    for (let i = 0; i < 100 && !ended; i++) vi.advanceTimersByTime(10);
    expect(ended).toBe(true);
    expect(fake.spoken).toHaveLength(1);
    engine.pause();
    vi.advanceTimersByTime(2000);
    expect(texts()).toEqual(['标题']);
    expect(engine.index).toBe(1);
  });

  it('respells the loaded sentences without stopping: the new spoken forms apply from the next utterance', () => {
    setup();
    engine.load([
      { text: '行长说。', block: 0 },
      { text: '行长走了。', block: 1 },
    ]);
    engine.play();
    vi.advanceTimersByTime(20);
    engine.respell([
      { text: '行长说。', spoken: '航长说。', block: 0 },
      { text: '行长走了。', spoken: '航长走了。', block: 1 },
    ]);
    expect(engine.state).toBe('playing');
    runToEnd();
    expect(texts()).toEqual(['行长说。', '航长走了。']);
    expect(fake.calls).not.toContain('cancel');
  });

  it('reports progress: sentence N of M and the time left at the current rate', () => {
    setup();
    engine.load(SENTENCES, 1);
    // 4 sentences of 4 spoken characters from sentence 1 on, at 4.5 characters a second.
    expect(engine.progress).toEqual({ index: 1, position: 2, count: 5, secondsLeft: 16 / 4.5 });
    engine.setRate(2);
    expect(engine.progress.secondsLeft).toBeCloseTo(16 / 9);
    engine.load([]);
    expect(engine.progress).toEqual({ index: -1, position: 0, count: 0, secondsLeft: 0 });
  });
});

describe('pause, resume, seek', () => {
  it('pause cancels, and resume speaks the same sentence again from its start', () => {
    const events = setup();
    engine.load(SENTENCES);
    engine.play();
    vi.advanceTimersByTime(20 + 500 + 200); // into sentence 1
    expect(texts()).toEqual(['第一句话。', '第二句话。']);
    engine.pause();
    expect(fake.calls.at(-1)).toBe('cancel');
    expect(engine.state).toBe('paused');
    vi.advanceTimersByTime(10_000); // the fake's late 'interrupted' must not matter
    expect(engine.state).toBe('paused');
    expect(texts()).toHaveLength(2);
    engine.resume();
    expect(texts()).toEqual(['第一句话。', '第二句话。', '第二句话。']);
    expect(engine.index).toBe(1);
    expect(events.states.map((e) => e.state)).toEqual(['playing', 'paused', 'playing']);
  });

  it('waits out a short gap when resumed right after the cancel (speak after cancel gets dropped)', () => {
    setup();
    engine.load(SENTENCES);
    engine.play();
    vi.advanceTimersByTime(50);
    engine.pause();
    vi.advanceTimersByTime(30);
    engine.toggle();
    expect(engine.state).toBe('playing');
    expect(texts()).toHaveLength(1);
    vi.advanceTimersByTime(70);
    expect(texts()).toEqual(['第一句话。', '第一句话。']);
  });

  it('seek while playing cancels and speaks from there; stale events of the old utterance are ignored', () => {
    const events = setup();
    engine.load(SENTENCES);
    engine.play();
    vi.advanceTimersByTime(100); // sentence 0 speaking
    const old = fake.current!;
    engine.seek(3);
    expect(fake.calls.at(-1)).toBe('cancel');
    expect(engine.index).toBe(3);
    // Late events of the cancelled utterance: its interrupted error, even a start and an end.
    vi.advanceTimersByTime(1);
    old.dispatchEvent(new FakeSpeechEvent('start', old));
    old.dispatchEvent(new FakeSpeechEvent('end', old));
    old.dispatchEvent(new FakeSpeechErrorEvent(old, 'interrupted'));
    expect(engine.state).toBe('playing');
    expect(events.sentences.map((e) => e.index)).toEqual([0, 3]);
    vi.advanceTimersByTime(100);
    expect(texts()).toEqual(['第一句话。', '第四句话。']);
    runToEnd();
    expect(texts()).toEqual(['第一句话。', '第四句话。', '第五句话。']);
  });

  it('seek while paused only moves', () => {
    const events = setup();
    engine.load(SENTENCES);
    engine.seek(2);
    engine.next();
    expect(engine.index).toBe(3);
    expect(fake.spoken).toHaveLength(0);
    expect(engine.state).toBe('idle');
    expect(events.sentences.map((e) => e.index)).toEqual([0, 2, 3]);
    engine.next();
    engine.next(); // at the last sentence: stays
    expect(engine.index).toBe(4);
    engine.previous();
    expect(engine.index).toBe(3);
    engine.seek(-5);
    expect(engine.index).toBe(0);
    engine.previous();
    expect(engine.index).toBe(0);
    engine.seek(99);
    expect(engine.index).toBe(4);
  });

  it('moves by paragraph like a music player: back to this paragraph’s start, or to the previous one', () => {
    setup();
    // Reading-script sentences ({ text, block }) are accepted as they are.
    engine.load(SENTENCES.map((s) => ({ text: s.text, block: s.paragraph, start: 0, end: s.text.length })));
    engine.nextParagraph();
    expect(engine.index).toBe(2);
    engine.nextParagraph();
    expect(engine.index).toBe(4);
    engine.nextParagraph(); // last paragraph: stays
    expect(engine.index).toBe(4);
    engine.previousParagraph(); // at the start of paragraph 2 → paragraph 1
    expect(engine.index).toBe(2);
    engine.next(); // sentence 3, past the start of paragraph 1
    engine.previousParagraph();
    expect(engine.index).toBe(2);
    engine.previousParagraph();
    expect(engine.index).toBe(0);
    engine.previousParagraph();
    expect(engine.index).toBe(0);
  });

  it('stop cancels, goes idle and keeps the position', () => {
    setup();
    engine.load(SENTENCES, 2);
    engine.play();
    vi.advanceTimersByTime(100);
    engine.stop();
    expect(fake.calls.at(-1)).toBe('cancel');
    expect(engine.state).toBe('idle');
    expect(engine.index).toBe(2);
  });
});

describe('rate', () => {
  it('clamps to 0.5–2 in steps of 0.05', () => {
    const events = setup();
    engine.setRate(3);
    expect(engine.rate).toBe(2);
    engine.setRate(0.1);
    expect(engine.rate).toBe(0.5);
    engine.setRate(1.2500001);
    expect(engine.rate).toBe(1.25);
    engine.setRate(1.25);
    expect(events.rates).toEqual([2, 0.5, 1.25]);
    expect(new SpeechEngine({ rate: 9 }).rate).toBe(2);
  });

  it('a change mid-sentence re-speaks the current sentence at the new rate', () => {
    setup();
    engine.load(SENTENCES);
    engine.play();
    vi.advanceTimersByTime(20 + 500 + 100); // into sentence 1
    engine.setRate(1.5);
    expect(fake.calls.at(-1)).toBe('cancel');
    vi.advanceTimersByTime(100);
    expect(fake.spoken.map((s) => [s.text, s.rate])).toEqual([
      ['第一句话。', 1],
      ['第二句话。', 1],
      ['第二句话。', 1.5],
    ]);
  });

  it('a change while paused applies at resume, without speaking', () => {
    setup();
    engine.load(SENTENCES);
    engine.setRate(0.75);
    expect(fake.spoken).toHaveLength(0);
    engine.play();
    expect(fake.spoken[0]!.rate).toBe(0.75);
  });
});

describe('watchdog', () => {
  it('moves on when an utterance starts but never ends (Chrome network voices stop after ~15 s)', () => {
    setup();
    engine.load(SENTENCES);
    engine.play();
    runUntilSpoken(2); // sentence 0 went fine; sentence 1 is speaking
    fake.willDo({ hang: 'after-start' });
    vi.advanceTimersByTime(520); // sentence 1 ends; sentence 2 starts and hangs
    expect(texts().at(-1)).toBe('第三句话。');
    const limit = watchdogMs('第三句话。', 1, WATCHDOG_FIRST_SPEED);
    vi.advanceTimersByTime(limit - 10);
    expect(texts()).toHaveLength(3);
    vi.advanceTimersByTime(20);
    expect(fake.calls).toContain('cancel');
    vi.advanceTimersByTime(100);
    expect(texts().at(-1)).toBe('第四句话。');
    expect(engine.state).toBe('playing');
  });

  it('moves on when an utterance gets no event at all', () => {
    setup();
    engine.load(SENTENCES);
    engine.play();
    runUntilSpoken(2);
    fake.willDo({ hang: 'silent' });
    vi.advanceTimersByTime(520);
    vi.advanceTimersByTime(watchdogMs('第三句话。', 1, WATCHDOG_FIRST_SPEED) + 200);
    expect(texts().slice(2)).toEqual(['第三句话。', '第四句话。']);
  });

  it('gives a voice slower than a newsreader (espeak-ng) the time it needs', () => {
    setup();
    fake.msPerChar = 600; // 1.7 characters a second, as slow as espeak-ng's cmn
    const slow = '一二三四五六七八九十一二三四五六七八九十一二三。'; // 23 characters, 13.8 s here
    expect(watchdogMs(slow, 1)).toBeLessThan(slow.length * 600); // 4.5 a second would cut it
    engine.load([{ text: '政法工作肩负着维护国家政治安全。', paragraph: 0 }, { text: slow, paragraph: 0 }]);
    engine.play();
    runToEnd();
    expect(fake.calls).not.toContain('cancel');
    expect(texts()).toEqual(['政法工作肩负着维护国家政治安全。', slow]);
  });

  it('times a long chunk by its length and the rate', () => {
    expect(watchdogMs('政法工作肩负着维护国家政治安全。', 1)).toBe(Math.round((2 * (15 / 4.5 + 0.3) + 3) * 1000));
    expect(watchdogMs('政法工作肩负着维护国家政治安全。', 2)).toBeLessThan(watchdogMs('政法工作肩负着维护国家政治安全。', 1));
  });
});

/** Advances until `count` utterances have been spoken. */
function runUntilSpoken(count: number): void {
  for (let i = 0; i < 600 && fake.spoken.length < count; i++) vi.advanceTimersByTime(10);
}

describe('errors', () => {
  it('not-allowed → blocked, with an error event; play() again speaks at once, same sentence', () => {
    const events = setup();
    engine.load(SENTENCES, 2);
    fake.willDo({ error: 'not-allowed' });
    engine.play();
    vi.advanceTimersByTime(20);
    expect(engine.state).toBe('blocked');
    expect(events.errors.map((e) => [e.kind, e.code, e.index])).toEqual([['blocked', 'not-allowed', 2]]);
    expect(events.states.at(-1)?.reason).toBe('blocked');
    vi.advanceTimersByTime(30_000);
    expect(texts()).toEqual(['第三句话。']);
    engine.play(); // the tap on 点击继续朗读
    expect(texts()).toEqual(['第三句话。', '第三句话。']);
    expect(engine.state).toBe('playing');
    expect(fake.calls).not.toContain('cancel');
  });

  it('no start after the first speak() → blocked (iOS drops it silently); a late start resumes', () => {
    const events = setup();
    engine.load(SENTENCES);
    fake.willDo({ hang: 'silent' });
    engine.play();
    vi.advanceTimersByTime(2999);
    expect(engine.state).toBe('playing');
    vi.advanceTimersByTime(1);
    expect(engine.state).toBe('blocked');
    expect(events.errors.map((e) => [e.kind, e.code])).toEqual([['blocked', null]]);
    // It was only slow after all:
    fake.start();
    expect(engine.state).toBe('playing');
    expect(events.states.at(-1)?.reason).toBe('started');
  });

  it('no start after the first speak() → blocked; the tap speaks again at once, without cancel()', () => {
    setup();
    engine.load(SENTENCES);
    fake.willDo({ hang: 'silent' });
    engine.play();
    vi.advanceTimersByTime(3000);
    expect(engine.state).toBe('blocked');
    engine.play();
    expect(texts()).toEqual(['第一句话。', '第一句话。']);
    expect(fake.calls).not.toContain('cancel');
  });

  it.each(['interrupted', 'canceled'])('%s that the app did not cause → paused, ready to resume', (code) => {
    const events = setup();
    engine.load(SENTENCES);
    engine.play();
    runUntilSpoken(2);
    vi.advanceTimersByTime(100);
    fake.fail(code); // screen lock, another tab
    expect(engine.state).toBe('paused');
    expect(events.states.at(-1)?.reason).toBe('interrupted');
    expect(events.errors).toEqual([]);
    vi.advanceTimersByTime(10_000);
    expect(texts()).toHaveLength(2);
    engine.play();
    expect(texts().at(-1)).toBe('第二句话。');
  });

  it('synthesis-failed → retry once, then the next Mandarin voice (announced), then error', () => {
    const events = setup([TINGTING, ESPEAK, SINJI]);
    engine.load(SENTENCES, 1);
    fake.willDo({ error: 'synthesis-failed' }, { error: 'synthesis-failed' }, { error: 'synthesis-failed' });
    engine.play();
    vi.advanceTimersByTime(100);
    expect(fake.spoken.map((s) => [s.text, s.voice])).toEqual([
      ['第二句话。', 'Tingting'],
      ['第二句话。', 'Tingting'],
      ['第二句话。', ESPEAK.name],
    ]);
    expect(events.notices.map((n) => [n.kind, n.from?.name, n.to?.name])).toEqual([['voice-failed', 'Tingting', ESPEAK.name]]);
    expect(engine.voice?.name).toBe(ESPEAK.name);
    expect(engine.state).toBe('error');
    expect(events.errors.map((e) => [e.kind, e.code, e.index])).toEqual([['failed', 'synthesis-failed', 1]]);
    // Never Cantonese, even as a fallback. "重试" is play():
    engine.play();
    expect(fake.spoken.at(-1)).toMatchObject({ text: '第二句话。', voice: ESPEAK.name });
    runToEnd();
    expect(engine.state).toBe('idle');
  });

  it('a retry that works goes on with the same voice, silently', () => {
    const events = setup();
    engine.load(SENTENCES, 3);
    fake.willDo({ error: 'synthesis-failed' });
    engine.play();
    runToEnd();
    expect(fake.spoken.map((s) => [s.text, s.voice])).toEqual([
      ['第四句话。', 'Tingting'],
      ['第四句话。', 'Tingting'],
      ['第五句话。', 'Tingting'],
    ]);
    expect(events.notices).toEqual([]);
    expect(events.errors).toEqual([]);
  });

  it('with no other Mandarin voice, fails after the retry', () => {
    const events = setup([TINGTING, SINJI]);
    engine.load(SENTENCES);
    fake.willDo({ error: 'synthesis-failed' }, { error: 'synthesis-failed' });
    engine.play();
    vi.advanceTimersByTime(100);
    expect(texts()).toHaveLength(2);
    expect(engine.state).toBe('error');
    expect(events.errors.map((e) => e.kind)).toEqual(['failed']);
  });

  it('without speechSynthesis: voiceStatus unsupported, play() reports it', () => {
    vi.stubGlobal('speechSynthesis', undefined);
    engine = new SpeechEngine();
    const errors: string[] = [];
    engine.addEventListener('speecherror', (e) => errors.push(e.kind));
    expect(engine.voiceStatus).toBe('unsupported');
    engine.load(SENTENCES);
    engine.play();
    expect(errors).toEqual(['unsupported']);
    expect(engine.state).toBe('idle');
  });
});

describe('voices', () => {
  it('chooses a voice at once when the list is there, and lists Chinese voices with Cantonese last', () => {
    setup([SAMANTHA, SINJI, ESPEAK, TINGTING]);
    expect(engine.voiceStatus).toBe('ready');
    expect(engine.voice?.name).toBe('Tingting');
    expect(engine.voices.map((v) => v.name)).toEqual(['Tingting', ESPEAK.name, 'Sinji']);
  });

  it('waits for voiceschanged; meanwhile play() speaks with lang zh-CN and no voice', () => {
    const events = setup([]);
    expect(engine.voiceStatus).toBe('loading');
    engine.load(SENTENCES);
    engine.play();
    expect(fake.spoken[0]).toMatchObject({ lang: 'zh-CN', voice: null });
    vi.advanceTimersByTime(300);
    fake.setVoices(chromeWindows);
    expect(engine.voiceStatus).toBe('ready');
    expect(engine.voice?.name).toBe('Microsoft Huihui Desktop - Chinese (Simplified)');
    expect(events.voices.at(-1)?.status).toBe('ready');
    expect(events.notices).toEqual([]); // a first choice is no news
    runUntilSpoken(2);
    expect(fake.spoken[1]?.voice).toBe('Microsoft Huihui Desktop - Chinese (Simplified)');
  });

  it('polls when voiceschanged never comes', () => {
    setup([]);
    vi.advanceTimersByTime(1000);
    fake.setVoices([TINGTING], false);
    expect(engine.voiceStatus).toBe('loading');
    vi.advanceTimersByTime(2000);
    expect(engine.voiceStatus).toBe('ready');
  });

  it('after the wait and the polls, an empty list means no voice: play() refuses plainly', () => {
    const events = setup([]);
    engine.load(SENTENCES);
    vi.advanceTimersByTime(3000 + 2000 + 1999);
    expect(engine.voiceStatus).toBe('loading');
    vi.advanceTimersByTime(1);
    expect(engine.voiceStatus).toBe('missing');
    expect(events.voices.at(-1)?.status).toBe('missing');
    engine.play();
    expect(fake.spoken).toHaveLength(0);
    expect(engine.state).toBe('idle');
    expect(events.errors.map((e) => e.kind)).toEqual(['no-voice']);
    // A voice installed later still counts.
    fake.setVoices([ESPEAK]);
    expect(engine.voiceStatus).toBe('ready');
  });

  it('only Cantonese: missing, listed, and usable once the user picks it', () => {
    const events = setup([SAMANTHA, SINJI]);
    expect(engine.voiceStatus).toBe('missing');
    expect(engine.voice).toBeNull();
    expect(engine.voices.map((v) => v.name)).toEqual(['Sinji']);
    engine.load(SENTENCES);
    engine.play();
    expect(fake.spoken).toHaveLength(0);
    expect(events.errors.map((e) => e.kind)).toEqual(['no-voice']);
    engine.setVoice({ name: 'Sinji', lang: 'zh-HK' });
    expect(engine.voiceStatus).toBe('ready');
    engine.play();
    expect(fake.spoken[0]?.voice).toBe('Sinji');
  });

  it('announces a switch when the voice in use disappears (offline), and back when it returns', () => {
    const events = setup(chromeWindows, { voice: { name: 'Google 普通话（中国大陆）', lang: 'zh-CN' } });
    expect(engine.voice?.name).toBe('Google 普通话（中国大陆）');
    fake.setVoices(chromeWindowsOffline);
    expect(engine.voice?.name).toBe('Microsoft Huihui Desktop - Chinese (Simplified)');
    expect(events.notices.map((n) => [n.kind, n.from?.name, n.to?.name])).toEqual([
      ['voice-unavailable', 'Google 普通话（中国大陆）', 'Microsoft Huihui Desktop - Chinese (Simplified)'],
    ]);
    fake.setVoices(chromeWindows);
    expect(engine.voice?.name).toBe('Google 普通话（中国大陆）');
    expect(events.notices.at(-1)?.kind).toBe('voice-changed');
    fake.setVoices(chromeWindows); // same list again: no news
    expect(events.notices).toHaveLength(2);
  });

  it('says so when the last Mandarin voice disappears', () => {
    const events = setup([TINGTING]);
    fake.setVoices([SINJI]);
    expect(engine.voice).toBeNull();
    expect(engine.voiceStatus).toBe('missing');
    expect(events.notices.map((n) => [n.kind, n.to])).toEqual([['voice-unavailable', null]]);
  });

  it('setVoice while playing re-speaks the current sentence with that voice, without a notice', () => {
    const events = setup();
    engine.load(SENTENCES);
    engine.play();
    vi.advanceTimersByTime(200);
    engine.setVoice({ name: ESPEAK.name, lang: 'cmn' });
    expect(fake.calls.at(-1)).toBe('cancel');
    vi.advanceTimersByTime(100);
    expect(fake.spoken.map((s) => [s.text, s.voice])).toEqual([
      ['第一句话。', 'Tingting'],
      ['第一句话。', ESPEAK.name],
    ]);
    expect(events.notices).toEqual([]);
    expect(events.voices.at(-1)?.voice?.name).toBe(ESPEAK.name);
    engine.setVoice(null); // back to automatic
    expect(engine.voice?.name).toBe('Tingting');
  });

  it('remembers a chosen voice that is not listed yet, and uses it once it is', () => {
    setup([]);
    engine.setVoice({ name: 'Meijia', lang: 'zh-TW' });
    fake.setVoices([TINGTING]);
    expect(engine.voice?.name).toBe('Tingting');
    fake.setVoices([TINGTING, voice('Meijia', 'zh-TW')]);
    expect(engine.voice?.name).toBe('Meijia');
  });

  it('stops listening on dispose', () => {
    const events = setup([]);
    engine.dispose();
    fake.setVoices([TINGTING]);
    vi.advanceTimersByTime(10_000);
    expect(events.voices).toEqual([]);
  });
});
