import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { installFakeSpeech, type FakeSpeech } from './fixtures/fake-speech.ts';
import { play, sentence } from './support/app.ts';
import { pasteAndOpen } from './support/spoken-page.ts';

/**
 * 读音词典: the listener's own pronunciations apply to what is said, never to what is shown; they
 * are kept on the device across a reload, exported and imported as a small JSON file; bad entries
 * are refused with one message, and what was typed stays.
 */

function dictionary(page: Page): Locator {
  return page.getByRole('dialog', { name: '设置' }).getByRole('region', { name: '读音词典' });
}

async function openSettings(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: '设置' }).click();
  await expect(page.getByRole('dialog', { name: '设置' })).toBeVisible();
  return dictionary(page);
}

async function add(section: Locator, from: string, to: string): Promise<void> {
  await section.getByRole('textbox', { name: '原文' }).fill(from);
  await section.getByRole('textbox', { name: '读作' }).fill(to);
  await section.getByRole('button', { name: '添加' }).click();
}

/** Reads the sentence holding 银行行长 and returns what was said for it. */
async function sayBankSentence(page: Page, tts: FakeSpeech): Promise<string> {
  await tts.clearLog();
  const index = await page
    .locator('tts-reader article .s')
    .evaluateAll((elements) => elements.findIndex((e) => e.textContent?.includes('银行行长')));
  await sentence(page, index).click();
  await expect.poll(async () => (await tts.log()).map((e) => e.text).join('')).toContain('每天');
  await page.getByRole('button', { name: '暂停', exact: true }).click();
  await expect(play(page)).toBeVisible();
  return (await tts.log()).map((e) => e.text).join('');
}

test('a pronunciation applies to what is said only, survives a reload, and is exported and imported', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  const tts = await installFakeSpeech(page);
  await pasteAndOpen(page);
  expect(await sayBankSentence(page, tts)).toContain('银行行长说');

  let section = await openSettings(page);
  await expect(section.getByText('词典里还没有词。')).toBeVisible();
  await add(section, '行长', '航长');
  await expect(section.getByRole('status')).toHaveText('已添加：行长 读作 航长');
  await expect(section.getByRole('list', { name: '词典中的词' }).getByRole('listitem')).toHaveText(['行长 → 航长 删除“行长”']);
  await expect(section.getByRole('textbox', { name: '原文' })).toBeFocused();
  expect(await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);
  await page.keyboard.press('Escape');

  expect(await sayBankSentence(page, tts)).toContain('银行航长说');
  // The page still shows what was printed.
  await expect(page.getByRole('article', { name: '正文' })).toContainText('银行行长说');
  await expect(page.getByRole('article', { name: '正文' })).not.toContainText('航长');

  // Kept on the device.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await sayBankSentence(page, tts)).toContain('银行航长说');

  // Exported as a small JSON file…
  section = await openSettings(page);
  const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: '导出词典' }).click()]);
  const path = testInfo.outputPath('exported.json');
  await download.saveAs(path);
  const exported = JSON.parse(readFileSync(path, 'utf8')) as { format: string; entries: unknown[] };
  expect(exported.format).toBe('tingdu-pronunciations');
  expect(exported.entries).toEqual([{ from: '行长', to: '航长' }]);

  // …and imported: merged in, an entry with the same word replaced, a bad one refused and counted.
  await section.getByRole('button', { name: '删除“行长”' }).click();
  await expect(section.getByText('词典里还没有词。')).toBeVisible();
  const file = {
    format: 'tingdu-pronunciations',
    version: 1,
    entries: [...exported.entries, { from: '长大', to: '涨大' }, { from: '甲', to: '' }],
  };
  await section.locator('input[type="file"]').setInputFiles({
    name: 'words.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(section.getByRole('status')).toHaveText('已导入 2 个词，1 个无效的词没有导入。');
  await expect(section.getByRole('listitem')).toHaveText(['行长 → 航长 删除“行长”', '长大 → 涨大 删除“长大”']);
  // A file that is not a dictionary changes nothing, and says so.
  await section.locator('input[type="file"]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"a":1}') });
  await expect(section.getByRole('alert')).toHaveText('这个文件不是听读的读音词典，词典没有改变。');
  await expect(section.getByRole('listitem')).toHaveCount(2);
});

test('bad entries are refused with one message each, and what was typed stays', async ({ page }) => {
  await installFakeSpeech(page);
  await page.goto('/');
  const section = await openSettings(page);
  const from = section.getByRole('textbox', { name: '原文' });
  const to = section.getByRole('textbox', { name: '读作' });

  await add(section, '行长', '');
  await expect(section.getByRole('alert')).toHaveText('“原文”和“读作”都要填写。');
  await expect(from).toHaveValue('行长');
  await expect(to).toBeFocused();
  await expect(from).toHaveAttribute('aria-invalid', 'true');

  await add(section, '长'.repeat(21), '涨');
  await expect(section.getByRole('alert')).toHaveText('太长了：“原文”最多 20 个字，“读作”最多 40 个字。');

  await add(section, '甲', '乙');
  await expect(section.getByRole('listitem')).toHaveCount(1);
  await add(section, '乙', '甲');
  await expect(section.getByRole('alert')).toHaveText('这样会循环替换（两个词互相读作对方），没有添加。');
  await expect(from).toHaveValue('乙');
  await expect(section.getByRole('listitem')).toHaveCount(1);

  await add(section, '丙', '丙');
  await expect(section.getByRole('alert')).toHaveText('“读作”和“原文”一样，不需要添加。');
});
