import { expect, test } from '@playwright/test';
import { articleLabel } from '../src/library/label.ts';
import { libraryEntries } from './support/app.ts';

/**
 * Nothing on the library's first screen moves once painted (我导入的文章 used to move down when the
 * article list arrived): the layout shifts the browser reports while the library loads, on a
 * phone-sized and a desktop screen, add up to nothing, even when the list comes after the first
 * paint. The observer is in place before the page's first paint.
 */
for (const width of [360, 1280]) {
  test(`the library loads without a layout shift (${width} px)`, async ({ page, request }) => {
    const entries = await libraryEntries(request);
    await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
    await page.addInitScript(() => {
      const shifts: number[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value);
      });
      observer.observe({ type: 'layout-shift', buffered: true });
      // What has been seen, the records not yet handed to the callback included.
      (window as unknown as { __shifts: () => number[] }).__shifts = () => [
        ...shifts,
        ...observer.takeRecords().map((entry) => (entry as PerformanceEntry & { value: number }).value),
      ];
    });
    // The edition list arrives only once the page has painted without it (as on a slow network).
    await page.route('**/articles/editions.json', async (route) => {
      await expect(page.getByText('正在载入文章列表…')).toBeVisible();
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await route.continue();
    });
    await page.goto('/');
    await expect(page.getByRole('link', { name: articleLabel(entries[0]!), exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: '我导入的文章' })).toBeVisible();
    // Two frames later every shift of the load has been reported.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const shifts = await page.evaluate(() => (window as unknown as { __shifts: () => number[] }).__shifts());
    expect(shifts.reduce((sum, value) => sum + value, 0)).toBe(0);
  });
}
