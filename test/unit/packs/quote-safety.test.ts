/**
 * The rare-combination check on quotes compares only what a pack publishes about the speaker (the
 * kind of source of the attribution), so it fires when few people gave feedback that way — not on
 * every participant whose full set of attributes happens to be unique.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDemoProject } from '../../../shared/demo';
import type { AttributeValue, DocumentMeta, Participant, Source, SourceKind } from '../../../shared/model';
import { gatherPackInput } from '../../../shared/packs/gather';
import { publishedAttributes, quoteRefusals, quoteSafety, sharedBy, speakerAttributes, speakerPopulation } from '../../../shared/packs/quote-safety';

const pid = '00000000-0000-4000-8000-000000000000';
const AT = '2026-01-15T10:00:00.000Z';
let n = 0;
const guid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

function project(people: Array<{ kind: SourceKind; attributes?: Record<string, AttributeValue> }>, anonymous: Array<{ kind: SourceKind; recordId?: string }> = []) {
  const sources = new Map<SourceKind, Source>();
  const sourceOf = (kind: SourceKind) => {
    let s = sources.get(kind);
    if (!s) sources.set(kind, (s = { id: guid(), projectId: pid, name: `${kind} source`, kind, description: '', createdAt: AT }));
    return s;
  };
  const participants: Participant[] = [];
  const documents: DocumentMeta[] = [];
  for (const p of people) {
    const part: Participant = { id: guid(), projectId: pid, sourceId: sourceOf(p.kind).id, pseudonym: `P${participants.length + 1}`, attributes: p.attributes ?? {} };
    participants.push(part);
    documents.push({ id: guid(), projectId: pid, sourceId: part.sourceId, participantId: part.id, title: part.pseudonym, kind: 'response', length: 10, turns: [], createdAt: AT });
  }
  for (const a of anonymous) {
    documents.push({ id: guid(), projectId: pid, sourceId: sourceOf(a.kind).id, participantId: null, title: 'Anonymous', kind: 'response', length: 10, turns: [], createdAt: AT, ...(a.recordId ? { recordId: a.recordId } : {}) });
  }
  return { sources: [...sources.values()], participants, documents };
}

describe('quote safety: rare combinations of published attributes', () => {
  it('a survey respondent whose age band and area no one else shares is not flagged: the pack prints neither; 3 interviewees are', () => {
    const survey = Array.from({ length: 30 }, (_, i) => ({ kind: 'survey' as const, attributes: { age: `band ${i}`, area: `area ${i}` } }));
    const interviews = Array.from({ length: 3 }, () => ({ kind: 'interview' as const, attributes: { age: '25-34', area: 'North' } }));
    const b = project([...survey, ...interviews]);
    const population = speakerPopulation(b);
    const surveyDoc = b.documents[0]!;
    const interviewDoc = b.documents[30]!;
    const fromSurvey = quoteSafety('It was fine.', speakerAttributes(b, surveyDoc), population, 10);
    expect(fromSurvey).toMatchObject({ sharedBy: 30, rareCombination: false });
    const fromInterview = quoteSafety('It was fine.', speakerAttributes(b, interviewDoc), population, 10);
    expect(fromInterview).toMatchObject({ sharedBy: 3, rareCombination: true });
    // the public pack refuses the unconfirmed interview quote for it (and says why); once confirmed, a person has seen the warning
    const q = { id: guid(), text: 'It was fine.', confirmed: false, sourceKind: 'interview' as const, attributes: speakerAttributes(b, interviewDoc) };
    expect(quoteRefusals(q, { public: true, threshold: 10, population })).toContain('what the pack says about the speaker (interview) is shared by fewer than 10 people');
    expect(quoteRefusals({ ...q, confirmed: true }, { public: true, threshold: 10, population })).toEqual([]);
    expect(quoteRefusals({ ...q, sourceKind: 'survey', attributes: speakerAttributes(b, surveyDoc) }, { public: true, threshold: 10, population }).join()).not.toMatch(/shared by/);
  });

  it('the threshold is the project’s: 3 interviewees are not rare under a threshold of 3', () => {
    const b = project(Array.from({ length: 3 }, () => ({ kind: 'interview' as const })));
    expect(quoteSafety('Words.', publishedAttributes('interview'), speakerPopulation(b), 3).rareCombination).toBe(false);
    expect(quoteSafety('Words.', publishedAttributes('interview'), speakerPopulation(b), 4).rareCombination).toBe(true);
  });

  it('anonymous respondents count once per record (a survey row answered in several documents is one person)', () => {
    const b = project([], [{ kind: 'survey', recordId: 'r1' }, { kind: 'survey', recordId: 'r1' }, { kind: 'survey', recordId: 'r2' }, { kind: 'complaint' }, { kind: 'complaint' }]);
    const count = (kind: SourceKind) => speakerPopulation(b).filter((p) => p['kind of source'] === kind).length;
    expect(count('survey')).toBe(2);
    expect(count('complaint')).toBe(2);
  });

  it('property: a quote is flagged exactly when fewer than the threshold of people gave feedback through its kind of source', () => {
    const kinds: SourceKind[] = ['survey', 'interview', 'focus group', 'complaint'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...kinds), { minLength: 1, maxLength: 60 }), fc.integer({ min: 0, max: 20 }), fc.nat(), (people, threshold, pick) => {
        const b = project(people.map((kind) => ({ kind, attributes: { unique: guid() } })));
        const doc = b.documents[pick % b.documents.length]!;
        const kind = b.sources.find((s) => s.id === doc.sourceId)!.kind;
        const same = people.filter((k) => k === kind).length;
        expect(quoteSafety('Words.', speakerAttributes(b, doc), speakerPopulation(b), threshold)).toMatchObject({ sharedBy: same, rareCombination: same < threshold });
      }),
      { numRuns: 100 },
    );
  });

  it('on the demo project the warning is the exception: only quotes from kinds of source fewer than N people used', () => {
    const b = structuredClone(buildDemoProject());
    const coder = b.coders[0]!.id;
    b.quotes = b.documents.filter((d) => d.text.length > 40).map((d) => ({ id: guid(), projectId: b.project.id, documentId: d.id, start: 0, end: 40, starredBy: coder, at: AT, note: '' }));
    b.findings = [{ id: guid(), projectId: b.project.id, title: 'All quotes', summary: '', codeIds: [], quoteIds: b.quotes.map((q) => q.id), evidenceCodingIds: [], audiences: [], order: 0, createdAt: AT }];
    const input = gatherPackInput(b);
    const N = b.project.settings.disclosureThreshold;
    const quotes = input.findings.flatMap((f) => f.quotes);
    expect(quotes.length).toBe(b.quotes.length);
    const byKind = new Map<string, number>();
    for (const p of input.population) byKind.set(String(p['kind of source']), (byKind.get(String(p['kind of source'])) ?? 0) + 1);
    const flagged = quotes.filter((q) => quoteSafety(q.text, q.attributes, input.population, N).rareCombination);
    expect(flagged.map((q) => q.id)).toEqual(quotes.filter((q) => (byKind.get(q.sourceKind) ?? 0) < N).map((q) => q.id));
    expect(flagged.length).toBeLessThan(quotes.length / 2);
    // nothing about the speaker but the kind of source is compared
    for (const q of quotes) expect(q.attributes).toEqual(publishedAttributes(q.sourceKind));
  });
});

describe('sharedBy', () => {
  it('counts the people sharing every given value, as comparing each person would, whichever values are asked about in turn (property)', () => {
    const value = fc.oneof(fc.constantFrom<AttributeValue>('a', 'b', '1', '', null, true, false), fc.integer({ min: 0, max: 2 }));
    const record = fc.dictionary(fc.constantFrom('kind', 'area', 'age'), value, { maxKeys: 3 });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 60 }), fc.array(record, { minLength: 1, maxLength: 8 }), (population, asked) => {
        // (the same population asked about several speakers: its counts are made once per set of names)
        for (const attrs of asked) {
          const keys = Object.keys(attrs).filter((k) => attrs[k] !== null && attrs[k] !== '');
          const expected = population.filter((p) => keys.every((k) => (p[k] ?? null) === (attrs[k] ?? null))).length;
          expect(sharedBy(attrs, population)).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
    expect(sharedBy({ kind: Number.NaN }, [{ kind: Number.NaN }])).toBe(0);
  });
});
