import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeProjects, textChecksum } from '../../../shared/exchange/merge';
import { ProjectBundle, type Code, type Coding, type Quote, type StoredPackTemplate } from '../../../shared/model';
import { bundleWithExtras, realisticBundle } from './bundle-fixture';

const AT = '2025-01-01T00:00:00Z';
const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');
const guid = (kind: number, n: number) => `${hex(kind, 8)}-0000-4000-8000-${hex(n, 12)}`;

/** A coding's identity independent of ids a file happened to give: document text, code path, coder, span. */
function identities(b: ProjectBundle): string[] {
  const docs = new Map(b.documents.map((d) => [d.id, textChecksum(d.text)]));
  const codes = new Map(b.codes.map((c) => [c.id, c]));
  const path = (id: string): string => {
    const c = codes.get(id);
    return c ? (c.parentId ? `${path(c.parentId)}/${c.name}` : c.name) : `?${id}`;
  };
  return b.codings.map((c) => `${docs.get(c.documentId)}|${path(c.codeId)}|${c.coderId}|${c.start}|${c.end}`).sort();
}

/**
 * Two coders' projects cut from one universe: each has a subset of the documents, the codebook
 * and its own coder's codings; each file may have given documents and codes its own ids (as an
 * import into another copy of Chorus would).
 */
const universe = fc
  .record({
    texts: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 30 }).map((s) => s.replace(/\r/g, '').normalize('NFC')).filter((s) => s.length > 0), { minLength: 1, maxLength: 6 }),
    codeParents: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
  })
  .chain(({ texts, codeParents }) => {
    const coding = fc.record({ doc: fc.nat(texts.length - 1), code: fc.nat(codeParents.length - 1), a: fc.nat(), b: fc.nat(), coder: fc.nat(2) });
    const side = fc.record({
      docs: fc.subarray([...texts.keys()], { minLength: 1 }),
      codings: fc.array(coding, { maxLength: 25 }),
      newDocIds: fc.boolean(),
      newCodeIds: fc.boolean(),
      seed: fc.integer({ min: 1, max: 1000 }),
    });
    return fc.tuple(fc.constant(texts), fc.constant(codeParents), side, side);
  })
  .map(([texts, codeParents, ...sides]) =>
    sides.map((s, k) => {
      const projectId = guid(0xa0 + k, 1);
      const coders = [0, 1, 2].map((i) => ({ id: guid(0xc0, i), projectId, name: `Coder ${i}`, initials: `C${i}`, colour: '#123456' }));
      const docId = (i: number) => (s.newDocIds ? guid(0xd0 + k, s.seed * 100 + i) : guid(0xd0, i));
      const codeId = (i: number) => (s.newCodeIds ? guid(0xe0 + k, s.seed * 100 + i) : guid(0xe0, i));
      const source = { id: guid(0x50, 1), projectId, name: 'Survey', kind: 'survey' as const, description: '', createdAt: AT };
      const documents = s.docs.map((i) => ({ id: docId(i), projectId, sourceId: source.id, participantId: null, title: `Doc ${i}`, kind: 'response' as const, length: texts[i]!.length, turns: [], createdAt: AT, text: texts[i]! }));
      const codes: Code[] = codeParents.map((p, i) => ({
        id: codeId(i), projectId, parentId: i === 0 || p % (i + 1) === 0 ? null : codeId(p % i), name: `Code ${i}`, definition: '', inclusion: '', exclusion: '', example: '', colour: '#654321', order: i, keywords: [], createdAt: AT,
      }));
      const seen = new Set<string>();
      const codings: Coding[] = [];
      s.codings.forEach((c, n) => {
        if (!s.docs.includes(c.doc)) return;
        const len = texts[c.doc]!.length;
        const start = c.a % len;
        const end = start + 1 + (c.b % (len - start));
        const key = `${c.doc}|${c.code}|${c.coder}|${start}|${end}`;
        if (seen.has(key)) return;
        seen.add(key);
        codings.push({ id: guid(0xf0 + k, s.seed * 1000 + n), projectId, documentId: docId(c.doc), codeId: codeId(c.code), coderId: coders[c.coder]!.id, start, end, createdAt: AT });
      });
      return ProjectBundle.parse({
        project: { id: projectId, name: `Project ${k}`, description: '', isDemo: false, settings: { disclosureThreshold: 10, locale: 'en-GB' }, createdAt: AT, updatedAt: AT },
        coders, sources: [source], variables: [], participants: [], documents, codes, codings, memos: [], findings: [], actions: [],
      });
    }),
  );

/** Another copy of the project whose documents, codes and codings got ids of their own (as an import into another copy of Chorus gives them). */
function reIdentified(a: ProjectBundle): ProjectBundle {
  const b = structuredClone(a);
  b.project.id = '99999999-9999-4999-8999-999999999999';
  const reId = (id: string) => `${id.slice(0, 24)}ffffffffffff`;
  for (const d of b.documents) d.id = reId(d.id);
  for (const c of b.codes) {
    c.id = reId(c.id);
    if (c.parentId) c.parentId = reId(c.parentId);
  }
  for (const c of b.codings) {
    c.id = reId(c.id);
    c.documentId = reId(c.documentId);
    c.codeId = reId(c.codeId);
  }
  return b;
}

describe('mergeProjects', () => {
  it('property: every coding of both inputs is in the result exactly once', () => {
    fc.assert(
      fc.property(universe, ([a, b]) => {
        const r = mergeProjects([a!, b!]);
        expect(r.conflicts).toEqual([]);
        const got = identities(r.bundle);
        expect(new Set(got).size).toBe(got.length);
        expect(got).toEqual([...new Set([...identities(a!), ...identities(b!)])].sort());
        expect(r.summary.codings.added + r.summary.codings.duplicates).toBe(b!.codings.length);
        expect(r.bundle.codings.length).toBe(a!.codings.length + r.summary.codings.added);
        expect(() => ProjectBundle.parse(r.bundle)).not.toThrow();
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('property: merge(A, A) = A', () => {
    fc.assert(
      fc.property(universe, ([a]) => {
        const r = mergeProjects([a!, a!]);
        expect(r.bundle).toEqual(a);
        expect(r.summary).toEqual({
          sources: { matched: a!.documents.length, added: 0 },
          codes: { matched: a!.codes.length, added: 0, conflicts: 0 },
          codings: { added: 0, duplicates: a!.codings.length },
          quotes: { added: 0, matched: 0, dropped: 0 },
          packTemplates: { added: 0, kept: 0 },
        });
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('property: merging in either order gives the same codings', () => {
    fc.assert(
      fc.property(universe, ([a, b]) => {
        expect(identities(mergeProjects([a!, b!]).bundle)).toEqual(identities(mergeProjects([b!, a!]).bundle));
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('documents with the same text but other ids match; codes with other GUIDs match by path', () => {
    const a = realisticBundle();
    const b = reIdentified(a);
    b.documents[0]!.text = b.documents[0]!.text.replace(/\n/g, '\r\n'); // CRLF: the same normalised text
    const r = mergeProjects([a, b]);
    expect(r.summary).toMatchObject({ sources: { matched: 3, added: 0 }, codes: { matched: 4, added: 0, conflicts: 0 }, codings: { added: 0, duplicates: a.codings.length } });
    expect(r.bundle.codings).toEqual(a.codings);
  });

  it('property: a document with another id takes the first unclaimed one with its text and title, else the first unclaimed with its text, else is added (many alike, as a survey\'s "No" answers)', () => {
    const doc = fc.record({ text: fc.constantFrom('No', 'N/A', 'Nothing'), title: fc.constantFrom('Q1', 'Q2', 'Q3') });
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 30 }), fc.array(doc, { minLength: 1, maxLength: 30 }), (mine, theirs) => {
        const a = realisticBundle();
        const b = structuredClone(a);
        b.project.id = '99999999-9999-4999-8999-999999999999';
        const make = (bundle: ProjectBundle, list: { text: string; title: string }[], kind: number) =>
          list.map((d, i) => ({ ...bundle.documents[0]!, id: guid(kind, i + 1), title: d.title, text: d.text, length: d.text.length, turns: [], participantId: null }));
        a.documents = make(a, mine, 0xd1);
        b.documents = make(b, theirs, 0xd2);
        a.codings = [];
        // one coding on each of the second file's documents shows where it went
        b.codings = b.documents.map((d, i) => ({ id: guid(0xc9, i + 1), projectId: b.project.id, documentId: d.id, codeId: b.codes[0]!.id, coderId: b.coders[0]!.id, start: 0, end: 1, createdAt: AT }));
        a.memos = b.memos = [];
        a.quotes = b.quotes = [];
        a.findings = b.findings = [];
        // the rule, as a search of every document
        const docs = a.documents.map((d) => ({ id: d.id, text: d.text, title: d.title }));
        const claimed = new Set<number>();
        const expected = b.documents.map((d) => {
          const candidates = docs.flatMap((x, i) => (x.text === d.text && !claimed.has(i) ? [i] : []));
          const pick = candidates.find((i) => docs[i]!.title === d.title) ?? candidates[0];
          if (pick !== undefined) {
            claimed.add(pick);
            return docs[pick]!.id;
          }
          claimed.add(docs.push({ id: d.id, text: d.text, title: d.title }) - 1);
          return d.id;
        });
        const r = mergeProjects([a, b]);
        const landed = new Map(r.bundle.codings.map((c) => [c.id, c.documentId]));
        expect(b.codings.map((c) => landed.get(c.id))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('coders are kept apart: the same name with another id is another coder, with its codings', () => {
    const a = realisticBundle();
    const b = structuredClone(a);
    const other = '77777777-7777-4777-8777-777777777777';
    b.coders = [{ ...b.coders[0]!, id: other }];
    for (const c of b.codings) c.coderId = other;
    const r = mergeProjects([a, b]);
    expect(r.bundle.coders.map((c) => c.name)).toEqual([...a.coders.map((c) => c.name), a.coders[0]!.name]);
    expect(r.summary.codings).toEqual({ added: a.codings.length, duplicates: 0 });
    expect(r.bundle.codings.filter((c) => c.coderId === other)).toHaveLength(a.codings.length);
  });

  it('lists conflicts (same code, other name or parent; same source, other text) and leaves them unresolved without --prefer', () => {
    const a = realisticBundle();
    const b = structuredClone(a);
    b.codes[1]!.name = 'Trust won';
    b.codes[3]!.parentId = b.codes[0]!.id;
    b.documents[2]!.text = 'Completely different words.';
    const r = mergeProjects([a, b], { names: ['a.qdpx', 'b.qdpx'] });
    expect(r.unresolved).toBe(true);
    expect(r.summary.codes.conflicts).toBe(2);
    expect(r.conflicts.map((c) => c.message)).toEqual([
      `source "Anonymous response" (${a.documents[2]!.id}) has other text in b.qdpx (27 characters) than in a.qdpx (${a.documents[2]!.text.length} characters)`,
      `code ${a.codes[1]!.id} is "Trust gained" under "Trust" in a.qdpx but "Trust won" under "Trust" in b.qdpx`,
      `code ${a.codes[3]!.id} is "Communication" at the top in a.qdpx but "Communication" under "Trust" in b.qdpx`,
    ]);
  });

  it('--prefer first keeps the first names and parents, --prefer last the later ones; a second text becomes a second document', () => {
    const a = realisticBundle();
    const b = structuredClone(a);
    b.codes[1]!.name = 'Trust won';
    b.documents[2]!.text = 'Completely different words.';
    b.codings.push({ ...b.codings[0]!, id: '12121212-1212-4121-8121-121212121212', documentId: b.documents[2]!.id, start: 0, end: 10 });
    const first = mergeProjects([a, b], { prefer: 'first' });
    expect(first.unresolved).toBe(false);
    expect(first.bundle.codes[1]!.name).toBe('Trust gained');
    expect(first.bundle.documents).toHaveLength(4);
    const moved = first.bundle.codings.at(-1)!;
    expect(first.bundle.documents.find((d) => d.id === moved.documentId)!.text.slice(moved.start, moved.end)).toBe('Completely');
    expect(mergeProjects([a, b], { prefer: 'last' }).bundle.codes[1]!.name).toBe('Trust won');
  });

  it('sets, assignments, consensus decisions and redaction logs come across, following matched documents', () => {
    const a = realisticBundle();
    const b = bundleWithExtras();
    const r = mergeProjects([a, b]);
    expect(r.bundle.documentSets).toEqual(b.documentSets!.map((s) => ({ ...s, projectId: a.project.id })));
    expect(r.bundle.assignments).toEqual(b.assignments);
    expect(r.bundle.decisions).toEqual(b.decisions);
    expect(r.bundle.redactions).toEqual(b.redactions);
  });

  describe('candidate quotes and edited pack templates', () => {
    const Q = (n: number) => guid(0x90, n);
    const T = (n: number) => guid(0x91, n);
    /** A quote of a coding, as the Code view stars it. */
    const quoteOf = (b: ProjectBundle, i: number, id: string, extra: Partial<Quote> = {}): Quote => {
      const c = b.codings[i]!;
      return { id, projectId: b.project.id, documentId: c.documentId, start: c.start, end: c.end, codingId: c.id, starredBy: c.coderId, at: AT, note: '', ...extra };
    };
    const template = (b: ProjectBundle, id: string, audience: StoredPackTemplate['audience'], title: string, updatedAt = AT): StoredPackTemplate => ({
      id, projectId: b.project.id, audience, title, sections: [{ id: 'headline', kind: 'headline-findings', heading: 'What we found', intro: '' }], updatedAt,
    });
    /** The other coder's copy, re-identified, without the notes and findings that point at the old ids. */
    const otherCopy = (a: ProjectBundle): ProjectBundle => ({ ...reIdentified(a), memos: [], findings: [] });
    const textOf = (b: ProjectBundle, q: Quote) => b.documents.find((d) => d.id === q.documentId)!.text.slice(q.start, q.end);

    it('quotes unite by id, then by span; they follow matched documents and codings; a finding keeps its quotes', () => {
      const a = realisticBundle();
      a.quotes = [quoteOf(a, 0, Q(1))];
      const b = otherCopy(a);
      b.quotes = [
        quoteOf(b, 0, Q(2), { confirmedBy: b.coders[1]!.id, confirmedAt: AT }), // the same span as Q(1), starred again by the other coder, and confirmed there
        quoteOf(b, 2, Q(3)), // new
      ];
      b.findings = [{ id: guid(0x92, 1), projectId: b.project.id, title: 'Delays', summary: '', codeIds: [], quoteIds: [Q(2), Q(3)], evidenceCodingIds: [], audiences: [], order: 0, createdAt: AT }];
      const r = mergeProjects([a, b]);
      expect(r.summary.quotes).toEqual({ added: 1, matched: 1, dropped: 0 });
      const quotes = r.bundle.quotes!;
      expect(quotes.map((q) => q.id)).toEqual([Q(1), Q(3)]);
      // the one quote per span keeps the lead's id and takes the confirmation made of that same text
      expect(quotes[0]).toMatchObject({ id: Q(1), confirmedBy: b.coders[1]!.id, codingId: a.codings[0]!.id });
      // the new one points into the result's document and coding, and reads the same words
      expect(quotes[1]).toMatchObject({ projectId: a.project.id, documentId: a.codings[2]!.documentId, codingId: a.codings[2]!.id });
      expect(textOf(r.bundle, quotes[1]!)).toBe(textOf(b, b.quotes[1]!));
      expect(r.bundle.findings.at(-1)!.quoteIds).toEqual([Q(1), Q(3)]);
      expect(() => ProjectBundle.parse(r.bundle)).not.toThrow();
      // merging the result with the other file again changes nothing
      const again = mergeProjects([r.bundle, b]);
      expect(again.bundle.quotes).toEqual(quotes);
      expect(again.summary.quotes).toEqual({ added: 0, matched: 2, dropped: 0 });
    });

    it('a quote whose document or coding is not in its file is dropped and counted, and leaves the finding that chose it', () => {
      const a = realisticBundle();
      const b = otherCopy(a);
      b.quotes = [
        { ...quoteOf(b, 0, Q(4)), documentId: guid(0x93, 1) }, // no such document
        { ...quoteOf(b, 1, Q(5)), codingId: guid(0x93, 2) }, // no such coding
        quoteOf(b, 3, Q(6)),
      ];
      b.findings = [{ id: guid(0x92, 2), projectId: b.project.id, title: 'Trust', summary: '', codeIds: [], quoteIds: [Q(4), Q(5), Q(6)], evidenceCodingIds: [], audiences: [], order: 0, createdAt: AT }];
      const r = mergeProjects([a, b]);
      expect(r.summary.quotes).toEqual({ added: 1, matched: 0, dropped: 2 });
      expect(r.bundle.quotes!.map((q) => q.id)).toEqual([Q(6)]);
      expect(r.bundle.findings.at(-1)!.quoteIds).toEqual([Q(6)]);
    });

    it('a quote id the result already uses for another span gets a fresh id', () => {
      const a = realisticBundle();
      a.quotes = [quoteOf(a, 0, Q(7))];
      const b = otherCopy(a);
      b.quotes = [quoteOf(b, 4, Q(7))];
      const r = mergeProjects([a, b]);
      const [mine, theirs] = r.bundle.quotes!;
      expect(mine!.id).toBe(Q(7));
      expect(theirs!.id).not.toBe(Q(7));
      expect(textOf(r.bundle, theirs!)).toBe(textOf(b, b.quotes[0]!));
    });

    it("pack templates: the lead's own edit of an audience is kept (even if another file's is newer); an audience only another file edited comes across", () => {
      const a = realisticBundle();
      a.packTemplates = [template(a, T(1), 'executive', 'Lead’s briefing', '2024-01-01T00:00:00Z')];
      const b = structuredClone(a);
      b.packTemplates = [template(b, T(2), 'executive', 'Newer briefing', '2025-01-01T00:00:00Z'), template(b, T(1), 'public', 'What you told us')];
      const c = structuredClone(a);
      c.packTemplates = [template(c, T(3), 'public', 'A later file’s public pack')];
      const r = mergeProjects([a, b, c]);
      expect(r.summary.packTemplates).toEqual({ added: 1, kept: 2 });
      const byAudience = Object.fromEntries(r.bundle.packTemplates!.map((t) => [t.audience, t]));
      expect(Object.keys(byAudience).sort()).toEqual(['executive', 'public']);
      expect(byAudience.executive!.title).toBe('Lead’s briefing');
      expect(byAudience.public!.title).toBe('What you told us');
      expect(new Set(r.bundle.packTemplates!.map((t) => t.id)).size).toBe(2); // T(1) was taken by the lead's executive template
    });

    it('property: at most one quote per span and one template per audience; every quote reads the text it read in its own file', () => {
      fc.assert(
        fc.property(universe, fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 8 }), fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 8 }), ([a, b], qa, qb) => {
          const star = (x: ProjectBundle, picks: Array<[number, boolean]>, k: number) => {
            if (x.codings.length === 0) return x;
            const seen = new Set<string>();
            const quotes = picks.flatMap(([i, confirmed], n) => {
              const q = quoteOf(x, i % x.codings.length, guid(0x90 + k, n), confirmed ? { confirmedBy: x.coders[0]!.id, confirmedAt: AT } : {});
              const span = `${q.documentId}|${q.start}|${q.end}`;
              if (seen.has(span)) return [];
              seen.add(span);
              return [q];
            });
            const audiences = (['executive', 'public', 'partners'] as const).filter((_, j) => (picks.length + j + k) % 2 === 0);
            return { ...x, quotes, packTemplates: audiences.map((au, j) => template(x, guid(0x91, j), au, `${au} ${k}`)) };
          };
          const A = star(a!, qa, 0);
          const B = star(b!, qb, 1);
          const r = mergeProjects([A, B]);
          const quotes = r.bundle.quotes ?? [];
          expect(new Set(quotes.map((q) => `${q.documentId}|${q.start}|${q.end}`)).size).toBe(quotes.length);
          expect(new Set(quotes.map((q) => q.id)).size).toBe(quotes.length);
          expect(new Set((r.bundle.packTemplates ?? []).map((t) => t.audience)).size).toBe((r.bundle.packTemplates ?? []).length);
          const texts = (x: ProjectBundle) => new Set((x.quotes ?? []).map((q) => textOf(x, q)));
          expect(new Set(quotes.map((q) => textOf(r.bundle, q)))).toEqual(new Set([...texts(A), ...texts(B)]));
          expect(r.summary.quotes.added + r.summary.quotes.matched + r.summary.quotes.dropped).toBe((B.quotes ?? []).length);
          // every quote kept from a coding points at a coding of the result covering the same span
          const codings = new Map(r.bundle.codings.map((c) => [c.id, c]));
          for (const q of quotes) if (q.codingId) expect(codings.get(q.codingId)).toMatchObject({ documentId: q.documentId, start: q.start, end: q.end });
          expect(() => ProjectBundle.parse(r.bundle)).not.toThrow();
        }),
        { numRuns: 100 },
      );
    }, 60_000);
  });
});
