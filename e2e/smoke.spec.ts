import { expect, test } from '@playwright/test';

test('the library lists the bundled articles', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: '听读' })).toBeVisible();
  await expect(page.getByRole('listitem')).not.toHaveCount(0);
});
