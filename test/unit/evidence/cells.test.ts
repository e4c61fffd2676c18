/**
 * Property: for every count cell of every analysis that counts coded segments, the segments behind
 * the cell (shared/evidence) counted in the analysis's own unit equal the number the analysis reports.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnalysisInputError, prepareIndex, type AnalysisIndex } from '../../../shared/analysis';
import { runAnalysis, type AnalysisRequest } from '../../../shared/analysis/run-request';
import { cellEvidence } from '../../../shared/evidence/cells';
import { countSelection, selectSegments } from '../../../shared/evidence/segments';
import type { ProjectBundle } from '../../../shared/model';
import { generateProject } from '../analysis/generate';
import { smallProject } from '../analysis/fixture';

/** A generated survey made less tidy: some responses share a participant, some have none, some carry their own date, one is a transcript with turns. */
function untidy(seed: number, responses: number, twists: number[]): ProjectBundle {
  const b = generateProject({ seed, responses, themes: 3, childrenPerTheme: 2, codingsPerResponse: 3, wordsPerResponse: 40 });
  const date = b.variables.find((v) => v.name === 'Contact date')!.id;
  b.documents = b.documents.map((d, i) => {
    const t = twists[i % twists.length]!;
    if (t === 1) return { ...d, participantId: b.participants[(i + 1) % b.participants.length]!.id };
    if (t === 2) return { ...d, participantId: null };
    if (t === 3) return { ...d, attributes: { [date]: `2025-0${1 + (i % 3)}-01` } };
    if (t === 4) {
      const half = Math.floor(d.text.length / 2);
      return { ...d, kind: 'transcript' as const, turns: [{ speaker: 'A', start: 0, end: half }, { speaker: 'B', start: half, end: d.text.length }] };
    }
    return d;
  });
  return b;
}

function requests(index: AnalysisIndex): AnalysisRequest[] {
  const filter = {};
  const waves = index.sources.slice(0, 2).map((s) => s.id);
  return [
    { analysis: 'frequencies', filter },
    { analysis: 'matrix', attribute: 'Age group', filter },
    { analysis: 'matrix', attribute: 'source kind', filter: { coderIds: [index.bundle.coders[0]!.id] } },
    ...(['segment', 'sentence', 'paragraph', 'response', 'document'] as const).map((unit) => ({ analysis: 'cooccurrence' as const, unit, filter })),
    { analysis: 'triangulation', filter },
    { analysis: 'time', mode: 'period', attribute: 'Contact date', period: 'quarter', filter },
    { analysis: 'time', mode: 'period', attribute: 'Contact date', period: 'month', filter: { where: { attribute: 'Age group', values: ['25-34', '35-49'] } } },
    { analysis: 'time', mode: 'wave', waves, filter },
    { analysis: 'sentiment', attribute: 'Age group', filter },
  ];
}

/** Every count cell with evidence: [cells checked, mismatches]. */
function check(bundle: ProjectBundle): { checked: number; wrong: string[] } {
  const index = prepareIndex(bundle);
  let checked = 0;
  const wrong: string[] = [];
  for (const req of requests(index)) {
    let table;
    try {
      table = runAnalysis(index, req);
    } catch (e) {
      if (e instanceof AnalysisInputError) continue; // e.g. no dated participant left in scope
      throw e;
    }
    for (const row of table.rows) {
      for (const col of table.columns) {
        if (col.type !== 'count') continue;
        const ev = cellEvidence(req, table, row, col.key);
        if (!ev) continue;
        const n = countSelection(index, selectSegments(index, ev.query), ev.measure);
        checked++;
        if (n !== row[col.key]) wrong.push(`${req.analysis} ${String(row.code ?? row.codeA)} ${col.key}: table ${String(row[col.key])}, segments ${n}`);
      }
    }
  }
  return { checked, wrong };
}

describe('segments behind a cell', () => {
  it('agree with every count on the hand-checked fixture', () => {
    const { checked, wrong } = check(smallFixture());
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  it('agree with every count on random untidy projects', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 3, max: 40 }), fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 7 }), (seed, n, twists) => {
        const { checked, wrong } = check(untidy(seed, n, twists));
        expect(wrong).toEqual([]);
        expect(checked).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('base rows and percentages have no segments behind them', () => {
    const index = prepareIndex(untidy(3, 20, [0]));
    const req: AnalysisRequest = { analysis: 'matrix', attribute: 'Age group', filter: {} };
    const table = runAnalysis(index, req);
    const baseRow = table.rows.at(-1)!;
    expect(baseRow.codeId).toBeNull();
    expect(cellEvidence(req, table, baseRow, 'n:0')).toBeNull();
    expect(cellEvidence(req, table, table.rows[0]!, 'row:0')).toBeNull();
  });
});

const smallFixture = (): ProjectBundle => smallProject().bundle;
