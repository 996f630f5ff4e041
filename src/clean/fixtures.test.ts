/**
 * Every sample page through every extractor (src/clean/fixtures, copied from the project's
 * reference pages) against its expected output: the right titles on the right bodies, bylines,
 * section headings, every paragraph, and the page notes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanText } from './index.ts';
import { norm, score, type ExpectedPage } from './testing/score.ts';

const root = new URL('./fixtures/', import.meta.url).pathname;

const inputs = readdirSync(root)
  .filter((dir) => existsSync(join(root, dir, 'expected.json')))
  .flatMap((dir) => {
    const expected = JSON.parse(readFileSync(join(root, dir, 'expected.json'), 'utf8')) as ExpectedPage;
    const alt = join(root, dir, 'alt');
    const files = ['raw.txt', ...(existsSync(alt) ? readdirSync(alt).map((f) => join('alt', f)) : [])];
    return files.map((file) => ({ name: `${dir}/${file}`, path: join(root, dir, file), expected }));
  });

describe.each(inputs)('$name', ({ path, expected }) => {
  const page = cleanText(readFileSync(path, 'utf8'));
  const s = score(path, page, expected);

  it('finds each article once, with its title on its own body', () => {
    expect(page.articles.map((a) => norm(a.title)).sort()).toEqual(expected.articles.map((a) => norm(a.title)).sort());
    expect(s.attributed, s.problems.join('\n')).toBe(expected.articles.length);
    expect(s.titles, s.problems.join('\n')).toBe(expected.articles.length);
  });

  it('gives each article its byline', () => {
    expect(s.bylines, s.problems.join('\n')).toBe(expected.articles.length);
  });

  it('keeps every paragraph whole and clean, and every section heading', () => {
    expect(s.problems.filter((p) => p.startsWith('paragraph') || p.startsWith('heading'))).toEqual([]);
    expect(s.paragraphs).toBe(s.paragraphsTotal);
    expect(s.headings).toBe(s.headingsTotal);
  });

  it('keeps the page notes apart from the articles', () => {
    expect(page.notes.map(norm)).toEqual(expected.notes.map(norm));
  });
});

describe('several pages in one text', () => {
  const seed = readFileSync(join(root, 'seed', 'raw.txt'), 'utf8');
  const one = cleanText(seed);

  it('cleans each page on its own, in page order, with ids kept apart', () => {
    const three = cleanText([seed, seed, seed].join('\f'));
    expect(three.articles.map((a) => a.title)).toEqual([...one.articles, ...one.articles, ...one.articles].map((a) => a.title));
    expect(three.notes).toEqual([...one.notes, ...one.notes, ...one.notes]);
    const ids = three.articles.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, one.articles.length)).toEqual(one.articles.map((a) => a.id));
    expect(ids.slice(one.articles.length)).toEqual([...one.articles.map((a) => `${a.id}-2`), ...one.articles.map((a) => `${a.id}-3`)]);
  });
});
