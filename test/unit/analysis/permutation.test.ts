import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  documentList,
  changeByWave,
  changeOverTime,
  codeFrequencies,
  cooccurrence,
  distinctiveTable,
  keywordInContext,
  prepareIndex,
  saturation,
  sentimentTable,
  subcategoryMatrix,
  triangulation,
  wordTable,
  type AnalysisIndex,
} from '../../../shared/analysis';
import { seededRandom, type ProjectBundle } from '../../../shared/model';
import { generateProject } from './generate';
import { smallProject } from './fixture';

function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const rnd = seededRandom(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function everything(index: AnalysisIndex) {
  const waves = index.bundle.sources.map((s) => s.id).sort();
  return [
    codeFrequencies(index),
    subcategoryMatrix(index, { attribute: 'Age group' }),
    subcategoryMatrix(index, { attribute: 'source kind' }),
    ...(['segment', 'sentence', 'response', 'document'] as const).map((unit) => cooccurrence(index, { unit })),
    triangulation(index),
    wordTable(index, { stem: true }),
    wordTable(index, { n: 2 }),
    distinctiveTable(index, { by: 'code' }),
    distinctiveTable(index, { by: 'Age group' }),
    sentimentTable(index, { attribute: 'Age group' }),
    changeOverTime(index, { attribute: 'Contact date', period: 'quarter' }),
    changeByWave(index, { waves }),
    saturation(index),
    keywordInContext(documentList(index.documents), 'police'),
  ];
}

describe('permuting documents (and every other array) changes no statistic', () => {
  it('holds for the hand-built project', () => {
    const { bundle } = smallProject();
    const expected = everything(prepareIndex(bundle));
    for (const seed of [1, 2, 3]) {
      const p: ProjectBundle = { ...bundle, documents: shuffle(bundle.documents, seed), codings: shuffle(bundle.codings, seed + 9) };
      expect(everything(prepareIndex(p))).toEqual(expected);
    }
  });

  it('holds for generated projects', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (seed, perm) => {
        const bundle = generateProject({ seed, responses: 25, themes: 3, childrenPerTheme: 2, codingsPerResponse: 3, wordsPerResponse: 30 });
        const permuted: ProjectBundle = {
          ...bundle,
          documents: shuffle(bundle.documents, perm),
          codings: shuffle(bundle.codings, perm + 1),
          participants: shuffle(bundle.participants, perm + 2),
          codes: shuffle(bundle.codes, perm + 3),
          sources: shuffle(bundle.sources, perm + 4),
        };
        expect(everything(prepareIndex(permuted))).toEqual(everything(prepareIndex(bundle)));
      }),
      { numRuns: 25 },
    );
  });
});
