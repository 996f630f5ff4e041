import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { cleanText } from '../src/clean/index.ts';
import { libraryEntry } from '../src/library/measure.ts';
import {
  LIBRARY_FORMAT,
  type ArticleDocument,
  type LibraryEntry,
  type LibraryIndex,
} from '../src/library/types.ts';
import { decodeRaw } from '../src/library/decode.ts';

/** Where the published files live under the site's base: `articles/index.json`, `articles/<id>.json`. */
export const ARTICLES_DIR = 'articles';

/**
 * Cleans every `content/raw/*.txt` with the project's cleaner and publishes the result as static
 * JSON: at build time as emitted assets (so the service worker precaches them), and in the dev
 * server from memory, rebuilt when a raw file changes. Nothing is hand-edited.
 */
export function articlesPlugin(options: { rawDir?: string } = {}): Plugin {
  let rawDir = '';
  let files = new Map<string, string>();

  const rebuild = (): void => {
    files = buildLibrary(rawDir);
  };

  return {
    name: 'tingdu-articles',
    configResolved(config) {
      rawDir = resolve(config.root, options.rawDir ?? 'content/raw');
      rebuild();
    },
    buildStart() {
      for (const file of listRaw(rawDir)) this.addWatchFile(file);
    },
    generateBundle() {
      rebuild();
      for (const [name, json] of files) {
        this.emitFile({ type: 'asset', fileName: `${ARTICLES_DIR}/${name}`, source: json });
      }
    },
    configureServer(server: ViteDevServer) {
      server.watcher.add(rawDir);
      server.watcher.on('all', (_event, path) => {
        if (path.startsWith(rawDir)) {
          rebuild();
          server.ws.send({ type: 'full-reload' });
        }
      });
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0]!;
        const prefix = `${server.config.base}${ARTICLES_DIR}/`;
        if (!url.startsWith(prefix)) return next();
        const json = files.get(url.slice(prefix.length));
        if (json === undefined) return next();
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(json);
      });
    },
  };
}

function listRaw(rawDir: string): string[] {
  return readdirSync(rawDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => join(rawDir, name));
}

/** Cleans every raw page: returns file name → JSON text of the library index and of each article. */
export function buildLibrary(rawDir: string): Map<string, string> {
  const out = new Map<string, string>();
  const entries: LibraryEntry[] = [];
  for (const file of listRaw(rawDir)) {
    const source = basename(file);
    const page = cleanText(decodeRaw(readFileSync(file), source));
    for (const article of page.articles) {
      if (out.has(`${article.id}.json`)) throw new Error(`${source}: article id ${article.id} is used twice`);
      const doc: ArticleDocument = { format: LIBRARY_FORMAT, article, notes: page.notes, source };
      out.set(`${article.id}.json`, JSON.stringify(doc));
      entries.push(libraryEntry(article, source));
    }
  }
  const index: LibraryIndex = { format: LIBRARY_FORMAT, articles: entries };
  out.set('index.json', JSON.stringify(index));
  return out;
}
