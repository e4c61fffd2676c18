/**
 * Control and bidi characters from hostile files: replaced on the way in (XML, CSV, XLSX, codebooks)
 * and never printed raw by the CLI (one sanitiser, electron/cli/terminal-text.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { utils, write } from 'xlsx';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { terminalSafe } from '../../../electron/cli/terminal-text';
import { codesFromCsv, codesFromTable } from '../../../shared/coding/codebook-table';
import { readQdc } from '../../../shared/exchange/qdc';
import { readQdpx, writeQdpx } from '../../../shared/exchange/qdpx';
import { parseSpreadsheet } from '../../../shared/import/spreadsheet';
import { parseTable } from '../../../shared/import/table';
import { seededGuids } from '../../../shared/model';
import { smallProject } from '../analysis/fixture';

/** A codebook workbook read as the app reads it: parsed (in the worker, there), then turned into codes. */
const codesFromXlsx = (bytes: Uint8Array, pid: string, ids: () => string, now: string) => codesFromTable(parseSpreadsheet(bytes, { fileName: 'codebook.xlsx', headerRows: 1 }), pid, ids, now);


const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const ESCAPES = '&#x1b;]0;pwned&#x7;&#x1b;[31m';
const PID = '00000000-0000-4000-8000-ffffffffffff';

async function cli(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

/** A project whose name and every code name carry terminal escape sequences as XML character references. */
function hostileQdpx(): Uint8Array {
  const files = unzipSync(writeQdpx(smallProject().bundle));
  const qde = strFromU8(files['project.qde']!)
    .replace(/(<Project [^>]*?name=")/, `$1${ESCAPES}`)
    .replace(/(<Code [^>]*?name=")/g, `$1${ESCAPES}`);
  return zipSync({ ...files, 'project.qde': strToU8(qde) });
}

describe('control characters from hostile files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'chorus-hostile-'));
  const file = path.join(dir, 'project.qdpx');
  writeFileSync(file, hostileQdpx());

  it('XML: &#x1b; and other forbidden references decode to U+FFFD, not ESC', () => {
    const bundle = readQdpx(hostileQdpx());
    expect(bundle.project.name).toMatch(/^\uFFFD\]0;pwned\uFFFD\uFFFD\[31m/);
    for (const c of bundle.codes) expect(c.name).not.toMatch(RAW_CONTROL);
  });

  it('info, agree and analyse print no escape sequence (text and --json)', async () => {
    for (const argv of [['info', file], ['info', file, '--json'], ['agree', file], ['analyse', file, '--kind', 'frequencies'], ['analyse', file, '--kind', 'frequencies', '--json']]) {
      const r = await cli(argv);
      expect(r.out + r.err, argv.join(' ')).not.toMatch(RAW_CONTROL);
      expect(r.out.length, argv.join(' ')).toBeGreaterThan(0);
    }
  });

  it('the CLI never prints a raw bidi override or control character, even in a file name; JSON still parses to the same text', async () => {
    const evil = path.join(dir, 'report\u202Efdp.qdpx');
    writeFileSync(evil, hostileQdpx());
    const r = await cli(['info', evil, '--json']);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(BIDI);
    expect(JSON.parse(r.out).file).toBe(evil);
    const missing = await cli(['info', path.join(dir, 'no\u001b[2Jsuch\u202E.qdpx')]);
    expect(missing.err).not.toMatch(RAW_CONTROL);
    expect(missing.err).not.toMatch(BIDI);
    expect(missing.err).toContain('no\\u001b[2Jsuch\\u202e.qdpx');
    expect(terminalSafe('tab\tand\nline stay; \r\u009b\u200f go')).toBe('tab\tand\nline stay; \\u000d\\u009b\\u200f go');
  });

  it('a .qdc codebook cannot bring an ESC into a stored code name', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="2b1c1f3a-3b7b-4c55-9d2a-0a3c9b7f1e11" name="Delay${ESCAPES}" isCodable="true"/></Codes></CodeBook>`;
    const [code] = readQdc(xml, PID);
    expect(code!.name).toBe('Delay\uFFFD]0;pwned\uFFFD\uFFFD[31m');
  });

  it('CSV, XLSX and codebook spreadsheets replace control characters on the way in', () => {
    const csv = parseTable(strToU8('id,comment\n1,"red \u001b[31mtext\u0007 and \u009b2J"\n'), { fileName: 'x.csv' });
    expect(csv.rows[0]![1]).toBe('red \uFFFD[31mtext\uFFFD and \uFFFD2J');
    const wb = utils.book_new();
    utils.book_append_sheet(wb, utils.aoa_to_sheet([['id', 'comment'], ['1', 'bell\u0007 esc\u001b[0m']]), 'S');
    const xlsx = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    expect(parseSpreadsheet(xlsx, { fileName: 'x.xlsx' }).rows[0]![1]).toBe('bell\uFFFD esc\uFFFD[0m');
    expect(codesFromCsv('path,name\n"A\u001b[31m","A\u001b[31m"\n', PID, seededGuids(1), '2026-01-01T00:00:00.000Z')[0]!.name).toBe('A\uFFFD[31m');
    const cb = utils.book_new();
    utils.book_append_sheet(cb, utils.aoa_to_sheet([['name'], ['B\u001b]0;x\u0007']]), 'Codebook');
    expect(codesFromXlsx(new Uint8Array(write(cb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer), PID, seededGuids(2), '2026-01-01T00:00:00.000Z')[0]!.name).toBe('B\uFFFD]0;x\uFFFD');
  });
});
