import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { generateArchive } from '../../scripts/generate-archive.ts';

/**
 * A production build of a generated archive of three editions (three pages each, made from the
 * repository's sample pages by scripts/generate-archive.ts), served by `vite preview` on a port of
 * its own, one per Playwright worker. The build reads the raw pages from a temporary folder
 * (`TINGDU_CONTENT`); the bundled seed page is not in it. Specs using `test` from here get that
 * server as their `baseURL`.
 */
export const ARCHIVE_PAPER = 'tingdu';
export const ARCHIVE_DATES = ['2026-12-07', '2026-12-06', '2026-12-05'] as const;

interface ArchiveServer {
  url: string;
}

async function waitForServer(url: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (server.exitCode !== null) throw new Error(`the archive server stopped (exit code ${server.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the archive server did not answer at ${url}`);
}

export const test = base.extend<object, { archiveServer: ArchiveServer }>({
  archiveServer: [
    async ({}, use, workerInfo) => {
      const port = Number(process.env.PORT ?? 4173) + 500 + workerInfo.workerIndex;
      const content = mkdtempSync(join(tmpdir(), 'tingdu-archive-'));
      generateArchive(content, { pages: 9, pagesPerEdition: 3, paper: ARCHIVE_PAPER, latest: ARCHIVE_DATES[0] });
      const outDir = `dist-e2e-archive-${port}`;
      const server = spawn(
        `npx vite build --logLevel warn --outDir ${outDir} && npx vite preview --outDir ${outDir} --port ${port} --strictPort --host 127.0.0.1`,
        { shell: true, detached: true, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, TINGDU_CONTENT: content } },
      );
      const url = `http://127.0.0.1:${port}/`;
      try {
        await waitForServer(url, server);
        await use({ url });
      } finally {
        // The shell and its children (vite build, vite preview) are one process group: end it by its id.
        if (server.pid !== undefined && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
        rmSync(content, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ archiveServer }, use) => use(archiveServer.url),
});

export { expect } from '@playwright/test';
