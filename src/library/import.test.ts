import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../clean/index.ts';
import { importBytes, importSource, importText, type ImportOutcome } from './import.ts';
import { MAX_IMPORT_BYTES, importedId, isImportedId, type ImportedArticle } from './import-rules.ts';
import { countChars, countSentences } from './measure.ts';
import { leadOf } from './label.ts';
import { LIBRARY_FORMAT } from './types.ts';

const fixture = (path: string): Buffer => readFileSync(new URL(`../clean/fixtures/${path}`, import.meta.url));
const gb18030 = readFileSync(new URL('../../e2e/fixtures/import/04-gb18030.txt', import.meta.url));

function articles(outcome: ImportOutcome): ImportedArticle[] {
  if (!outcome.ok) throw new Error(`expected articles, got ${outcome.problem}`);
  return outcome.articles;
}

function problem(outcome: ImportOutcome): string {
  return outcome.ok ? `ok (${outcome.articles.length} articles)` : outcome.problem;
}

describe('imported ids', () => {
  it('are the cleaner’s ids behind a prefix no bundled id has', () => {
    expect(importedId('a-1qho6bo0jlsuci')).toBe('u-a-1qho6bo0jlsuci');
    expect(isImportedId('u-a-1')).toBe(true);
    expect(isImportedId('a-1')).toBe(false);
  });
});

describe('importBytes: decode, clean, library documents', () => {
  it('a UTF-8 page: its articles, ids prefixed, entries measured like the build’s', () => {
    const raw = fixture('01/raw.txt');
    const page = cleanText(raw.toString('utf8'));
    const found = articles(importBytes(raw, '01.txt'));
    expect(found.map((a) => a.entry.title)).toEqual(page.articles.map((a) => a.title));
    expect(found.length).toBeGreaterThan(1);
    for (const [i, { entry, document }] of found.entries()) {
      const cleaned = page.articles[i]!;
      expect(entry.id).toBe(`u-${cleaned.id}`);
      expect(document.article).toEqual({ ...cleaned, id: entry.id });
      expect(document).toMatchObject({ format: LIBRARY_FORMAT, notes: page.notes, source: '01.txt' });
      expect(entry).toEqual({
        id: entry.id,
        kicker: cleaned.kicker,
        title: cleaned.title,
        subtitle: cleaned.subtitle,
        byline: cleaned.byline,
        lead: leadOf(cleaned.sections.flatMap((s) => s.paragraphs)),
        chars: countChars(cleaned),
        sentences: countSentences(cleaned),
        source: '01.txt',
      });
    }
  });

  it('the same text twice gives the same ids (how a re-import is recognised)', () => {
    const ids = (outcome: ImportOutcome) => articles(outcome).map((a) => a.entry.id);
    expect(ids(importBytes(fixture('04/raw.txt'), 'a.txt'))).toEqual(ids(importBytes(fixture('04/raw.txt'), 'b.txt')));
  });

  it('GB18030 (GBK) and UTF-16 with a BOM read as the same page as UTF-8', () => {
    const utf8 = articles(importBytes(fixture('04/raw.txt'), '04.txt'));
    expect(articles(importBytes(gb18030, '04.txt'))).toEqual(utf8);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixture('04/raw.txt').toString('utf8'), 'utf16le')]);
    expect(articles(importBytes(utf16, '04.txt'))).toEqual(utf8);
  });

  it('another extractor’s print of a page gives the same titles', () => {
    const titles = (outcome: ImportOutcome) => articles(outcome).map((a) => a.entry.title);
    expect(titles(importBytes(fixture('06/alt/raw_pdfminer.txt'), 'x.txt'))).toEqual(titles(importBytes(fixture('06/raw.txt'), 'y.txt')));
  });

  it('says what is wrong with anything else', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const latin1 = Uint8Array.from([...new TextEncoder().encode('caf'), 0xe9, 0x20, 0x61, 0xff]);
    const cases: Array<[string, Uint8Array, string]> = [
      ['no bytes', new Uint8Array(0), 'empty'],
      ['only white space', new TextEncoder().encode(' \n\n\t \r\n'), 'empty'],
      ['a UTF-8 BOM and nothing else', Uint8Array.from([0xef, 0xbb, 0xbf]), 'empty'],
      ['an image', png, 'binary'],
      ['neither UTF-8 nor GB18030', latin1, 'encoding'],
      ['text with no article in it', new TextEncoder().encode('hello world\n'), 'no-articles'],
      // What an extractor prints from fonts without a Unicode mapping.
      ['symbol soup', new TextEncoder().encode('!"#$%&\'()*+,-./ 0 1\n2 3 4 5 6 7 8 9 : ; < = > ? @\n#$% &\'( )*+ ,-. /01 234\n'), 'unreadable'],
      ['Latin-1 mojibake', new TextEncoder().encode('ÈgGH¡¢Þß\nÄÚÃÉ¹Å×ÔÖÎÇø°üÍ·ÊÐ\nÖÐ¼¶ÈËÃñ·¨Ôº\nµ³×éÊé¼Ç¡¢Ôº³¤\n'), 'unreadable'],
    ];
    for (const [what, bytes, expected] of cases) expect(problem(importBytes(bytes, 'x.txt')), what).toBe(expected);
  });

  it('a file named .pdf that is not a PDF, and a PDF that is broken, each say so (by signature, whatever the name)', async () => {
    const source = (name: string, text: string) => ({ kind: 'file' as const, name, file: new Blob([text]) });
    expect(problem(await importSource(source('page.pdf', '头版 今日要闻\n')))).toBe('not-pdf');
    expect(problem(await importSource(source('page.txt', '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n')))).toBe('pdf-damaged');
  });

  it('refuses more than 20 MB', () => {
    expect(MAX_IMPORT_BYTES).toBe(20 * 1024 * 1024);
    expect(problem(importBytes(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41), 'big.txt'))).toBe('too-large');
  });
});

describe('importText (pasted text)', () => {
  it('cleans like a file, with the given name as the source', () => {
    const text = fixture('06/raw.txt').toString('utf8');
    const found = articles(importText(text, '粘贴的文本'));
    expect(found.map((a) => a.entry.title)).toEqual(articles(importBytes(fixture('06/raw.txt'), 'x')).map((a) => a.entry.title));
    expect(found.every((a) => a.entry.source === '粘贴的文本' && a.document.source === '粘贴的文本')).toBe(true);
  });

  it('measures its size in UTF-8: 7 million Han characters are over 20 MB', () => {
    expect(problem(importText('中'.repeat(7_000_000), 'x'))).toBe('too-large');
    expect(problem(importText('   ', 'x'))).toBe('empty');
  });
});

describe('importSource', () => {
  it('reads a file (a Blob) and cleans it', async () => {
    const outcome = await importSource({ kind: 'file', name: '04.txt', file: new Blob([gb18030]) });
    expect(articles(outcome).length).toBe(articles(importBytes(gb18030, '04.txt')).length);
  });

  it('refuses a file over the limit without reading it', async () => {
    const file = new Blob([new Uint8Array(MAX_IMPORT_BYTES + 1)]);
    file.arrayBuffer = () => Promise.reject(new Error('must not be read'));
    await expect(importSource({ kind: 'file', name: 'big.txt', file })).resolves.toEqual({ name: 'big.txt', ok: false, problem: 'too-large' });
  });

  it('takes pasted text as it is', async () => {
    await expect(importSource({ kind: 'text', name: 'p', text: 'hello' })).resolves.toMatchObject({ ok: false, problem: 'no-articles' });
  });
});
