import { expect, test } from '@playwright/test';
import { FAKE_DEFAULT_VOICE, installFakeSpeech } from './fixtures/fake-speech.ts';
import { announcer, libraryEntries, openArticle, pickArticle, showSettings } from './support/app.ts';
import { articleLabel } from '../src/library/label.ts';
import { LIBRARY_FORMAT } from '../src/library/types.ts';

/** Views, titles and focus; the library's facts; settings that survive a reload; the CSP. */

test('the library lists every article with title, byline, length and listening time', async ({ page, request }) => {
  const entries = await libraryEntries(request);
  await page.goto('/');
  await expect(page).toHaveTitle('听读');
  await expect(page.getByRole('heading', { level: 1, name: '听读' })).toBeVisible();
  const items = page.getByRole('region', { name: '文章' }).getByRole('listitem');
  await expect(items).toHaveCount(entries.length);
  for (const [i, entry] of entries.entries()) {
    const item = items.nth(i);
    await expect(item.getByRole('heading', { level: 3 })).toHaveText(articleLabel(entry));
    await expect(item.getByRole('link')).toHaveAttribute('href', `#/article/${entry.id}`);
    if (entry.byline) await expect(item).toContainText(entry.byline);
    await expect(item).toContainText(`${entry.chars.toLocaleString('en-US')} 字`);
    await expect(item).toContainText(/收听(约 \d+ 分钟|不到 1 分钟)/);
  }
});

test('opening an article and going back: titles, focus on the new h1, lang on the text', async ({ page, request }) => {
  const article = await pickArticle(request);
  await installFakeSpeech(page);
  await openArticle(page, article); // focus on the article's h1 is checked there
  await expect(page).toHaveTitle(`${article.label} - 听读`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('article')).toHaveAttribute('lang', 'zh-CN');
  // Section headings are real headings.
  const headings = article.document.article.sections.map((s) => s.heading).filter((h): h is string => h !== null);
  for (const heading of headings) await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toHaveCount(1);

  await page.getByRole('link', { name: '返回文章列表' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '听读' })).toBeFocused();
  await expect(page).toHaveTitle('听读');

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: article.label })).toBeFocused();
});

test('page notes are readable in a labelled section, the headline has its three parts, and article text is text, never markup', async ({ page }) => {
  // A made-up article served in place of a real one: notes, a kicker and a subtitle, and text
  // that looks like HTML.
  const document = {
    format: LIBRARY_FORMAT,
    source: 'test.txt',
    notes: ['编者按：这是一条测试用的编者按。<img src=x onerror="window.__pwned=1">'],
    article: {
      id: 'test-notes',
      kicker: '引题<i>在上</i>',
      title: '测试标题<script>window.__pwned=1</script>',
      subtitle: '——副题<u>在下</u>',
      byline: '记者 <b>张三</b>',
      sections: [
        { heading: null, paragraphs: ['第一段第一句。第二句<img src=x onerror="window.__pwned=1">。'] },
        { heading: '小标题', paragraphs: ['第二段只有一句。'] },
      ],
    },
  };
  await page.route('**/articles/test-notes.json', (route) => route.fulfill({ json: document }));
  await installFakeSpeech(page);
  await page.goto('/#/article/test-notes');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(document.article.title);
  await expect(page.getByText('记者 <b>张三</b>')).toBeVisible();
  // The kicker and subtitle are shown with the title, not as headings of their own.
  await expect(page.getByRole('heading')).toHaveCount(2);
  await expect(page.getByRole('heading', { level: 2, name: '小标题' })).toBeVisible();
  const notes = page.getByRole('complementary', { name: '编者按 / 本版说明' });
  await notes.getByText('编者按 / 本版说明').click();
  await expect(notes).toContainText(document.notes[0]!);
  await expect(page.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // Each sentence is its own element, in reading order: kicker, title, subtitle, byline,
  // sentences, heading, sentence.
  await expect(page.locator('tts-reader article .s')).toHaveText([
    document.article.kicker,
    document.article.title,
    document.article.subtitle,
    document.article.byline,
    '第一段第一句。',
    '第二句<img src=x onerror="window.__pwned=1">。',
    '小标题',
    '第二段只有一句。',
  ]);
});

test('an unknown article says so, with a way back', async ({ page }) => {
  await installFakeSpeech(page);
  await page.goto('/#/article/no-such-article');
  await expect(page.getByRole('heading', { level: 1, name: '找不到这篇文章。' })).toBeVisible();
  await expect(page).toHaveTitle('找不到这篇文章。 - 听读');
  await page.getByRole('link', { name: '返回文章列表' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: '听读' })).toBeFocused();
});

test('the voice: Chinese voices only, network voices marked, the choice remembered and announced', async ({ page, request }) => {
  const article = await pickArticle(request);
  await installFakeSpeech(page);
  await openArticle(page, article);
  await showSettings(page);
  const voice = page.getByRole('combobox', { name: '语音' });
  const options = voice.getByRole('option');
  await expect(voice.getByRole('option', { name: `${FAKE_DEFAULT_VOICE}（zh-CN）`, exact: true })).toHaveCount(1);
  await expect(options.filter({ hasText: 'Samantha' })).toHaveCount(0); // English
  await expect(options.filter({ hasText: 'Google 普通话（中国大陆）' })).toContainText('需联网');
  await expect(options.filter({ hasText: '需联网' })).toHaveCount(1);
  await expect(options.filter({ hasText: 'Sinji' })).toContainText('粤语');
  await expect(options.first()).toHaveText(`自动选择（${FAKE_DEFAULT_VOICE}）`);

  const espeak = (await options.filter({ hasText: 'espeak-ng' }).textContent())!;
  await voice.selectOption({ label: espeak });
  await expect(announcer(page)).toHaveText('已换成语音：Chinese (Mandarin, latin as English) espeak-ng');

  await page.reload();
  await showSettings(page);
  await expect(page.getByRole('combobox', { name: '语音' })).toHaveValue(
    await page.getByRole('combobox', { name: '语音' }).getByRole('option', { name: espeak }).getAttribute('value').then((v) => v!),
  );
});

test('corrupt saved settings fall back to safe values', async ({ page, request }) => {
  const article = await pickArticle(request);
  await installFakeSpeech(page);
  await page.addInitScript(() => localStorage.setItem('tingdu.settings', '{"version":1,"rate":"fast","voice":42'));
  await openArticle(page, article);
  await showSettings(page);
  await expect(page.getByRole('slider', { name: '语速' })).toHaveAttribute('aria-valuetext', '1 倍');
});

test('the production build enforces a strict Content Security Policy, and the app breaks none of it', async ({ browser, page, request }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Trusted Type/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto('/');
  const header = response!.headers()['content-security-policy'] ?? '';
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const policy of [header, meta!]) {
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("require-trusted-types-for 'script'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
  }
  const article = await pickArticle(request);
  await page.getByRole('link', { name: article.label, exact: true }).click();
  await page.getByRole('button', { name: '快捷键' }).click(); // the lazily loaded chunk
  await expect(page.getByRole('dialog', { name: '键盘快捷键' })).toBeVisible();
  // Script from the page's own text is refused. In the app, a script element's text and an inline
  // event handler are Trusted Types sinks, refused without a policy's blessing.
  const injected = await page.evaluate(() => {
    const tries = {
      scriptText: () => {
        const script = document.createElement('script');
        script.textContent = 'window.__inline = true';
        document.head.append(script);
      },
      handler: () => document.createElement('img').setAttribute('onerror', 'window.__inline = true'),
    };
    return Object.entries(tries).map(([name, run]) => {
      try {
        run();
        return `${name}: accepted`;
      } catch (error) {
        return `${name}: ${error instanceof TypeError && /TrustedScript/.test(error.message) ? 'refused by Trusted Types' : String(error)}`;
      }
    });
  });
  expect(injected).toEqual(['scriptText: refused by Trusted Types', 'handler: refused by Trusted Types']);
  expect(await page.evaluate(() => (window as unknown as { __inline?: boolean }).__inline)).toBeUndefined();
  // And the policy itself refuses inline script, whatever Trusted Types does: markup under the
  // same policy, parsed as a document, runs none of its inline script or handlers.
  // (In a context of its own, without the app's service worker, which would answer any address
  // with the app.)
  const probeContext = await browser.newContext({ serviceWorkers: 'block' });
  const probe = await probeContext.newPage();
  const refused: string[] = [];
  probe.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await probe.route('**/csp-probe.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: { 'content-security-policy': header },
      body: '<!doctype html><title>probe</title><script>window.__inline = true</script><img src="/missing.png" onerror="window.__inline = true">',
    }),
  );
  await probe.goto(new URL('csp-probe.html', page.url()).href);
  await expect.poll(() => refused.filter((v) => /inline/i.test(v)), { message: JSON.stringify(refused) }).toHaveLength(2);
  expect(await probe.evaluate(() => (window as unknown as { __inline?: boolean }).__inline)).toBeUndefined();
  await probeContext.close();
  // Everything else the app did broke no rule.
  expect(violations.filter((v) => !/inline/i.test(v) && !v.includes('TrustedScript'))).toEqual([]);
});
