import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBatchFromTable, buildBatchFromTranscripts, type ImportBatch } from '../../../shared/import/mapping';
import { applyDecisions, dateOrderConflicts, dropSpeakers, findingContext, importFileKind, redactBatches, scanBatches, speakerCounts, totalCounts } from '../../../shared/import/pipeline';
import { seededGuids, type SpeakerTurn } from '../../../shared/model';
import type { ParsedTable } from '../../../shared/import/types';

const PID = '11111111-1111-4111-8111-111111111111';
const ctx = () => ({ projectId: PID, newId: seededGuids(7), now: '2026-01-01T00:00:00Z', fileName: 'survey.csv' });

function survey(): ImportBatch {
  const table: ParsedTable = {
    columns: ['ID', 'Q1', 'Area'],
    descriptions: ['', 'How were you treated?', ''],
    rows: [
      ['R1', 'PC Smith called me on 07700 900123 and it was fine.', 'North'],
      ['R2', 'My sister Jane Smith rang. PC Smith never replied, ring 07700 900456.', 'ask Jane Smith'],
      ['R3', '', 'South'],
    ],
    warnings: [],
  };
  return buildBatchFromTable(table, { idColumn: 'ID', textColumns: ['Q1'], attributes: [{ column: 'Area', type: 'category' }], dateOrder: 'dmy', source: { name: 'S', kind: 'survey' } }, ctx());
}

describe('file kinds', () => {
  it('routes each supported extension and refuses others', () => {
    expect(['a.csv', 'b.TSV', 'c.xlsx', 'd.ods', 'e.xls', 'f.txt', 'g.md', 'h.docx', 'i.pdf'].map(importFileKind)).toEqual(['table', 'table', 'workbook', 'workbook', 'workbook', 'transcript', 'transcript', 'transcript', undefined]);
  });
});

describe('speakers', () => {
  it('counts turns and folds a wrongly detected label into the turn before', () => {
    const text = 'Interviewer: hello\n\nP1: hi\n\nNote: aside\n\nInterviewer: bye\n';
    const doc = buildBatchFromTranscripts([{ name: 't.txt', text }], { name: 'S', kind: 'interview' }, ctx()).documents[0]!;
    expect(speakerCounts(doc.turns)).toEqual([{ speaker: 'Interviewer', turns: 2 }, { speaker: 'P1', turns: 1 }]);
    const kept = dropSpeakers(doc.turns, new Set(['P1']));
    expect(kept.map((t) => doc.text.slice(t.start, t.end))).toEqual(['Interviewer: hello\n\nP1: hi\n\nNote: aside', 'Interviewer: bye']);
  });

  it('never loses covered text: kept turns cover every character the original turns covered after the first kept one', () => {
    const turnsArb = fc.array(fc.tuple(fc.constantFrom('A', 'B', 'C'), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 5 })), { maxLength: 12 });
    fc.assert(
      fc.property(turnsArb, fc.subarray(['A', 'B', 'C']), (spec, drop) => {
        let pos = 0;
        const turns: SpeakerTurn[] = spec.map(([speaker, len, gap]) => {
          const t = { speaker, start: pos + gap, end: pos + gap + len };
          pos = t.end;
          return t;
        });
        const kept = dropSpeakers(turns, new Set(drop));
        expect(kept.every((t) => !drop.includes(t.speaker))).toBe(true);
        const firstKept = turns.findIndex((t) => !drop.includes(t.speaker));
        const covered = (ts: SpeakerTurn[], i: number) => ts.some((t) => t.start <= i && i < t.end);
        for (const t of turns.slice(Math.max(firstKept, 0))) for (let i = t.start; i < t.end; i++) if (firstKept >= 0) expect(covered(kept, i)).toBe(true);
      }),
    );
  });
});

describe('date order', () => {
  it('counts values that only read in the other order', () => {
    expect(dateOrderConflicts(['01/02/2024', '25/12/2024', '12/25/2024', ''], 'dmy')).toEqual({ contradicting: 1, ambiguous: 1, example: '12/25/2024' });
    expect(dateOrderConflicts(['01/02/2024', '25/12/2024'], 'mdy')).toEqual({ contradicting: 1, ambiguous: 1, example: '25/12/2024' });
    // the same date either way (05/05) is not ambiguous
    expect(dateOrderConflicts(['05/05/2024', '2024-06-01'], 'dmy')).toEqual({ contradicting: 0, ambiguous: 0 });
  });
});

describe('the anonymisation gate', () => {
  it('scans texts and attribute values with stable ids and context windows', () => {
    const b = survey();
    const f1 = scanBatches([b]);
    const f2 = scanBatches([b]);
    expect(f1.map((f) => f.id)).toEqual(f2.map((f) => f.id));
    expect(new Set(f1.map((f) => f.id)).size).toBe(f1.length);
    expect(f1.filter((f) => f.type === 'phone')).toHaveLength(2);
    expect(f1.some((f) => f.place.kind === 'attribute' && f.type === 'person')).toBe(true);
    const phone = f1.find((f) => f.type === 'phone')!;
    const ctxw = findingContext(b.documents[0]!.text, phone, 10);
    expect(ctxw.match).toBe('07700 900123');
    expect(ctxw.before.endsWith('me on ')).toBe(true);
    expect(scanBatches([b], { allowList: ['07700 900123'] }).filter((f) => f.type === 'phone')).toHaveLength(1);
  });

  it('redacts, pseudonymises the same person to the same label across texts and values, and ignores', () => {
    const b = survey();
    const findings = scanBatches([b]);
    const counts = applyDecisions([b], findings, (f) => (f.type === 'person' ? 'pseudonymise' : f.type === 'phone' && f.start < 30 ? 'ignore' : 'redact'));
    const [d1, d2] = b.documents;
    expect(d1!.text).toContain('07700 900123'); // ignored
    expect(d2!.text).not.toContain('900456');
    expect(d2!.text).toContain('[PHONE]');
    expect(d1!.text).not.toContain('Smith');
    const label = /PC (\[PERSON \d+\])/.exec(d1!.text)![1]!;
    expect(d2!.text).toContain(`PC ${label}`);
    const area = Object.values(b.participants[1]!.attributes)[0] as string;
    expect(area).toMatch(/^ask \[PERSON \d+\]$/);
    expect(area).not.toContain(label); // Jane Smith is a different person from Smith
    expect(d2!.text).toContain(area.slice(4));
    expect(counts[0]!.phone).toBe(1);
    expect(counts[0]!.person).toBe(findings.filter((f) => f.type === 'person').length);
    expect(d1!.length).toBe(d1!.text.length);
  });

  it('mixes redact and pseudonymise for people in one text', () => {
    const b = survey();
    const findings = scanBatches([b]).filter((f) => f.type === 'person' && f.place.kind === 'document' && f.place.doc === 1);
    expect(findings.length).toBeGreaterThanOrEqual(2);
    applyDecisions([b], findings, (f) => (f === findings[0] ? 'redact' : 'pseudonymise'));
    expect(b.documents[1]!.text).toMatch(/\[PERSON\](?! \d).*\[PERSON \d+\]/s);
  });

  it('keeps speaker turns on their turns through redaction (the CLI --redact path)', () => {
    const text = 'Interviewer: Who called?\n\nP1: Sarah Jones rang me on 07700 900123 twice.\n\nInterviewer: Thanks.\n';
    const batch = buildBatchFromTranscripts([{ name: 'call.txt', text }], { name: 'S', kind: 'interview' }, ctx());
    const counts = redactBatches([batch]);
    const d = batch.documents[0]!;
    expect(d.turns.map((t) => d.text.slice(t.start, t.end))).toEqual(['Interviewer: Who called?', 'P1: [PERSON] rang me on [PHONE] twice.', 'Interviewer: Thanks.']);
    expect(counts).toEqual({ person: 1, phone: 1 });
  });

  it('totals only the types that occurred', () => {
    expect(totalCounts([{ phone: 2, email: 0 }, { phone: 1, person: 3 }])).toEqual({ phone: 3, person: 3 });
  });
});
