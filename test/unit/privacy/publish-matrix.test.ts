/** forPublication on the demo's subcategory matrix: the leak is closed and every export says why a cell is empty. */
import { describe, expect, it } from 'vitest';
import { forPublication, prepareIndex, subcategoryMatrix } from '../../../shared/analysis';
import { buildDemoProject } from '../../../shared/demo';
import { toCsv, toTsvLines } from '../../../shared/export/table';
import { attackerRanges, type CellMark, type LinearTable } from '../../../shared/privacy/secondary';

const bundle = buildDemoProject();
const raw = subcategoryMatrix(prepareIndex(bundle), { attribute: 'Disability' });
const N = bundle.project.settings.disclosureThreshold;
const pub = forPublication(raw, N);
const groups = raw.columns.filter((c) => /^n:\d+$/.test(c.key)).map((c) => c.key);

describe('published subcategory matrix (demo, Disability)', () => {
  it('no row lets a suppressed count be worked out: the exact attacker leaves each at least two values wide', () => {
    let checked = 0;
    pub.rows.forEach((row, r) => {
      const keys = ['total', ...groups];
      const values = keys.map((k) => raw.rows[r]![k] as number);
      const t: LinearTable = { values, sums: [{ total: 0, parts: groups.map((_, i) => i + 1) }] };
      const marks: CellMark[] = keys.map((k) => pub.suppressed?.[r]?.[k] ?? 'shown');
      keys.forEach((k, i) => {
        if (marks[i] === 'shown') expect(row[k]).toBe(values[i]);
        else expect(row[k]).toBeNull();
      });
      for (const [, range] of attackerRanges(t, marks, N)) {
        expect(range.max - range.min).toBeGreaterThanOrEqual(1);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(10);
  });

  it('the issue’s row (total 11 = 10 + small + 0) no longer shows the 10', () => {
    const r = raw.rows.findIndex((row) => row.total === 11 && groups.some((k) => row[k] === 10) && groups.some((k) => row[k] === 0));
    expect(r).toBeGreaterThanOrEqual(0);
    const shown = groups.filter((k) => pub.rows[r]![k] !== null);
    expect(shown.every((k) => raw.rows[r]![k] === 0)).toBe(true);
  });

  it('percentages on a suppressed count or a base under N, and row test statistics beside a suppressed cell, are withheld', () => {
    pub.rows.forEach((row, r) => {
      const marks = pub.suppressed![r]!;
      for (const k of groups) {
        const i = k.slice(2);
        if (marks[k] || marks.total) {
          expect(row[`row:${i}`]).toBeNull();
        }
        if (marks[k]) expect(row[`col:${i}`]).toBeNull();
      }
      if (Object.keys(marks).some((k) => k === 'total' || groups.includes(k))) expect(row.p).toBeNull();
    });
  });

  it('CSV and TSV write “fewer than N” or “withheld”, never an empty count', () => {
    const csv = toCsv(pub);
    expect(csv).toContain(`fewer than ${N}`);
    expect(csv).toContain('withheld');
    for (const line of toTsvLines(pub).slice(1)) {
      const cells = line.split('\t');
      pub.columns.forEach((c, i) => {
        if (c.type === 'count') expect(cells[i]).not.toBe('');
      });
    }
  });
});
