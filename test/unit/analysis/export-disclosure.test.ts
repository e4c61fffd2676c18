import { read, utils } from 'xlsx';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { codeFrequencies, forPublication, prepareIndex, suppressCountsInText, triangulation, type AnalysisTable } from '../../../shared/analysis';
import { suppressSmallCounts } from '../../../shared/privacy/suppress';
import { neutraliseFormula, toCsv, toTsvLines, toXlsx, XLSX_CELL_LIMIT } from '../../../shared/export/table';
import { byKey, smallProject } from './fixture';

const table: AnalysisTable = {
  kind: 'frequencies',
  title: 'T',
  columns: [
    { key: 'name', label: 'Name, "quoted"', type: 'text' },
    { key: 'n', label: 'Count', type: 'count' },
    { key: 'pct', label: '%', type: 'percent', basis: 'n' },
    { key: 'ok', label: 'OK', type: 'boolean' },
    { key: 'quotes', label: 'Quotes', type: 'list' },
  ],
  rows: [
    { name: '=HYPERLINK("http://x","y")', n: 2, pct: 40, ok: true, quotes: ['-1 stars', 'fine'] },
    { name: '+44 7700', n: 0, pct: null, ok: false, quotes: [] },
    { name: '@SUM(A1)', n: 12, pct: -5.5, ok: null, quotes: ['line\none'] },
    { name: '\tTab', n: 1, pct: 1, ok: null, quotes: [] },
    { name: '\rCR', n: 1, pct: 1, ok: null, quotes: [] },
    { name: 'plain - text', n: 1, pct: 1, ok: null, quotes: [] },
  ],
  notes: { shows: 'shows', limits: '=limits' },
  warnings: [],
};

describe('formula neutralisation', () => {
  it('prefixes a single quote to text starting with = + - @ tab or CR, and nothing else', () => {
    for (const s of ['=1+1', '+1', '-1', '@x', '\tx', '\rx']) expect(neutraliseFormula(s)).toBe(`'${s}`);
    for (const s of ['1', 'a=b', ' =x', "'=x", '']) expect(neutraliseFormula(s)).toBe(s);
  });
});

describe('toCsv', () => {
  it('writes RFC 4180 CSV with neutralised cells, joined lists and yes/no flags', () => {
    const csv = toCsv(table);
    const parsed = Papa.parse<string[]>(csv.trimEnd(), { newline: '\r\n' }).data;
    expect(parsed[0]).toEqual(['Name, "quoted"', 'Count', '%', 'OK', 'Quotes']);
    expect(parsed[1]).toEqual([`'=HYPERLINK("http://x","y")`, '2', '40', 'yes', "'-1 stars; fine"]);
    expect(parsed[2]).toEqual(["'+44 7700", '0', '', 'no', '']);
    expect(parsed[3]).toEqual(["'@SUM(A1)", '12', '-5.5', '', 'line\none']);
    expect(parsed[4]![0]).toBe("'\tTab");
    expect(parsed[5]![0]).toBe("'\rCR");
    expect(parsed[6]![0]).toBe('plain - text');
    expect(toCsv(table, { bom: true }).startsWith('\uFEFF')).toBe(true);
  });
});

describe('toXlsx', () => {
  it('writes formula-like text exactly, as string cells (t="s") that are never evaluated: no literal apostrophe, no formula', () => {
    const bytes = toXlsx(table);
    const wb = read(bytes, { type: 'array', cellFormula: true });
    expect(wb.SheetNames).toEqual(['Table', 'About']);
    const rows = utils.sheet_to_json<unknown[]>(wb.Sheets.Table!, { header: 1, defval: null });
    expect(rows[1]).toEqual(['=HYPERLINK("http://x","y")', 2, 40, 'yes', '-1 stars; fine']);
    expect(rows[3]).toEqual(['@SUM(A1)', 12, -5.5, null, 'line\none']);
    expect(Object.values(wb.Sheets.Table!).some((c) => typeof c === 'object' && c && 'f' in c)).toBe(false);
    // in the file itself: every text cell is a shared string (t="s"), none a formula result (t="str") or formula (<f>)
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
    expect(xml).not.toMatch(/<f>|<f |t="str"/);
    expect(xml.match(/<c r="A2"[^>]*>/)![0]).toContain('t="s"');
    const about = utils.sheet_to_json<string[]>(wb.Sheets.About!, { header: 1 });
    expect(about).toContainEqual(['Limits', '=limits']);
  });

  it('cuts a cell over 32,767 characters with a marker, and says so on the About sheet (the CSV keeps it whole)', () => {
    const long = 'x'.repeat(40_000);
    const t: AnalysisTable = { ...table, rows: [{ name: long, n: 1, pct: 1, ok: true, quotes: ['q'.repeat(33_000)] }, ...table.rows] };
    const wb = read(toXlsx(t), { type: 'array' });
    const rows = utils.sheet_to_json<string[]>(wb.Sheets.Table!, { header: 1, defval: null });
    expect(rows[1]![0]!.length).toBe(XLSX_CELL_LIMIT);
    expect(rows[1]![0]).toMatch(/^x+ … \[cut: 40,000 characters in all; XLSX holds 32,767 in a cell — the CSV export has it whole\]$/);
    expect(rows[1]![4]!.length).toBe(XLSX_CELL_LIMIT);
    const about = utils.sheet_to_json<string[]>(wb.Sheets.About!, { header: 1 });
    expect(about).toContainEqual(['Cut', expect.stringMatching(/^2 cells were longer than 32,767 characters/)]);
    expect(toCsv(t)).toContain(long);
  });
});

describe('toTsvLines (the CLI\u2019s analyse output)', () => {
  it('neutralises formulas exactly as the CSV does, and keeps one line per row', () => {
    const lines = toTsvLines(table);
    expect(lines).toHaveLength(table.rows.length + 1);
    const csv = Papa.parse<string[]>(toCsv(table).trimEnd(), { newline: '\r\n' }).data;
    lines.forEach((l, i) => expect(l.split('\t')).toEqual(csv[i]!.map((c) => c.replace(/[\t\r\n]+/g, ' '))));
    expect(lines[1]!.split('\t')[0]).toBe(`'=HYPERLINK("http://x","y")`);
    expect(lines[4]!.split('\t')[0]).toBe("' Tab");
  });
});

describe('disclosure control', () => {
  it('suppresses counts from 1 to threshold − 1', () => {
    expect([0, 1, 2, 3, 10].map((n) => suppressSmallCounts(n, 3))).toEqual([0, null, null, 3, 10]);
    expect(suppressCountsInText('6 participant(s) have no value for "Area". Of 1,200 participants, 3 responses were empty.', 10)).toBe(
      'Fewer than 10 participant(s) have no value for "Area". Of 1,200 participants, fewer than 10 responses were empty.',
    );
    expect(() => suppressSmallCounts(1, -1)).toThrow(/disclosure threshold must be a whole number of 0 or more, got -1/);
  });
  it('suppresses small counts, their percentages and quotes, and says so', () => {
    const { bundle } = smallProject();
    const index = prepareIndex(bundle);
    const pub = forPublication(codeFrequencies(index, { where: { attribute: 'Age group', values: ['18-24'] } }), 3);
    const r = byKey(pub.rows, 'code');
    // 18-24: Kept informed 1 coding/doc/participant → suppressed with its %; Delay 0 → shown
    expect(r['Kept informed']).toMatchObject({ codings: null, documents: null, participants: null, participantsPct: null });
    // 18-24 has fewer than 3 participants in scope: every percentage is on a small base and withheld
    expect(pub.stats?.participantsInScope).toBeNull();
    expect(r.Delay).toMatchObject({ codings: 0, participants: 0, participantsPct: null });
    expect(pub.suppressed?.[pub.rows.indexOf(r.Delay!)]).toEqual({ participantsPct: 'withheld' });
    expect(r.Contact).toMatchObject({ codings: 5 });
    expect(pub.warnings.at(-1)).toMatch(/Counts from 1 to 2 are suppressed/);
    const tri = byKey(forPublication(triangulation(index), 2).rows, 'theme');
    expect(tri.Contact).toMatchObject({ 'interview:participants': null, 'interview:pct': null, 'interview:quotes': [], 'survey:participants': 3 });
    expect((tri.Contact!['survey:quotes'] as string[]).length).toBe(2);
  });
});
