import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { ExchangeError, readQdpx, readQdpxWithWarnings, writeProjectXml, writeQdpx } from '../../../shared/exchange/qdpx';
import { readSidecar, SIDECAR_VERSION, SidecarV1, upgradeV1 } from '../../../shared/exchange/sidecar';
import { buildSidecar } from '../../../shared/exchange/qdpx-write';
import { bundleWithExtras, realisticBundle } from './bundle-fixture';

const SHARED = path.resolve(__dirname, '../../../../shared');

/** A version-1 side file, as Chorus wrote it before version 2 (the v2 fields removed). */
function v1Of(b = realisticBundle()): SidecarV1 {
  const { assignments: _a, decisions: _c, redactions: _r, sets: _s, ...rest } = buildSidecar(b);
  return SidecarV1.parse({ ...rest, version: 1 });
}

function withSidecar(qdpx: Uint8Array, json: unknown): Uint8Array {
  const files = unzipSync(qdpx);
  files['chorus.json'] = strToU8(JSON.stringify(json));
  return zipSync(files);
}

describe('chorus.json versions', () => {
  it('writes the current version', () => {
    expect(SIDECAR_VERSION).toBe(2);
    const files = unzipSync(writeQdpx(realisticBundle()));
    expect(JSON.parse(strFromU8(files['chorus.json']!)).version).toBe(2);
  });

  it('step v1 → v2 keeps every v1 field and adds empty assignments, decisions, redaction log and set members', () => {
    const v1 = v1Of();
    const v2 = upgradeV1(v1);
    expect(v2).toEqual({ ...v1, version: 2, assignments: [], decisions: [], redactions: [], sets: {} });
    expect(readSidecar(v1)).toEqual(v2);
  });

  it('a .qdpx with a version-1 side file opens with everything version 1 held', () => {
    const b = realisticBundle();
    const old = withSidecar(writeQdpx(b), v1Of(b));
    const back = readQdpx(old);
    expect(back.codes).toEqual(b.codes);
    expect(back.findings).toEqual(b.findings);
    expect(back.documents.map((d) => [d.kind, d.turns, d.recordId])).toEqual(b.documents.map((d) => [d.kind, d.turns, d.recordId]));
  });

  it('a newer side file is refused with one line naming the version it needs', () => {
    const future = { ...buildSidecar(realisticBundle()), version: 7, somethingNew: [] };
    expect(() => readSidecar(future)).toThrow(ExchangeError);
    expect(() => readSidecar(future)).toThrow(/^chorus\.json is version 7: it needs a Chorus that reads side-file version 7 \(this one reads up to version 2\)$/);
    expect(() => readQdpx(withSidecar(writeQdpx(realisticBundle()), future))).toThrow(/version 7/);
  });

  it('an invalid side file names its version and the field', () => {
    const bad = { ...v1Of(), findings: 'nope' };
    expect(() => readSidecar(bad)).toThrow(/^chorus\.json is not a valid Chorus side file version 1 \(findings: /);
    expect(() => readSidecar({ format: 'chorus-sidecar', version: 0 })).toThrow(/not a valid Chorus side file \(version: /);
    expect(() => readSidecar({ hello: 1 })).toThrow(/not a valid Chorus side file/);
  });
});

describe('document sets, assignments, consensus and redaction log travel', () => {
  it('round-trip through .qdpx unchanged', () => {
    const b = bundleWithExtras();
    const back = readQdpx(writeQdpx(b));
    expect(back.documentSets).toEqual(b.documentSets);
    expect(back.assignments).toEqual(b.assignments);
    expect(back.decisions).toEqual(b.decisions);
    expect(back.redactions).toEqual(b.redactions);
  });

  it('the redaction log holds counts only, never a value', () => {
    const side = buildSidecar(bundleWithExtras());
    expect(side.redactions[0]).toEqual(expect.objectContaining({ counts: { phone: 2, person: 3 }, decisions: { redacted: { phone: 2, person: 1 }, pseudonymised: { person: 2 } } }));
  });

  it('sets are written as REFI <Sets> that validate against Project.xsd, a whole source listed document by document', async () => {
    const b = bundleWithExtras();
    const xml = writeProjectXml(b);
    const r = await validateXML({ xml: [{ fileName: 'project.qde', contents: xml }], schema: [{ fileName: 'Project.xsd', contents: readFileSync(path.join(SHARED, 'refi-qda/Project.xsd'), 'utf8') }] });
    expect(r.errors).toEqual([]);
    const survey = b.documents.filter((d) => d.sourceId === b.sources[0]!.id).map((d) => d.id);
    const set = xml.slice(xml.indexOf('name="All the survey"'), xml.indexOf('</Set>', xml.indexOf('name="All the survey"')));
    expect([...set.matchAll(/MemberSource targetGUID="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual([...new Set(survey)].sort());
  });

  it('another tool reading the sets without chorus.json gets the documents', () => {
    const b = bundleWithExtras();
    const files = unzipSync(writeQdpx(b));
    delete files['chorus.json'];
    const back = readQdpx(zipSync(files));
    expect(back.documentSets!.map((s) => [s.name, [...s.documentIds].sort()])).toEqual([
      ['Women, 25–34', [b.documents[0]!.id, b.documents[1]!.id].sort()],
      ['All the survey', b.documents.filter((d) => d.sourceId === b.sources[0]!.id).map((d) => d.id).sort()],
      ['Empty for now', []],
    ]);
  });

  it('ATLAS.ti document groups are imported as sets; code groups are reported, not dropped silently', () => {
    const r = readQdpxWithWarnings(new Uint8Array(readFileSync(path.join(SHARED, 'data/refi-qda/atlasti8.4mac_skyloom_TestProject.qdpx'))));
    const sets = r.bundle.documentSets ?? [];
    const byName = new Map(sets.map((s) => [s.name, s]));
    expect(byName.has('Mabel')).toBe(true);
    expect(byName.get('Text files')!.documentIds.length + byName.get('Text files')!.sourceIds.length).toBe(6);
    const docOrSource = new Set([...r.bundle.documents.map((d) => d.id), ...r.bundle.sources.map((s) => s.id)]);
    for (const s of sets) for (const m of [...s.documentIds, ...s.sourceIds]) expect(docOrSource.has(m)).toBe(true);
    const xml = strFromU8(Object.entries(unzipSync(new Uint8Array(readFileSync(path.join(SHARED, 'data/refi-qda/atlasti8.4mac_skyloom_TestProject.qdpx'))))).find(([n]) => n.endsWith('.qde'))![1]);
    const codeOnly = [...xml.matchAll(/<Set guid="[^"]+" name="([^"]+)">((?:(?!<\/Set>)[\s\S])*)<\/Set>/g)].filter((m) => m[2]!.includes('MemberCode') && !m[2]!.includes('MemberSource'));
    expect(codeOnly.length).toBeGreaterThan(0);
    for (const m of codeOnly) expect(r.warnings).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^set "${m[1]}" groups \\d+ code\\(s\\), not documents`))]));
    expect(sets.length + codeOnly.length).toBe([...xml.matchAll(/<Set /g)].length);
  });
});

describe('projects past the zip entry limit', () => {
  it('carry their texts inside project.qde, schema-valid, and read back whole (no silent loss past 65,535 files)', async () => {
    const b = bundleWithExtras();
    const bytes = writeQdpx(b, { maxZipEntries: 3 });
    expect(Object.keys(unzipSync(bytes)).sort()).toEqual(['chorus.json', 'project.qde']);
    const back = readQdpx(bytes);
    expect(back.documents).toEqual(b.documents);
    const byId = (xs: typeof b.codings) => [...xs].sort((x, y) => x.id.localeCompare(y.id));
    expect(byId(back.codings)).toEqual(byId(b.codings));
    expect(back.codings).toEqual(readQdpx(writeQdpx(b)).codings);
    const xml = writeProjectXml(b, { inlineTexts: true });
    const r = await validateXML({ xml: [{ fileName: 'project.qde', contents: xml }], schema: [{ fileName: 'Project.xsd', contents: readFileSync(path.join(SHARED, 'refi-qda/Project.xsd'), 'utf8') }] });
    expect(r.errors).toEqual([]);
  });
});
