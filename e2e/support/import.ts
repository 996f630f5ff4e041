import { expect, type FileChooser, type Locator, type Page } from '@playwright/test';

/** The library's section of the listener's own articles. */
export function importedSection(page: Page): Locator {
  return page.getByRole('region', { name: '我导入的文章' });
}

/** One list item per imported article. */
export function importedItems(page: Page): Locator {
  return importedSection(page).getByRole('listitem');
}

/** Chooses files through the 导入文件 button, as a person does (the button opens the file picker). */
export async function chooseFiles(page: Page, files: Parameters<FileChooser['setFiles']>[0]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入文件' }).click();
  await (await chooser).setFiles(files);
}

/** The imported articles listed are exactly these, in this order. */
export async function expectTitles(page: Page, titles: readonly string[]): Promise<void> {
  await expect(importedItems(page)).toHaveCount(titles.length);
  await expect(importedItems(page).getByRole('heading', { level: 3 })).toHaveText([...titles]);
}
