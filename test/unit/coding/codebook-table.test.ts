import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { codebookRows, codebookToCsv, codebookToXlsx, codesFromCsv, codesFromGrid, codesFromTable } from '../../../shared/coding/codebook-table';
import { parseSpreadsheet } from '../../../shared/import/spreadsheet';
import { CODEBOOK_TEMPLATES, instantiateTemplate } from '../../../shared/coding/templates';
import { seededGuids, type Code } from '../../../shared/model';

const PID = '00000000-0000-4000-8000-ffffffffffff';
const NOW = '2026-01-01T00:00:00.000Z';
const template = () => instantiateTemplate(CODEBOOK_TEMPLATES[0]!, PID, seededGuids(1), NOW);
const shape = (codes: readonly Code[]) => {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const path = (c: Code): string => (c.parentId ? `${path(byId.get(c.parentId)!)} > ` : '') + c.name;
  return codes.map((c) => ({ path: path(c), order: c.order, definition: c.definition, inclusion: c.inclusion, exclusion: c.exclusion, example: c.example, keywords: c.keywords, colour: c.colour.toUpperCase() }));
};

describe('codebook as a table', () => {
  it('round-trips the starter template through CSV and XLSX', () => {
    const codes = template();
    expect(shape(codesFromCsv(codebookToCsv(codes), PID, seededGuids(2), NOW))).toEqual(shape(codes));
    // the app parses the workbook in its disposable worker; here the same parser runs directly
    expect(shape(codesFromTable(parseSpreadsheet(codebookToXlsx(codes), { fileName: 'codebook.xlsx' }), PID, seededGuids(3), NOW))).toEqual(shape(codes));
  });

  it('round-trips any names and texts, including formula-like ones', () => {
    const text = fc.string({ maxLength: 30 }).filter((s) => s === s.trim() && !/[>›]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.record({ name: text.filter((s) => s.length > 0), definition: text }), { minLength: 1, maxLength: 6 }), (rows) => {
        const ids = seededGuids(5);
        const seen = new Set<string>();
        const codes: Code[] = rows
          .filter((r) => !seen.has(r.name.toLowerCase()) && seen.add(r.name.toLowerCase()))
          .map((r, i) => ({ id: ids(), projectId: PID, parentId: null, name: r.name, definition: r.definition, inclusion: '', exclusion: '', example: '', colour: '#E69F00', order: i, keywords: [], createdAt: NOW }));
        const back = codesFromCsv(codebookToCsv(codes), PID, seededGuids(6), NOW);
        expect(back.map((c) => [c.name, c.definition])).toEqual(codes.map((c) => [c.name, c.definition]));
      }),
      { numRuns: 60 },
    );
  });

  it('neutralises formulas in export', () => {
    const [c] = template();
    const rows = codebookRows([{ ...c!, name: '=HYPERLINK("x")', parentId: null }]);
    expect(rows[1]![1]).toBe(`'=HYPERLINK("x")`);
  });

  it('accepts parent + name columns and creates missing parents', () => {
    const codes = codesFromGrid(
      [
        ['Parent', 'Name', 'Definition', 'Keywords', 'Colour'],
        ['Contact > Updates', 'Letters', 'Letters received', 'letter; post', '#009e73'],
        ['', 'Respect', '', '', ''],
      ],
      PID,
      seededGuids(7),
      NOW,
    );
    expect(shape(codes).map((c) => c.path)).toEqual(['Contact', 'Contact > Updates', 'Contact > Updates > Letters', 'Respect']);
    expect(codes[2]).toMatchObject({ definition: 'Letters received', keywords: ['letter', 'post'], colour: '#009E73' });
  });

  it('rejects bad input with the row and the problem', () => {
    expect(() => codesFromGrid([['label', 'text']], PID, seededGuids(1), NOW)).toThrow('needs a “path” or a “name” column');
    expect(() => codesFromGrid([['name']], PID, seededGuids(1), NOW)).toThrow('header but no codes');
    expect(() => codesFromGrid([['name', 'definition'], ['', 'orphan text']], PID, seededGuids(1), NOW)).toThrow('row 2: the code has no name');
    expect(() => codesFromGrid([['name', 'colour'], ['A', 'red']], PID, seededGuids(1), NOW)).toThrow('row 2: colour “red”');
  });
});
