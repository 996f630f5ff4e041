import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSource, type ImportSource } from '../library/import.ts';
import type { ImportedArticle } from '../library/import-rules.ts';
import { cleanText } from '../clean/index.ts';
import { ImportedWriteError, type AddResult, type ImportedEntry } from '../storage/imported.ts';
import { strings } from '../strings.ts';
import { runImport, type ImportDependencies } from './importer.ts';
import { importStrings } from '../strings-import.ts';

const bytes = (path: string): Buffer => readFileSync(new URL(path, import.meta.url));
/** A file as the file picker gives it (`slice()`: a copy backed by a plain ArrayBuffer, as BlobPart wants). */
const file = (name: string, content: Uint8Array | string): ImportSource => ({
  kind: 'file',
  name,
  file: new Blob([typeof content === 'string' ? content : content.slice()]),
});
const page01 = file('01.txt', bytes('../clean/fixtures/01/raw.txt'));
const page04gb = file('04-gb18030.txt', bytes('../../e2e/fixtures/import/04-gb18030.txt'));
const seed = bytes('../clean/fixtures/seed/raw.txt');
const titlesOf = (path: string): string[] => cleanText(bytes(path).toString('utf8')).articles.map((a) => a.title ?? '');

/**
 * The import pipeline run in this process (the worker runs the same code), and a store in memory
 * that, like ImportedStore, does not store an article twice.
 */
function setup(options: { addError?: Error; cleanError?: Error } = {}) {
  const stored: ImportedArticle[][] = [];
  const kept = new Map<string, ImportedEntry>();
  const deps: ImportDependencies = {
    async clean(sources) {
      if (options.cleanError) throw options.cleanError;
      return Promise.all(sources.map((source) => importSource(source)));
    },
    store: {
      async add(articles): Promise<AddResult> {
        if (options.addError) throw options.addError;
        const added: ImportedEntry[] = [];
        const duplicates: ImportedEntry[] = [];
        for (const [order, { entry }] of articles.entries()) {
          const existing = kept.get(entry.id);
          if (existing) duplicates.push(existing);
          else {
            const fresh = { ...entry, importedAt: 1, order };
            kept.set(entry.id, fresh);
            added.push(fresh);
          }
        }
        if (added.length > 0) stored.push(articles.filter((a) => added.some((e) => e.id === a.entry.id)));
        return { added, duplicates };
      },
    },
  };
  return { deps, stored };
}

describe('runImport', () => {
  it('two pages, UTF-8 and GB18030: every article stored in one write, and said', async () => {
    const { deps, stored } = setup();
    const result = await runImport([page01, page04gb], deps);
    const titles = [...titlesOf('../clean/fixtures/01/raw.txt'), ...titlesOf('../clean/fixtures/04/raw.txt')];
    expect(result.added.map((e) => e.title)).toEqual(titles);
    expect(stored.length).toBe(1);
    expect(result.problems).toEqual([]);
    expect(result.announcement).toBe(`已导入 ${titles.length} 篇文章：“${titles[0]}”、“${titles[1]}”、“${titles[2]}”和另外 ${titles.length - 3} 篇。`);
  });

  it('a good file among bad ones: the good one is imported, each bad one says why, by name', async () => {
    const { deps } = setup();
    const result = await runImport(
      [file('空.txt', ''), page01, file('photo.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])), file('notes.txt', 'hello world')],
      deps,
    );
    expect(result.added.map((e) => e.title)).toEqual(titlesOf('../clean/fixtures/01/raw.txt'));
    expect(result.problems).toEqual([
      '“空.txt”是空的，里面没有文字。',
      '“photo.png”不是文本文件（看起来是图片、压缩包或其他二进制文件）。请导入 .txt 文本文件。',
      '在“notes.txt”里没有找到文章。听读能整理的是从报纸版面 PDF 提取出的中文文字。',
    ]);
  });

  it('the bundled page, imported: its articles are the listener’s own; imported again: said to be there already', async () => {
    const { deps, stored } = setup();
    const bundledIds = cleanText(seed.toString('utf8')).articles.map((a) => a.id);
    const first = await runImport([file('seed.txt', seed)], deps);
    expect(first.added.map((e) => e.id)).toEqual(bundledIds.map((id) => `u-${id}`));
    expect(first.added.every((e) => e.source === 'seed.txt')).toBe(true);
    const again = await runImport([file('seed copy.txt', seed)], deps);
    expect(stored.length).toBe(1);
    expect(again.added).toEqual([]);
    expect(again.duplicates).toEqual(first.added);
    expect(again.announcement).toBe(`2 篇文章已在列表中：“${first.added[0]!.title}”、“${first.added[1]!.title}”。`);
  });

  it('a full disk: nothing imported, the listener told the disk is full', async () => {
    const { deps } = setup({ addError: new ImportedWriteError('full') });
    const result = await runImport([page01, file('empty.txt', '')], deps);
    expect(result.added).toEqual([]);
    expect(result.problems).toEqual(['“empty.txt”是空的，里面没有文字。', importStrings.importFull]);
    expect(result.problems[1]).toContain('存储空间已满');
    expect(result.announcement).toBeNull();
  });

  it('storage refused, or a worker crash: nothing imported, said so', async () => {
    expect((await runImport([page01], setup({ addError: new ImportedWriteError('unavailable') }).deps)).problems).toEqual([importStrings.importUnavailable]);
    const crashed = setup({ cleanError: new Error('worker died') });
    const result = await runImport([page01], crashed.deps);
    expect(result).toEqual({ added: [], duplicates: [], problems: [strings.importCrashed], announcement: null });
    expect(crashed.stored).toEqual([]);
  });
});
