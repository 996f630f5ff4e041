/**
 * Page notes: text that belongs to the page, not to one article. Papers label them (编者按, 编者的话,
 * 开栏的话, 编后…) and set them apart: in a box, across the page at a wider measure than the
 * columns, or with wider leading.
 */

const LABELS = [
  '编者按',
  '编者的话',
  '编者注',
  '编辑按',
  '编后语',
  '编后记',
  '编后',
  '开栏的话',
  '开篇的话',
  '开栏语',
  '卷首语',
  '按语',
  '题记',
  '阅读提示',
  '核心提示',
  '本期导读',
  '导读',
  '小编说',
].join('|');

/** A label at the start of a line, with or without its colon and text after it. */
const LABEL = new RegExp(`^[【\\[（(〔]?\\s*(${LABELS})\\s*[】\\]）)〕]?\\s*[：:]?`, 'u');

export interface NoteLabel {
  /** The label's words (`编者按`). */
  label: string;
  /** True when the line holds nothing but the label (the note's text starts on the next line). */
  alone: boolean;
}

/** Recognises a note label at the start of a line. */
/** First characters of the labels, for a cheap test. */
const FIRST = new Set(['【', '[', '（', '(', '〔', ...LABELS.split('|').map((l) => l[0]!)]);

export function noteLabel(text: string): NoteLabel | null {
  const t = text.trim();
  if (!FIRST.has(t[0] ?? '')) return null;
  const m = LABEL.exec(t);
  if (!m) return null;
  const rest = t.slice(m[0].length).trim();
  // `编者按：……` keeps the label in the note's text; a label alone on its line is a heading.
  if (rest === '') return { label: m[1]!, alone: true };
  // The label must be followed by its colon or bracket, or be a line of its own: 导读 in running
  // text (`导读员`) is not a label.
  if (!/[：:】\]）)〕]/.test(m[0])) return null;
  return { label: m[1]!, alone: false };
}
