/**
 * Byte → text decoding for imported files, with the encoding detected (and the reason said)
 * or chosen by the user. Detection order: BOM; UTF-16 by NUL-byte pattern; strict UTF-8;
 * a double-byte East Asian encoding is refused (we cannot tell Big5 from GBK or Shift_JIS
 * reliably: the user must name it); Greek ISO-8859-7 by whole words of high bytes;
 * otherwise Windows-1252 (if bytes 0x80–0x9F occur) or ISO-8859-1.
 *
 * Detection works on a ByteSource slice by slice (detectEncoding), so a large file is never whole
 * in memory: the BOM and UTF-16 sniffing look at the head, strict UTF-8/UTF-16 is checked with a
 * streaming fatal TextDecoder, and the legacy heuristics are counted over the slices. decodeText
 * is the same detection over bytes in memory, then one decode.
 */

import { byteSlices, DEFAULT_CHUNK_BYTES, bytesSource, type ByteSource } from './byte-source';
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

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const UTF16LE = LITTLE_ENDIAN ? new TextDecoder('utf-16le', { ignoreBOM: true }) : undefined;

/** True ISO-8859-1: every byte is the code point of the same value (TextDecoder's 'latin1' is really Windows-1252). */
function decodeLatin1(bytes: Uint8Array): string {
  // widened to UTF-16 code units natively (a byte loop or String.fromCharCode is ~20× slower)
  if (UTF16LE) return UTF16LE.decode(new Uint16Array(bytes));
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
  return /[\u0080-\u009f]/.test(latin) ? latin.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!) : latin;
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

/**
 * Byte counts for the legacy guesses, fed slice by slice (any split gives the same answers).
 * Double-byte CJK text (Big5, GBK, Shift_JIS, EUC-KR): most letters are high bytes, and a high
 * lead byte is often followed by a trail byte in 0x40–0x7E, which never happens inside a word of
 * a single-byte script such as Greek. Greek in ISO-8859-7: high bytes mostly come in runs of 3 or
 * more (whole words), in 0xB6–0xFE. Windows-1252: bytes 0x80–0x9F occur.
 */
class LegacyCounts {
  // double-byte: high lead bytes, lead+ASCII-symbol/letter pairs, ASCII letters; `trail` = the next byte follows a lead byte
  #leads = 0;
  #leadThenAscii = 0;
  #letters = 0;
  #trail = false;
  // Greek: all high bytes, those in runs of 3+, those in the Greek letter range; the current run
  #high = 0;
  #inRuns = 0;
  #greekRange = 0;
  #run = 0;
  c1 = false;

  update(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (b >= 0x80) {
        this.#high++;
        if (b >= 0xb6 && b !== 0xd2 && b !== 0xff) this.#greekRange++;
        if (b <= 0x9f) this.c1 = true;
        this.#run++;
      } else {
        if (this.#run >= 3) this.#inRuns += this.#run;
        this.#run = 0;
      }
      if (this.#trail) {
        // the byte after a lead byte is taken as its trail (one below 0x40 counts as nothing either way)
        this.#trail = false;
        if (b >= 0x40 && b <= 0x7e) this.#leadThenAscii++;
        continue;
      }
      if (b >= 0x80) {
        this.#leads++;
        this.#trail = true;
      } else if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) this.#letters++;
    }
  }

  looksDoubleByte(): boolean {
    return this.#leads > 20 && this.#leads > this.#letters && this.#leadThenAscii > this.#leads * 0.1;
  }

  looksGreek(): boolean {
    const inRuns = this.#inRuns + (this.#run >= 3 ? this.#run : 0);
    return this.#high >= 3 && inRuns > this.#high * 0.6 && this.#greekRange > this.#high * 0.9;
  }
}

/** How to decode a file: the encoding, why, whether it is a guess, and the byte-order mark to skip. */
export interface EncodingDecision {
  encoding: string;
  reason: string;
  guessed: boolean;
  /** Bytes of byte-order mark before the text (0 if none, or if it is not the chosen encoding's). */
  bomLength: number;
}

/** Bytes up to the last whole character of a UTF-8 slice (a sequence cut by the slice's end waits for the next). */
function utf8Boundary(b: Uint8Array): number {
  const n = b.length;
  for (let k = 1; k <= Math.min(3, n); k++) {
    const lead = b[n - k]!;
    if ((lead & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    return need > k ? n - k : n;
  }
  return n;
}

/** Bytes up to the last whole code unit of a UTF-16 slice, leaving a high surrogate for the next. */
function utf16Boundary(b: Uint8Array, le: boolean): number {
  let cut = b.length & ~1;
  if (cut >= 2) {
    const unit = le ? b[cut - 2]! | (b[cut - 1]! << 8) : (b[cut - 2]! << 8) | b[cut - 1]!;
    if (unit >= 0xd800 && unit <= 0xdbff) cut -= 2;
  }
  return cut;
}

/** Decodes slices of one byte stream in order (a character split between slices comes out whole). */
interface SliceDecoder {
  decode(slice: Uint8Array): string;
  /** After the last slice: what is left (a cut-off character decodes as U+FFFD, or throws if fatal). */
  end(): string;
}

/**
 * A decoder for slices. UTF-8 and UTF-16 are cut at character boundaries and each piece decoded
 * whole: TextDecoder's stream mode is 2–3× slower in Node (no fast path). Only the first piece may
 * start with a byte-order mark that is dropped (ignoreBOM: false), as in one decode of the whole.
 * Throws (from TextDecoder) if the platform does not know the encoding.
 */
function sliceDecoder(encoding: string, fatal: boolean): SliceDecoder {
  const boundary = encoding === 'utf-8' ? utf8Boundary : encoding === 'utf-16le' || encoding === 'utf-16be' ? (b: Uint8Array) => utf16Boundary(b, encoding === 'utf-16le') : undefined;
  const first = new TextDecoder(encoding, { fatal, ignoreBOM: false });
  if (!boundary) return { decode: (slice) => first.decode(slice, { stream: true }), end: () => first.decode() };
  const rest = new TextDecoder(encoding, { fatal, ignoreBOM: true });
  let started = false;
  let tail = new Uint8Array(0);
  const piece = (bytes: Uint8Array): string => {
    if (bytes.length === 0) return '';
    const d = started ? rest : first;
    started = true;
    return d.decode(bytes);
  };
  return {
    decode(slice) {
      let bytes = slice;
      if (tail.length > 0) {
        bytes = new Uint8Array(tail.length + slice.length);
        bytes.set(tail);
        bytes.set(slice, tail.length);
      }
      const cut = boundary(bytes);
      tail = bytes.slice(cut);
      return piece(bytes.subarray(0, cut));
    },
    end() {
      const t = piece(tail);
      tail = new Uint8Array(0);
      return t;
    },
  };
}

/**
 * Slices are decoded in pieces of at most this many bytes: in V8 a text of a megabyte or more is
 * a large object (slow to allocate and only freed by a full collection); 64 KiB pieces are
 * several times faster to decode and die young.
 */
const PIECE_BYTES = 1 << 16;

/** The source's bytes from `from` in pieces of at most PIECE_BYTES, read in slices of chunkBytes. */
function* pieces(src: ByteSource, chunkBytes: number, from: number): Generator<Uint8Array> {
  for (const slice of byteSlices(src, chunkBytes, from)) {
    if (slice.length <= PIECE_BYTES) yield slice;
    else for (let p = 0; p < slice.length; p += PIECE_BYTES) yield slice.subarray(p, p + PIECE_BYTES);
  }
}

/** Strictly decode the source from `from`, slice by slice; the text (joined only if `keep`), or undefined if the bytes are invalid. */
function strictDecode(decoder: SliceDecoder, src: ByteSource, from: number, chunkBytes: number, keep: boolean, onText?: (t: string) => void): string | undefined {
  const parts: string[] = [];
  try {
    for (const piece of pieces(src, chunkBytes, from)) {
      const t = decoder.decode(piece);
      if (keep && t !== '') parts.push(t);
      onText?.(t);
    }
    const t = decoder.end();
    if (keep && t !== '') parts.push(t);
    onText?.(t);
  } catch {
    return undefined;
  }
  return parts.length === 1 ? parts[0]! : parts.join('');
}

const strictDecoder = (encoding: string) => sliceDecoder(encoding, true);

/** One byte that is not valid UTF-8: where it is (0-based byte offset, 1-based line) and its value. */
export interface InvalidUtf8Byte {
  offset: number;
  line: number;
  byte: number;
}

/** How much of a file reads as UTF-8: whole multi-byte sequences, and the bytes that are not valid (the first `keep` listed). */
export interface Utf8Evidence {
  multiByte: number;
  invalidCount: number;
  invalid: InvalidUtf8Byte[];
}

/** Count valid multi-byte UTF-8 sequences and invalid bytes over the source's slices (a sequence may span slices). */
export function utf8Evidence(src: ByteSource, chunkBytes = DEFAULT_CHUNK_BYTES, keep = 5): Utf8Evidence {
  const out: Utf8Evidence = { multiByte: 0, invalidCount: 0, invalid: [] };
  let need = 0;
  let lo = 0x80;
  let hi = 0xbf;
  let start = 0;
  let startByte = 0;
  let line = 1;
  let pos = 0;
  const bad = (offset: number, byte: number) => {
    if (out.invalidCount++ < keep) out.invalid.push({ offset, line, byte });
  };
  for (const slice of byteSlices(src, chunkBytes)) {
    for (let i = 0; i < slice.length; i++, pos++) {
      const b = slice[i]!;
      if (need > 0) {
        if (b >= lo && b <= hi) {
          lo = 0x80;
          hi = 0xbf;
          if (--need === 0) out.multiByte++;
          continue;
        }
        bad(start, startByte); // a cut-short sequence: its lead byte is the invalid one; this byte starts afresh
        need = 0;
        lo = 0x80;
        hi = 0xbf;
      }
      if (b < 0x80) {
        if (b === 0x0a) line++;
        continue;
      }
      start = pos;
      startByte = b;
      if (b >= 0xc2 && b <= 0xdf) need = 1;
      else if (b >= 0xe0 && b <= 0xef) {
        need = 2;
        if (b === 0xe0) lo = 0xa0;
        if (b === 0xed) hi = 0x9f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        need = 3;
        if (b === 0xf0) lo = 0x90;
        if (b === 0xf4) hi = 0x8f;
      } else bad(pos, b);
    }
  }
  if (need > 0) bad(start, startByte);
  return out;
}

/**
 * Evidence that a file which is not strictly UTF-8 is UTF-8 with a few damaged bytes rather than a
 * legacy encoding: text in Windows-1252 or Latin-1 almost never forms valid multi-byte sequences
 * (an accented letter is one high byte between ASCII ones), so at least three valid sequences for
 * each invalid byte is UTF-8.
 */
export function isDamagedUtf8(e: Utf8Evidence): boolean {
  return e.invalidCount > 0 && e.multiByte >= 3 * e.invalidCount;
}

/** The one-line error for a damaged UTF-8 file, listing the first invalid bytes by line and byte offset. */
export function damagedUtf8Message(e: Utf8Evidence): string {
  const n = e.invalidCount;
  const where = e.invalid.map((b) => `line ${b.line.toLocaleString('en-GB')} at byte ${b.offset.toLocaleString('en-GB')} (0x${b.byte.toString(16).toUpperCase().padStart(2, '0')})`).join('; ');
  const more = n > e.invalid.length ? `; and ${(n - e.invalid.length).toLocaleString('en-GB')} more` : '';
  return `is UTF-8 (${e.multiByte.toLocaleString('en-GB')} valid multi-byte characters) but ${n === 1 ? '1 byte is' : `${n.toLocaleString('en-GB')} bytes are`} not valid UTF-8: ${where}${more}; the file is damaged — correct ${n === 1 ? 'that byte' : 'those bytes'} and import it again (it is not read as Windows-1252, which would garble every other accented character)`;
}

/** The decision, and the decoded text when `keep` and the check was a decode with the decided encoding. */
function detect(src: ByteSource, chosen: string | undefined, chunkBytes: number, keep: boolean): { decision: EncodingDecision; text?: string } {
  const head = src.read(0, Math.min(src.size, 1024));
  const bom = bomOf(head);
  if (chosen) {
    const name = normaliseEncodingName(chosen);
    const decision = { encoding: name, reason: 'chosen by the user', guessed: false, bomLength: bom && bom.encoding === name ? bom.length : 0 };
    if (name === 'iso-8859-1' || name === 'windows-1252') return { decision }; // every byte is valid
    let decoder: SliceDecoder;
    try {
      decoder = strictDecoder(name);
    } catch {
      throw new ImportError(`this platform cannot decode ${name}; re-save the file as UTF-8`);
    }
    const text = strictDecode(decoder, src, decision.bomLength, chunkBytes, keep);
    if (text === undefined) throw new ImportError(`the bytes are not valid ${name} (the encoding you chose); try another encoding`);
    return { decision, text };
  }
  if (bom) {
    const text = strictDecode(strictDecoder(bom.encoding), src, bom.length, chunkBytes, keep);
    if (text === undefined) throw new ImportError(`starts with a ${bom.encoding.toUpperCase()} byte-order mark but the rest is not valid ${bom.encoding.toUpperCase()}`);
    return { decision: { encoding: bom.encoding, reason: `${bom.encoding.toUpperCase()} byte-order mark`, guessed: false, bomLength: bom.length }, text };
  }
  const utf16 = sniffUtf16(head);
  if (utf16) {
    const text = strictDecode(strictDecoder(utf16), src, 0, chunkBytes, keep);
    // otherwise fall through: not really UTF-16
    if (text !== undefined) {
      const reason = `no byte-order mark, but NUL bytes at ${utf16 === 'utf-16le' ? 'odd' : 'even'} positions (UTF-16 pattern)`;
      return { decision: { encoding: utf16, reason, guessed: true, bomLength: 0 }, text };
    }
  }
  // valid UTF-8 is plain ASCII exactly when it decodes to as many UTF-16 units as it has bytes
  let units = 0;
  const utf8 = strictDecode(strictDecoder('utf-8'), src, 0, chunkBytes, keep, (t) => (units += t.length));
  if (utf8 !== undefined) {
    const ascii = units === src.size;
    return { decision: { encoding: 'utf-8', reason: ascii ? 'plain ASCII (read as UTF-8)' : 'valid UTF-8', guessed: false, bomLength: 0 }, text: utf8 };
  }
  const counts = new LegacyCounts();
  for (const slice of byteSlices(src, chunkBytes)) counts.update(slice);
  if (counts.looksDoubleByte()) {
    throw new ImportError(
      'is not UTF-8 and looks like a double-byte East Asian encoding (Big5, GBK, Shift_JIS or EUC-KR), which cannot be told apart reliably; choose the encoding (e.g. --encoding big5) or re-save the file as UTF-8',
    );
  }
  const evidence = utf8Evidence(src, chunkBytes);
  if (isDamagedUtf8(evidence)) throw new ImportError(damagedUtf8Message(evidence));
  if (counts.looksGreek()) {
    return { decision: { encoding: 'iso-8859-7', reason: 'not valid UTF-8; high bytes form whole words in the Greek range (ISO-8859-7)', guessed: true, bomLength: 0 } };
  }
  if (counts.c1) {
    return { decision: { encoding: 'windows-1252', reason: 'not valid UTF-8; bytes 0x80–0x9F present (Windows-1252 punctuation such as curly quotes)', guessed: true, bomLength: 0 } };
  }
  return { decision: { encoding: 'iso-8859-1', reason: 'not valid UTF-8; no bytes 0x80–0x9F, so read as ISO-8859-1 (Latin-1, same as Windows-1252 here)', guessed: true, bomLength: 0 } };
}

/**
 * Detect a file's encoding (or check the chosen one) reading it in slices; never holds the whole
 * file. Reads it once for a strict UTF-8/UTF-16 check, and once more only when it is not UTF-8.
 * Throws ImportError with the reason, exactly as decodeText does for the same bytes.
 */
export function detectEncoding(src: ByteSource, encoding?: string, chunkBytes = DEFAULT_CHUNK_BYTES): EncodingDecision {
  return detect(src, encoding, chunkBytes, false).decision;
}

/** Thrown by a StrictReading's text when the bytes are not valid in the encoding its file's head suggested. */
export class NotStrictlyDecodable extends Error {
  override name = 'NotStrictlyDecodable';
}

/** A file's text read once for both the encoding check and its use (see strictReading). */
export interface StrictReading {
  /** The encoding the head suggests and the byte-order mark to skip (the decision if the text proves valid). */
  tentative: EncodingDecision;
  /** The text piece by piece (64 KiB of bytes at most), strictly decoded; throws NotStrictlyDecodable on invalid bytes. */
  texts: Generator<string>;
  /** After the last piece: what detectEncoding decides for the same bytes (undefined until then). */
  decision(): EncodingDecision | undefined;
}

/**
 * The text of a source decoded in the encoding its head suggests (a chosen one, a byte-order mark,
 * a UTF-16 NUL pattern, else UTF-8), checked strictly as it is read: when every byte proves valid,
 * `decision()` is exactly detectEncoding's, so one read serves both (detectEncoding's strict check
 * is a whole decode of the file). When the text throws NotStrictlyDecodable, detectEncoding must
 * decide (it reads the file again). Undefined when there is nothing to check (a chosen encoding
 * in which every byte is valid) or the check would fail at once (an unknown encoding).
 */
export function strictReading(src: ByteSource, chosen: string | undefined, chunkBytes = DEFAULT_CHUNK_BYTES): StrictReading | undefined {
  const head = src.read(0, Math.min(src.size, 1024));
  const bom = bomOf(head);
  let tentative: EncodingDecision;
  // (a file of plain ASCII decodes to as many UTF-16 units as it has bytes)
  let decide = (_units: number) => tentative;
  if (chosen) {
    let name: string;
    try {
      name = normaliseEncodingName(chosen);
    } catch {
      return undefined;
    }
    if (name === 'iso-8859-1' || name === 'windows-1252') return undefined;
    tentative = { encoding: name, reason: 'chosen by the user', guessed: false, bomLength: bom && bom.encoding === name ? bom.length : 0 };
  } else if (bom) {
    tentative = { encoding: bom.encoding, reason: `${bom.encoding.toUpperCase()} byte-order mark`, guessed: false, bomLength: bom.length };
  } else {
    const utf16 = sniffUtf16(head);
    if (utf16) {
      const reason = `no byte-order mark, but NUL bytes at ${utf16 === 'utf-16le' ? 'odd' : 'even'} positions (UTF-16 pattern)`;
      tentative = { encoding: utf16, reason, guessed: true, bomLength: 0 };
    } else {
      tentative = { encoding: 'utf-8', reason: 'valid UTF-8', guessed: false, bomLength: 0 };
      decide = (units) => (units === src.size ? { ...tentative, reason: 'plain ASCII (read as UTF-8)' } : tentative);
    }
  }
  let decoder: SliceDecoder;
  try {
    decoder = strictDecoder(tentative.encoding);
  } catch {
    return undefined;
  }
  let units = 0;
  let decided: EncodingDecision | undefined;
  const strictly = (f: () => string): string => {
    let t: string;
    try {
      t = f();
    } catch {
      throw new NotStrictlyDecodable(`not valid ${tentative.encoding}`);
    }
    units += t.length;
    return t;
  };
  function* texts(): Generator<string> {
    for (const piece of pieces(src, chunkBytes, tentative.bomLength)) yield strictly(() => decoder.decode(piece));
    yield strictly(() => decoder.end());
    decided = decide(units);
  }
  return { tentative, texts: texts(), decision: () => decided };
}

/** The decoded text of a source, piece by piece (64 KiB of bytes at most), per a decision from detectEncoding (the byte-order mark skipped). */
export function* decodeSource(src: ByteSource, decision: EncodingDecision, chunkBytes = DEFAULT_CHUNK_BYTES): Generator<string> {
  const { encoding, bomLength } = decision;
  if (encoding === 'iso-8859-1' || encoding === 'windows-1252') {
    for (const piece of pieces(src, chunkBytes, bomLength)) yield decodeWith(piece, encoding, false);
    return;
  }
  const decoder = sliceDecoder(encoding, false);
  for (const piece of pieces(src, chunkBytes, bomLength)) yield decoder.decode(piece);
  yield decoder.end();
}

/** Decode bytes, detecting the encoding unless `encoding` names one. Throws ImportError with the reason. */
export function decodeText(bytes: Uint8Array, encoding?: string): DecodedText {
  // one slice: the strict check's decode is the result (a second decode would double the cost)
  const { decision, text } = detect(bytesSource(bytes), encoding, Math.max(1, bytes.length), true);
  const { encoding: name, reason, guessed } = decision;
  return { text: text ?? decodeWith(bytes.subarray(decision.bomLength), name, false), encoding: name, reason, guessed };
}
