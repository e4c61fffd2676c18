import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../electron/cli/commands';
import { runCli } from '../../../electron/cli/run';
import { writeQdpx } from '../../../shared/exchange/qdpx';
import { realisticBundle } from '../exchange/bundle-fixture';
import { EMOJI_FEEDBACK, refiProject, wordSpans } from '../exchange/offset-fixtures';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

const dir = mkdtempSync(path.join(tmpdir(), 'chorus-info-'));
const good = path.join(dir, 'project.qdpx');
writeFileSync(good, writeQdpx(realisticBundle()));

describe('chorus info', () => {
  it('--json prints exactly one JSON line with the counts', async () => {
    const r = await run(['info', good, '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const b = realisticBundle();
    expect(JSON.parse(lines[0]!)).toEqual({
      file: good,
      sources: b.sources.length,
      documents: b.documents.length,
      participants: b.participants.length,
      codes: b.codes.length,
      codings: b.codings.length,
      coders: b.coders.length,
      memos: b.memos.length,
      warnings: [],
      notes: [],
    });
  });

  it('prints a readable table without --json', async () => {
    const r = await run(['info', good]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\s+codings\s+5$/m);
    expect(r.out).toMatch(/^\s+sources\s+2$/m);
  });

  it('reports warnings for a foreign file with missing sources', async () => {
    const f = path.join(dir, 'foreign.qdpx');
    writeFileSync(
      f,
      zipSync({ 'Project.qde': strToU8('<Project xmlns="urn:QDA-XML:project:1.0" name="F"><Sources><TextSource guid="CCCCCCCC-3333-4333-8333-CCCCCCCCCCCC" name="Gone" plainTextPath="internal://gone.txt"/></Sources></Project>') }),
    );
    const r = await run(['info', f, '--json']);
    const j = JSON.parse(r.out) as { sources: number; documents: number; warnings: string[] };
    expect([j.sources, j.documents]).toEqual([1, 0]);
    expect(j.warnings).toEqual([expect.stringContaining('source "Gone"')]);
  });

  it('says which offset convention it read an emoji-rich NVivo for Mac export with', async () => {
    const f = path.join(dir, 'nvivo-mac.qdpx');
    const words = wordSpans(EMOJI_FEEDBACK);
    writeFileSync(f, refiProject(EMOJI_FEEDBACK, words, 'UTF-16 units', 'NVivo 12.7 (Mac)'));
    const r = await run(['info', f]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Warnings (1):\n  - source "Feedback": selection positions read as UTF-16 units: ${words.length} of ${words.length} selections start and end on word boundaries`);
  });

  const bad: [string, () => string, RegExp][] = [
    ['a missing file', () => path.join(dir, 'nope.qdpx'), /^chorus info: .*nope\.qdpx: no such file\n$/],
    ['a non-zip', () => (writeFileSync(path.join(dir, 'notes.txt'), 'hello'), path.join(dir, 'notes.txt')), /^chorus info: .*notes\.txt: not a REFI-QDA project \(not a zip archive\)\n$/],
    ['a zip without a project', () => (writeFileSync(path.join(dir, 'empty.qdpx'), zipSync({ 'a.txt': strToU8('x') })), path.join(dir, 'empty.qdpx')), /^chorus info: .*empty\.qdpx: not a REFI-QDA project \(the zip has no \.qde project file\)\n$/],
  ];
  it.each(bad)('%s exits 1 with one line on stderr naming the file', async (_n, file, pattern) => {
    const r = await run(['info', file(), '--json']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(pattern);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a missing argument is a usage error', async () => {
    const r = await run(['info']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^chorus info: missing <file\.qdpx>/);
  });
});

describe('chorus --help', () => {
  it('lists every registered command', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(commands.length).toBeGreaterThan(0);
    for (const c of commands) expect(r.out).toContain(c.usage);
    expect(r.out).toContain('info <file.qdpx> [--json]');
  });
});
