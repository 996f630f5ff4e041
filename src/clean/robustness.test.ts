/**
 * Beyond the sample pages: their articles set again in other measures and printed with other
 * extractor noise (blank lines or none, fake bold as repeated lines or runs, spaces around
 * numbers), one article a page, several in reading order, or with every title printed after the
 * bodies. Some generated pages are ambiguous to any reader, so the test holds a floor on the share
 * that comes back exactly (titles on their bodies, headings, paragraphs), a little under what the
 * cleaner reaches (`npm run eval:robust` prints the figures and the failures).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExpectedPage } from './testing/score.ts';
import { checkSample, samplePages, sources, type Mode } from './testing/robustness.ts';

const root = new URL('./fixtures/', import.meta.url).pathname;
const specs = sources(
  readdirSync(root)
    .filter((d) => !d.includes('.'))
    .map((d) => JSON.parse(readFileSync(`${root}${d}/expected.json`, 'utf8')) as ExpectedPage),
);

// Another seed than eval:robust's, which the cleaner was developed against.
const FLOORS: [Mode, number][] = [
  ['one', 0.95],
  ['natural', 0.9],
  ['last', 0.75],
];

describe('generated pages', () => {
  for (const [mode, floor] of FLOORS) {
    it(`${mode}: at least ${floor * 100}% come back exactly`, () => {
      const samples = samplePages(specs, mode, 150, 11);
      expect(samples.length).toBeGreaterThan(100);
      const failures = samples.map(checkSample).filter((r) => r !== null);
      expect((samples.length - failures.length) / samples.length).toBeGreaterThanOrEqual(floor);
    });
  }
});
