import { expect, test } from '@playwright/test';
import { announcer, notices } from './support/app.ts';
import { spokenPageText, spokenTitle } from './support/spoken-page.ts';

/**
 * Share into Tingdu: the manifest declares a share target for text and .txt/.pdf files, and what
 * another app shares (a multipart POST to it, answered by the service worker) lands in the import.
 */

test.use({ serviceWorkers: 'allow' });

test('the manifest offers Tingdu as a share target for text and .txt/.pdf files', async ({ request }) => {
  const manifest = (await (await request.get('manifest.webmanifest')).json()) as {
    share_target: { action: string; method: string; enctype: string; params: { text: string; files: { name: string; accept: string[] }[] } };
  };
  expect(manifest.share_target).toMatchObject({ method: 'POST', enctype: 'multipart/form-data', params: { text: 'text' } });
  expect(manifest.share_target.params.files[0]!.accept).toEqual(expect.arrayContaining(['.txt', '.pdf', 'text/plain']));
});

test('a .txt file shared from another app is imported and listed; a PDF is refused with the import’s message', async ({ page }) => {
  await page.goto('/');
  await expect(notices(page)).toContainText('可离线使用');
  await page.reload(); // the service worker controls the page from the next load
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null)).toBe('activated');
  const manifest = await page.evaluate(async () => (await (await fetch('manifest.webmanifest')).json()) as { share_target: { action: string } });

  // What Android does when the listener shares a file with the installed app: a multipart POST.
  const landed = await page.evaluate(
    async ({ action, text }) => {
      const form = new FormData();
      form.append('file', new File([text], '城区新闻.txt', { type: 'text/plain' }));
      const response = await fetch(action, { method: 'POST', body: form });
      return { redirected: response.redirected, url: response.url };
    },
    { action: manifest.share_target.action, text: spokenPageText },
  );
  expect(landed.redirected).toBe(true);
  await page.goto(landed.url);
  await expect(page.getByRole('link', { name: spokenTitle, exact: true })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: spokenTitle })).toContainText('城区新闻.txt');
  // Taken once: the address no longer asks for it, and a reload imports nothing again.
  expect(new URL(page.url()).search).toBe('');

  const refused = await page.evaluate(async (action) => {
    const form = new FormData();
    form.append('file', new File(['%PDF-1.7 binary'], 'page.pdf', { type: 'application/pdf' }));
    return (await fetch(action, { method: 'POST', body: form })).url;
  }, manifest.share_target.action);
  await page.goto(refused);
  await expect(announcer(page)).toContainText('page.pdf');
});
