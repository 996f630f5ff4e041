import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SpeechEngine } from '../speech/engine.ts';
import { installFakeSynthesis, voice, type FakeSynthesis } from '../speech/testing/fake-synthesis.ts';
import type { VoiceChoice } from '../speech/types.ts';
import { OfflineVoiceController, bestLocalVoice } from './offline-voice-controller.ts';
import { FakeHost } from './testing/fake-host.ts';


const NETWORK = voice('Google 普通话（中国大陆）', 'zh-CN', false);
const LOCAL = voice('Huihui', 'zh-CN', true);
const ESPEAK = voice('espeak', 'cmn', true);
const CANTONESE = voice('Sinji', 'zh-HK', true);

let fake: FakeSynthesis;
let engine: SpeechEngine;
let win: EventTarget;
let online: boolean;
let chosen: VoiceChoice | null;
let said: string[];
let host: FakeHost | undefined;

function setup(voices = [CANTONESE, NETWORK, ESPEAK, LOCAL]): OfflineVoiceController {
  fake = installFakeSynthesis(voices);
  engine = new SpeechEngine({ voice: chosen });
  const created = new FakeHost();
  host = created;
  const controller = new OfflineVoiceController(created, { engine, chosen: () => chosen, announce: (m) => said.push(m), online: () => online });
  created.connect();
  return controller;
}

function go(state: 'online' | 'offline'): void {
  online = state === 'online';
  win.dispatchEvent(new Event(state));
}

beforeEach(() => {
  win = new EventTarget();
  vi.stubGlobal('addEventListener', win.addEventListener.bind(win));
  vi.stubGlobal('removeEventListener', win.removeEventListener.bind(win));
  online = true;
  chosen = { name: NETWORK.name, lang: NETWORK.lang };
  said = [];
});
afterEach(() => {
  host?.disconnect();
  host = undefined;
  engine?.dispose();
  vi.unstubAllGlobals();
});

describe('bestLocalVoice', () => {
  it('takes the first local Mandarin voice of the engine’s ordered list, never Cantonese', () => {
    expect(bestLocalVoice([NETWORK, LOCAL, ESPEAK])?.name).toBe('Huihui');
    expect(bestLocalVoice([CANTONESE, NETWORK])).toBeNull();
  });
});

describe('OfflineVoiceController', () => {
  it('offline: leaves the network voice for the best local one and says so; online: back, and says so', () => {
    setup();
    expect(engine.voice?.name).toBe(NETWORK.name);
    go('offline');
    expect(engine.voice?.name).toBe('Huihui');
    expect(said).toEqual(['已离线，改用本机语音：Huihui']);
    go('online');
    expect(engine.voice?.name).toBe(NETWORK.name);
    expect(said).toEqual(['已离线，改用本机语音：Huihui', `已联网，换回语音：${NETWORK.name}`]);
  });

  it('online again but the network voice is not listed yet: no claim; the engine takes it when listed', () => {
    setup();
    go('offline');
    fake.setVoices([CANTONESE, ESPEAK, LOCAL]); // Chrome hides it offline
    go('online');
    expect(engine.voice?.name).toBe('Huihui');
    expect(said).toEqual(['已离线，改用本机语音：Huihui']);
    fake.setVoices([CANTONESE, NETWORK, ESPEAK, LOCAL]);
    expect(engine.voice?.name).toBe(NETWORK.name); // the listener's choice, remembered by the engine again
  });

  it('starting offline: switches as soon as the voices are known', () => {
    online = false;
    setup();
    expect(engine.voice?.name).toBe('Huihui');
    expect(said).toEqual(['已离线，改用本机语音：Huihui']);
  });

  it('a local voice in use: offline changes nothing and says nothing', () => {
    chosen = null;
    setup();
    expect(engine.voice?.name).toBe('Huihui');
    go('offline');
    go('online');
    expect(engine.voice?.name).toBe('Huihui');
    expect(said).toEqual([]);
  });

  it('no local Mandarin voice at all: nothing better to do, nothing said', () => {
    setup([CANTONESE, NETWORK]);
    go('offline');
    expect(engine.voice?.name).toBe(NETWORK.name);
    expect(said).toEqual([]);
  });

  it('the listener chose another voice meanwhile: online does not undo it', () => {
    const controller = setup();
    go('offline');
    chosen = { name: ESPEAK.name, lang: ESPEAK.lang };
    engine.setVoice(chosen);
    controller.chosenChanged();
    go('online');
    expect(engine.voice?.name).toBe('espeak');
  });

  it('listens only while connected', () => {
    setup();
    host!.disconnect();
    go('offline');
    expect(engine.voice?.name).toBe(NETWORK.name);
    host!.connect();
  });
});
