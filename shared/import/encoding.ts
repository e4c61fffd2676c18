/**
 * Byte → text decoding for imported files, with the encoding detected (and the reason said)
 * or chosen by the user. Detection order: BOM; UTF-16 by NUL-byte pattern; strict UTF-8;
 * a double-byte East Asian encoding is refused (we cannot tell Big5 from GBK or Shift_JIS
 * reliably: the user must name it); Greek ISO-8859-7 by whole words of high bytes;
 * otherwise Windows-1252 (if bytes 0x80–0x9F occur) or ISO-8859-1.
 */

import { ImportError } from './types';

export interface DecodedText {
  text: string;
  /** WHATWG name of the encoding used, e.g. 'utf-8', 'utf-16le', 'windows-1252', 'iso-8859-1'. */
  encoding: string;
  /** Why this encoding: 'byte-order mark', 'chosen by the user', 'valid UTF-8', ... */
  reason: string;
  /** True when the encoding was a guess the user should check. */
  guessed: boolean;
}

const ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  'utf-8-sig': 'utf-8',
  utf16le: 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16': 'utf-16le',
  utf16be: 'utf-16be',
  'utf-16be': 'utf-16be',
  latin1: 'iso-8859-1',
  'latin-1': 'iso-8859-1',
  'iso-8859-1': 'iso-8859-1',
  'iso8859-1': 'iso-8859-1',
  cp1252: 'windows-1252',
  'windows-1252': 'windows-1252',
  'win-1252': 'windows-1252',
  'iso-8859-7': 'iso-8859-7',
  greek: 'iso-8859-7',
  big5: 'big5',
  gbk: 'gbk',
  gb18030: 'gb18030',
  shift_jis: 'shift_jis',
  'shift-jis': 'shift_jis',
  sjis: 'shift_jis',
  'euc-kr': 'euc-kr',
  'euc-jp': 'euc-jp',
};

/** Canonical name of a user-given encoding label, or an ImportError naming the supported ones. */
export function normaliseEncodingName(label: string): string {
  const key = label.trim().toLowerCase();
  const name = ALIASES[key];
  if (name) return name;
  try {
    return new TextDecoder(key).encoding;
  } catch {
    throw new ImportError(`unknown encoding "${label}" (try utf-8, utf-16le, utf-16be, windows-1252, iso-8859-1, iso-8859-7, big5)`);
  }
}

/** True ISO-8859-1: every byte is the code point of the same value (TextDecoder's 'latin1' is really Windows-1252). */
function decodeLatin1(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    out += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return out;
}

/** Windows-1252's 0x80–0x9F (undefined bytes keep their C1 code point, as WHATWG does). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Windows-1252 decoded by table: some Node releases (20.x) decode the 'windows-1252' label as
 * Latin-1, turning curly quotes into control characters.
 */
function decodeCp1252(bytes: Uint8Array): string {
  const latin = decodeLatin1(bytes);
  return latin.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function decodeWith(bytes: Uint8Array, encoding: string, fatal: boolean): string {
  if (encoding === 'iso-8859-1') return decodeLatin1(bytes);
  if (encoding === 'windows-1252') return decodeCp1252(bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal, ignoreBOM: false });
  } catch {
    throw new ImportError(`this platform cannot decode ${encoding}; re-save the file as UTF-8`);
  }
  return decoder.decode(bytes);
}

function bomOf(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** UTF-16 without a BOM: most even (BE) or odd (LE) bytes of the first KB are NUL. */
function sniffUtf16(bytes: Uint8Array): string | undefined {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** The text if the bytes are valid UTF-8, else undefined. */
function decodeUtf8Strict(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Double-byte CJK text (Big5, GBK, Shift_JIS, EUC-KR): most letters are high bytes, and a
 * high lead byte is often followed by a trail byte in 0x40–0x7E, which never happens inside
 * a word of a single-byte script such as Greek.
 */
function looksDoubleByte(bytes: Uint8Array): boolean {
  let high = 0;
  let highThenAsciiSymbolOrLetter = 0;
  let letters = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x80) {
      high++;
      const next = bytes[i + 1];
      if (next !== undefined && next >= 0x40 && next <= 0x7e) highThenAsciiSymbolOrLetter++;
      // skip the trail byte so pairs are counted once
      if (next !== undefined && next >= 0x40) i++;
    } else if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) letters++;
  }
  return high > 20 && high > letters && highThenAsciiSymbolOrLetter > high * 0.1;
}

/** Greek in ISO-8859-7: high bytes mostly come in runs of 3 or more (whole words), in 0xB6–0xFE. */
function looksGreek(bytes: Uint8Array): boolean {
  let inRuns = 0;
  let high = 0;
  let greekRange = 0;
  let run = 0;
  const flush = () => {
    if (run >= 3) inRuns += run;
    run = 0;
  };
  for (const b of bytes) {
    if (b >= 0x80) {
      high++;
      if (b >= 0xb6 && b !== 0xd2 && b !== 0xff) greekRange++;
      run++;
    } else flush();
  }
  flush();
  return high >= 3 && inRuns > high * 0.6 && greekRange > high * 0.9;
}

/** Decode bytes, detecting the encoding unless `encoding` names one. Throws ImportError with the reason. */
export function decodeText(bytes: Uint8Array, encoding?: string): DecodedText {
  if (encoding) {
    const name = normaliseEncodingName(encoding);
    const bom = bomOf(bytes);
    const body = bom && bom.encoding === name ? bytes.subarray(bom.length) : bytes;
    let text: string;
    try {
      text = decodeWith(body, name, true);
    } catch (e) {
      if (e instanceof ImportError) throw e;
      throw new ImportError(`the bytes are not valid ${name} (the encoding you chose); try another encoding`);
    }
    return { text, encoding: name, reason: 'chosen by the user', guessed: false };
  }
  const bom = bomOf(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    try {
      return { text: decodeWith(body, bom.encoding, true), encoding: bom.encoding, reason: `${bom.encoding.toUpperCase()} byte-order mark`, guessed: false };
    } catch {
      throw new ImportError(`starts with a ${bom.encoding.toUpperCase()} byte-order mark but the rest is not valid ${bom.encoding.toUpperCase()}`);
    }
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    try {
      return { text: decodeWith(bytes, utf16, true), encoding: utf16, reason: `no byte-order mark, but NUL bytes at ${utf16 === 'utf-16le' ? 'odd' : 'even'} positions (UTF-16 pattern)`, guessed: true };
    } catch {
      /* fall through: not really UTF-16 */
    }
  }
  const utf8 = decodeUtf8Strict(bytes);
  if (utf8 !== undefined) {
    // one strict decode serves as both the check and the result (a byte loop here cost ~10× the decode)
    const ascii = !/[^\u0000-\u007f]/.test(utf8);
    return { text: utf8, encoding: 'utf-8', reason: ascii ? 'plain ASCII (read as UTF-8)' : 'valid UTF-8', guessed: false };
  }
  if (looksDoubleByte(bytes)) {
    throw new ImportError(
      'is not UTF-8 and looks like a double-byte East Asian encoding (Big5, GBK, Shift_JIS or EUC-KR), which cannot be told apart reliably; choose the encoding (e.g. --encoding big5) or re-save the file as UTF-8',
    );
  }
  if (looksGreek(bytes)) {
    return { text: decodeWith(bytes, 'iso-8859-7', false), encoding: 'iso-8859-7', reason: 'not valid UTF-8; high bytes form whole words in the Greek range (ISO-8859-7)', guessed: true };
  }
  let c1 = false;
  for (const b of bytes) if (b >= 0x80 && b <= 0x9f) { c1 = true; break; }
  if (c1) {
    return { text: decodeWith(bytes, 'windows-1252', false), encoding: 'windows-1252', reason: 'not valid UTF-8; bytes 0x80–0x9F present (Windows-1252 punctuation such as curly quotes)', guessed: true };
  }
  return { text: decodeLatin1(bytes), encoding: 'iso-8859-1', reason: 'not valid UTF-8; no bytes 0x80–0x9F, so read as ISO-8859-1 (Latin-1, same as Windows-1252 here)', guessed: true };
}
