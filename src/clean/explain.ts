import { analyseLayout, type Unit } from './layout.ts';
import { untangleColumns } from './interleave.ts';
import { readLines } from './lines.ts';
import { cleanPage } from './page.ts';
import { unreadable } from './readable.ts';
import type { Article } from './types.ts';

/**
 * Why the cleaner made what it made of a page, for anyone debugging one: every block of the page
 * (in the order the extractor printed it) with the role it got and the evidence for it, then the
 * title candidates' scores against each body, then the articles. `npm run --silent clean --
 * --explain page.txt` prints it. Pure: the same steps as `cleanPage`, with their facts kept.
 */
export function explainPage(text: string): string[] {
  const out: string[] = [];
  const reason = unreadable(text);
  if (reason) return [`unreadable page (${reason}): no blocks`];
  const lines = untangleColumns(readLines(text));
  const units = analyseLayout(lines);
  const scores: string[] = [];
  const page = cleanPage(text, (line) => scores.push(line));
  const roles = headlineRoles(page.articles);
  out.push(`${lines.length} lines, ${units.length} blocks`);
  for (const unit of units) out.push(describe(unit, lines.slice(unit.first, unit.last + 1).map((l) => l.text).join(' '), roles));
  if (scores.length) out.push('', 'title candidates (log-likelihood of their words in each body, + adjacency):', ...scores.map((s) => `  ${s}`));
  out.push('', `${page.articles.length} articles, ${page.notes.length} notes:`);
  page.articles.forEach((a, i) => {
    const paragraphs = a.sections.reduce((n, s) => n + s.paragraphs.length, 0);
    const parts = [a.kicker && `kicker 「${a.kicker}」`, `title ${a.title === null ? 'null (none printed)' : `「${a.title}」`}`, a.subtitle && `subtitle 「${a.subtitle}」`, a.byline && `byline 「${a.byline}」`];
    out.push(`  ${i}: ${parts.filter(Boolean).join(', ')}; ${a.sections.length} sections, ${paragraphs} paragraphs`);
  });
  return out;
}

/** What each headline's text became in the articles: title, kicker, subtitle or heading. */
function headlineRoles(articles: readonly Article[]): Map<string, string> {
  const roles = new Map<string, string>();
  const key = (s: string): string => s.replace(/\s+/g, '');
  articles.forEach((a, i) => {
    if (a.kicker) roles.set(key(a.kicker), `kicker of article ${i}`);
    if (a.title) roles.set(key(a.title), `title of article ${i}`);
    if (a.subtitle) roles.set(key(a.subtitle), `subtitle of article ${i}`);
    for (const s of a.sections) if (s.heading) roles.set(key(s.heading), `section heading in article ${i}`);
  });
  return roles;
}

const clip = (s: string): string => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

function describe(unit: Unit, printed: string, roles: ReadonlyMap<string, string>): string {
  const at = unit.first === unit.last ? `line ${unit.first + 1}` : `lines ${unit.first + 1}-${unit.last + 1}`;
  const where = at.padEnd(14);
  switch (unit.kind) {
    case 'headline': {
      const text = unit.lines.join('');
      const role = roles.get(text.replace(/\s+/g, '')) ?? [...roles].find(([k]) => k.includes(text.replace(/\s+/g, '')))?.[1] ?? 'unused headline';
      const evidence = [unit.doubled ? 'fake bold (printed twice)' : 'short unpunctuated lines between text', `${unit.lines.length} line${unit.lines.length > 1 ? 's' : ''}`];
      return `${where}headline  → ${role} 「${clip(unit.lines.join(' | '))}」 (${evidence.join(', ')})`;
    }
    case 'byline':
      return `${where}byline    「${clip(unit.text)}」 (a credit's cue words or name separators)`;
    case 'note':
      return `${where}note      「${clip(unit.lines.join(''))}」 (labelled, or set across the page)`;
    case 'furniture':
      return `${where}${(unit.what ?? 'furniture').padEnd(10)}「${clip(printed)}」 (${unit.what ? furnitureEvidence[unit.what] : 'page number, date, masthead, editor credit or column label'})`;
    case 'paragraph': {
      const evidence = [
        `measure ${unit.measure.toFixed(1)} em`,
        unit.indented ? 'first line set in' : 'first line not set in (continues a column)',
        unit.complete ? 'ends a sentence' : 'ends mid-sentence',
      ];
      if (unit.spread.some(Boolean)) evidence.push(`${unit.spread.filter(Boolean).length} letter-spaced`);
      return `${where}body      「${clip(unit.lines.join(''))}」 (${evidence.join(', ')})`;
    }
  }
}

const furnitureEvidence: Record<string, string> = {
  caption: 'a photo caption: 图为/图：…, to its sentence end',
  credit: 'a photo credit: …摄, 供图, …发',
  prompt: 'a prompt to scan a code or get an app',
  ad: 'marked （广告）',
  notice: 'one of a strip of one-line lost-document notices',
  table: 'a table row: short cells, figures, set apart by spaces',
};
