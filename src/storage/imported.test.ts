import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importBytes } from '../library/import.ts';
import type { ImportedArticle } from '../library/import-rules.ts';
import {
  IMPORTED_VERSION,
  ImportedChangeEvent,
  ImportedStore,
  ImportedWriteError,
  parseImportedDocument,
  parseImportedEntry,
  serializeImported,
  type ImportedBackend,
} from './imported.ts';
import { StorageProblemEvent, type StorageProblem } from './problems.ts';

/** Real imported articles: the sample pages through the import pipeline. */
function page(name: string): ImportedArticle[] {
  const outcome = importBytes(readFileSync(new URL(`../clean/fixtures/${name}/raw.txt`, import.meta.url)), `${name}.txt`);
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.articles;
}
const page01 = page('01');
const page04 = page('04');

/**
 * A backend over two Maps, as IndexedDB behaves: a write is all or nothing. Its calls can be made
 * to fail.
 */
function memoryBackend() {
  const state = {
    entries: new Map<IDBValidKey, unknown>(),
    documents: new Map<IDBValidKey, unknown>(),
    puts: 0,
    recovered: false,
    loadError: null as Error | null,
    putError: null as Error | null,
    deleteError: null as Error | null,
  };
  const backend: ImportedBackend = {
    async loadEntries() {
      if (state.loadError) throw state.loadError;
      return { entries: [...state.entries], recovered: state.recovered };
    },
    async loadDocument(id) {
      return state.documents.get(id);
    },
    async put(records) {
      state.puts++;
      if (state.putError) throw state.putError;
      for (const { id, entry, document } of records) {
        state.entries.set(id, structuredClone(entry));
        state.documents.set(id, structuredClone(document));
      }
    },
    async delete(ids) {
      if (state.deleteError) throw state.deleteError;
      for (const id of ids) {
        state.entries.delete(id);
        state.documents.delete(id);
      }
    },
  };
  return { backend, state };
}

/** Stores articles the way the store does, as if an earlier session had imported them. */
function stored(state: ReturnType<typeof memoryBackend>['state'], articles: readonly ImportedArticle[], importedAt: number): void {
  articles.forEach((article, order) => {
    const { entry, document } = serializeImported(article, importedAt, order);
    state.entries.set(article.entry.id, entry);
    state.documents.set(article.entry.id, document);
  });
}

function problems(store: ImportedStore): StorageProblem[] {
  const seen: StorageProblem[] = [];
  store.addEventListener(StorageProblemEvent.type, (e) => seen.push((e as StorageProblemEvent).problem));
  return seen;
}

const titles = (store: ImportedStore): string[] => store.entries.map((e) => e.title ?? '');
const quotaError = (): DOMException => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('parseImportedEntry and parseImportedDocument', () => {
  const article = page01[0]!;
  const { entry, document } = serializeImported(article, 1_700_000_000_000, 0);

  it('read back what is stored', () => {
    expect(parseImportedEntry(structuredClone(entry), article.entry.id)).toEqual({ ...article.entry, importedAt: 1_700_000_000_000, order: 0 });
    expect(parseImportedDocument(structuredClone(document), article.entry.id)).toEqual(article.document);
    expect(Object.isFrozen(parseImportedEntry(entry))).toBe(true);
  });

  it('read records stored before kickers and subtitles (library format 1) as having none', () => {
    const { kicker: _k, subtitle: _s, lead: _l, ...oldLine } = entry.entry;
    const { kicker: _k2, subtitle: _s2, ...oldArticle } = document.document.article;
    const oldEntry = { ...entry, entry: oldLine };
    const oldDocument = { ...document, document: { ...document.document, format: 1, article: oldArticle } };
    expect(parseImportedEntry(oldEntry, article.entry.id)).toEqual({ ...article.entry, kicker: null, subtitle: null, lead: '', importedAt: 1_700_000_000_000, order: 0 });
    expect(parseImportedDocument(oldDocument, article.entry.id)).toEqual({ ...article.document, article: { ...article.document.article, kicker: null, subtitle: null } });
  });

  it('read an untitled article, labelled by its lead', () => {
    const untitled = { ...entry, entry: { ...entry.entry, title: null, lead: '第一段的开头' } };
    expect(parseImportedEntry(untitled, article.entry.id)?.title).toBeNull();
  });

  it('refuse a record of another shape, version or key', () => {
    const withEntry = (fields: Record<string, unknown>) => ({ ...entry, entry: { ...entry.entry, ...fields } });
    const badEntries: unknown[] = [
      null,
      'u-a-1',
      [entry],
      { ...entry, version: IMPORTED_VERSION + 1 },
      { ...entry, version: undefined },
      { ...entry, importedAt: 0 },
      { ...entry, importedAt: NaN },
      { ...entry, order: -1 },
      { ...entry, entry: null },
      withEntry({ id: article.entry.id.slice(2) }), // a bundled id: never stored here
      withEntry({ id: 7 }),
      withEntry({ title: '' }),
      withEntry({ title: 3 }),
      withEntry({ title: null, lead: '' }), // untitled, and nothing to label it by
      withEntry({ kicker: 4 }),
      withEntry({ subtitle: [] }),
      withEntry({ byline: 5 }),
      withEntry({ chars: 1.5 }),
      withEntry({ sentences: 0 }),
      withEntry({ source: null }),
    ];
    for (const value of badEntries) expect(parseImportedEntry(value, article.entry.id), JSON.stringify(value)).toBeNull();
    expect(parseImportedEntry(entry, 'u-a-other')).toBeNull();

    const doc = document.document;
    const withArticle = (fields: Record<string, unknown>) => ({ ...document, document: { ...doc, article: { ...doc.article, ...fields } } });
    const badDocuments: unknown[] = [
      undefined,
      { ...document, version: 0 },
      { ...document, document: { ...doc, format: 3 } },
      { ...document, document: { ...doc, notes: 'note' } },
      { ...document, document: { ...doc, notes: [1] } },
      { ...document, document: { ...doc, source: undefined } },
      withArticle({ title: '' }),
      withArticle({ kicker: 1 }),
      withArticle({ sections: [] }),
      withArticle({ sections: [{ heading: null, paragraphs: 'text' }] }),
      withArticle({ sections: [{ heading: 1, paragraphs: [] }] }),
      withArticle({ sections: [{ heading: null, paragraphs: [null] }] }),
    ];
    for (const value of badDocuments) expect(parseImportedDocument(value, article.entry.id), JSON.stringify(value)).toBeNull();
    expect(parseImportedDocument(document, 'u-a-other')).toBeNull();
  });
});

describe('ImportedStore', () => {
  it('loads the stored list in the order of import, silently when all is well', async () => {
    const { backend, state } = memoryBackend();
    stored(state, page04, 2000);
    stored(state, page01, 1000);
    const store = new ImportedStore(backend);
    const seen = problems(store);
    let changes = 0;
    store.addEventListener(ImportedChangeEvent.type, () => changes++);
    await store.load();
    expect(titles(store)).toEqual([...page01, ...page04].map((a) => a.entry.title));
    expect(store.get(page04[1]!.entry.id)).toMatchObject({ title: page04[1]!.entry.title, importedAt: 2000, order: 1 });
    expect(changes).toBe(1);
    expect(seen).toEqual([]);
    await expect(store.document(page04[1]!.entry.id)).resolves.toEqual(page04[1]!.document);
    await expect(store.document('u-a-none')).resolves.toBeNull();
  });

  it('drops and deletes unusable records (with their articles), keeps the good ones, and says so', async () => {
    const { backend, state } = memoryBackend();
    stored(state, page01, 1000);
    state.entries.set('u-a-bad', { version: 99 });
    state.documents.set('u-a-bad', { version: 1, document: {} });
    state.entries.set(42, 'garbage');
    const store = new ImportedStore(backend);
    const seen = problems(store);
    await store.load();
    expect(titles(store)).toEqual(page01.map((a) => a.entry.title));
    expect([...state.entries.keys()].sort()).toEqual(page01.map((a) => a.entry.id).sort());
    expect(state.documents.has('u-a-bad')).toBe(false);
    expect(seen).toEqual(['imported-reset']);
  });

  it('an article whose text is unusable: not opened, deleted, said so', async () => {
    const { backend, state } = memoryBackend();
    stored(state, page01, 1000);
    const [broken, kept] = page01.map((a) => a.entry.id) as [string, string];
    state.documents.set(broken, { version: 1, document: { format: 1, article: { id: broken } } });
    const store = new ImportedStore(backend);
    const seen = problems(store);
    await store.load();
    await expect(store.document(broken)).resolves.toBeNull();
    expect(store.get(broken)).toBeNull();
    expect(state.entries.has(broken)).toBe(false);
    expect(store.get(kept)).not.toBeNull();
    expect(seen).toEqual(['imported-reset']);
  });

  it('add: stores every article, line and text, in the order of the page, and tells who listens', async () => {
    const { backend, state } = memoryBackend();
    const store = new ImportedStore(backend);
    let changes = 0;
    store.addEventListener(ImportedChangeEvent.type, () => changes++);
    const result = await store.add(page01, 5000);
    expect(result.added.map((e) => e.id)).toEqual(page01.map((a) => a.entry.id));
    expect(result.duplicates).toEqual([]);
    expect(titles(store)).toEqual(page01.map((a) => a.entry.title));
    expect(changes).toBe(2); // loaded, added
    // What was stored reads back: a new session sees the same.
    const again = new ImportedStore(backend);
    await again.load();
    expect(again.entries).toEqual(store.entries);
    await expect(again.document(page01[0]!.entry.id)).resolves.toEqual(page01[0]!.document);
    expect(state.puts).toBe(1);
  });

  it('add: the same text again adds nothing and names what is there already; a copy within one import counts once', async () => {
    const { backend, state } = memoryBackend();
    const store = new ImportedStore(backend);
    await store.add(page01, 1000);
    const again = await store.add(page01, 2000);
    expect(again.added).toEqual([]);
    expect(again.duplicates.map((e) => e.id)).toEqual(page01.map((a) => a.entry.id));
    expect(again.duplicates[0]!.importedAt).toBe(1000); // the copy already here
    expect(state.puts).toBe(1); // nothing written
    const mixed = await store.add([page01[0]!, ...page04, ...page04], 3000);
    expect(mixed.added.map((e) => e.id)).toEqual(page04.map((a) => a.entry.id));
    expect(mixed.duplicates.map((e) => e.id)).toEqual([page01[0]!.entry.id]);
    expect(titles(store)).toEqual([...page01, ...page04].map((a) => a.entry.title));
  });

  it('add on a full disk: rejects as `full`, nothing written, the list unchanged, and the next try works', async () => {
    const { backend, state } = memoryBackend();
    const store = new ImportedStore(backend);
    await store.add(page01, 1000);
    const before = store.entries;
    let changes = 0;
    store.addEventListener(ImportedChangeEvent.type, () => changes++);
    state.putError = quotaError();
    const failed = store.add(page04, 2000);
    await expect(failed).rejects.toBeInstanceOf(ImportedWriteError);
    await expect(failed).rejects.toMatchObject({ problem: 'full' });
    expect(store.entries).toBe(before);
    expect(changes).toBe(0);
    expect([...state.entries.keys()]).toEqual(page01.map((a) => a.entry.id));
    expect(state.documents.size).toBe(page01.length);
    state.putError = null;
    await expect(store.add(page04, 3000)).resolves.toMatchObject({ added: page04.map((a) => expect.objectContaining({ id: a.entry.id })) });
  });

  it('add where storage is refused: rejects as `unavailable`; a re-import is still recognised', async () => {
    const refused = memoryBackend();
    refused.state.loadError = new DOMException('no', 'InvalidStateError');
    const store = new ImportedStore(refused.backend);
    await expect(store.add(page01)).rejects.toMatchObject({ problem: 'unavailable' });
    expect(store.entries).toEqual([]);

    const broken = memoryBackend();
    broken.state.putError = new DOMException('gone', 'UnknownError');
    const other = new ImportedStore(broken.backend);
    await expect(other.add(page01)).rejects.toMatchObject({ problem: 'unavailable' });
  });

  it('refuses to store what it could not read back', async () => {
    const { backend, state } = memoryBackend();
    const store = new ImportedStore(backend);
    const bad: ImportedArticle = { ...page01[0]!, entry: { ...page01[0]!.entry, title: '' } };
    await expect(store.add([page01[1]!, bad])).rejects.toBeInstanceOf(TypeError);
    expect(state.entries.size).toBe(0);
    expect(store.entries).toEqual([]);
  });

  it('delete: the line and the text go; a failed delete keeps the article', async () => {
    const { backend, state } = memoryBackend();
    const store = new ImportedStore(backend);
    await store.add([...page01, ...page04], 1000);
    const [first, second] = page01.map((a) => a.entry.id) as [string, string];
    await store.delete(first);
    expect(store.get(first)).toBeNull();
    expect(state.entries.has(first)).toBe(false);
    expect(state.documents.has(first)).toBe(false);
    await expect(store.document(first)).resolves.toBeNull();

    state.deleteError = new DOMException('gone', 'UnknownError');
    await expect(store.delete(second)).rejects.toMatchObject({ problem: 'unavailable' });
    expect(store.get(second)).not.toBeNull();
    expect(titles(store)).toEqual([page01[1]!, ...page04].map((a) => a.entry.title));
  });

  it('runs writes one at a time, in the order asked', async () => {
    const { backend } = memoryBackend();
    const store = new ImportedStore(backend);
    const id = page01[0]!.entry.id;
    const adding = store.add(page01, 1000);
    const deleting = store.delete(id);
    const addingAgain = store.add([page01[0]!], 2000);
    await adding;
    await deleting;
    await expect(addingAgain).resolves.toMatchObject({ added: [expect.objectContaining({ id, importedAt: 2000 })] });
    expect(store.entries.at(-1)?.id).toBe(id); // imported last, listed last
  });
});
