/** `chorus pack` on the demo project: every format, the same pack as the shared builder, one-line errors, nothing half-written. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { buildDemoProject } from '../../../shared/demo';
import { writeQdpx } from '../../../shared/exchange/qdpx';
import { makePack } from '../../../shared/packs';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

const dir = mkdtempSync(path.join(tmpdir(), 'chorus-pack-'));
const demo = buildDemoProject();
const project = path.join(dir, 'demo.qdpx');
writeFileSync(project, writeQdpx(demo));

describe('chorus pack', () => {
  it('writes every format for the executive pack', async () => {
    for (const format of ['html', 'docx', 'pdf', 'xlsx']) {
      const out = path.join(dir, `exec.${format}`);
      const r = await run(['pack', project, '--audience', 'executive', '--format', format, '-o', out]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/wrote the executive pack \(\d chart\(s\)/);
      const bytes = readFileSync(out);
      if (format === 'html') expect(bytes.toString('utf8')).toMatch(/^<!DOCTYPE html>/);
      if (format === 'pdf') expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      if (format === 'docx' || format === 'xlsx') expect(Object.keys(unzipSync(new Uint8Array(bytes))).length).toBeGreaterThan(3);
    }
  }, 180_000);

  it('the HTML holds the same headings and figures as the shared builder makes for the project', async () => {
    const out = path.join(dir, 'public.html');
    const r = await run(['pack', project, '--audience', 'public', '--format', 'html', '-o', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/reading age about \d+/);
    const html = readFileSync(out, 'utf8');
    const doc = makePack(demo, 'public');
    for (const b of doc.blocks) if (b.kind === 'heading') expect(html).toContain(`<h${b.level}>${b.text.replace(/&/g, '&amp;').replace(/'/g, '&#39;')}</h${b.level}>`);
    expect(html).not.toMatch(/<table/);
  }, 120_000);

  it('partners XLSX has the tables with suppressed cells in words', async () => {
    const out = path.join(dir, 'partners.xlsx');
    expect((await run(['pack', project, '--audience', 'partners', '--format', 'xlsx', '-o', out])).code).toBe(0);
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    expect(strFromU8(files['xl/sharedStrings.xml']!)).toContain(`fewer than ${demo.project.settings.disclosureThreshold}`);
  }, 120_000);

  it('bad arguments: one line, exit 2, nothing written', async () => {
    const out = path.join(dir, 'bad.html');
    const cases: Array<[string[], RegExp]> = [
      [['pack', project, '--format', 'html', '-o', out], /missing --audience; expected one of executive, practitioners, public, partners/],
      [['pack', project, '--audience', 'board', '--format', 'html', '-o', out], /unknown --audience "board"/],
      [['pack', project, '--audience', 'public', '--format', 'odt', '-o', out], /unknown --format "odt"/],
      [['pack', project, '--audience', 'public', '--format', 'pdf', '-o', out], /must end in \.pdf/],
      [['pack', '--audience', 'public', '--format', 'html', '-o', out], /missing <project.qdpx>/],
    ];
    for (const [argv, msg] of cases) {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(msg);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
    const missing = await run(['pack', path.join(dir, 'nope.qdpx'), '--audience', 'public', '--format', 'html', '-o', out]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nope\.qdpx: no such file/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).some((f) => f.endsWith('.partial'))).toBe(false);
  });
});
