import { describe, expect, it } from 'vitest';
import type { SearchIndex } from '../library/types.ts';
import { search } from './search.ts';

const index: SearchIndex = {
  format: 1,
  editions: { old: { paper: 'p', date: '2026-12-01' }, new: { paper: 'p', date: '2026-12-07' } },
  articles: [
    ['a-1', 'old', '1', '黄河治理见成效', '记者 王明', '本报讯 今年以来，沿黄各地……'],
    ['a-2', 'new', '2', '冬季供暖有保障', null, '本报讯 记者从黄河水利委员会获悉……'],
    ['a-3', 'new', '1', '科技创新 Ｐｒｏｊｅｃｔ', '记者 李华', '新的一年……'],
  ],
};

describe('search', () => {
  it('finds by title, byline and first words, newest edition first, with where each was printed', () => {
    expect(search(index, '黄河').map((r) => r.id)).toEqual(['a-2', 'a-1']);
    expect(search(index, '王明')).toEqual([
      { id: 'a-1', title: '黄河治理见成效', lead: '本报讯 今年以来，沿黄各地……', byline: '记者 王明', paper: 'p', date: '2026-12-01', page: '1' },
    ]);
    expect(search(index, '水利委员会').map((r) => r.id)).toEqual(['a-2']);
  });
  it('needs every word, ignores white space, case and full-width forms', () => {
    expect(search(index, '黄河 王明').map((r) => r.id)).toEqual(['a-1']);
    expect(search(index, '科技 project').map((r) => r.id)).toEqual(['a-3']);
    expect(search(index, '记者王明').map((r) => r.id)).toEqual(['a-1']);
    expect(search(index, '   ')).toEqual([]);
    expect(search(index, '火星')).toEqual([]);
  });
});
