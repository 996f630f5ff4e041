import { describe, expect, it } from 'vitest';
import { articleHref, parseRoute, sameRoute } from './router.ts';

describe('parseRoute', () => {
  it('opens the library on an empty hash or #/', () => {
    expect(parseRoute('')).toEqual({ view: 'library' });
    expect(parseRoute('#')).toEqual({ view: 'library' });
    expect(parseRoute('#/')).toEqual({ view: 'library' });
  });
  it('opens an article', () => {
    expect(parseRoute('#/article/abc-123')).toEqual({ view: 'article', id: 'abc-123' });
    expect(parseRoute('#/article/abc-123/')).toEqual({ view: 'article', id: 'abc-123' });
    expect(parseRoute(articleHref('包头-法院'))).toEqual({ view: 'article', id: '包头-法院' });
  });
  it('rejects anything else', () => {
    for (const hash of ['#/article/', '#/article/a/b', '#/nope', '#/article/%E0%A4%A', '#/article/<script>', '#main']) {
      expect(parseRoute(hash)).toEqual({ view: 'not-found' });
    }
  });
  it('compares routes', () => {
    expect(sameRoute({ view: 'article', id: 'a' }, { view: 'article', id: 'a' })).toBe(true);
    expect(sameRoute({ view: 'article', id: 'a' }, { view: 'article', id: 'b' })).toBe(false);
    expect(sameRoute({ view: 'library' }, { view: 'library' })).toBe(true);
  });
});
