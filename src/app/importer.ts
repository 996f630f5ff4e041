import type { ImportOutcome, ImportSource } from '../library/import.ts';
import { cleanerId, type ImportedArticle } from '../library/import-rules.ts';
import type { LibraryEntry } from '../library/types.ts';
import { ImportedWriteError, type AddResult } from '../storage/imported.ts';
import { formatAlreadyImported, formatImportProblem, formatImported, strings } from '../strings.ts';
import type { ImportReport } from './events.ts';

/**
 * One import, from what the listener chose to what the library shows: the sources are cleaned
 * (in the import worker, see import-client.ts), articles already in the library are set aside, the
 * new ones are stored all together, and every problem becomes a message. Loaded by the shell on
 * the first import, with the worker client.
 *
 * Nothing is stored unless everything that is to be stored can be: a full disk or a worker crash
 * leaves the library as it was.
 */
export interface ImportDependencies {
  /** Reads, decodes and cleans the sources (the worker); rejects when it cannot. */
  clean(sources: readonly ImportSource[]): Promise<ImportOutcome[]>;
  /** The imported articles' store. */
  store: { add(articles: readonly ImportedArticle[]): Promise<AddResult> };
  /** The bundled articles (none while the bundled library is not loaded). */
  bundled: readonly LibraryEntry[];
}

export interface ImportResult extends ImportReport {
  /** For the polite status region: what was imported, and what was there already; `null`: nothing. */
  readonly announcement: string | null;
}

export async function runImport(sources: readonly ImportSource[], { clean, store, bundled }: ImportDependencies): Promise<ImportResult> {
  let outcomes: ImportOutcome[];
  try {
    outcomes = await clean(sources);
  } catch {
    return result([], [], [strings.importCrashed]);
  }
  const problems: string[] = [];
  const articles: ImportedArticle[] = [];
  for (const outcome of outcomes) {
    if (outcome.ok) articles.push(...outcome.articles);
    else problems.push(formatImportProblem(outcome.name, outcome.problem));
  }
  // An article of the bundled library, brought again: it is there already.
  const bundledById = new Map(bundled.map((entry) => [entry.id, entry]));
  const inBundle: LibraryEntry[] = [];
  const fresh: ImportedArticle[] = [];
  for (const article of articles) {
    const copy = bundledById.get(cleanerId(article.entry.id));
    if (!copy) fresh.push(article);
    else if (!inBundle.includes(copy)) inBundle.push(copy);
  }
  if (fresh.length === 0) return result([], inBundle, problems);
  try {
    const { added, duplicates } = await store.add(fresh);
    return result(added, [...inBundle, ...duplicates], problems);
  } catch (error) {
    if (!(error instanceof ImportedWriteError)) return result([], [], [...problems, strings.importCrashed]);
    return result([], [], [...problems, error.problem === 'full' ? strings.importFull : strings.importUnavailable]);
  }
}

function result(added: readonly LibraryEntry[], duplicates: readonly LibraryEntry[], problems: readonly string[]): ImportResult {
  const said = [
    added.length > 0 ? formatImported(added.map((e) => e.title)) : '',
    duplicates.length > 0 ? formatAlreadyImported(duplicates.map((e) => e.title)) : '',
  ].filter(Boolean);
  return { added, duplicates, problems, announcement: said.length > 0 ? said.join('') : null };
}
