import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { computeAgreement } from '../../../shared/analysis/reliability';
import { readQdpx, writeQdpx } from '../../../shared/exchange/qdpx';
import { makeBundle } from '../analysis/reliability/bundle';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

const bundle = makeBundle({
  coders: ['Ann', 'Bob', 'Cat'],
  codes: ['Trust', 'Delay'],
  docs: [{ text: 'They came quickly. Nobody called back.' }, { text: 'I felt believed. It took months.' }],
  codings: [
    [0, 0, 0, 0, 18], [1, 0, 0, 5, 18], [0, 1, 0, 19, 38],
    [0, 0, 1, 0, 16], [1, 0, 1, 0, 16], [1, 1, 1, 17, 32],
  ],
});
const dir = mkdtempSync(path.join(tmpdir(), 'chorus-agree-'));
const file = path.join(dir, 'project.qdpx');
writeFileSync(file, writeQdpx(bundle));

interface Json {
  unit: string;
  overall: { percentAgreement: number | null; kappa: number | null; alpha: number | null };
  codes: { code: string; codeId: string; percentAgreement: number | null; kappa: number | null; alpha: number | null }[];
}

describe('chorus agree', () => {
  it('--json prints the agreement report with code names, at character level by default', async () => {
    const r = await run(['agree', file, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Json;
    expect(j.unit).toBe('character');
    expect(Object.keys(j.overall)).toEqual(expect.arrayContaining(['percentAgreement', 'kappa', 'alpha']));
    expect(j.codes.map((c) => c.code)).toEqual(['Trust', 'Delay']);
    // the same numbers as the core on the re-read bundle (Cat has no codings, so Ann and Bob)
    const expected = computeAgreement(readQdpx(new Uint8Array(writeQdpx(bundle))), { unit: 'character' });
    expect(expected.coders.map((c) => c.name)).toEqual(['Ann', 'Bob']);
    j.codes.forEach((c, i) => {
      expect(c.percentAgreement).toBeCloseTo(expected.codes[i]!.percentAgreement!, 9);
      expect(c.kappa).toBeCloseTo(expected.codes[i]!.kappa!, 9);
      expect(c.alpha).toBeCloseTo(expected.codes[i]!.alpha!, 9);
    });
    // Trust, document 1: Ann 0–18, Bob 5–18 of 38 characters → 33/38 agree; document 2 identical (32/32).
    expect(j.codes[0]!.percentAgreement).toBeCloseTo((100 * (33 + 32)) / 70, 9);
  });

  it('takes --coders by name and --unit', async () => {
    const r = await run(['agree', file, '--coders', 'Ann,Bob', '--unit', 'sentence', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Json;
    expect(j.unit).toBe('sentence');
    // Trust: both coders applied it to sentence 1 of each document; Delay: Ann doc1 s2, Bob doc2 s2.
    expect(j.codes[0]!.percentAgreement).toBe(100);
    expect(j.codes[1]!.percentAgreement).toBe(50);
  });

  it('prints a readable table without --json', async () => {
    const r = await run(['agree', file, '--unit', 'document']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Unit: document; coders: Ann, Bob$/m);
    expect(r.out).toMatch(/^Trust\s+100\.00\s+/m);
    expect(r.out).toMatch(/^Overall\s+/m);
  });

  it('names an unknown coder and lists the coders found', async () => {
    const r = await run(['agree', file, '--coders', 'Ann,Zed', '--json']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(`chorus agree: ${file}: no coder "Zed"; coders in this project: "Ann", "Bob", "Cat"\n`);
  });

  it('refuses fewer than two coders with codings', async () => {
    const r = await run(['agree', file, '--coders', 'Ann,Cat']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/at least two coders with codings; "Cat" has no codings/);
    const one = makeBundle({ coders: ['Ann', 'Bob'], codes: ['c'], docs: [{ text: 'abc' }], codings: [[0, 0, 0, 0, 2]] });
    const f = path.join(dir, 'one.qdpx');
    writeFileSync(f, writeQdpx(one));
    const r2 = await run(['agree', f]);
    expect(r2.code).toBe(1);
    expect(r2.err).toMatch(/at least two coders with codings; found 1 \(Ann\); coders in this project: "Ann", "Bob"/);
  });

  it('rejects a bad unit, a missing file and a file that is not a project', async () => {
    expect((await run(['agree', file, '--unit', 'word'])).err).toMatch(/--unit "word" is not one of character, response/);
    const missing = await run(['agree', path.join(dir, 'nope.qdpx')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nope\.qdpx: no such file/);
    const junk = path.join(dir, 'junk.qdpx');
    writeFileSync(junk, 'not a zip');
    const bad = await run(['agree', junk]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/junk\.qdpx/);
  });
});
