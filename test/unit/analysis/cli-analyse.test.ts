import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { ANALYSIS_KINDS } from '../../../shared/analysis';
import { writeQdpx } from '../../../shared/exchange/qdpx';
import { smallProject } from './fixture';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

const dir = mkdtempSync(path.join(tmpdir(), 'chorus-analyse-'));
const file = path.join(dir, 'project.qdpx');
writeFileSync(file, writeQdpx(smallProject().bundle));

const byCode = (rows: Array<Record<string, unknown>>) => Object.fromEntries(rows.map((r) => [String(r.code), r]));

describe('chorus analyse', () => {
  it('--json prints one JSON object with the kind and the table', async () => {
    const r = await run(['analyse', file, '--kind', 'frequencies', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const j = JSON.parse(lines[0]!);
    expect(j.kind).toBe('frequencies');
    expect(byCode(j.rows).Contact).toMatchObject({ codings: 8, documents: 4, participants: 4 });
    expect(j.notes.limits).toMatch(/not how important/);
  });

  it('runs every kind', async () => {
    for (const kind of ANALYSIS_KINDS) {
      const attr = kind === 'matrix' ? ['--attr', 'Age group'] : kind === 'time' ? ['--attr', 'Contact date'] : [];
      const r = await run(['analyse', file, '--kind', kind, ...attr, '--json']);
      expect({ kind, code: r.code, err: r.err }).toEqual({ kind, code: 0, err: '' });
      expect(JSON.parse(r.out).kind).toBe(kind);
    }
  });

  it('matrix by source kind and co-occurrence by unit', async () => {
    const m = JSON.parse((await run(['analyse', file, '--kind', 'matrix', '--attr', 'source kind', '--json'])).out);
    expect(m.stats.attribute).toBe('source kind');
    const c = JSON.parse((await run(['analyse', file, '--kind', 'cooccurrence', '--unit', 'segment', '--json'])).out);
    expect(c.stats).toMatchObject({ unit: 'segment', units: 10 });
    expect(c.rows).toHaveLength(1);
  });

  it('neutralises formula-like names in the tab-separated output, as the CSV export does', async () => {
    const { bundle } = smallProject();
    const evil = '=HYPERLINK("http://x","click")';
    const contact = bundle.codes.find((c) => c.name === 'Contact')!;
    const hostile = { ...bundle, codes: bundle.codes.map((c) => (c === contact ? { ...c, name: evil } : c)) };
    const f = path.join(dir, 'formula.qdpx');
    writeFileSync(f, writeQdpx(hostile));
    const r = await run(['analyse', f, '--kind', 'frequencies']);
    expect(r.code).toBe(0);
    const cells = r.out.split('\n').flatMap((l) => l.split('\t'));
    expect(cells).toContain(`'${evil}`);
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
  });

  it('prints a tab-separated table with the notes without --json', async () => {
    const r = await run(['analyse', file, '--kind', 'saturation']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Saturation — /);
    expect(r.out).toContain('Order\tDocument\tFirst coded\tNew codes\tCodes so far');
    expect(r.out).toMatch(/What this shows: /);
  });

  it('suppresses small counts with --publish', async () => {
    const j = JSON.parse((await run(['analyse', file, '--kind', 'triangulation', '--publish', '--json'])).out);
    // the fixture's threshold is 3: Contact has 1 interview participant (suppressed) and 3 survey ones (shown)
    expect(j.stats.disclosureThreshold).toBe(3);
    const contact = j.rows.find((r: Record<string, unknown>) => r.theme === 'Contact');
    expect(contact).toMatchObject({ 'interview:participants': null, 'interview:pct': null, 'interview:quotes': [], 'survey:participants': 3 });
  });

  it('fails with exit 1 and lists the attributes when --attr is missing or unknown', async () => {
    const missing = await run(['analyse', file, '--kind', 'matrix']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/--kind matrix needs --attr NAME; available attributes: Age group, Contact date, source kind, source/);
    const unknown = await run(['analyse', file, '--kind', 'time', '--attr', 'Shoe size']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/project\.qdpx: unknown attribute "Shoe size"; available: Age group, Contact date/);
    expect(unknown.err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('rejects a bad kind, unit or file clearly', async () => {
    expect((await run(['analyse', file, '--kind', 'vibes'])).err).toMatch(/unknown --kind "vibes"; expected one of frequencies, matrix/);
    expect((await run(['analyse', file])).err).toMatch(/missing --kind/);
    const badUnit = await run(['analyse', file, '--kind', 'cooccurrence', '--unit', 'word']);
    expect(badUnit.code).toBe(2);
    expect(badUnit.err).toMatch(/unknown --unit "word"/);
    const none = await run(['analyse', path.join(dir, 'nope.qdpx'), '--kind', 'frequencies']);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/nope\.qdpx: no such file/);
  });
});
