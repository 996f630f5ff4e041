/** The `clean` command line: unreadable text is one line on stderr and exit status 1. */
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, runCleanCli } from './clean-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tingdu-clean-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(text: string): { status: number; out: string; err: string } {
  const path = join(dir, 'page.txt');
  writeFileSync(path, text);
  let out = '';
  let err = '';
  const status = runCleanCli([path], { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { status, out, err };
}

describe('clean command line', () => {
  it('refuses symbol soup with exit 1 and one line', () => {
    const r = run('!"#$%&\'()*+,-./ 0 1\n2 3 4 5 6 7 8 9 : ; < = > ?\n#$% &\'( )*+ ,-. /01\n');
    expect(r.status).toBe(EXIT_BAD_INPUT);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/cannot be read/);
  });

  it('refuses Latin-1 mojibake the same way', () => {
    const r = run('ÈgGH¡¢Þß\nÄÚÃÉ¹Å×ÔÖÎÇø°üÍ·ÊÐ\nÖÐ¼¶ÈËÃñ·¨Ôº\n');
    expect(r.status).toBe(EXIT_BAD_INPUT);
    expect(r.err).toMatch(/mojibake/);
  });
});
