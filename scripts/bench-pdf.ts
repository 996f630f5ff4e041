import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { chromiumPath, QUIET_FLAGS } from '../e2e/support/chromium.ts';
import { layoutPdf } from '../src/pdf/layout.ts';
import { readPdf } from '../src/pdf/load.ts';
import { servedBuild } from './bench-reader.ts';
import { median, row } from './bench-stats.ts';

/**
 * `npm run bench -- --only=pdf`: one newspaper page PDF (corpus/001/page.pdf) from the file input
 * to its articles listed, in the production build in Chromium (a fresh browser context each run,
 * so pdf.js's chunk is fetched each time, as on a first PDF import); and, in Node, how that splits
 * between pdf.js (parsing, text content) and the layout from geometry (src/pdf/). Medians.
 */
const RUNS = 5;
const PDF = 'corpus/001/page.pdf';

export async function benchPdf(root: string): Promise<void> {
  console.log(`\nPDF import (${PDF}, medians of ${RUNS})`);
  const bytes = new Uint8Array(readFileSync(join(root, PDF)));

  const read: number[] = [];
  const layout: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const pages = await readPdf(getDocument, bytes);
    const t1 = performance.now();
    layoutPdf(pages);
    read.push(t1 - t0);
    layout.push(performance.now() - t1);
  }
  const total = median(read) + median(layout);
  row('Node: pdf.js (parse, text content)', `${median(read).toFixed(0)} ms`, `${((median(read) / total) * 100).toFixed(0)}% of the two`);
  row('Node: layout from geometry', `${median(layout).toFixed(1)} ms`);

  const served = await servedBuild(root);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: QUIET_FLAGS });
  try {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ baseURL: served.url, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto('/', { waitUntil: 'networkidle' });
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: '导入文件' }).click();
      const fileChooser = await chooser;
      const listed = page.getByRole('region', { name: '我导入的文章' }).getByRole('listitem').first();
      const t0 = performance.now();
      await fileChooser.setFiles({ name: 'page.pdf', mimeType: 'application/pdf', buffer: Buffer.from(bytes) });
      await listed.waitFor();
      times.push(performance.now() - t0);
      await context.close();
    }
    row('Chromium: file input → articles listed', `${median(times).toFixed(0)} ms`, `target < 1000 ms; runs ${times.map((t) => t.toFixed(0)).join(', ')}`);
  } finally {
    await browser.close();
    await served.stop();
  }
}
