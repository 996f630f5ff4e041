/**
 * Turns the bytes of a raw text file into a string: UTF-8 (with or without BOM), UTF-16 with a BOM,
 * or GB18030/GBK (common for Chinese text from Windows tools), detected by trying UTF-8 strictly
 * first. Throws a `DecodeError` with a message a person can act on for anything else.
 *
 * Uses `TextDecoder`, which browsers and Node (full ICU) both have, with the `gb18030` label.
 */
export class DecodeError extends Error {
  override name = 'DecodeError';
  constructor(
    message: string,
    /**
     * What is wrong, for a message in the reader's language: `empty` (no bytes), `binary` (an
     * image, a PDF, an archive…), `encoding` (text, but neither UTF-8 nor GB18030/GBK).
     */
    readonly reason: 'empty' | 'binary' | 'encoding',
  ) {
    super(message);
  }
}

export function decodeRaw(bytes: Uint8Array, label = 'file'): string {
  if (bytes.length === 0) throw new DecodeError(`${label} is empty`, 'empty');
  if (looksBinary(bytes)) throw new DecodeError(`${label} is not a text file (it looks binary)`, 'binary');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Not UTF-8: try GB18030 (a superset of GBK and GB2312).
  }
  let gb: string;
  try {
    gb = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    throw new DecodeError(`${label} is neither UTF-8 nor GB18030/GBK text; save it as UTF-8 and try again`, 'encoding');
  }
  if (!mostlyChinese(gb)) {
    throw new DecodeError(
      `${label} is not UTF-8; read as GB18030/GBK it does not look like Chinese text; save it as UTF-8 and try again`,
      'encoding',
    );
  }
  return gb;
}

/** NUL bytes or many control characters: an image, a PDF, an archive… (UTF-16 files start with a BOM). */
function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > n * 0.02;
}

function mostlyChinese(text: string): boolean {
  const sample = text.slice(0, 4000);
  const han = sample.match(/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/gu)?.length ?? 0;
  const other = sample.match(/[^\s\x20-\x7e\p{Script=Han}\u3000-\u303f\uff00-\uffef]/gu)?.length ?? 0;
  return han > 0 && han > other * 4;
}
