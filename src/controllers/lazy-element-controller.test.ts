import { describe, expect, it } from 'vitest';
import { LazyElementController } from './lazy-element-controller.ts';
import { FakeHost } from './testing/fake-host.ts';

/** A host whose shadow root holds the element once the host has rendered it (`loaded`). */
class RenderingHost extends FakeHost {
  readonly element = { tagName: 'TTS-X-DIALOG' } as unknown as Element;
  lazy: LazyElementController<Element> | null = null;
  readonly renderRoot = {
    querySelector: (selector: string) => (selector === 'tts-x-dialog' && this.lazy?.loaded ? this.element : null),
  } as unknown as DocumentFragment;
}

describe('LazyElementController', () => {
  it('loads the module on first use only, asks the host to render the element, and finds it', async () => {
    const host = new RenderingHost();
    let loads = 0;
    host.lazy = new LazyElementController(host, { load: async () => void loads++, selector: 'tts-x-dialog' });
    expect(host.lazy.loaded).toBe(false);
    expect(await host.lazy.element()).toBe(host.element);
    expect(await host.lazy.element()).toBe(host.element);
    expect(loads).toBe(1);
    expect(host.updates).toBe(1);
  });

  it('rejects, and tries again next time, when the module cannot be loaded', async () => {
    const host = new RenderingHost();
    let fail = true;
    host.lazy = new LazyElementController(host, {
      load: async () => {
        if (fail) throw new Error('offline');
      },
      selector: 'tts-x-dialog',
    });
    await expect(host.lazy.element()).rejects.toThrow('offline');
    expect(host.lazy.loaded).toBe(false);
    fail = false;
    expect(await host.lazy.element()).toBe(host.element);
  });
});
