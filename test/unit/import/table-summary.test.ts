import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GUESS_SAMPLE, TableSummariser } from '../../../shared/import/table-summary';
import { dateOrderConflicts } from '../../../shared/import/pipeline';

/**
 * The date-order conflicts of one column as the summariser always counted them, with no memory of
 * values seen: the sample as one list, then each later value on its own (so the example is the
 * first later value that contradicts either order).
 */
function reference(values: readonly string[]) {
  const acc: { dmy: number; mdy: number; ambiguous: number; example?: string } = { dmy: 0, mdy: 0, ambiguous: 0 };
  const add = (list: readonly string[]) => {
    const dmy = dateOrderConflicts(list, 'dmy');
    const mdy = dateOrderConflicts(list, 'mdy');
    acc.dmy += dmy.contradicting;
    acc.mdy += mdy.contradicting;
    acc.ambiguous += dmy.ambiguous;
    acc.example ??= dmy.example ?? mdy.example;
  };
  add(values.slice(0, GUESS_SAMPLE));
  for (const v of values.slice(GUESS_SAMPLE)) add([v]);
  return acc;
}

describe('TableSummariser date-order conflicts', () => {
  it('counts every value as dateOrderConflicts does, though it remembers repeated values (property)', () => {
    const day = fc.integer({ min: 1, max: 31 });
    const month = fc.integer({ min: 1, max: 12 });
    const date = fc.oneof(
      fc.tuple(day, month).map(([d, m]) => `${d}/${m}/2024`),
      fc.tuple(month, day).map(([m, d]) => ` ${m}/${d}/24 `),
      fc.constantFrom('', '2024-05-06', 'not a date', '31/12/2024', '12/31/2024'),
    );
    fc.assert(
      fc.property(fc.array(date, { minLength: GUESS_SAMPLE + 1, maxLength: GUESS_SAMPLE + 400 }), fc.integer({ min: 1, max: 700 }), (values, chunk) => {
        // (the sample's values all read as dates in some order, or the column is not a date column)
        const rows = values.map((v, i) => [`R${i}`, i < GUESS_SAMPLE ? `${(i % 28) + 1}/${(i % 12) + 1}/2024` : v]);
        const s = new TableSummariser();
        for (let i = 0; i < rows.length; i += chunk) s.add(rows.slice(i, i + chunk));
        const summary = s.finish({ columns: ['ID', 'When'], descriptions: ['', ''], warnings: [] });
        expect(summary.dateConflicts['When']).toEqual(reference(rows.map((r) => r[1]!)));
      }),
      { numRuns: 20, endOnFailure: true },
    );
  });
});
