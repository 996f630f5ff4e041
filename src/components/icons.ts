import { svg, type SVGTemplateResult } from 'lit';

/**
 * The player's icons: decorative (`aria-hidden`), drawn in `currentColor` so they follow the text
 * colour, forced-colors mode included. Every button that shows one also shows its label as text.
 */
function icon(path: SVGTemplateResult): SVGTemplateResult {
  return svg`<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">${path}</svg>`;
}

export const icons = {
  play: icon(svg`<path fill="currentColor" d="M8 5.5v13a1 1 0 0 0 1.5.86l10.5-6.5a1 1 0 0 0 0-1.72L9.5 4.64A1 1 0 0 0 8 5.5Z"/>`),
  pause: icon(svg`<path fill="currentColor" d="M7 5h3.5v14H7zM13.5 5H17v14h-3.5z"/>`),
  previousSentence: icon(svg`<path fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" d="M15 5l-7 7 7 7"/>`),
  nextSentence: icon(svg`<path fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" d="M9 5l7 7-7 7"/>`),
  previousParagraph: icon(
    svg`<path fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" d="M5 5v14M19 5l-7 7 7 7M13 5l-5 7 5 7" />`,
  ),
  nextParagraph: icon(
    svg`<path fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" d="M19 5v14M5 5l7 7-7 7M11 5l5 7-5 7" />`,
  ),
  settings: icon(
    svg`<path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M4 7h10M18 7h2M4 17h4M12 17h8"/><circle cx="16" cy="7" r="2" fill="none" stroke="currentColor" stroke-width="2"/><circle cx="10" cy="17" r="2" fill="none" stroke="currentColor" stroke-width="2"/>`,
  ),
  more: icon(
    svg`<circle cx="5" cy="12" r="2" fill="currentColor"/><circle cx="12" cy="12" r="2" fill="currentColor"/><circle cx="19" cy="12" r="2" fill="currentColor"/>`,
  ),
} as const;
