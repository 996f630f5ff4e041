import { APP_THEME_COLORS } from '../pwa/constants.ts';
import type { Settings } from '../storage/settings.ts';

/**
 * Applies the listener's theme and article text size to the document: `data-theme` on <html>
 * (tokens.css switches the colour tokens on it; none for "follow the system"), the
 * `--tts-text-scale` token, and the browser UI's colour (the theme-color metas the build puts in
 * index.html, one per colour scheme: with a chosen theme both get its colour).
 *
 * Called by <tts-app> before its first render and after every settings change, so the first
 * frame already has the right colours and size.
 */
export function applyAppearance(settings: Pick<Settings, 'theme' | 'textSize'>, doc: Document = document): void {
  const root = doc.documentElement;
  if (settings.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = settings.theme;
  root.style.setProperty('--tts-text-scale', String(settings.textSize));
  for (const meta of doc.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')) {
    const scheme = meta.media.includes('dark') ? 'dark' : 'light';
    meta.content = APP_THEME_COLORS[settings.theme === 'system' ? scheme : settings.theme];
  }
}
