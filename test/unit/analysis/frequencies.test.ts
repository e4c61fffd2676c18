import { describe, expect, it } from 'vitest';
import { codeFrequencies, prepareIndex } from '../../../shared/analysis';
import { byKey, smallProject } from './fixture';

describe('codeFrequencies', () => {
  const { bundle, ids } = smallProject();
  const index = prepareIndex(bundle);

  it('counts codings, documents and participants per code, rolling subcategories into themes as distinct unions', () => {
    const t = codeFrequencies(index);
    const r = byKey(t.rows, 'code');
    // 5 people: P1–P4 plus D5, which has no participant and counts as one.
    expect(t.stats?.participantsInScope).toBe(5);
    expect(r.Kindness).toMatchObject({ codings: 3, documents: 3, participants: 3, participantsPct: 60 });
    expect(r['Kept informed']).toMatchObject({ codings: 3, documents: 3, participants: 3, participantsPct: 60 });
    // Contact: 2 direct + 3 + 3 codings; D3 and P3/P4 have both subcategories, so docs 4 (not 6), people 4 (not 6).
    expect(r.Contact).toMatchObject({ codings: 8, documents: 4, participants: 4, participantsPct: 80, level: 0 });
    expect(r.Waiting).toMatchObject({ codings: 3, documents: 3, participants: 3 });
    expect(r.Delay).toMatchObject({ codings: 3, documents: 3, participants: 3, participantsPct: 60 });
    expect(t.rows.map((x) => x.code)).toEqual(['Contact', 'Kindness', 'Kept informed', 'Delay', 'Waiting']);
    expect(r.Kindness!.path).toBe('Contact › Kindness');
  });

  it('filters by coder without changing the participant base', () => {
    const r = byKey(codeFrequencies(index, { coderIds: [ids.K1] }).rows, 'code');
    expect(r.Kindness).toMatchObject({ codings: 2, documents: 2, participants: 2, participantsPct: 40 });
    expect(r.Contact).toMatchObject({ codings: 6, documents: 3, participants: 3, participantsPct: 60 });
    expect(r.Waiting).toMatchObject({ codings: 1, participants: 1 });
  });

  it('filters by source and by attribute value', () => {
    const bySource = codeFrequencies(index, { sourceIds: [ids.S1] });
    expect(bySource.stats?.participantsInScope).toBe(3);
    expect(byKey(bySource.rows, 'code').Kindness).toMatchObject({ participants: 2, participantsPct: 66.7 });
    const young = codeFrequencies(index, { where: { attribute: 'Age group', values: ['18-24'] } });
    const r = byKey(young.rows, 'code');
    expect(young.stats?.participantsInScope).toBe(2);
    expect(r['Kept informed']).toMatchObject({ participants: 1, participantsPct: 50 });
    expect(r.Delay).toMatchObject({ codings: 0, participants: 0, participantsPct: 0 });
  });

  it('rejects an unknown attribute, naming those available', () => {
    expect(() => codeFrequencies(index, { where: { attribute: 'Shoe size', values: ['9'] } })).toThrow(
      /unknown attribute "Shoe size"; available: Age group, Contact date, source kind, source/,
    );
    expect(() => codeFrequencies(index, { coderIds: ['nope'] })).toThrow(/unknown coder id "nope"/);
  });

  it('leaves out codings whose document or code is missing, and says so', () => {
    const broken = { ...bundle, codings: [...bundle.codings, { ...bundle.codings[0]!, id: 'x', codeId: 'missing' }] };
    const t = codeFrequencies(prepareIndex(broken));
    expect(byKey(t.rows, 'code').Kindness!.codings).toBe(3);
    expect(t.warnings[0]).toMatch(/1 coding\(s\) refer to a missing document or code/);
  });
});
