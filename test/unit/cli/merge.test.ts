import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { readQdpx, writeQdpx } from '../../../shared/exchange/qdpx';
import type { ProjectBundle } from '../../../shared/model';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

const dir = mkdtempSync(path.join(tmpdir(), 'chorus-merge-'));
const at = (f: string) => path.join(dir, f);
const key = (c: ProjectBundle['codings'][number]) => `${c.id}|${c.documentId}|${c.codeId}|${c.coderId}|${c.start}|${c.end}`;

// reading and writing the demo project takes seconds on a loaded machine
const SLOW = 120_000;

describe('chorus merge', () => {
  it("two coders' exports of the demo project merge back into the demo's codings", async () => {
    expect((await run(['demo', '-o', at('demo.qdpx')])).code).toBe(0);
    const demo = readQdpx(readFileSync(at('demo.qdpx')));
    const [alex, sam] = demo.coders;
    // each coder's export: the whole project but only that coder's codings (and the memos on them)
    const exportOf = (coderId: string): ProjectBundle => {
      const codings = demo.codings.filter((c) => c.coderId === coderId);
      const ids = new Set(codings.map((c) => c.id));
      return { ...demo, codings, memos: demo.memos.filter((m) => m.target.kind !== 'coding' || ids.has(m.target.id)), findings: [] };
    };
    writeFileSync(at('alex.qdpx'), writeQdpx(exportOf(alex!.id)));
    writeFileSync(at('sam.qdpx'), writeQdpx(exportOf(sam!.id)));
    const alexCount = demo.codings.filter((c) => c.coderId === alex!.id).length;
    const samCount = demo.codings.length - alexCount;
    expect(alexCount).toBeGreaterThan(0);
    expect(samCount).toBeGreaterThan(0);

    const r = await run(['merge', at('alex.qdpx'), at('sam.qdpx'), '-o', at('merged.qdpx'), '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.trimEnd().split('\n')).toHaveLength(1);
    expect(r.out).toBe(
      JSON.stringify({
        sources: { matched: demo.documents.length, added: 0 },
        codes: { matched: demo.codes.length, added: 0, conflicts: 0 },
        codings: { added: samCount, duplicates: 0 },
        quotes: { added: 0, matched: (demo.quotes ?? []).length, dropped: 0 },
        packTemplates: { added: 0, kept: (demo.packTemplates ?? []).length },
      }) + '\n',
    );
    const merged = readQdpx(readFileSync(at('merged.qdpx')));
    expect(merged.codings.map(key).sort()).toEqual(demo.codings.map(key).sort());
    expect(merged.coders).toEqual(demo.coders);
    expect(merged.documents.map((d) => d.text)).toEqual(demo.documents.map((d) => d.text));

    // merging the merged project with one coder's export again adds nothing
    const again = await run(['merge', at('merged.qdpx'), at('sam.qdpx'), '-o', at('again.qdpx'), '--json']);
    expect(JSON.parse(again.out).codings).toEqual({ added: 0, duplicates: samCount });
  }, SLOW);

  it('unresolved conflicts: exit 3, each named on stderr, no output file; --prefer resolves them', async () => {
    const demo = readQdpx(readFileSync(at('demo.qdpx')));
    const renamed = structuredClone(demo);
    renamed.codes[0]!.name = 'Renamed by the second coder';
    writeFileSync(at('renamed.qdpx'), writeQdpx(renamed));
    const r = await run(['merge', at('demo.qdpx'), at('renamed.qdpx'), '-o', at('conflict.qdpx'), '--json']);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.out).codes.conflicts).toBe(1);
    expect(r.err).toBe(
      'chorus merge: 1 unresolved conflict; nothing was written (decide with --prefer first or --prefer last):\n' +
        `  - code ${demo.codes[0]!.id} is "${demo.codes[0]!.name}" at the top in ${at('demo.qdpx')} but "Renamed by the second coder" at the top in ${at('renamed.qdpx')}\n`,
    );
    expect(existsSync(at('conflict.qdpx'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);

    const last = await run(['merge', at('demo.qdpx'), at('renamed.qdpx'), '-o', at('resolved.qdpx'), '--prefer', 'last']);
    expect(last.code).toBe(0);
    expect(last.out).toContain('resolved by --prefer last: code ');
    expect(readQdpx(readFileSync(at('resolved.qdpx'))).codes[0]!.name).toBe('Renamed by the second coder');
  }, SLOW);

  it('bad input: one line naming the file, exit 1, no output file', async () => {
    writeFileSync(at('notes.txt'), 'hello');
    const r = await run(['merge', at('demo.qdpx'), at('notes.txt'), '-o', at('bad.qdpx')]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`chorus merge: ${at('notes.txt')}: not a REFI-QDA project (not a zip archive)\n`);
    expect(existsSync(at('bad.qdpx'))).toBe(false);
    expect((await run(['merge', at('demo.qdpx'), '-o', at('x.qdpx')])).code).toBe(2);
    expect((await run(['merge', at('demo.qdpx'), at('demo.qdpx'), '-o', at('x.qdpx'), '--prefer', 'name'])).err).toMatch(/--prefer must be first or last/);
  }, SLOW);
});
