import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { readQdpx } from '../../../shared/exchange/qdpx';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

const dir = mkdtempSync(path.join(tmpdir(), 'chorus-gate-'));
const csv = path.join(dir, 'feedback.csv');
// row 3 holds a phone number, a name, a street address and a postcode (fictional)
writeFileSync(
  csv,
  [
    'Id,Answer',
    'A1,"The officer listened and explained what would happen next."',
    'A2,"Call me on 07700 900123, my name is Sarah Jones and I live at 14 Acacia Avenue, Leeds LS6 2AB."',
    'A3,"Nobody rang me back for two weeks and I felt ignored."',
  ].join('\n') + '\n',
);
const VALUES = ['07700 900123', 'Sarah Jones', '14 Acacia Avenue', 'LS6 2AB'];

describe('chorus import: the anonymisation gate', () => {
  it('refuses to write personal data: counts per type and row numbers, never the values; exit 3; no output file', async () => {
    const out = path.join(dir, 'refused.qdpx');
    const r = await run(['import', csv, '--id', 'Id', '--text', 'Answer', '-o', out]);
    expect(r.code).toBe(3);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^chorus import: personal data found, nothing written: /);
    for (const type of ['phone', 'person', 'address', 'postcode']) expect(r.err).toMatch(new RegExp(`${type} 1 \\(feedback\\.csv row 3\\)`));
    expect(r.err).toMatch(/Re-run with --redact to replace it, or --keep-pii to keep it\n$/);
    for (const v of VALUES) expect(r.err + r.out).not.toContain(v);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('refused'))).toEqual([]);
  });

  it('--redact writes the project without the values and logs counts per type and decision in chorus.json', async () => {
    const out = path.join(dir, 'redacted.qdpx');
    const r = await run(['import', csv, '--id', 'Id', '--text', 'Answer', '--redact', '-o', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Redacted 4 item\(s\): /);
    const b = readQdpx(new Uint8Array(readFileSync(out)));
    const all = b.documents.map((d) => d.text).join('\n');
    for (const v of VALUES) expect(all).not.toContain(v);
    expect(b.redactions).toEqual([
      expect.objectContaining({ batch: 'feedback.csv', counts: { phone: 1, person: 1, address: 1, postcode: 1 }, decisions: { redacted: { phone: 1, person: 1, address: 1, postcode: 1 } } }),
    ]);
    const side = JSON.stringify(b.redactions);
    for (const v of VALUES) expect(side).not.toContain(v);
  });

  it('--keep-pii writes the text as it is and logs the decision to keep', async () => {
    const out = path.join(dir, 'kept.qdpx');
    const r = await run(['import', csv, '--id', 'Id', '--text', 'Answer', '--keep-pii', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Kept 4 item\(s\) of personal data \(--keep-pii\)/);
    const b = readQdpx(new Uint8Array(readFileSync(out)));
    expect(b.documents.map((d) => d.text).join('\n')).toContain('07700 900123');
    expect(b.redactions![0]!.decisions).toEqual({ kept: { phone: 1, person: 1, address: 1, postcode: 1 } });
  });

  it('a file without personal data imports with no flag and no log; both flags at once is a usage error', async () => {
    const clean = path.join(dir, 'clean.csv');
    writeFileSync(clean, 'Id,Answer\nA1,"The officer listened and explained what would happen next."\n');
    const out = path.join(dir, 'clean.qdpx');
    const r = await run(['import', clean, '--text', 'Answer', '-o', out]);
    expect(r.code).toBe(0);
    expect(readQdpx(new Uint8Array(readFileSync(out))).redactions).toBeUndefined();
    const both = await run(['import', csv, '--text', 'Answer', '--redact', '--keep-pii', '-o', path.join(dir, 'both.qdpx')]);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/choose one of --redact and --keep-pii/);
  });

  it('a transcript with personal data is refused naming the file and line', async () => {
    const tr = path.join(dir, 'call.txt');
    writeFileSync(tr, 'Interviewer: How can we reach you?\n\nP1: Ring me on 07700 900123 any time.\n');
    const r = await run(['import', tr, '-o', path.join(dir, 'call.qdpx')]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/phone 1 \(call line 3\)/);
    expect(r.err).not.toContain('07700');
  });
});
