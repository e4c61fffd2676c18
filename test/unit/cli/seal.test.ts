import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { readSealedHeader } from '../../../shared/crypto';
import { readQdpx, writeQdpx } from '../../../shared/exchange/qdpx';
import { realisticBundle } from '../exchange/bundle-fixture';

async function run(argv: string[], passphrase?: string) {
  if (passphrase === undefined) delete process.env.CHORUS_PASSPHRASE;
  else process.env.CHORUS_PASSPHRASE = passphrase;
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}
afterEach(() => void delete process.env.CHORUS_PASSPHRASE);

const dir = mkdtempSync(path.join(tmpdir(), 'chorus-seal-'));
const project = path.join(dir, 'project.qdpx');
const qdpx = writeQdpx(realisticBundle());
writeFileSync(project, qdpx);
/** Cheap Argon2id for the tests (the parameters are in the header; defaults are checked once). */
const FAST = ['--kdf-memory-mib', '1', '--kdf-passes', '1'];
const PASS = 'a long hand-over passphrase';

describe('chorus seal / open', () => {
  it('seals a project and opens it back to the same bytes, with the default Argon2id parameters in the header', async () => {
    const bundle = path.join(dir, 'default.chorus');
    const s = await run(['seal', project, '-o', bundle], PASS);
    expect(s).toMatchObject({ code: 0, err: '' });
    expect(s.out).toMatch(/sealed .*Argon2id 64 MiB, 3 passes/);
    const sealed = new Uint8Array(readFileSync(bundle));
    expect(readSealedHeader(sealed).kdf).toMatchObject({ memoryKiB: 65536, iterations: 3, parallelism: 1 });
    expect(Buffer.from(sealed).includes(Buffer.from('project.qde'))).toBe(false);
    const back = path.join(dir, 'back.qdpx');
    const o = await run(['open', bundle, '-o', back], PASS);
    expect(o).toMatchObject({ code: 0, err: '' });
    expect(Buffer.from(readFileSync(back)).equals(Buffer.from(qdpx))).toBe(true);
    expect(readQdpx(new Uint8Array(readFileSync(back))).documents.length).toBe(realisticBundle().documents.length);
  }, 60_000);

  it('a wrong passphrase and a tampered bundle: two different one-line errors and exit codes, no output file', async () => {
    const bundle = path.join(dir, 'b.chorus');
    expect((await run(['seal', project, '-o', bundle, ...FAST], PASS)).code).toBe(0);
    const out = path.join(dir, 'wrong.qdpx');
    const wrong = await run(['open', bundle, '-o', out], 'not the passphrase');
    expect(wrong.code).toBe(3);
    expect(wrong.err).toMatch(/^chorus open: .*b\.chorus: The passphrase is not the one this bundle was locked with/);
    expect(wrong.err.trimEnd().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);

    const bytes = readFileSync(bundle);
    bytes[bytes.length - 100]! ^= 0x40;
    const tamperedFile = path.join(dir, 'tampered.chorus');
    writeFileSync(tamperedFile, bytes);
    const tampered = await run(['open', tamperedFile, '-o', out], PASS);
    expect(tampered.code).toBe(4);
    expect(tampered.err).toMatch(/passphrase is right, but this bundle has been changed or damaged/);
    expect(tampered.err.trimEnd().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([]);
  }, 60_000);

  it('never takes the passphrase as an argument', async () => {
    for (const argv of [
      ['seal', project, '-o', path.join(dir, 'x.chorus'), '--passphrase', 'secret123'],
      ['open', path.join(dir, 'x.chorus'), '-o', path.join(dir, 'x.qdpx'), '--passphrase=secret123'],
    ]) {
      const r = await run(argv, PASS);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/never taken as an argument.*CHORUS_PASSPHRASE/);
    }
    expect(existsSync(path.join(dir, 'x.chorus'))).toBe(false);
  });

  it('without CHORUS_PASSPHRASE and no terminal, says how to give one', async () => {
    const r = await run(['seal', project, '-o', path.join(dir, 'y.chorus'), ...FAST]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no passphrase: set CHORUS_PASSPHRASE/);
    expect(existsSync(path.join(dir, 'y.chorus'))).toBe(false);
  });

  it('refuses a short passphrase, a non-project input, a non-bundle and wrong extensions, writing nothing', async () => {
    expect((await run(['seal', project, '-o', path.join(dir, 'z.chorus'), ...FAST], 'short')).err).toMatch(/shorter than 8 characters/);
    const notZip = path.join(dir, 'notes.qdpx');
    writeFileSync(notZip, 'just some text');
    expect((await run(['seal', notZip, '-o', path.join(dir, 'z.chorus'), ...FAST], PASS)).err).toMatch(/notes\.qdpx: .*only a readable project can be sealed/);
    const r = await run(['open', project, '-o', path.join(dir, 'z.qdpx')], PASS);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/project\.qdpx: this is not a Chorus sealed bundle/);
    expect((await run(['seal', project, '-o', path.join(dir, 'z.zip')], PASS)).err).toMatch(/must end in \.chorus/);
    expect((await run(['open', project, '-o', path.join(dir, 'z.txt')], PASS)).err).toMatch(/must end in \.qdpx/);
    expect(readdirSync(dir).filter((f) => f.startsWith('z.'))).toEqual([]);
  });
});
