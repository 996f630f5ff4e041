import { describe, expect, it } from 'vitest';
import { ListeningOptions, nextInOrder, type ContinuousMemory } from './listening.ts';

function memory(initial: boolean): ContinuousMemory & { saved: boolean[] } {
  const saved: boolean[] = [];
  return { saved, read: () => initial, write: (on) => void saved.push(on) };
}

describe('ListeningOptions', () => {
  it('remembers 连续播放 and says when anything changed', () => {
    const remembered = memory(true);
    const options = new ListeningOptions(remembered);
    expect(options.continuous).toBe(true);
    let changes = 0;
    options.addEventListener('listening-change', () => changes++);
    options.setContinuous(true); // no change
    options.setContinuous(false);
    expect(remembered.saved).toEqual([false]);
    expect(changes).toBe(1);
  });

  it('runs a timed sleep from now; 读完本篇 and off have no end time', () => {
    const options = new ListeningOptions(memory(false));
    options.setSleep(15, 1_000);
    expect(options.sleepEndsAt).toBe(1_000 + 15 * 60_000);
    options.setSleep('end', 2_000);
    expect([options.sleep, options.sleepEndsAt]).toEqual(['end', null]);
    options.setSleep(null);
    expect([options.sleep, options.sleepEndsAt]).toEqual([null, null]);
  });
});

describe('nextInOrder', () => {
  const order = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  it('gives the next (or previous) article, none past either end or for an article not in the order', () => {
    expect(nextInOrder(order, 'a')).toEqual({ id: 'b' });
    expect(nextInOrder(order, 'c')).toBeNull();
    expect(nextInOrder(order, 'b', -1)).toEqual({ id: 'a' });
    expect(nextInOrder(order, 'a', -1)).toBeNull();
    expect(nextInOrder(order, 'x')).toBeNull();
  });
});
