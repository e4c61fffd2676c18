import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

const dir = mkdtempSync(path.join(tmpdir(), 'chorus-scan-'));
const csv = path.join(dir, 'responses.csv');
writeFileSync(csv, 'RespID,Q1,Q2\nR-01,"PC Sarah Jones rang me on 07700 900123",fine\nR-02,I rang 101 and waited 3 weeks,"email me: a.b@example.com"\n');
const txt = path.join(dir, 'note.txt');
writeFileSync(txt, 'My ex Gary Thompson lives at 14 Acacia Avenue, LS6 2AB.');

interface Json {
  findings: { record: string | number; field: string; start: number; end: number; type: string; confidence: number }[];
}

describe('chorus scan', () => {
  it('--json with --id reports record ids, fields, offsets and types', async () => {
    const r = await run(['scan', csv, '--id', 'RespID', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Json;
    expect(j.findings.map((f) => [f.record, f.field, f.type, f.start, f.end])).toEqual([
      ['R-01', 'Q1', 'person', 3, 14],
      ['R-01', 'Q1', 'phone', 26, 38],
      ['R-02', 'Q2', 'email', 10, 25],
    ]);
    for (const f of j.findings) expect(Object.keys(f)).toEqual(['record', 'field', 'start', 'end', 'type', 'confidence']);
  });
  it('--json without --id uses 1-based row numbers and scans every column', async () => {
    const j = JSON.parse((await run(['scan', csv, '--json'])).out) as Json;
    expect(j.findings.map((f) => f.record)).toEqual([1, 1, 2]);
  });
  it('scans a text file as one field "text", record 1', async () => {
    const j = JSON.parse((await run(['scan', txt, '--json'])).out) as Json;
    expect(j.findings.map((f) => `${f.record}/${f.field}/${f.type}`)).toEqual(['1/text/person', '1/text/address', '1/text/postcode']);
  });
  it('the readable list groups by type and never prints the personal data', async () => {
    const r = await run(['scan', csv, '--id', 'RespID']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^person \(1\)$/m);
    expect(r.out).toMatch(/^phone \(1\)$/m);
    expect(r.out).toContain('record R-01, field "Q1"');
    expect(r.out).toContain('S•••• •••••');
    for (const secret of ['Sarah', 'Jones', '07700', '900123', 'a.b@example.com', 'example']) expect(r.out).not.toContain(secret);
  });
  it('an unknown --id column exits 1 naming the file and the column', async () => {
    const r = await run(['scan', csv, '--id', 'Nope']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/responses\.csv: no column "Nope" for --id/);
  });
  it('refuses an unsupported file type and a missing file clearly', async () => {
    const odd = path.join(dir, 'x.pdf');
    writeFileSync(odd, '%PDF');
    expect((await run(['scan', odd])).err).toMatch(/x\.pdf: cannot scan "\.pdf" files/);
    const missing = await run(['scan', path.join(dir, 'none.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/none\.csv: no such file/);
  });
});
