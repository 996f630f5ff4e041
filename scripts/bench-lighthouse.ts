/**
 * Lighthouse 12 (Node 20: Lighthouse 13 wants Node 22) on the production build served by
 * `vite preview`, with the system Chromium: performance, accessibility and best-practices scores
 * and the total byte weight, as medians of three runs (mobile emulation, Lighthouse's default).
 * Part of `npm run bench`.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, QUIET_FLAGS } from '../e2e/support/chromium.ts';
import { servedBuild } from './bench-reader.ts';
import { median, row } from './bench-stats.ts';

interface Report {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number; displayValue?: string }>;
}

export async function benchLighthouse(root: string): Promise<void> {
  console.log('\nLighthouse 12 (production build, mobile emulation, medians of 3)');
  const served = await servedBuild(root);
  const dir = mkdtempSync(join(tmpdir(), 'tingdu-lighthouse-'));
  const chrome = chromiumPath();
  try {
    const reports: Report[] = [];
    for (let run = 0; run < 3; run++) {
      const out = join(dir, `report-${run}.json`);
      // Asynchronous: the preview server runs in this process and must keep serving meanwhile.
      await promisify(execFile)(
        join(root, 'node_modules/.bin/lighthouse'),
        [
          served.url,
          '--only-categories=performance,accessibility,best-practices',
          '--output=json',
          `--output-path=${out}`,
          '--quiet',
          `--chrome-flags=--headless=new --no-sandbox --disable-gpu ${QUIET_FLAGS.join(' ')}`,
        ],
        { env: { ...process.env, ...(chrome ? { CHROME_PATH: chrome } : {}) }, maxBuffer: 64 * 1024 * 1024 },
      );
      reports.push(JSON.parse(readFileSync(out, 'utf8')) as Report);
    }
    const score = (key: string): number => median(reports.map((r) => Math.round((r.categories[key]?.score ?? 0) * 100)));
    row('performance', `${score('performance')}`, 'target 98');
    row('accessibility', `${score('accessibility')}`, 'target 100');
    row('best practices', `${score('best-practices')}`, 'target 100');
    const bytes = median(reports.map((r) => r.audits['total-byte-weight']?.numericValue ?? 0));
    row('total byte weight', `${(bytes / 1024).toFixed(1)} KB`, 'transferred, first load');
    const lcp = median(reports.map((r) => r.audits['largest-contentful-paint']?.numericValue ?? 0));
    row('largest contentful paint (simulated)', `${(lcp / 1000).toFixed(2)} s`, '');
    const cls = median(reports.map((r) => r.audits['cumulative-layout-shift']?.numericValue ?? 0));
    row('cumulative layout shift', cls.toFixed(3), 'target < 0.01');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await served.stop();
  }
}
