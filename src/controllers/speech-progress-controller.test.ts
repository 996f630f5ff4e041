import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SpeechEngine } from '../speech/engine.ts';
import { installFakeSynthesis, voice, type FakeSynthesis } from '../speech/testing/fake-synthesis.ts';
import { SpeechProgressController } from './speech-progress-controller.ts';
import { FakeHost } from './testing/fake-host.ts';

/** A host as Lit gives it to controllers: addController, requestUpdate (counted). */

const sentences = ['第一句。', '第二句。', '第三句。'].map((text, i) => ({ text, paragraph: i }));

let engine: SpeechEngine;
let fake: FakeSynthesis;
beforeEach(() => {
  vi.useFakeTimers();
  fake = installFakeSynthesis([voice('Tingting', 'zh-CN')]);
  engine = new SpeechEngine();
  engine.load(sentences);
});
afterEach(() => {
  engine.dispose();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function connected(options: ConstructorParameters<typeof SpeechProgressController>[1]): {
  host: FakeHost;
  controller: SpeechProgressController;
} {
  const host = new FakeHost();
  const controller = new SpeechProgressController(host as unknown as FakeHost & HTMLElement, { engine, ...options });
  host.connect();
  return { host, controller };
}

describe('SpeechProgressController', () => {
  it('asks for an update only when a field the host renders changed', () => {
    const { host, controller } = connected({ renders: ['state'] });
    const before = host.updates;
    engine.next(); // the sentence changes, the state does not
    expect(controller.view.index).toBe(1);
    expect(host.updates).toBe(before);
    engine.play();
    expect(controller.view.state).toBe('playing');
    expect(host.updates).toBe(before + 1);
  });

  it('passes the voice’s word boundaries on while connected, and stops when disconnected', () => {
    const words: Array<[number, number, number]> = [];
    const { host } = connected({ onBoundary: (e) => words.push([e.index, e.charIndex, e.charLength]) });
    engine.play();
    vi.advanceTimersByTime(20);
    fake.boundary(1, 2);
    expect(words).toEqual([[0, 1, 2]]);
    host.disconnect();
    fake.boundary(2, 1);
    expect(words).toHaveLength(1);
  });

  it('never updates a host that renders nothing, but tells it old and new sentence', () => {
    const moves: Array<[number, number]> = [];
    const { host } = connected({ onSentence: (index, previous) => moves.push([index, previous]) });
    const before = host.updates;
    engine.seek(2);
    engine.previous();
    expect(host.updates).toBe(before);
    expect(moves).toEqual([
      [0, -1], // catching up when connected
      [2, 0],
      [1, 2],
    ]);
  });

  it('stops listening when the host disconnects, and catches up when it comes back', () => {
    const moves: number[] = [];
    const { host, controller } = connected({ renders: ['index'], onSentence: (index) => moves.push(index) });
    host.disconnect();
    const before = host.updates;
    engine.seek(2);
    expect(moves).toEqual([0]);
    expect(host.updates).toBe(before);
    host.connect();
    expect(controller.view.index).toBe(2);
    expect(moves).toEqual([0, 2]);
  });

  it('keeps the error that needs the user until the state moves on', () => {
    const { host, controller } = connected({ renders: ['error'] });
    fake.willDo({ error: 'not-allowed' });
    engine.play();
    vi.advanceTimersByTime(50);
    expect(controller.view.state).toBe('blocked');
    expect(controller.view.error).toBe('blocked');
    const before = host.updates;
    engine.play(); // the tap on 点击继续朗读
    expect(controller.view.state).toBe('playing');
    expect(controller.view.error).toBeNull();
    expect(host.updates).toBe(before + 1);
  });
});
