import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { actionLabel, auditCsv, countsText, filterAudit } from '../../../shared/audit/log';
import type { AuditEvent } from '../../../shared/model';
import { neutraliseFormula } from '../../../shared/export/table';

const row = (at: string, action: string, actor = 'Alex Morgan', counts?: Record<string, number>): AuditEvent => ({
  id: `00000000-0000-4000-8000-${String(at.length + action.length).padStart(12, '0')}`,
  projectId: '00000000-0000-4000-8000-000000000001',
  at,
  actor,
  action,
  ids: ['a', 'b'],
  ...(counts ? { counts } : {}),
});

/** A minimal RFC 4180 reader, to read the CSV back. */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let field = '';
  let rec: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') rec.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') rec.push(field), out.push(rec), (rec = []), (field = ''), i++;
    else field += ch;
  }
  return out;
}

describe('the audit log CSV', () => {
  it('has a header, one line per entry, plain-English actions and counts, and neutralises formulas in names', () => {
    const csv = auditCsv([row('2026-12-01T10:00:00.000Z', 'export.table.csv', 'Alex Morgan', { rows: 12 }), row('2026-12-02T11:00:00.000Z', 'code.delete', '=HYPERLINK("http://x","y")', { codes: 2, codings: 5 })]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = parseCsv(csv.slice(1));
    expect(lines[0]).toEqual(['Time (UTC)', 'Who', 'Action', 'Action code', 'Counts', 'Ids']);
    expect(lines[1]).toEqual(['2026-12-01T10:00:00.000Z', 'Alex Morgan', 'Export: table (CSV)', 'export.table.csv', 'rows 12', 'a; b']);
    expect(lines[2]).toEqual(['2026-12-02T11:00:00.000Z', `'=HYPERLINK("http://x","y")`, 'Code deleted', 'code.delete', 'codes 2; codings 5', 'a; b']);
    expect(lines).toHaveLength(3);
  });

  it('no field of any entry starts a live formula, and every entry reads back (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ actor: fc.string(), action: fc.constantFrom('code.create', 'export.audit.csv', 'import.commit'), n: fc.nat() }), { maxLength: 20 }), (xs) => {
        const rows = xs.map((x, i) => row(`2026-12-0${1 + (i % 9)}T00:00:00.000Z`, x.action, x.actor, { n: x.n }));
        const lines = parseCsv(auditCsv(rows).slice(1));
        expect(lines).toHaveLength(rows.length + 1);
        for (const l of lines) for (const f of l) expect(f).not.toMatch(/^[=+\-@\t\r]/);
        lines.slice(1).forEach((l, i) => expect(l[1]).toBe(neutraliseFormula(rows[i]!.actor)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('filtering the audit log', () => {
  const rows = [row('2026-11-30T23:59:59.000Z', 'code.create'), row('2026-12-01T00:00:00.000Z', 'export.table.csv'), row('2026-12-02T09:00:00.000Z', 'import.commit'), row('2026-12-03T09:00:00.000Z', 'export.project.qdpx')];
  it('by action group and by day (inclusive)', () => {
    expect(filterAudit(rows, { groups: ['export'] }).map((r) => r.action)).toEqual(['export.table.csv', 'export.project.qdpx']);
    expect(filterAudit(rows, { from: '2026-12-01', to: '2026-12-02' }).map((r) => r.action)).toEqual(['export.table.csv', 'import.commit']);
    expect(filterAudit(rows, { groups: ['export'], to: '2026-12-01' }).map((r) => r.action)).toEqual(['export.table.csv']);
    expect(filterAudit(rows, {})).toHaveLength(4);
  });
  it('labels every action, unknown ones as they are', () => {
    expect(actionLabel('project.delete')).toBe('Project deleted');
    expect(actionLabel('retraction.participant')).toBe('Retraction (participant)');
    expect(actionLabel('something.new')).toBe('something.new');
    expect(countsText({ z: 1, a: 2 })).toBe('a 2; z 1');
    expect(countsText(undefined)).toBe('');
  });
});
