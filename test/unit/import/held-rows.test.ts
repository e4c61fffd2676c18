/**
 * HeldRows: a CSV's rows as its first read parsed them, kept for the scan. Whenever it gives rows
 * back they are exactly the rows a later read gives (csvRowChunks), for random tables, encodings
 * and slice sizes; it gives none back when a row was read narrower than the final table, or when
 * the rows (or the file itself) pass the budget.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bytesSource } from '../../../shared/import/byte-source';
import { csvRowChunks, scanCsvTable } from '../../../shared/import/csv-stream';
import { HeldRows, heldRowsEstimate, HOLD_ROWS_BYTES, rowsFootprint } from '../../../shared/import/held-rows';
import { ENCODINGS, encode, tableText, utf8 } from './csv-stream-helpers';

/** The first read with a holder of `budget`; the rows it held (or undefined) and the rows a later read gives. */
function readHeld(bytes: Uint8Array, slice: number, budget = HOLD_ROWS_BYTES, delimiter?: string) {
  const src = bytesSource(bytes);
  let held = new HeldRows(budget, bytes.length);
  const layout = scanCsvTable(src, { fileName: 'p.csv', ...(delimiter ? { delimiter } : {}) }, (rows, rowNumbers) => held.add(rows, rowNumbers), slice, () => (held = new HeldRows(budget, bytes.length)));
  const chunks = held.finish(layout.columns.length);
  const again = [...csvRowChunks(src, layout, slice)];
  return {
    layout,
    held: chunks && { rows: chunks.flatMap((c) => c.rows), rowNumbers: chunks.flatMap((c) => c.rowNumbers) },
    again: { rows: again.flatMap((c) => c.rows), rowNumbers: again.flatMap((c) => c.rowNumbers) },
  };
}

const outcome = <T>(f: () => T): { value: T } | { error: string } => {
  try {
    return { value: f() };
  } catch (e) {
    return { error: String(e) };
  }
};

describe('HeldRows', () => {
  it('gives back exactly the rows a later read gives, or nothing (property)', () => {
    let heldSome = 0;
    fc.assert(
      fc.property(tableText, fc.constantFrom(...ENCODINGS), fc.oneof(fc.integer({ min: 1, max: 64 }), fc.constant(1 << 20)), (t, enc, slice) => {
        const r = outcome(() => readHeld(encode(t.text, enc), slice, HOLD_ROWS_BYTES, t.delimiter));
        if ('error' in r) return; // a file that cannot be read (the reader's own tests cover its errors)
        const { held, again, layout } = r.value;
        if (held) {
          heldSome++;
          expect(held).toEqual(again);
        } else {
          // only a table that widened after its first rows were handed on is refused
          expect(again.rows.length).toBeGreaterThan(0);
          expect(layout.columns.length).toBeGreaterThan(1);
        }
      }),
      { numRuns: 300 },
    );
    // most tables are held (a refusal needs a wider row after 200 rows were handed on: rare in
    // random tables, so the case has its own test below rather than a count here)
    expect(heldSome).toBeGreaterThan(50);
  });

  it('holds a survey whose rows fit the budget, and lets every row go once they pass it', () => {
    const lines = ['ID,Age band,Experience'];
    for (let i = 1; i <= 3000; i++) lines.push(`R${i},25–34,"Answer ${i}: the officer’s call came late, and ""nobody"" rang back."`);
    const bytes = utf8(lines.join('\r\n'));
    const all = readHeld(bytes, 4096);
    expect(all.held).toEqual(all.again);
    expect(all.held!.rows.length).toBe(3000);
    // the estimate: two bytes a character plus each cell's and row's share, within the file's own bound
    const footprint = rowsFootprint(all.again.rows);
    expect(footprint).toBeGreaterThan(2 * (bytes.length - 3000 * 8));
    expect(heldRowsEstimate(bytes.length, 3000, 3)).toBeGreaterThanOrEqual(footprint);
    // a budget the rows pass half-way: nothing is kept (not the first half either)
    expect(readHeld(bytes, 4096, Math.floor(footprint / 2)).held).toBeUndefined();
    // a budget the file alone passes (two bytes a byte): not held at all
    expect(readHeld(bytes, 4096, 2 * bytes.length - 1).held).toBeUndefined();
    expect(heldRowsEstimate(bytes.length, 3000, 3, 2 * bytes.length - 1)).toBe(0);
  });

  it('refuses rows read before a later row widened the table (a later read pads them differently)', () => {
    // 250 rows (past the 200 the header is resolved on), then a row with a fourth cell
    const lines = ['ID,Area,Experience'];
    for (let i = 1; i <= 250; i++) lines.push(`R${i},North,Answer ${i},   `.slice(0, i % 2 ? undefined : -4));
    lines.push('R251,South,Answer 251,extra');
    const r = readHeld(utf8(lines.join('\n')), 512);
    expect(r.layout.columns.length).toBe(4);
    expect(r.held).toBeUndefined();
    expect(r.again.rows.length).toBe(251);
  });
});
