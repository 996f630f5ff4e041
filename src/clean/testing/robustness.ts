/**
 * Generated pages for measuring the cleaner beyond the sample pages: the sample pages' expected
 * articles, set again in random measures and printed with random extractor noise (typeset.ts),
 * in three orders: `one` article a page, `natural` (two or three in reading order) and `last`
 * (their titles printed after all the bodies, as the seed page does). Shared by
 * `npm run eval:robust` and the unit tests. Pure TypeScript: the caller passes the sources.
 */
import fc from 'fast-check';
import { cleanText } from '../index.ts';
import type { ExpectedPage } from './score.ts';
import { endsAmbiguously, printArticle, printPage, type ArticleSpec, type PrintStyle } from './typeset.ts';

export type Mode = 'one' | 'natural' | 'last';

export interface Sample {
  text: string;
  articles: ArticleSpec[];
  style: PrintStyle;
}

type ExpectedWithLines = ExpectedPage['articles'][number] & { title_lines?: string[] };

/** The articles of expected pages as typesetting specs (titles in their printed lines). */
export function sources(pages: readonly ExpectedPage[]): ArticleSpec[] {
  return pages
    .flatMap((p) => p.articles as ExpectedWithLines[])
    .map((a) => ({
      title: a.title_lines ?? [a.title],
      sections: a.sections.map((s) => ({ ...(s.heading ? { heading: s.heading.replace(/\s+/g, '') } : {}), paragraphs: s.paragraphs })),
    }));
}

const sq = (s: string): string => s.replace(/\s+/g, '');

/**
 * `n` pages drawn with `seed` (the same pages every time), leaving out the ones whose paragraph
 * ends no printed text could tell (see `endsAmbiguously`).
 */
export function samplePages(specs: readonly ArticleSpec[], mode: Mode, n: number, seed = 7): Sample[] {
  const article = fc
    .record({ source: fc.integer({ min: 0, max: specs.length - 1 }), sections: fc.integer({ min: 1, max: 3 }), paragraphs: fc.integer({ min: 2, max: 4 }) })
    .map(({ source, sections, paragraphs }) => {
      const a = specs[source]!;
      return { source, title: a.title, sections: a.sections.slice(0, sections).map((s, i) => ({ ...(i > 0 && s.heading ? { heading: s.heading } : {}), paragraphs: s.paragraphs.slice(0, paragraphs) })) };
    });
  const style = fc.record<PrintStyle>({ measure: fc.integer({ min: 12, max: 17 }), blankLines: fc.boolean(), doubled: fc.constantFrom('none', 'lines', 'runs'), latinSpaces: fc.boolean() });
  const clear = (a: ArticleSpec, m: number): boolean => a.sections.every((s) => s.paragraphs.every((p) => !endsAmbiguously(p, m)));
  const out: (Sample | null)[] =
    mode === 'one'
      ? fc.sample(fc.tuple(article, style), { numRuns: n, seed }).map(([a, s]) => (clear(a, s.measure) ? { text: printPage(printArticle(a, s), s), articles: [a], style: s } : null))
      : fc
          .sample(fc.tuple(fc.uniqueArray(article, { minLength: 2, maxLength: 3, selector: (a) => a.source }), style, fc.shuffledSubarray([12, 14, 16, 17], { minLength: 3, maxLength: 3 })), { numRuns: n, seed })
          .map(([list, s, ms]) => {
            if (!list.every((a, i) => clear(a, ms[i]!))) return null;
            const printed = list.map((a, i) => printArticle(a, { ...s, measure: ms[i]! }));
            const text = mode === 'last' ? printPage([...printed.flatMap((b) => b.slice(1)), ...printed.map((b) => b[0]!).reverse()], s) : printPage(printed.flat(), s);
            return { text, articles: list, style: s };
          });
  return out.filter((x): x is Sample => x !== null);
}

/** Cleans a sample page and says what differs from what was set (null: nothing). */
export function checkSample(sample: Sample): string | null {
  const page = cleanText(sample.text);
  const got = page.articles.map((a) => sq(a.title ?? '')).sort();
  const exp = sample.articles.map((a) => sq(a.title.join(''))).sort();
  if (JSON.stringify(got) !== JSON.stringify(exp)) return `titles: got ${JSON.stringify(got)} exp ${JSON.stringify(exp)}`;
  for (const spec of sample.articles) {
    const a = page.articles.find((x) => sq(x.title ?? "") === sq(spec.title.join("")))!;
    const g = a.sections.map((s) => ({ h: s.heading && sq(s.heading), p: s.paragraphs.map(sq) }));
    const e = spec.sections.map((s) => ({ h: s.heading ?? null, p: s.paragraphs.map(sq) }));
    if (JSON.stringify(g.map((x) => x.h)) !== JSON.stringify(e.map((x) => x.h))) return `headings: got ${JSON.stringify(g.map((x) => x.h))} exp ${JSON.stringify(e.map((x) => x.h))}`;
    if (JSON.stringify(g.map((x) => x.p.join(''))) !== JSON.stringify(e.map((x) => x.p.join('')))) return 'text';
    if (JSON.stringify(g) !== JSON.stringify(e)) return 'paragraph breaks';
  }
  return null;
}
