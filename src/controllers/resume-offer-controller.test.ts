import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SpeechEngine } from '../speech/engine.ts';
import { SpeechStateEvent } from '../speech/events.ts';
import { installFakeSynthesis, voice, type FakeSynthesis } from '../speech/testing/fake-synthesis.ts';
import { ResumeOfferController } from './resume-offer-controller.ts';
import { FakeHost } from './testing/fake-host.ts';


/** A document that can be hidden and shown. */
class FakeDocument extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible';
  show(state: DocumentVisibilityState): void {
    this.visibilityState = state;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

let fake: FakeSynthesis;
let engine: SpeechEngine;
let doc: FakeDocument;
let host: FakeHost;
let offer: ResumeOfferController;
let speaking: boolean;

beforeEach(() => {
  vi.useFakeTimers();
  doc = new FakeDocument();
  vi.stubGlobal('document', doc);
  fake = installFakeSynthesis([voice('Tingting', 'zh-CN')]);
  fake.auto = false; // the utterance stays "speaking" until told
  engine = new SpeechEngine();
  engine.load(['一。', '二。', '三。'].map((text, i) => ({ text, paragraph: i })));
  speaking = true;
  host = new FakeHost();
  offer = new ResumeOfferController(host, () => engine, () => speaking);
  engine.addEventListener(SpeechStateEvent.eventName, (e) => offer.onState(e as SpeechStateEvent));
  host.connect();
});
afterEach(() => {
  host.disconnect();
  engine.dispose();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('ResumeOfferController', () => {
  it('speech cut off from outside: offered, once announced as new; gone when reading again', () => {
    engine.play();
    fake.start();
    fake.fail('interrupted');
    expect(engine.state).toBe('paused');
    expect(offer.offered).toBe(true);
    expect(host.updates).toBe(1);
    expect(offer.takeAppeared()).toBe(true);
    expect(offer.takeAppeared()).toBe(false);
    engine.play();
    expect(offer.offered).toBe(false);
  });

  it('paused by the listener: nothing to offer', () => {
    engine.play();
    engine.pause();
    expect(offer.offered).toBe(false);
    expect(host.updates).toBe(0);
  });

  it('back in view while "playing" in silence (iOS suspended the page): pauses the engine and offers', () => {
    engine.play();
    doc.show('hidden');
    speaking = false;
    doc.show('visible');
    expect(engine.state).toBe('paused');
    expect(engine.index).toBe(0);
    expect(offer.offered).toBe(true);
  });

  it('back in view in the pause the engine keeps around a heading: not mistaken for speech cut off', () => {
    engine.load([
      { text: '小标题', paragraph: 0, pause: true },
      { text: '正文。', paragraph: 1 },
    ]);
    engine.play();
    fake.start();
    fake.end(); // the heading is said; the engine waits its pause before the next sentence
    speaking = false;
    expect(engine.betweenUtterances).toBe(true);
    doc.show('hidden');
    doc.show('visible');
    expect(engine.state).toBe('playing');
    expect(offer.offered).toBe(false);
    vi.advanceTimersByTime(1_000);
    expect(engine.betweenUtterances).toBe(false);
  });

  it('back in view while still speaking: nothing happens', () => {
    engine.play();
    doc.show('hidden');
    doc.show('visible');
    expect(engine.state).toBe('playing');
    expect(offer.offered).toBe(false);
  });

  it('hidden, or not playing: the visibility change is ignored', () => {
    speaking = false;
    doc.show('visible'); // idle
    expect(offer.offered).toBe(false);
    engine.play();
    doc.show('hidden');
    expect(engine.state).toBe('playing');
  });

  it('stopped (another article, the library): the offer goes', () => {
    engine.play();
    fake.start();
    fake.fail('interrupted');
    engine.stop();
    expect(offer.offered).toBe(false);
  });

  it('does not listen once disconnected', () => {
    host.disconnect();
    engine.play();
    speaking = false;
    doc.show('visible');
    expect(engine.state).toBe('playing');
    host.connect();
  });
});
