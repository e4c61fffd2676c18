import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { codebookRows, codebookToCsv, codebookToXlsx, codesFromCsv, codesFromGrid, codesFromTable } from '../../../shared/coding/codebook-table';
import { parseSpreadsheet } from '../../../shared/import/spreadsheet';
import { CODEBOOK_TEMPLATES, instantiateTemplate } from '../../../shared/coding/templates';
import { seededGuids, type Code } from '../../../shared/model';

/** A codebook workbook read as the app reads it: parsed (in the worker, there), then turned into codes. */
const codesFromXlsx = (bytes: Uint8Array, pid: string, ids: () => string, now: string) => codesFromTable(parseSpreadsheet(bytes, { fileName: 'codebook.xlsx', headerRows: 1 }), pid, ids, now);


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

  it('round-trips a code named "Before > after" as one code, not a parent and a child', () => {
    const ids = seededGuids(40);
    const mk = (name: string, parentId: string | null, order: number): Code => ({ id: ids(), projectId: PID, parentId, name, definition: '', inclusion: '', exclusion: '', example: '', colour: '#E69F00', order, keywords: [], createdAt: NOW });
    const top = mk('Before > after', null, 0);
    const kid = mk('Contact › updates', top.id, 0);
    const grandkid = mk('late', kid.id, 0);
    const codes = [top, kid, grandkid, mk('Respect', null, 1)];
    for (const back of [codesFromCsv(codebookToCsv(codes), PID, seededGuids(41), NOW), codesFromXlsx(codebookToXlsx(codes), PID, seededGuids(42), NOW)]) {
      expect(back.map((c) => [c.name, back.find((p) => p.id === c.parentId)?.name ?? null])).toEqual([
        ['Before > after', null],
        ['Contact › updates', 'Before > after'],
        ['late', 'Contact › updates'],
        ['Respect', null],
      ]);
    }
  });

  it('round-trips any tree whose names contain path separators (property)', () => {
    const name = fc
      .array(fc.constantFrom('a', 'B', ' ', '>', '›', ' > ', '=', '-', "'", 'é'), { minLength: 1, maxLength: 8 })
      .map((p) => p.join('').replace(/\s+/g, ' ').trim())
      .filter((s) => s.length > 0);
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.nat()), { minLength: 1, maxLength: 8 }), (spec) => {
        const ids = seededGuids(43);
        const codes: Code[] = [];
        for (const [n, p] of spec) {
          const parent = p % (codes.length + 1) === 0 ? null : codes[(p % (codes.length + 1)) - 1]!;
          const siblings = codes.filter((c) => c.parentId === (parent?.id ?? null));
          if (siblings.some((c) => c.name.toLocaleLowerCase('en-GB') === n.toLocaleLowerCase('en-GB'))) continue;
          codes.push({ id: ids(), projectId: PID, parentId: parent?.id ?? null, name: n, definition: '', inclusion: '', exclusion: '', example: '', colour: '#E69F00', order: siblings.length, keywords: [], createdAt: NOW });
        }
        const pathOf = (list: readonly Code[], c: Code): string[] => {
          const parent = list.find((x) => x.id === c.parentId);
          return [...(parent ? pathOf(list, parent) : []), c.name];
        };
        const want = codes.map((c) => pathOf(codes, c)).sort();
        const back = codesFromCsv(codebookToCsv(codes), PID, seededGuids(44), NOW);
        expect(back.map((c) => pathOf(back, c)).sort()).toEqual(want);
      }),
      { numRuns: 150, seed: 12 },
    );
  });

  it('XLSX: formula-like text is written as-is (string cells), and a definition over 32,767 characters is cut with a marker instead of failing', () => {
    const [c] = template();
    const long = 'd'.repeat(40_000);
    const back = codesFromXlsx(codebookToXlsx([{ ...c!, name: '=HYPERLINK("x")', definition: long, parentId: null }]), PID, seededGuids(9), NOW);
    expect(back[0]!.name).toBe('=HYPERLINK("x")');
    expect(back[0]!.definition).toHaveLength(32_767);
    expect(back[0]!.definition).toMatch(/\[cut: 40,000 characters in all/);
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
