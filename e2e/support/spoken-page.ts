import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { cleanText } from '../../src/clean/index.ts';
import type { Article } from '../../src/clean/types.ts';

/**
 * A newspaper page (as an extractor prints it) holding every case the spoken form rewrites:
 * numbers with units, a range, a percentage, a date, a time, a year range, a phone number, an id,
 * digits spaced by the extractor, a Roman numeral, abbreviations, layout symbols, a dash and an
 * ellipsis; a section heading; and 银行行长 for the pronunciation dictionary.
 */
export const SPOKEN_PAGE_PATH = 'e2e/fixtures/spoken/page.txt';
export const spokenPageText = readFileSync(SPOKEN_PAGE_PATH, 'utf8');
/** Its one article, as the cleaner makes it (the app runs the same cleaner on the device). */
export const spokenArticle: Article = cleanText(spokenPageText).articles[0]!;
/** Its title (the page prints one). */
export const spokenTitle: string = spokenArticle.title ?? '';

/** Pastes the page through 粘贴文本 and opens its article from the library, as a listener would. */
export async function pasteAndOpen(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: '粘贴文本' }).click();
  const dialog = page.getByRole('dialog', { name: '粘贴文本' });
  await dialog.getByRole('textbox', { name: '报纸版面的文字' }).fill(spokenPageText);
  await dialog.getByRole('button', { name: '导入', exact: true }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('link', { name: spokenTitle, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: spokenTitle })).toBeFocused();
}
