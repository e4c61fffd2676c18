import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { ProjectBundle, makeOffsetConverter, type Code } from '../../../shared/model';
import { readQdpx, writeProjectXml, writeQdpx } from '../../../shared/exchange/qdpx';
import { realisticBundle } from './bundle-fixture';

const SHARED = path.resolve(__dirname, '../../../../shared');
const XSD = path.join(SHARED, 'refi-qda/Project.xsd');

/** Order-free, null-attribute-free form of a bundle for comparison. */
function canonical(b: ProjectBundle): unknown {
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((x, y) => x.id.localeCompare(y.id));
  return {
    ...b,
    coders: byId(b.coders),
    sources: byId(b.sources),
    variables: byId(b.variables),
    participants: byId(b.participants).map((p) => ({ ...p, attributes: Object.fromEntries(Object.entries(p.attributes).filter(([, v]) => v !== null)) })),
    documents: byId(b.documents),
    codes: byId(b.codes),
    codings: byId(b.codings),
    memos: byId(b.memos),
    findings: byId(b.findings),
    actions: byId(b.actions),
  };
}

describe('qdpx round trip', () => {
  it('a realistic bundle survives writeQdpx → readQdpx unchanged', () => {
    const b = realisticBundle();
    const back = readQdpx(writeQdpx(b), 'x.qdpx');
    expect(canonical(back)).toEqual(canonical(b));
  });

  it('writes the same bytes for the same bundle', () => {
    const b = realisticBundle();
    expect(writeQdpx(b)).toEqual(writeQdpx(b));
  });

  it('arbitrary bundles (astral text, random code trees and codings) round-trip', () => {
    const guid = fc.uuid();
    // what XML 1.0 can carry and the reader keeps as it is: C0/C1 controls, DEL, non-characters and
    // lone surrogates are read back as U+FFFD on purpose (shared/exchange/xml.ts), so they are not generated
    const xmlSafe = (s: string) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/.test(s) && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
    const name = fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0 && xmlSafe(s));
    const anyText = fc.string({ unit: 'binary', maxLength: 30 }).filter(xmlSafe);
    const docText = fc
      .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('😀', '𝄞', '👩‍👩‍👧', '\n', 'é', ' ')), { maxLength: 12 })
      .map((parts) => parts.join('').replace(/\r/g, ''))
      .filter((t) => t === t.normalize('NFC'));
    const date = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
    const colour = fc.integer({ min: 0, max: 0xffffff }).map((n) => '#' + n.toString(16).padStart(6, '0'));

    const bundleArb = fc
      .record({
        projectId: guid,
        projectName: name,
        description: anyText,
        created: date,
        coders: fc.uniqueArray(fc.record({ id: guid, name }), { minLength: 1, maxLength: 3, selector: (c) => c.id }),
        codes: fc.uniqueArray(fc.record({ id: guid, name, definition: anyText, colour, parent: fc.nat(), order: fc.integer({ min: -5, max: 5 }), kw: fc.array(anyText, { maxLength: 2 }) }), {
          minLength: 1,
          maxLength: 8,
          selector: (c) => c.id,
        }),
        docs: fc.uniqueArray(fc.record({ id: guid, title: name, text: docText }), { minLength: 1, maxLength: 4, selector: (d) => d.id }),
        sourceId: guid,
        codings: fc.array(fc.record({ id: guid, doc: fc.nat(), code: fc.nat(), coder: fc.nat(), a: fc.nat(), b: fc.nat(), at: date }), { maxLength: 12 }),
        participant: fc.option(fc.record({ id: guid, pseudonym: name, varId: guid, value: fc.oneof(anyText, fc.integer(), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0))) })),
        memos: fc.array(fc.record({ id: guid, title: anyText, text: anyText, target: fc.nat(), kind: fc.constantFrom('project', 'code', 'document', 'coding', 'source') }), { maxLength: 5 }),
      })
      .map((r) => {
        const projectId = r.projectId;
        const ids = new Set<string>();
        const unique = <T extends { id: string }>(xs: T[]) => xs.filter((x) => !ids.has(x.id) && (ids.add(x.id), true));
        const coders = unique(r.coders.map((c) => ({ id: c.id, projectId, name: c.name, initials: 'AB', colour: '#123456' })));
        const codes: Code[] = [];
        for (const [i, c] of unique(r.codes).entries()) {
          codes.push({ id: c.id, projectId, parentId: i === 0 ? null : c.parent % (i + 1) === 0 ? null : codes[c.parent % i]!.id, name: c.name, definition: c.definition, inclusion: '', exclusion: '', example: '', colour: c.colour, order: c.order, keywords: c.kw, createdAt: r.created });
        }
        const source = { id: r.sourceId, projectId, name: 'S', kind: 'other' as const, description: '', createdAt: r.created };
        ids.add(source.id);
        const docs = unique(r.docs).map((d) => ({ id: d.id, projectId, sourceId: source.id, participantId: null as string | null, title: d.title, kind: 'document' as const, length: d.text.length, turns: [], createdAt: r.created, text: d.text }));
        // (ids are unique across lists, so a code, document or coder can lose its id to an earlier list and a list can end up empty)
        const codings = unique(r.codings).flatMap((c) => {
          if (docs.length === 0 || codes.length === 0 || coders.length === 0) return [];
          const d = docs[c.doc % docs.length]!;
          const cps = [...d.text].length;
          if (cps === 0) return [];
          const s = c.a % cps;
          const e = s + 1 + (c.b % (cps - s));
          const conv = makeOffsetConverter(d.text);
          return [{ id: c.id, projectId, documentId: d.id, codeId: codes[c.code % codes.length]!.id, start: conv.toUtf16(s), end: conv.toUtf16(e), coderId: coders[c.coder % coders.length]!.id, createdAt: c.at }];
        });
        const participants = [];
        const variables = [];
        if (r.participant && docs.length > 0 && !ids.has(r.participant.id) && !ids.has(r.participant.varId) && r.participant.id !== r.participant.varId) {
          const p = r.participant;
          variables.push({ id: p.varId, projectId, name: 'V', type: typeof p.value === 'number' ? ('number' as const) : typeof p.value === 'boolean' ? ('boolean' as const) : ('text' as const), description: '' });
          participants.push({ id: p.id, projectId, sourceId: source.id, pseudonym: p.pseudonym, attributes: { [p.varId]: p.value } });
          docs[0]!.participantId = p.id;
        }
        const targets = { project: [projectId], code: codes.map((c) => c.id), document: docs.map((d) => d.id), coding: codings.map((c) => c.id), source: [source.id] };
        const memos = unique(r.memos).flatMap((m) => {
          const list = targets[m.kind];
          if (list.length === 0) return [];
          return [{ id: m.id, projectId, target: { kind: m.kind, id: list[m.target % list.length]! }, title: m.title, coderId: coders[0]!.id, createdAt: r.created, updatedAt: r.created, text: m.text }];
        });
        return ProjectBundle.parse({
          project: { id: projectId, name: r.projectName, description: r.description, isDemo: false, settings: { disclosureThreshold: 10, locale: 'en-GB' }, createdAt: r.created, updatedAt: r.created },
          coders,
          sources: [source],
          variables,
          participants,
          documents: docs,
          codes,
          codings,
          memos,
          findings: [],
          actions: [],
        });
      });

    fc.assert(
      fc.property(bundleArb, (b) => {
        const back = readQdpx(writeQdpx(b), 'p.qdpx');
        expect(canonical(back)).toEqual(canonical(b));
      }),
      { numRuns: 60 },
    );
    // the seed CI failed on (a code name of one C1 control, generated before they were excluded)
    fc.assert(fc.property(bundleArb, (b) => { expect(canonical(readQdpx(writeQdpx(b), 'p.qdpx'))).toEqual(canonical(b)); }), { numRuns: 30, seed: 1258837460 });
  }, 30_000);
});

describe.skipIf(!existsSync(XSD))('project.qde schema validity (skipped: ../shared/refi-qda/Project.xsd absent)', () => {
  it('the XML written for a realistic bundle validates against Project.xsd', async () => {
    const xml = writeProjectXml(realisticBundle());
    const result = await validateXML({ xml: [{ fileName: 'project.qde', contents: xml }], schema: [{ fileName: 'Project.xsd', contents: readFileSync(XSD, 'utf8') }] });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('the validator does reject an element out of XSD order (the check has teeth)', async () => {
    const xml = writeProjectXml(realisticBundle()).replace(/(<Users>[\s\S]*?<\/Users>\n)([\s\S]*?)(  <Sources>)/, '$2$1$3');
    const result = await validateXML({ xml: [{ fileName: 'project.qde', contents: xml }], schema: [{ fileName: 'Project.xsd', contents: readFileSync(XSD, 'utf8') }] });
    expect(result.valid).toBe(false);
  });
});
