import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { commands } from '../../../electron/cli/commands';
import { runCli } from '../../../electron/cli/run';
import { buildDemoProject, DEMO_PROJECT_NAME } from '../../../shared/demo';
import { readQdpxWithWarnings } from '../../../shared/exchange/qdpx';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

const XSD = path.resolve(__dirname, '../../../../shared/refi-qda/Project.xsd');
const dir = mkdtempSync(path.join(tmpdir(), 'chorus-demo-'));

describe('chorus demo', () => {
  it('is registered', () => {
    expect(commands.map((c) => c.name)).toContain('demo');
  });

  it('writes the demo project as a .qdpx that reads back with the same content', async () => {
    const file = path.join(dir, 'demo.qdpx');
    const r = await run(['demo', '-o', file]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(DEMO_PROJECT_NAME);
    const bytes = new Uint8Array(readFileSync(file));
    const files = unzipSync(bytes);
    expect(strFromU8(files['project.qde']!)).toContain('urn:QDA-XML:project:1.0');

    const expected = buildDemoProject();
    const { bundle, warnings } = readQdpxWithWarnings(bytes, file);
    expect(warnings).toEqual([]);
    expect(bundle.project.name).toBe(DEMO_PROJECT_NAME);
    expect(bundle.documents.length).toBe(expected.documents.length);
    expect(bundle.codes.length).toBe(expected.codes.length);
    expect(bundle.codings.length).toBe(expected.codings.length);
    expect(bundle.participants.length).toBe(expected.participants.length);
    // texts and coded spans survive, including the UTF-16 ↔ code point conversion around emoji
    const textOf = new Map(bundle.documents.map((d) => [d.id, d.text]));
    const want = new Map(expected.documents.map((d) => [d.id, d.text]));
    for (const [id, text] of want) expect(textOf.get(id)).toBe(text);
    const spans = (b: typeof expected) => b.codings.map((c) => `${c.documentId}:${c.codeId}:${c.coderId}:${c.start}-${c.end}`).sort();
    expect(spans(bundle)).toEqual(spans(expected));
  });

  it('writes identical bytes each time', async () => {
    const a = path.join(dir, 'a.qdpx');
    const b = path.join(dir, 'b.qdpx');
    await run(['demo', '--output', a]);
    await run(['demo', '-o', b]);
    expect(Buffer.compare(readFileSync(a), readFileSync(b))).toBe(0);
  });

  it('explains a missing or wrong output name and writes nothing', async () => {
    const before = readdirSync(dir).length;
    const none = await run(['demo']);
    expect(none.code).toBe(2);
    expect(none.err).toBe('chorus demo: missing -o <file.qdpx> (usage: demo -o <file.qdpx>)\n');
    const wrong = await run(['demo', '-o', path.join(dir, 'demo.zip')]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('demo.zip: the output file must end in .qdpx');
    const extra = await run(['demo', 'stray', '-o', path.join(dir, 'x.qdpx')]);
    expect(extra.code).toBe(2);
    expect(extra.err).toContain('unexpected argument "stray"');
    expect(readdirSync(dir).length).toBe(before);
  });

  it('reports an unwritable destination in one line and leaves no partial file', async () => {
    const target = path.join(dir, 'no-such-folder', 'demo.qdpx');
    const r = await run(['demo', '-o', target]);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/^chorus demo: .*demo\.qdpx: cannot write \(ENOENT\)\n$/);
    expect(existsSync(target)).toBe(false);
  });
});

describe.skipIf(!existsSync(XSD))('demo .qdpx schema validity (skipped: ../shared/refi-qda/Project.xsd absent)', () => {
  it('the demo project.qde validates against the REFI-QDA Project.xsd', async () => {
    const file = path.join(dir, 'valid.qdpx');
    expect((await run(['demo', '-o', file])).code).toBe(0);
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['project.qde']!);
    const result = await validateXML({ xml: [{ fileName: 'project.qde', contents: xml }], schema: [{ fileName: 'Project.xsd', contents: readFileSync(XSD, 'utf8') }] });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });
});
