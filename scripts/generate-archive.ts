import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Writes a newspaper archive of raw pages, `<dir>/<paper>/<YYYY-MM-DD>/<NN>.txt`, made from the
 * repository's own sample pages (the pages under `corpus/` where there are any, the cleaner's
 * fixtures and content/raw). Every copy of a page is made distinct: a fixed set of common
 * characters is permuted differently for each copy, so every article gets its own title, opening
 * and id while the layout the cleaner reads (the lines' widths) stays as it was.
 *
 * Used by `npm run bench -- --archive` (10, 1,000 and 10,000 pages) and by the archive e2e tests
 * (three editions).
 */
export interface ArchiveShape {
  /** Number of pages in all. */
  pages: number;
  /** Pages per edition (the last edition may have fewer). */
  pagesPerEdition: number;
  /** The paper's folder name. */
  paper?: string;
  /** The date of the latest edition; earlier editions go back one day each. */
  latest?: string;
}

const ROOT = new URL('../', import.meta.url);

/** The sample pages' raw texts, in a fixed order. */
export function samplePages(): string[] {
  const texts: string[] = [];
  const corpus = new URL('corpus/', ROOT);
  if (existsSync(corpus)) {
    for (const name of readdirSync(corpus).sort()) {
      const file = new URL(`${name}/raw.txt`, corpus);
      if (existsSync(file)) texts.push(readFileSync(file, 'utf8'));
    }
  }
  const fixtures = new URL('src/clean/fixtures/', ROOT);
  for (const name of readdirSync(fixtures).sort()) {
    const file = new URL(`${name}/raw.txt`, fixtures);
    if (existsSync(file)) texts.push(readFileSync(file, 'utf8'));
  }
  const content = new URL('content/raw/', ROOT);
  for (const name of readdirSync(content).sort()) if (name.endsWith('.txt')) texts.push(readFileSync(new URL(name, content), 'utf8'));
  return [...new Set(texts)]; // the seed page is both a fixture and the bundled page
}

/** Characters common in news text, permuted among themselves to make each copy distinct. */
const SWAPPED = [...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞'];

/** A small deterministic generator (mulberry32), so the same shape always gives the same archive. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Copy `n` of a page: the same text with the common characters permuted by `n` (copy 0 is the page itself). */
export function variant(text: string, n: number): string {
  if (n === 0) return text;
  const next = random(n * 2654435761);
  const to = [...SWAPPED];
  for (let i = to.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [to[i], to[j]] = [to[j]!, to[i]!];
  }
  const map = new Map(SWAPPED.map((c, i) => [c, to[i]!]));
  let out = '';
  for (const c of text) out += map.get(c) ?? c;
  return out;
}

function dayBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** Writes the archive into `dir` (which should be empty); returns the files written, newest edition first. */
export function generateArchive(dir: string, { pages, pagesPerEdition, paper = 'tingdu', latest = '2026-12-07' }: ArchiveShape): string[] {
  const samples = samplePages();
  const written: string[] = [];
  for (let p = 0; p < pages; p++) {
    const edition = Math.floor(p / pagesPerEdition);
    const pageNumber = (p % pagesPerEdition) + 1;
    const day = join(dir, paper, dayBefore(latest, edition));
    mkdirSync(day, { recursive: true });
    const file = join(day, `${String(pageNumber).padStart(2, '0')}.txt`);
    writeFileSync(file, variant(samples[p % samples.length]!, Math.floor(p / samples.length)));
    written.push(file);
  }
  return written;
}

// `tsx scripts/generate-archive.ts <dir> <pages> <pages per edition>`
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, pages, perEdition] = process.argv.slice(2);
  if (!dir || !pages || !perEdition) throw new Error('usage: generate-archive.ts <dir> <pages> <pages per edition>');
  const written = generateArchive(dir, { pages: Number(pages), pagesPerEdition: Number(perEdition) });
  console.log(`${written.length} pages written to ${dir}`);
}
