import { describe, expect, it } from 'vitest';
import { ProblemNotices, visibleNotices } from './notices.ts';

describe('visibleNotices', () => {
  it('puts the update offer first, then the offline notice, then storage problems in order', () => {
    expect(visibleNotices({ updatePrompt: true, offlineNotice: true, applying: false }, ['full', 'settings-reset'])).toEqual([
      'update',
      'offline-ready',
      'full',
      'settings-reset',
    ]);
    expect(visibleNotices({ updatePrompt: false, offlineNotice: false, applying: false }, [])).toEqual([]);
  });
});

describe('ProblemNotices', () => {
  it('tells each kind of problem once per session, even after it was dismissed', () => {
    const problems = new ProblemNotices();
    expect(problems.report('full')).toBe(true);
    expect(problems.report('full')).toBe(false);
    expect(problems.report('positions-reset')).toBe(true);
    expect(problems.shown).toEqual(['full', 'positions-reset']);
    problems.dismiss('full');
    expect(problems.shown).toEqual(['positions-reset']);
    expect(problems.report('full')).toBe(false);
    expect(problems.shown).toEqual(['positions-reset']);
  });
});
