/**
 * Reader figures in a real Chromium against the production build (fake speech, so that timings
 * are the app's, not a voice's). Part of `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { chromiumPath, QUIET_FLAGS } from '../e2e/support/chromium.ts';
import { installFakeSpeech } from '../e2e/fixtures/fake-speech.ts';
import type { Article } from '../src/clean/types.ts';
import { countSentences, libraryEntry } from '../src/library/measure.ts';
import { LIBRARY_FORMAT, type ArticleDocument, type EditionList } from '../src/library/types.ts';
import { median, row } from './bench-stats.ts';

/** Builds the app and serves it as `vite preview` would; returns its address and a stop function. */
export async function servedBuild(root: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const outDir = mkdtempSync(join(tmpdir(), 'tingdu-bench-build-'));
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1', strictPort: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    stop: async () => {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** A synthetic article of about `chars` characters, built from the given article's paragraphs. */
function longArticle(id: string, source: Article, chars: number): Article {
  const paragraphs = source.sections.flatMap((s) => s.paragraphs);
  const sections: Article['sections'] = [];
  let total = 0;
  let i = 0;
  while (total < chars) {
    if (i % 8 === 0) sections.push({ heading: i === 0 ? null : `第${sections.length}节`, paragraphs: [] });
    let p = paragraphs[i % paragraphs.length]!;
    if (total + p.length > chars) p = p.slice(0, Math.max(1, chars - total));
    sections[sections.length - 1]!.paragraphs.push(p);
    total += p.length;
    i++;
  }
  return { id, kicker: null, title: `长文测试 ${chars} 字`, subtitle: null, byline: null, sections };
}

/**
 * The bench runs under tsx, whose esbuild transform wraps named functions in `__name(…)` calls;
 * functions handed to `addInitScript` are serialised into the page, where `__name` does not
 * exist. Define it there first. (Playwright's own test runner does not do this.)
 */
async function fakeSpeech(page: Page): Promise<ReturnType<typeof installFakeSpeech>> {
  await page.addInitScript('globalThis.__name = (target) => target;');
  return installFakeSpeech(page);
}

/** Serves the library with the two synthetic articles added, through request routing. */
async function routeSynthetic(page: Page, base: string, articles: readonly Article[]): Promise<void> {
  const list = (await (await fetch(`${base}articles/editions.json`)).json()) as EditionList;
  const added = articles.map((a) => libraryEntry(a, 'bench'));
  const latest = list.latest!;
  const extended: EditionList = { ...list, latest: { ...latest, pages: [{ page: latest.pages[0]?.page ?? null, articles: added }, ...latest.pages] } };
  await page.route('**/articles/editions.json', (route) => route.fulfill({ json: extended }));
  for (const article of articles) {
    const doc: ArticleDocument = { format: LIBRARY_FORMAT, article, notes: [], source: 'bench' };
    await page.route(`**/articles/${article.id}.json`, (route) => route.fulfill({ json: doc }));
  }
}

async function openTime(page: Page, id: string, sentences: number): Promise<number> {
  await page.goto('#/');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return page.evaluate(
    async ({ id, sentences }) => {
      // The reader's shadow root, looked up directly (the CSP forbids eval).
      const readerRoot = (): ShadowRoot | null => document.querySelector('tts-app')?.shadowRoot?.querySelector('tts-reader')?.shadowRoot ?? null;
      const t0 = performance.now();
      location.hash = `#/article/${id}`;
      // Wait for the last sentence element, then for the frame that paints it.
      await new Promise<void>((resolve, reject) => {
        const check = (): void => {
          const root = readerRoot();
          const found = root ? root.querySelectorAll('.s').length : 0;
          if (found >= sentences) resolve();
          else if (performance.now() - t0 > 20_000) reject(new Error(`reader shows ${found} of ${sentences} sentences after 20 s`));
          else requestAnimationFrame(check);
        };
        check();
      });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - t0;
    },
    { id, sentences },
  );
}

/**
 * Median cost of one sentence step: "下一句" then "上一句", alternately (so the position never runs
 * off the end of a short article), each the click's work plus the style and layout it causes.
 */
async function stepCost(page: Page, steps: number): Promise<number> {
  await page.getByRole('button', { name: '下一句' }).click(); // a first step outside the measurement
  return page.evaluate(
    ({ steps }) => {
      const app = document.querySelector('tts-app')!.shadowRoot!;
      const player = app.querySelector('tts-player')!.shadowRoot!;
      const named = (name: string): HTMLButtonElement =>
        [...player.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === name || b.textContent?.trim() === name)!;
      const next = named('下一句');
      const previous = named('上一句');
      const reader = app.querySelector('tts-reader')!.shadowRoot!;
      // The browser's clock is coarsened to 0.1 ms, about a step's cost: time batches of steps
      // (forth and back, each with its layout done), and take the median batch's mean.
      const batch = 20;
      const times: number[] = [];
      for (let b = 0; b < steps / batch; b++) {
        const t0 = performance.now();
        for (let i = 0; i < batch; i++) {
          (i % 2 === 0 ? next : previous).click();
          reader.querySelector('[aria-current="true"]')!.getBoundingClientRect();
        }
        times.push((performance.now() - t0) / batch);
      }
      times.sort((a, b) => a - b);
      return times[times.length >> 1]!;
    },
    { steps },
  );
}

export async function benchReader(root: string): Promise<void> {
  console.log('\nReader (production build, Chromium, fake speech, medians)');
  const served = await servedBuild(root);
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath(), args: QUIET_FLAGS });
  try {
    const base = served.url;
    const list = (await (await fetch(`${base}articles/editions.json`)).json()) as EditionList;
    const first = list.latest!.pages[0]!.articles[0]!;
    const firstDoc = (await (await fetch(`${base}articles/${first.id}.json`)).json()) as ArticleDocument;

    // First-load JavaScript, gzip.
    {
      const context = await browser.newContext({ baseURL: base, serviceWorkers: 'block' });
      const page = await context.newPage();
      const scripts = new Map<string, Buffer>();
      page.on('response', async (response) => {
        if (response.request().resourceType() === 'script') scripts.set(response.url(), await response.body());
      });
      await page.goto('/', { waitUntil: 'networkidle' });
      const raw = [...scripts.values()].reduce((n, b) => n + b.length, 0);
      const gz = [...scripts.values()].reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
      row('first-load JavaScript (gzip)', `${(gz / 1024).toFixed(1)} KB`, `${scripts.size} file(s), ${(raw / 1024).toFixed(1)} KB raw (target ≤ 25 KB gzip)`);
      await context.close();
    }

    // Press on play → first speak(). Four clocks: from the press as the browser stamped it (its
    // input pipeline included), from the first script that sees the press going down (pointerdown:
    // Playwright sends the release as a separate DevTools command, so this includes the harness's
    // round trip between the two), from the release (pointerup: the tap's own task, in which the
    // browser then dispatches click), and from the click listener (the app's own work).
    {
      const fromStamp: number[] = [];
      const fromPress: number[] = [];
      const fromRelease: number[] = [];
      const fromClick: number[] = [];
      for (let r = 0; r < 15; r++) {
        const context = await browser.newContext({ baseURL: base, serviceWorkers: 'block' });
        const page = await context.newPage();
        await fakeSpeech(page);
        await page.addInitScript(() => {
          const w = window as unknown as Record<string, number | undefined>;
          addEventListener('pointerdown', (e) => ((w.__stamp ??= e.timeStamp), (w.__press ??= performance.now())), { capture: true });
          addEventListener('pointerup', () => (w.__release ??= performance.now()), { capture: true });
          addEventListener('click', () => (w.__click ??= performance.now()), { capture: true });
          const synth = window.speechSynthesis;
          const speak = synth.speak.bind(synth);
          synth.speak = (u: SpeechSynthesisUtterance) => {
            w.__speak ??= performance.now();
            speak(u);
          };
        });
        await page.goto(`#/article/${encodeURIComponent(first.id)}`);
        const play = page.getByRole('button', { name: '播放' });
        await play.waitFor();
        await page.waitForTimeout(300); // voices loaded, article rendered: idle, as a listener finds it
        await play.click();
        await page.waitForFunction(() => (window as unknown as { __speak?: number }).__speak !== undefined);
        const marks = await page.evaluate(() => {
          const w = window as unknown as Record<string, number>;
          return { stamp: w.__stamp!, press: w.__press!, release: w.__release!, click: w.__click!, speak: w.__speak! };
        });
        fromStamp.push(marks.speak - marks.stamp);
        fromPress.push(marks.speak - marks.press);
        fromRelease.push(marks.speak - marks.release);
        fromClick.push(marks.speak - marks.click);
        await context.close();
      }
      row('press → first speak(): from the input stamp', `${median(fromStamp).toFixed(2)} ms`, `min ${Math.min(...fromStamp).toFixed(2)} (browser input pipeline included)`);
      row('press → first speak(): from pointerdown', `${median(fromPress).toFixed(2)} ms`, `min ${Math.min(...fromPress).toFixed(2)} (DevTools sends the release separately)`);
      row('press → first speak(): from the release', `${median(fromRelease).toFixed(2)} ms`, `min ${Math.min(...fromRelease).toFixed(2)} (pointerup: the tap's own task; target ≤ 3 ms)`);
      row('click handler → first speak()', `${median(fromClick).toFixed(2)} ms`, `min ${Math.min(...fromClick).toFixed(2)} (the app's own work)`);
    }

    // Axe in the three states.
    {
      const context = await browser.newContext({ baseURL: base, serviceWorkers: 'block' });
      const page = await context.newPage();
      const tts = await fakeSpeech(page);
      const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
      const count = async (): Promise<number> => (await new AxeBuilder({ page }).withTags(tags).analyze()).violations.length;
      await page.goto('#/');
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      const library = await count();
      await page.goto(`#/article/${encodeURIComponent(first.id)}`);
      await page.getByRole('button', { name: '播放' }).waitFor();
      const idle = await count();
      await tts.hold();
      await page.getByRole('button', { name: '播放' }).click();
      await page.getByRole('button', { name: '暂停' }).waitFor();
      const playing = await count();
      row('axe violations (library / idle / playing)', `${library} / ${idle} / ${playing}`, 'WCAG 2.0–2.2 A and AA');
      await context.close();
    }

    // A 100,000-character article against a 1,000-character one, in the same run.
    {
      const small = longArticle('bench-1k', firstDoc.article, 1_000);
      const large = longArticle('bench-100k', firstDoc.article, 100_000);
      const context = await browser.newContext({ baseURL: base, serviceWorkers: 'block', reducedMotion: 'reduce' });
      const page = await context.newPage();
      await fakeSpeech(page);
      await routeSynthetic(page, base, [small, large]);
      const opens: Record<string, number[]> = { small: [], large: [] };
      const steps: Record<string, number[]> = { small: [], large: [] };
      for (let r = 0; r < 5; r++) {
        for (const [key, article] of [['small', small], ['large', large]] as const) {
          opens[key]!.push(await openTime(page, article.id, countSentences(article)));
          steps[key]!.push(await stepCost(page, 200));
        }
      }
      const openSmall = median(opens.small!);
      const openLarge = median(opens.large!);
      const stepSmall = median(steps.small!);
      const stepLarge = median(steps.large!);
      row(`open 1,000-char article (${countSentences(small)} sentences)`, `${openSmall.toFixed(1)} ms`, 'route change → painted');
      row(`open 100,000-char article (${countSentences(large)} sentences)`, `${openLarge.toFixed(1)} ms`, 'target < 300 ms');
      row('sentence step, 1,000-char article', `${stepSmall.toFixed(3)} ms`, 'click → highlight moved, style and layout done');
      row('sentence step, 100,000-char article', `${stepLarge.toFixed(3)} ms`, '');
      row('step cost ratio, 100k ÷ 1k', `${(stepLarge / stepSmall).toFixed(2)}×`, 'same run (target ≤ 1.5×)');
      await context.close();
    }
  } finally {
    await browser.close();
    await served.stop();
  }
}
