/** `chorus agree` on published examples written as real .qdpx projects: the default counts silence as "not coded". */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { computeAgreement, krippendorffAlphaNominal } from '../../../shared/analysis/reliability';
import { writeQdpx } from '../../../shared/exchange/qdpx';
import type { ProjectBundle } from '../../../shared/model';
import { binaryProject, KRIPPENDORFF_BINARY, WIKIPEDIA_COHEN } from '../../fixtures/agreement/published';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

interface Json {
  unit: string;
  absent: string;
  assigned: boolean;
  documents: number;
  untouched: Record<string, number>;
  decisions: number;
  coders: { id: string; name: string }[];
  overall: { percentAgreement: number | null; kappa: number | null; alpha: number | null; units: number };
}

const dir = mkdtempSync(path.join(tmpdir(), 'chorus-agree-published-'));
function save(name: string, bundle: ProjectBundle): string {
  const file = path.join(dir, name);
  writeFileSync(file, writeQdpx(bundle));
  return file;
}

const wiki = binaryProject(WIKIPEDIA_COHEN.a, WIKIPEDIA_COHEN.b);
const wikiFile = save('wikipedia-cohen.qdpx', wiki);
const [A, B] = wiki.coders;

describe('chorus agree on Wikipedia’s Cohen’s kappa example (50 responses)', () => {
  for (const unit of ['response', 'character'] as const) {
    it(`default settings at ${unit} level: p_o 0.70, κ 0.40`, async () => {
      const r = await run(['agree', wikiFile, '--unit', unit, '--json']);
      expect(r.err).toBe('');
      const j = JSON.parse(r.out) as Json;
      expect(j.absent).toBe('uncoded');
      expect(j.assigned).toBe(false);
      expect(j.overall.percentAgreement).toBeCloseTo(70, 9);
      expect(j.overall.kappa).toBeCloseTo(0.4, 9);
      expect(j.overall.alpha).toBeCloseTo(computeAgreement(wiki, { unit }).overall.alpha!, 9);
      expect(j.documents).toBe(50);
      expect(j.untouched).toEqual({ [A!.id]: 25, [B!.id]: 20 });
    });
  }

  it('--absent missing leaves out the documents a coder never touched (100%, as the old default reported)', async () => {
    const j = JSON.parse((await run(['agree', wikiFile, '--unit', 'response', '--absent', 'missing', '--json'])).out) as Json;
    expect(j.absent).toBe('missing');
    expect(j.overall.percentAgreement).toBe(100);
    expect(j.overall.units).toBe(20);
  });

  it('the table says what silence meant and how many documents each coder never touched', async () => {
    const r = await run(['agree', wikiFile, '--unit', 'response']);
    expect(r.out).toMatch(/Silence counts as "not coded" in every document \(as NVivo's coding comparison\)\. Documents with no codings, of 50: A 25, B 20\./);
    expect(r.out).toMatch(/^Mentioned\s+70\.00\s+0\.400\s+/m);
  });

  it('--assigned: silence is "code absent" only where a coder was assigned the document', async () => {
    // A is assigned the whole survey, B only the first 35 responses: B's silence in the other 15 is missing.
    const assignments: ProjectBundle['assignments'] = [
      { id: 'aaaaaaaa-0000-4000-8000-000000000001', projectId: wiki.project.id, coderId: A!.id, scope: 'source', targetId: wiki.sources[0]!.id },
      ...wiki.documents.slice(0, 35).map((d, i) => ({
        id: `bbbbbbbb-0000-4000-8000-${String(i).padStart(12, '0')}`, projectId: wiki.project.id, coderId: B!.id, scope: 'document' as const, targetId: d.id,
      })),
    ];
    const file = save('assigned.qdpx', { ...wiki, assignments });
    const j = JSON.parse((await run(['agree', file, '--unit', 'response', '--assigned', '--json'])).out) as Json;
    expect(j.assigned).toBe(true);
    expect(j.absent).toBe('missing');
    // responses 36–50: A yes / B no (5) are left out (B silent, unassigned); A no / B yes (10) stay (B coded them)
    const a = [...WIKIPEDIA_COHEN.a.slice(0, 35), ...Array<null>(5).fill(null), ...WIKIPEDIA_COHEN.a.slice(40)];
    const b = [...WIKIPEDIA_COHEN.b.slice(0, 35), ...Array<null>(5).fill(null), ...WIKIPEDIA_COHEN.b.slice(40)];
    expect(j.overall.units).toBe(45);
    expect(j.overall.alpha).toBeCloseTo(krippendorffAlphaNominal([a, b])!, 9);
    expect(j.overall.percentAgreement).toBeCloseTo((100 * 35) / 45, 9);
  });

  it('refuses --assigned without assignments, with --absent uncoded, and a bad --absent', async () => {
    const none = await run(['agree', wikiFile, '--assigned']);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/wikipedia-cohen\.qdpx: --assigned: this project has no coder assignments/);
    const both = await run(['agree', wikiFile, '--assigned', '--absent', 'uncoded']);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/cannot be combined with --absent uncoded/);
    expect((await run(['agree', wikiFile, '--absent', 'skip'])).err).toMatch(/--absent "skip" is not one of uncoded, missing/);
  });

  it('--consensus compares each coder with the agreed version (decisions by a named coder)', async () => {
    // every disagreement decided "apply" by A: the consensus is then every response either coder coded
    const decisions = WIKIPEDIA_COHEN.a.flatMap((v, i) =>
      v !== WIKIPEDIA_COHEN.b[i]
        ? [{ id: `cccccccc-0000-4000-8000-${String(i).padStart(12, '0')}`, projectId: wiki.project.id, documentId: wiki.documents[i]!.id, codeId: wiki.codes[0]!.id, start: 0, end: wiki.documents[i]!.text.length, decision: 'apply' as const, decidedBy: A!.id, at: '2025-03-01T00:00:00Z' }]
        : [],
    );
    const file = save('consensus.qdpx', { ...wiki, decisions });
    const plain = JSON.parse((await run(['agree', file, '--unit', 'response', '--json'])).out) as Json;
    expect(plain.decisions).toBe(15);
    expect(plain.overall.kappa).toBeCloseTo(0.4, 9); // decisions never change the coders' agreement
    const j = JSON.parse((await run(['agree', file, '--unit', 'response', '--consensus', '--json'])).out) as Json;
    expect(j.coders.map((c) => c.name)).toEqual(['A', 'B', 'Consensus']);
  });
});

describe('chorus agree on Krippendorff’s (2011) binary example', () => {
  it('default settings: α 0.095, κ 0.091, 60% agreement', async () => {
    const file = save('krippendorff.qdpx', binaryProject(KRIPPENDORFF_BINARY.a, KRIPPENDORFF_BINARY.b));
    const j = JSON.parse((await run(['agree', file, '--unit', 'response', '--json'])).out) as Json;
    expect(j.overall.alpha!).toBeCloseTo(0.095, 3);
    expect(j.overall.kappa!).toBeCloseTo(0.091, 3);
    expect(j.overall.percentAgreement).toBeCloseTo(60, 9);
  });
});
