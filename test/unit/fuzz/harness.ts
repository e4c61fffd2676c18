/**
 * Seeded mutation fuzzing of every file Chorus reads from outside: CSV, XLSX, DOCX, QDPX and QDC.
 * Each input is a valid seed file mutated by a seeded random choice of byte-level edits (bit
 * flips, interesting bytes, cuts, duplications, splices), structure-aware edits inside zip entries
 * (so the zip's CRCs hold and the reader's XML parser sees the damage), lying zip headers, and
 * hostile payloads (XSS, formulas, terminal escapes, bidi overrides, entity declarations, deep
 * nesting, long tokens, invalid UTF-8). Shared by test/unit/fuzz/hostile-files.test.ts (npm test)
 * and test/bench/fuzz.bench.ts (more inputs).
 *
 * Every input must end in a clean result or a one-line error:
 * - CSV, QDPX and DOCX go through the CLI in-process (`scan`, `info --json`, `import -o`): exit 0,
 *   or exit 1 with exactly one stderr line `chorus <cmd>: <file>: …` naming the file; never exit 70
 *   ("unexpected error"), never a raw control character in the output, never an output or
 *   `.partial` file left after a failure.
 * - XLSX goes through parseSpreadsheet, the body of the disposable worker (the worker itself starts
 *   in seconds on a loaded machine; its limits have their own tests): a table or an ImportError.
 * - QDC goes through readQdc: codes or an ExchangeError (the app and CLI prefix the file name).
 * Time and memory per input are measured; the caller asserts the bounds.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { utils, write } from 'xlsx';
import { runCli } from '../../../electron/cli/run';
import { ExchangeError } from '../../../shared/exchange/errors';
import { readQdc, writeQdc } from '../../../shared/exchange/qdc';
import { writeQdpx } from '../../../shared/exchange/qdpx';
import { parseSpreadsheet } from '../../../shared/import/spreadsheet';
import { ImportError } from '../../../shared/import/types';
import { smallProject } from '../analysis/fixture';
import { buildDocx } from '../../fixtures/docx';
import { seededRandom } from '../../../shared/model';

export const FORMATS = ['csv', 'xlsx', 'docx', 'qdpx', 'qdc'] as const;
export type Format = (typeof FORMATS)[number];

/** Hostile text spliced into files (as UTF-8). */
export const PAYLOADS: readonly string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://example.invalid","x")',
  '+SUM(1,2)',
  '-2+3',
  '@SUM(A1)',
  '\u001b]0;pwned\u0007\u001b[31m',
  '&#x1b;[2J&#x7;',
  '&#0;&#xD800;&#x110000;',
  '\u202Egnp.exe',
  '\u2066\u2067\u200F',
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
  '&a;&b;&lt;&amp;',
  '<![CDATA[ ]]>',
  '"',
  '""",,,\r\n\r',
  '\u0000',
  '\uFEFF',
  '../../../../etc/passwd',
  'e\u0301\u{1D518}\u{1F600}',
  '<a>'.repeat(1100), // deeper than the XML reader's 1,000 levels
  'x'.repeat(5000),
  '\t=1+1',
];
/** Raw bytes spliced in: invalid UTF-8, a UTF-16 BOM, NULs, C1 CSI. */
const BYTE_PAYLOADS: readonly Uint8Array[] = [new Uint8Array([0xff]), new Uint8Array([0xc0, 0xaf]), new Uint8Array([0xff, 0xfe]), new Uint8Array([0, 0, 0]), new Uint8Array([0xc2, 0x9b, 0x32, 0x4a])];
const INTERESTING = [0x00, 0xff, 0x7f, 0x80, 0x1b, 0x22, 0x3c, 0x3e, 0x26, 0x0a, 0x0d, 0x2c, 0x50, 0x4b];


type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rand, list: readonly T[]): T => list[int(r, list.length)]!;

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** One byte-level edit. */
function mutateBytes(r: Rand, b: Uint8Array): Uint8Array {
  if (b.length === 0) return strToU8(pick(r, PAYLOADS));
  const at = int(r, b.length);
  switch (int(r, 8)) {
    case 0: {
      const out = b.slice();
      out[at] = out[at]! ^ (1 << int(r, 8));
      return out;
    }
    case 1: {
      const out = b.slice();
      out[at] = pick(r, INTERESTING);
      return out;
    }
    case 2:
      return b.subarray(0, at); // cut short
    case 3: {
      const len = 1 + int(r, Math.min(64, b.length - at));
      return concat(b.subarray(0, at), b.subarray(at + len)); // delete a range
    }
    case 4: {
      const len = 1 + int(r, Math.min(256, b.length - at));
      return concat(b.subarray(0, at + len), b.subarray(at, at + len), b.subarray(at + len)); // duplicate a range
    }
    case 5:
      return concat(b.subarray(0, at), strToU8(pick(r, PAYLOADS)), b.subarray(at));
    case 6:
      return concat(b.subarray(0, at), pick(r, BYTE_PAYLOADS), b.subarray(at));
    default:
      return concat(b.subarray(0, at), Uint8Array.from({ length: 1 + int(r, 16) }, () => int(r, 256)), b.subarray(at));
  }
}

/** Text-aware edit for XML/CSV: a payload at a random place, or inside an attribute or element. */
function mutateText(r: Rand, b: Uint8Array): Uint8Array {
  const s = strFromU8(b);
  const payload = pick(r, PAYLOADS);
  const choice = int(r, 3);
  if (choice === 0) {
    const quote = [...s.matchAll(/="/g)].map((m) => m.index! + 2);
    if (quote.length > 0) {
      const at = pick(r, quote);
      return strToU8(s.slice(0, at) + payload + s.slice(at));
    }
  }
  if (choice === 1) {
    const gt = [...s.matchAll(/>/g)].map((m) => m.index! + 1);
    if (gt.length > 0) {
      const at = pick(r, gt);
      return strToU8(s.slice(0, at) + payload + s.slice(at));
    }
  }
  return mutateBytes(r, b);
}

/** Overwrite a u32 at every central-directory entry's field (sizes: +20 compressed, +24 unpacked; +16 CRC). */
function patchCentral(zip: Uint8Array, field: number, value: number): Uint8Array {
  const out = zip.slice();
  const v = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) if (v.getUint32(i, true) === 0x02014b50 && i + field + 4 <= out.length) v.setUint32(i + field, value >>> 0, true);
  return out;
}

/** A seed zip, its entries, and the same with a 4 MB entry of zeros added (~4 KB packed), made once. */
interface ZipSeed {
  zip: Uint8Array;
  files: Record<string, Uint8Array>;
  bombed: Uint8Array;
}
function zipSeed(zip: Uint8Array): ZipSeed {
  const files = unzipSync(zip);
  return { zip, files, bombed: zipSync({ ...files, bomb: new Uint8Array(4_000_000) }) };
}

/** A zip mutated: inside an entry (the zip stays valid), at the byte level, by lying headers, or with a bomb entry added. */
function mutateZip(r: Rand, zip: Uint8Array, seed: ZipSeed): Uint8Array {
  let files: Record<string, Uint8Array>;
  if (zip === seed.zip) files = { ...seed.files };
  else {
    try {
      files = unzipSync(zip);
    } catch {
      return mutateBytes(r, zip); // an earlier round broke the zip: keep breaking bytes
    }
  }
  const k = int(r, 10);
  if (k < 5) {
    const names = Object.keys(files);
    const name = pick(r, names);
    files[name] = int(r, 3) === 0 ? mutateBytes(r, files[name]!) : mutateText(r, files[name]!);
    if (int(r, 8) === 0) files[pick(r, PAYLOADS).slice(0, 40)] = strToU8(pick(r, PAYLOADS));
    return zipSync(files, { level: int(r, 4) === 0 ? 6 : 0 });
  }
  if (k < 8) return mutateBytes(r, zip);
  if (k === 8) return patchCentral(zip, pick(r, [16, 20, 24]), pick(r, [0, 1, 0x7fffffff, 0xffffffff, 536_870_911, int(r, 1 << 20)]));
  return zip === seed.zip ? seed.bombed : mutateBytes(r, seed.bombed);
}

export interface Seeds {
  csv: Uint8Array;
  xlsx: Uint8Array;
  docx: Uint8Array;
  qdpx: Uint8Array;
  qdc: Uint8Array;
}

export function seeds(): Seeds {
  const { bundle } = smallProject();
  const wb = utils.book_new();
  utils.book_append_sheet(
    wb,
    utils.aoa_to_sheet([
      ['RespID', 'Age', 'Q1', 'Date'],
      ['R-01', 34, 'The officer — Zoë — rang back', new Date(Date.UTC(2024, 2, 5))],
      ['R-02', 51, 'Waited "three" weeks', new Date(Date.UTC(2024, 3, 1))],
      ['R-03', 27, 'José was kind', new Date(Date.UTC(2024, 4, 9))],
    ]),
    'Survey',
  );
  return {
    csv: strToU8('RespID,Age,Q1\r\nR-01,34,"The officer — Zoë — rang back"\r\nR-02,51,"Waited ""three"" weeks"\r\nR-03,27,José was kind\r\n'),
    xlsx: new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer),
    docx: buildDocx(['Interviewer: How did the officer respond?', 'P1: Slowly, and without an update.', 'Interviewer: Thank you.']),
    qdpx: writeQdpx(bundle),
    qdc: strToU8(writeQdc(bundle.codes)),
  };
}

const zipSeeds = new WeakMap<Uint8Array, ZipSeed>();

export function mutate(format: Format, seed: Uint8Array, r: Rand): Uint8Array {
  const rounds = 1 + int(r, 3);
  let b = seed;
  if (format === 'csv' || format === 'qdc') {
    for (let i = 0; i < rounds; i++) b = mutateText(r, b);
    return b;
  }
  let zs = zipSeeds.get(seed);
  if (!zs) zipSeeds.set(seed, (zs = zipSeed(seed)));
  for (let i = 0; i < rounds; i++) b = mutateZip(r, b, zs);
  return b;
}

export type Outcome = 'read' | 'rejected' | 'crash';
export interface CaseResult {
  outcome: Outcome;
  /** What went wrong, for a crash. */
  detail?: string;
  ms: number;
}

/** What the CLI must never print raw: control characters (but tab and LF) and bidi controls. */
const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** What an importer must never store: control characters but tab, LF and CR (bidi controls are isolated where shown). */
const STORED_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

async function cli(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

/**
 * Judge a CLI run: exit 0; exit 1 with one stderr line naming the file; or (import) exit 3, the
 * anonymisation gate's refusal: one line giving counts and places (naming the file), no values.
 */
function judgeCli(cmd: string, file: string, r: { code: number; out: string; err: string }): Omit<CaseResult, 'ms'> {
  if (RAW_CONTROL.test(r.out + r.err)) return { outcome: 'crash', detail: `raw control character printed: ${JSON.stringify((r.out + r.err).slice(0, 200))}` };
  if (r.code === 0) return { outcome: 'read' };
  const lines = r.err.split('\n');
  const oneLine = lines.length === 2 && lines[1] === '';
  if (r.code === 1 && oneLine && lines[0]!.startsWith(`chorus ${cmd}: ${file}`) && lines[0]!.length > `chorus ${cmd}: ${file}: `.length)
    return { outcome: 'rejected' };
  const stem = file.replace(/\.[^.]+$/, '');
  if (r.code === 3 && cmd === 'import' && oneLine && lines[0]!.startsWith('chorus import: personal data found, nothing written: ') && lines[0]!.includes(stem))
    return { outcome: 'rejected' };
  return { outcome: 'crash', detail: `exit ${r.code}: ${JSON.stringify(r.err.slice(0, 300))}` };
}

/** One input through its reader. Never throws: anything unexpected is a 'crash' with the reason. */
export async function runCase(format: Format, bytes: Uint8Array, dir: string, n: number): Promise<CaseResult> {
  const t0 = performance.now();
  let r: Omit<CaseResult, 'ms'>;
  try {
    switch (format) {
      case 'csv': {
        const file = path.join(dir, `case-${n}.csv`);
        writeFileSync(file, bytes);
        r = judgeCli('scan', path.basename(file), await cli(['scan', file]));
        rmSync(file, { force: true });
        break;
      }
      case 'qdpx': {
        const file = path.join(dir, `case-${n}.qdpx`);
        writeFileSync(file, bytes);
        r = judgeCli('info', file, await cli(['info', file, '--json']));
        rmSync(file, { force: true });
        break;
      }
      case 'docx': {
        // (a neutral name: "case-951" reads as a case reference, and the gate rightly refuses it)
        const file = path.join(dir, `transcript-${n}.docx`);
        const out = path.join(dir, `out-${n}.qdpx`);
        writeFileSync(file, bytes);
        r = judgeCli('import', path.basename(file), await cli(['import', file, '-o', out]));
        const left = readdirSync(dir).filter((f) => f.includes(`out-${n}.qdpx`));
        if (r.outcome === 'rejected' && left.length > 0) r = { outcome: 'crash', detail: `left ${left.join(', ')} behind after an error` };
        if (r.outcome === 'read' && !existsSync(out)) r = { outcome: 'crash', detail: 'exit 0 without the output file' };
        rmSync(file, { force: true });
        rmSync(out, { force: true });
        break;
      }
      case 'xlsx': {
        try {
          parseSpreadsheet(bytes, { fileName: `case-${n}.xlsx` });
          r = { outcome: 'read' };
        } catch (e) {
          r = e instanceof ImportError && e.message.length > 0 && !e.message.includes('\n') ? { outcome: 'rejected' } : { outcome: 'crash', detail: `${(e as Error).name}: ${(e as Error).message}`.slice(0, 300) };
        }
        break;
      }
      case 'qdc': {
        try {
          const codes = readQdc(new TextDecoder().decode(bytes), '00000000-0000-4000-8000-ffffffffffff', '2026-01-01T00:00:00.000Z');
          const bad = codes.find((c) => STORED_CONTROL.test(c.name) || STORED_CONTROL.test(c.definition));
          r = bad ? { outcome: 'crash', detail: `a control character reached a code: ${JSON.stringify(bad.name)}` } : { outcome: 'read' };
        } catch (e) {
          r = e instanceof ExchangeError && e.message.length > 0 && !e.message.includes('\n') ? { outcome: 'rejected' } : { outcome: 'crash', detail: `${(e as Error).name}: ${(e as Error).message}`.slice(0, 300) };
        }
        break;
      }
    }
  } catch (e) {
    r = { outcome: 'crash', detail: `uncaught ${(e as Error)?.name}: ${(e as Error)?.message}`.slice(0, 300) };
  }
  return { ...r, ms: performance.now() - t0 };
}

export interface FuzzReport {
  inputs: number;
  read: number;
  rejected: number;
  crashes: Array<{ format: Format; n: number; detail: string }>;
  byFormat: Record<Format, { read: number; rejected: number; crash: number; maxMs: number; totalMs: number; mutateMs: number }>;
  maxMs: number;
  /** Largest growth of the process's resident memory over the run, in MB. */
  maxRssGrowthMb: number;
  seconds: number;
}

/** Fuzz `perFormat` inputs of each format from `seed`. */
export async function fuzz(perFormat: Record<Format, number>, seed = 12): Promise<FuzzReport> {
  const base = seeds();
  const dir = mkdtempSync(path.join(tmpdir(), 'chorus-fuzz-'));
  const r = seededRandom(seed);
  const rss0 = process.memoryUsage.rss();
  const t0 = performance.now();
  const report: FuzzReport = {
    inputs: 0,
    read: 0,
    rejected: 0,
    crashes: [],
    byFormat: Object.fromEntries(FORMATS.map((f) => [f, { read: 0, rejected: 0, crash: 0, maxMs: 0, totalMs: 0, mutateMs: 0 }])) as FuzzReport['byFormat'],
    maxMs: 0,
    maxRssGrowthMb: 0,
    seconds: 0,
  };
  try {
    for (const format of FORMATS) {
      for (let i = 0; i < perFormat[format]; i++) {
        const n = report.inputs++;
        const m0 = performance.now();
        const input = mutate(format, base[format], r);
        const f = report.byFormat[format];
        f.mutateMs += performance.now() - m0;
        const res = await runCase(format, input, dir, n);
        f.totalMs += res.ms;
        if (res.outcome === 'crash') {
          f.crash++;
          report.crashes.push({ format, n, detail: res.detail ?? '' });
        } else {
          f[res.outcome]++;
          report[res.outcome]++;
        }
        f.maxMs = Math.max(f.maxMs, res.ms);
        report.maxMs = Math.max(report.maxMs, res.ms);
        if (n % 50 === 0) report.maxRssGrowthMb = Math.max(report.maxRssGrowthMb, (process.memoryUsage.rss() - rss0) / 2 ** 20);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  report.seconds = (performance.now() - t0) / 1000;
  return report;
}

const n = (x: number) => x.toLocaleString('en-GB');

/** "fuzz: 2,400 inputs: 1,873 rejected with a message, 527 read, 0 crashes" and a line per format. */
export function describeReport(rep: FuzzReport): string {
  const lines = [`fuzz: ${n(rep.inputs)} inputs: ${n(rep.rejected)} rejected with a message, ${n(rep.read)} read, ${n(rep.crashes.length)} crashes (${rep.seconds.toFixed(1)} s; slowest input ${Math.round(rep.maxMs)} ms; RSS growth ≤ ${Math.round(rep.maxRssGrowthMb)} MB)`];
  for (const f of FORMATS) {
    const b = rep.byFormat[f];
    lines.push(`  ${f.padEnd(5)} ${n(b.read + b.rejected + b.crash).padStart(6)} inputs: ${n(b.rejected)} rejected, ${n(b.read)} read, ${n(b.crash)} crashes; slowest ${Math.round(b.maxMs)} ms, mean ${(b.totalMs / Math.max(1, b.read + b.rejected + b.crash)).toFixed(1)} ms (+ ${(b.mutateMs / Math.max(1, b.read + b.rejected + b.crash)).toFixed(1)} ms to mutate)`);
  }
  for (const c of rep.crashes.slice(0, 10)) lines.push(`  CRASH ${c.format} #${c.n}: ${c.detail}`);
  return lines.join('\n');
}
