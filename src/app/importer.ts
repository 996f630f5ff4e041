import type { ImportOptions, ImportOutcome, ImportSource } from '../library/import.ts';
import { ImportCancelledError, type ImportedArticle } from '../library/import-rules.ts';
import type { LibraryEntry } from '../library/types.ts';
import { articleLabel } from '../library/label.ts';
import { ImportedWriteError, type AddResult } from '../storage/imported.ts';
import { strings } from '../strings.ts';
import type { ImportReport } from '../state/events.ts';
import { formatAlreadyImported, formatImportProblem, formatImported, importStrings } from '../strings-import.ts';

/**
 * One import, from what the listener chose to what the library shows: the sources are cleaned
 * (in the import worker, see import-client.ts), the articles are stored all together (those
 * imported before are not stored twice), and every problem becomes a message. Loaded by the shell
 * on the first import, with the worker client.
 *
 * A page that is also in the bundled library is imported all the same: the listener asked for it,
 * and it is listed under their own articles with its file name (its id differs, see
 * import-rules.ts, so it has its own reading position).
 *
 * Nothing is stored unless everything that is to be stored can be: a full disk or a worker crash
 * leaves the library as it was.
 */
export interface ImportDependencies {
  /**
   * Reads, decodes and cleans the sources (the worker); rejects when it cannot, and with
   * `ImportCancelledError` when the options' signal aborts.
   */
  clean(sources: readonly ImportSource[], options?: ImportOptions): Promise<ImportOutcome[]>;
  /** The imported articles' store. */
  store: { add(articles: readonly ImportedArticle[]): Promise<AddResult> };
}

export interface ImportResult extends ImportReport {
  /** For the polite status region: what was imported, and what was there already; `null`: nothing. */
  readonly announcement: string | null;
}

/** `options`: the progress of a long PDF, and the signal of the listener's 取消 (nothing is then stored). */
export async function runImport(
  sources: readonly ImportSource[],
  { clean, store }: ImportDependencies,
  options: ImportOptions = {},
): Promise<ImportResult> {
  let outcomes: ImportOutcome[];
  try {
    outcomes = await clean(sources, options);
  } catch (error) {
    if (error instanceof ImportCancelledError) return { ...result([], [], []), announcement: importStrings.importCancelled };
    return result([], [], [strings.importCrashed]);
  }
  if (options.signal?.aborted) return { ...result([], [], []), announcement: importStrings.importCancelled };
  const problems: string[] = [];
  const articles: ImportedArticle[] = [];
  for (const outcome of outcomes) {
    if (outcome.ok) articles.push(...outcome.articles);
    else problems.push(formatImportProblem(outcome.name, outcome.problem));
  }
  if (articles.length === 0) return result([], [], problems);
  try {
    const { added, duplicates } = await store.add(articles);
    return result(added, duplicates, problems);
  } catch (error) {
    if (!(error instanceof ImportedWriteError)) return result([], [], [...problems, strings.importCrashed]);
    return result([], [], [...problems, error.problem === 'full' ? importStrings.importFull : importStrings.importUnavailable]);
  }
}

function result(added: readonly LibraryEntry[], duplicates: readonly LibraryEntry[], problems: readonly string[]): ImportResult {
  const said = [
    added.length > 0 ? formatImported(added.map(articleLabel)) : '',
    duplicates.length > 0 ? formatAlreadyImported(duplicates.map(articleLabel)) : '',
  ].filter(Boolean);
  return { added, duplicates, problems, announcement: said.length > 0 ? said.join('') : null };
}
