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

describe('clean --explain', () => {
  it('prints every block with its role and evidence, and the articles', () => {
    const path = join(dir, 'explain.txt');
    const body = [
      '海滨市文化中心昨日正式对外开',
      '放。据介绍，该中心总建筑面积两万',
      '平方米，设有图书馆、剧场和展览',
      '馆，可同时容纳三千名市民参观。',
    ];
    writeFileSync(path, ['— 3 —', '文化中心开门迎客', '文化中心开门迎客', ...body, '本报记者 陈明 摄'].join('\n'));
    let out = '';
    const status = runCleanCli(['--explain', path], { stdout: (t) => (out += t), stderr: () => {} });
    expect(status).toBe(0);
    expect(out).toMatch(/line 1 +furniture +「— 3 —」/);
    expect(out).toMatch(/headline +→ title of article 0 「文化中心开门迎客」 \(fake bold/);
    expect(out).toMatch(/body +「海滨市文化中心.*measure 16\.0 em, first line set in, ends a sentence/);
    expect(out).toMatch(/credit +「本报记者 陈明 摄」/);
    expect(out).toMatch(/0: title 「文化中心开门迎客」; 1 sections, 1 paragraphs/);
  });
});
