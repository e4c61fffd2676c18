/**
 * The import worker's session end to end in Node (fake-indexeddb): a CSV streamed in small slices
 * through parse-table, prepare (scan) and commit must store exactly what the whole-table path
 * (parseTable → buildBatchFromTable → applyDecisions) gives, as a dataset (one record per row);
 * failures and cancels leave the store as it was.
 */
import { describe, expect, it } from 'vitest';
import { addCoding, plainCodec, setCodec, deleteProject, exportBundle, getDocumentText, listCodes, listCoders, listDocuments, listParticipants, createCode, type ChorusDb } from '../../renderer/db';
import { blockRows } from '../../renderer/db/dataset-blocks';
import { ImportSession } from '../../renderer/workers/import-session';
import { freshAesCodec } from './aes-codec';
import type { ImportReply, ImportRequest } from '../../renderer/workers/import-protocol';
import { buildBatchFromTable, type TableMapping } from '../../shared/import/mapping';
import { applyDecisions, scanBatches, type FindingDecision } from '../../shared/import/pipeline';
import { parseTable } from '../../shared/import/table';
import { newGuid } from '../../shared/model';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eachCodec } from './aes-codec';
import { freshProject, snapshot } from './test-store';

const CSV = [
  'ID,Area,Contact,Experience,Improvements',
  'R1,North,Call 07700 900123,"The officer, PC Sarah Jones, was kind.","Email me at jo@example.co.uk"',
  'R2,South,,"I waited three weeks for a call back from 101.",',
  'R3,"East, coast",None,"Multi-line',
  'answer: my ex Dave Smith followed me to 14 Acacia Avenue.","Better updates, please."',
  'R4,West,,,',
  'R5,Central,Ring 0161 496 0000,"Nothing to add — thank you ✓","Victims\' Code was not explained."',
].join('\r\n');

const mapping: TableMapping = {
  idColumn: 'ID',
  textColumns: ['Experience', 'Improvements'],
  attributes: [
    { column: 'Area', type: 'category' },
    { column: 'Contact', type: 'text' },
  ],
  dateOrder: 'dmy',
  source: { name: 'Survey 2026', kind: 'survey' },
};

/** A session with tiny slices and chunks, so every row boundary is exercised. */
function session(db: ChorusDb) {
  return new ImportSession(async () => db, () => new Date('2026-11-27T10:00:00Z'), { chunkBytes: 16, chunkRows: 2 });
}

async function ask(s: ImportSession, req: ImportRequest, progress?: (r: ImportReply) => void): Promise<ImportReply> {
  return s.handle(req, progress);
}

async function prepareCsv(s: ImportSession, pid: string, bytes: Uint8Array, name = 'survey.csv') {
  const added = await ask(s, { type: 'add-file', projectId: pid, fileId: name, name, data: bytes });
  expect(added.type).toBe('file');
  const parsed = await ask(s, { type: 'parse-table', fileId: name, settings: {} });
  if (parsed.type !== 'table') throw new Error(JSON.stringify(parsed));
  const prepared = await ask(s, { type: 'prepare', projectId: pid, tables: [{ fileId: name, mapping }], transcripts: [], transcriptSource: { name: 'Interviews', kind: 'interview' }, allowList: [] });
  if (prepared.type !== 'review') throw new Error(JSON.stringify(prepared));
  return { table: parsed.table, review: prepared.review };
}

/** Decisions that exercise all three: pseudonymise people, keep (ignore) postcodes/addresses, redact the rest. */
const decide = (type: string): FindingDecision => (type === 'person' ? 'pseudonymise' : type === 'address' ? 'ignore' : 'redact');

eachCodec(() => {
  describe('the import session (streamed CSV → dataset)', () => {
    it('stores what the whole-table path gives: same findings, same redacted texts, same participants', async () => {
      const { db, pid } = await freshProject('import-session');
      const s = session(db);
      const bytes = new TextEncoder().encode(CSV);
      const { table, review } = await prepareCsv(s, pid, bytes);
      expect(table.rowCount).toBe(5);
      expect(table.preview[2]![3]).toBe('Multi-line\r\nanswer: my ex Dave Smith followed me to 14 Acacia Avenue.');

      // the reference: everything in memory at once
      const ref = parseTable(bytes, { fileName: 'survey.csv' });
      const batch = buildBatchFromTable(ref, mapping, { projectId: pid, newId: newGuid, now: '2026-11-27T10:00:00.000Z', fileName: 'survey.csv' });
      const refFindings = scanBatches([batch]);
      // ids are positional (batch, document or participant, offsets, type), with the attribute's variable id
      const norm = (id: string) => id.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, 'VAR');
      expect(review.findings.map((f) => norm(f.id)).sort()).toEqual(refFindings.map((f) => norm(f.id)).sort());
      expect(new Set(review.findings.map((f) => f.type))).toEqual(new Set(['phone', 'person', 'email', 'address']));
      expect(review.documents).toBe(batch.documents.length);
      expect(review.participants).toBe(5);
      expect(review.skippedEmpty).toBe(batch.skippedEmpty);

      const decisions = Object.fromEntries(review.findings.map((f) => [f.id, decide(f.type)]));
      applyDecisions([batch], refFindings, (f) => decide(f.type));
      const seen: number[] = [];
      const committed = await ask(s, { type: 'commit', projectId: pid, decisions, by: 'Analyst' }, (r) => r.type === 'progress' && seen.push(r.done));
      if (committed.type !== 'committed') throw new Error(JSON.stringify(committed));
      expect(committed.summary.documents).toBe(batch.documents.length);
      expect(seen.length).toBeGreaterThan(1);

      // the rows' answers in one block record (a row with no answer is null), one dataset record; nothing in the one-by-one tables
      const blocks = await db.datasetBlocks.toArray();
      expect(blocks).toHaveLength(1);
      expect(blockRows(blocks[0]!).filter((r) => r !== null)).toHaveLength(4);
      expect(await db.datasetRows.count()).toBe(0);
      expect(await db.datasets.count()).toBe(1);
      expect(await db.documents.count()).toBe(0);
      expect(await db.texts.where('projectId').equals(pid).count()).toBe(0);

      const docs = await listDocuments(db, pid);
      const parts = await listParticipants(db, pid);
      const byId = new Map(parts.map((p) => [p.id, p]));
      const stored = await Promise.all(docs.map(async (d) => ({ title: d.title, length: d.length, field: d.field, text: await getDocumentText(db, d.id), who: byId.get(d.participantId!)!.pseudonym })));
      const refById = new Map(batch.participants.map((p) => [p.id, p]));
      expect(stored).toEqual(batch.documents.map((d) => ({ title: d.title, length: d.text.length, field: d.field, text: d.text, who: refById.get(d.participantId!)!.pseudonym })));
      const text = stored.map((d) => d.text).join('\n');
      expect(text).not.toMatch(/07700|Sarah|jo@example|Dave|0161/);
      expect(text).toContain('[PERSON 1]');
      expect(text).toContain('14 Acacia Avenue'); // the user chose to keep addresses
      // attribute values went through the gate too
      const contact = parts.map((p) => Object.values(p.attributes).join('|')).join('\n');
      expect(contact).not.toMatch(/07700|0161/);
      expect(contact).toContain('[PHONE]');

      // the redaction log has counts only
      const logs = await db.redactionLogs.toArray();
      expect(logs).toHaveLength(1);
      expect(logs[0]!.counts.phone).toBe(review.findings.filter((f) => f.type === 'phone').length);
      expect(JSON.stringify(await snapshot(db))).not.toMatch(/07700|Sarah Jones|jo@example|Dave Smith|0161 496/);
    });

    it('keeps an attribute that differs within a participant per response, through the gate, and lists the dates it left blank', async () => {
      const { db, pid } = await freshProject('import-session');
      const s = session(db);
      const csv = ['ID,Who,Visited,Contact,Experience', 'R1,P1,25/12/2024,Ring 07700 900123,The officer was kind.', 'R2,P1,12/20/2024,None,Nobody called back.', 'R3,P2,05/06/2024,None,Waited three weeks.'].join('\n');
      await ask(s, { type: 'add-file', projectId: pid, fileId: 'f', name: 'visits.csv', data: new TextEncoder().encode(csv) });
      const parsed = await ask(s, { type: 'parse-table', fileId: 'f', settings: {} });
      if (parsed.type !== 'table') throw new Error(JSON.stringify(parsed));
      const levels = await ask(s, { type: 'levels', fileId: 'f', participantColumn: 'Who', columns: ['Visited', 'Contact', 'Experience'] });
      expect(levels).toEqual({ type: 'levels', participantColumn: 'Who', varying: { Visited: 1, Contact: 1, Experience: 1 } });
      const m: TableMapping = {
        idColumn: 'ID',
        participantColumn: 'Who',
        textColumns: ['Experience'],
        attributes: [
          { column: 'Visited', type: 'date', dates: 'unambiguous' },
          { column: 'Contact', type: 'text' },
        ],
        dateOrder: 'dmy',
        source: { name: 'Visits', kind: 'survey' },
      };
      const prepared = await ask(s, { type: 'prepare', projectId: pid, tables: [{ fileId: 'f', mapping: m }], transcripts: [], transcriptSource: { name: 'I', kind: 'interview' }, allowList: [] });
      if (prepared.type !== 'review') throw new Error(JSON.stringify(prepared));
      expect(prepared.review.errors).toEqual([]);
      expect(prepared.review.blankedDates).toEqual([{ file: 'visits.csv', row: 4, column: 'Visited', message: expect.stringContaining('"05/06/2024" could be 5 June 2024') }]);
      expect(prepared.review.warnings.map((w) => w.column)).toEqual(['Visited', 'Contact']);
      const phone = prepared.review.findings.find((f) => f.type === 'phone')!;
      expect(phone.where).toBe('visits.csv · R1 · Contact');
      const committed = await ask(s, { type: 'commit', projectId: pid, decisions: { [phone.id]: 'redact' }, by: 'Analyst' });
      expect(committed.type).toBe('committed');
      const docs = await listDocuments(db, pid);
      const [visited, contact] = (await db.variables.where('projectId').equals(pid).toArray()).sort((a, b) => a.name.localeCompare(b.name)).reverse();
      expect([visited!.name, visited!.level, contact!.name, contact!.level]).toEqual(['Visited', 'response', 'Contact', 'response']);
      expect(docs.map((d) => [d.recordId, d.attributes?.[visited!.id], d.attributes?.[contact!.id]])).toEqual([
        ['R1', '2024-12-25', 'Ring [PHONE]'],
        ['R2', '2024-12-20', 'None'],
        ['R3', null, 'None'],
      ]);
      expect(JSON.stringify(await snapshot(db))).not.toMatch(/07700/);
    });

    it('puts a transcript with a source of its own there, and the others (.txt, .rst) in the shared source', async () => {
      const { db, pid } = await freshProject('import-session');
      const s = session(db);
      const files = [
        ['a.txt', 'Interviewer: How was the first call?\n\nP1: Quick and kind.\n'],
        ['b.rst', 'Interviewer: And the follow-up?\n\nP2: Nobody rang back.\n'],
        ['c.md', 'Interviewer: Anything else?\n\nP3: Court was confusing.\n'],
      ];
      for (const [name, text] of files) {
        expect((await ask(s, { type: 'add-file', projectId: pid, fileId: name!, name: name!, data: new TextEncoder().encode(text) })).type).toBe('file');
        expect((await ask(s, { type: 'read-transcript', fileId: name! })).type).toBe('transcript');
      }
      const prepared = await ask(s, {
        type: 'prepare',
        projectId: pid,
        tables: [],
        transcripts: [
          { fileId: 'a.txt', notSpeakers: [] },
          { fileId: 'b.rst', notSpeakers: [], source: { name: 'Follow-up calls', kind: 'interview' } },
          { fileId: 'c.md', notSpeakers: [] },
        ],
        transcriptSource: { name: 'Interviews', kind: 'interview' },
        allowList: [],
      });
      if (prepared.type !== 'review') throw new Error(JSON.stringify(prepared));
      expect((await ask(s, { type: 'commit', projectId: pid, decisions: {}, by: 'Analyst' })).type).toBe('committed');
      const sources = new Map((await db.sources.where('projectId').equals(pid).toArray()).map((x) => [x.id, x.name]));
      const docs = await listDocuments(db, pid);
      expect(docs.map((d) => [d.title, sources.get(d.sourceId)]).sort()).toEqual([
        ['a', 'Interviews'],
        ['b', 'Follow-up calls'],
        ['c', 'Interviews'],
      ]);
    });

    it('a transcript with named speakers: labels are findings, their mentions follow them, nothing stored keeps a name', async () => {
      const { db, pid } = await freshProject('import-session');
      const s = session(db);
      const bytes = readFileSync(path.resolve(__dirname, '../fixtures/import/hearing-named-speakers.txt'));
      expect((await ask(s, { type: 'add-file', projectId: pid, fileId: 't', name: 'hearing.txt', data: new Uint8Array(bytes) })).type).toBe('file');
      expect((await ask(s, { type: 'read-transcript', fileId: 't' })).type).toBe('transcript');
      const prepared = await ask(s, { type: 'prepare', projectId: pid, tables: [], transcripts: [{ fileId: 't', notSpeakers: [] }], transcriptSource: { name: 'Hearings', kind: 'interview' }, allowList: [] });
      if (prepared.type !== 'review') throw new Error(JSON.stringify(prepared));
      const labels = prepared.review.findings.filter((f) => f.where.endsWith('speaker label'));
      expect(labels.map((f) => f.match)).toEqual(['Nield', 'Anna-Louise Marsh-Reese', 'Okonjo']);
      // a label stands for itself and its mentions; the mentions are not listed apart
      expect(labels.every((f) => (f.occurrences ?? 1) > 1)).toBe(true);
      expect(prepared.review.findings.filter((f) => /nield|marsh|okonjo/i.test(f.match))).toHaveLength(3);
      const decisions = Object.fromEntries(prepared.review.findings.map((f) => [f.id, 'pseudonymise' as const]));
      const committed = await ask(s, { type: 'commit', projectId: pid, decisions, by: 'Analyst' });
      if (committed.type !== 'committed') throw new Error(JSON.stringify(committed));
      const [doc] = await listDocuments(db, pid);
      const text = await getDocumentText(db, doc!.id);
      expect([...new Set(doc!.turns.map((t) => t.speaker))]).toEqual(['Ms [PERSON 1]', 'Ms [PERSON 2]', 'Mr [PERSON 3]', 'Chair']);
      for (const t of doc!.turns) expect(text.slice(t.start, t.end).startsWith(`${t.speaker}:`)).toBe(true);
      expect(text).toContain('MS [PERSON 2] (affirmed)');
      expect(JSON.stringify(await snapshot(db))).not.toMatch(/nield|marsh|reese|okonjo|harcourt/i);
      expect(JSON.stringify(await exportBundle(db, pid))).not.toMatch(/nield|marsh|reese|okonjo|harcourt/i);
    });

    it('a transcript named after a person: the file name is a finding, and no title, pseudonym or import record keeps it', async () => {
      const { db, pid } = await freshProject('import-session');
      const s = session(db);
      const name = 'Interview_Priya_Harcourt_2024-03.txt';
      const bytes = new TextEncoder().encode('Interviewer: How were you kept informed?\nParticipant: Nobody rang me back.\n');
      expect((await ask(s, { type: 'add-file', projectId: pid, fileId: 'n', name, data: bytes })).type).toBe('file');
      expect((await ask(s, { type: 'read-transcript', fileId: 'n' })).type).toBe('transcript');
      const prepared = await ask(s, { type: 'prepare', projectId: pid, tables: [], transcripts: [{ fileId: 'n', notSpeakers: [] }], transcriptSource: { name: 'Interviews', kind: 'interview' }, allowList: [] });
      if (prepared.type !== 'review') throw new Error(JSON.stringify(prepared));
      expect(prepared.review.findings.filter((f) => f.where.endsWith('file name')).map((f) => f.match)).toEqual(['Priya_Harcourt']);
      const committed = await ask(s, { type: 'commit', projectId: pid, decisions: Object.fromEntries(prepared.review.findings.map((f) => [f.id, 'redact' as const])), by: 'Analyst' });
      if (committed.type !== 'committed') throw new Error(JSON.stringify(committed));
      const [doc] = await listDocuments(db, pid);
      expect(doc!.title).toMatch(/^Interview_.+_2024-03$/);
      expect(JSON.stringify(await snapshot(db))).not.toMatch(/priya|harcourt/i);
      expect(JSON.stringify(await exportBundle(db, pid))).not.toMatch(/priya|harcourt/i);
    });

    it('two transcripts with named speakers in one scan: the first one’s followers do not break the second’s review (every finding has its view)', async () => {
      const { db, pid } = await freshProject('import-session');
      const s = session(db);
      const t = (who: string) => new TextEncoder().encode(`Interviewer: How did the police respond?\n${who}: They came late.\nInterviewer: Anything else?\n${who}: Only the court date.\n`);
      for (const [id, who] of [['a', 'Morgan'], ['b', 'Riley']] as const) {
        expect((await ask(s, { type: 'add-file', projectId: pid, fileId: id, name: `${id}.txt`, data: t(who) })).type).toBe('file');
        expect((await ask(s, { type: 'read-transcript', fileId: id })).type).toBe('transcript');
      }
      const prepared = await ask(s, { type: 'prepare', projectId: pid, tables: [], transcripts: [{ fileId: 'a', notSpeakers: [] }, { fileId: 'b', notSpeakers: [] }], transcriptSource: { name: 'Interviews', kind: 'interview' }, allowList: [] });
      if (prepared.type !== 'review') throw new Error(JSON.stringify(prepared));
      expect(prepared.review.findings.every((f) => typeof f.id === 'string' && typeof f.where === 'string')).toBe(true);
      const decisions = Object.fromEntries(prepared.review.findings.map((f) => [f.id, 'pseudonymise' as const]));
      expect((await ask(s, { type: 'commit', projectId: pid, decisions, by: 'Analyst' })).type).toBe('committed');
      expect(await listDocuments(db, pid)).toHaveLength(2);
    });

    it('dataset documents can be coded, exported and deleted like any other', async () => {
      const { db, pid } = await freshProject('import-session');
      const s = session(db);
      const { review } = await prepareCsv(s, pid, new TextEncoder().encode(CSV));
      await ask(s, { type: 'commit', projectId: pid, decisions: Object.fromEntries(review.findings.map((f) => [f.id, 'redact' as const])), by: 'Analyst' });
      const doc = (await listDocuments(db, pid)).find((d) => d.title === 'R2 – Experience')!;
      const code = await createCode(db, { projectId: pid, parentId: null, name: 'Waiting' });
      const [coder] = await listCoders(db, pid);
      await addCoding(db, { projectId: pid, documentId: doc.id, codeId: code.id, coderId: coder!.id, start: 2, end: 8 });
      await expect(addCoding(db, { projectId: pid, documentId: doc.id, codeId: code.id, coderId: coder!.id, start: 0, end: doc.length + 1 })).rejects.toThrow(/runs past the end/);
      const bundle = await exportBundle(db, pid);
      expect(bundle.documents.find((d) => d.id === doc.id)?.text).toBe('I waited three weeks for a call back from 101.');
      expect(bundle.participants).toHaveLength(5);
      expect(bundle.codings).toHaveLength(1);
      expect((await listCodes(db, pid)).map((c) => c.name)).toContain('Waiting');
      await deleteProject(db, pid);
      expect(await db.datasetBlocks.count()).toBe(0);
      expect(await db.datasets.count()).toBe(0);
    });

    it('commits a streamed survey through a real AES-GCM codec (no premature commit), and reads it back', async () => {
      const { db, pid } = await freshProject('import-session');
      const s = session(db);
      const { review } = await prepareCsv(s, pid, new TextEncoder().encode(CSV));
      setCodec(await freshAesCodec());
      try {
        const r = await ask(s, { type: 'commit', projectId: pid, decisions: Object.fromEntries(review.findings.map((f) => [f.id, 'redact' as const])), by: 'Analyst' });
        if (r.type !== 'committed') throw new Error(JSON.stringify(r));
        const doc = (await listDocuments(db, pid)).find((d) => d.title === 'R2 – Experience')!;
        expect(await getDocumentText(db, doc.id)).toBe('I waited three weeks for a call back from 101.');
        // stored as ciphertext: no answer is readable in the store
        expect(await db.datasetBlocks.count()).toBe(1);
        expect(JSON.stringify(await db.datasetBlocks.toArray())).not.toContain('three weeks');
      } finally {
        setCodec(plainCodec);
      }
    });

    it('a file that changed between scan and commit fails and stores nothing (rows past the hold budget are read again)', async () => {
      const { db, pid } = await freshProject('import-session');
      // nothing held: the commit reads every row again and checks it against the scan
      const s = new ImportSession(async () => db, () => new Date('2026-11-27T10:00:00Z'), { chunkBytes: 16, chunkRows: 2, holdBytes: 0 });
      const bytes = new TextEncoder().encode(CSV);
      const { review } = await prepareCsv(s, pid, bytes);
      const before = await snapshot(db);
      // drop the last row's answers in place (same length, so only the content changes)
      const cut = CSV.lastIndexOf('\r\nR5');
      bytes.fill(0x20, cut + 2);
      const r = await ask(s, { type: 'commit', projectId: pid, decisions: Object.fromEntries(review.findings.map((f) => [f.id, 'redact' as const])), by: 'Analyst' });
      expect(r.type).toBe('error');
      expect(r.type === 'error' && r.message).toMatch(/changed since it was scanned/);
      expect(await snapshot(db)).toEqual(before);
    });

    it('a write failure part-way through the rows stores nothing', async () => {
      const { db, pid } = await freshProject('import-session');
      const s = session(db);
      // three blocks of answers: the second one's write fails, after the first was written
      const rows = Array.from({ length: 2500 }, (_, i) => `R${i},North,,"Answer number ${i}.","More ${i}."`);
      const { review } = await prepareCsv(s, pid, new TextEncoder().encode(['ID,Area,Contact,Experience,Improvements', ...rows].join('\n')));
      const before = await snapshot(db);
      let calls = 0;
      const fail = () => {
        if (++calls > 1) throw new Error('disk full');
      };
      db.datasetBlocks.hook('creating', fail);
      try {
        const r = await ask(s, { type: 'commit', projectId: pid, decisions: Object.fromEntries(review.findings.map((f) => [f.id, 'redact' as const])), by: 'Analyst' });
        expect(r.type === 'error' && r.message).toMatch(/disk full/);
      } finally {
        db.datasetBlocks.hook('creating').unsubscribe(fail);
      }
      expect(calls).toBe(2);
      expect(await snapshot(db)).toEqual(before);
    });

    it('a cancelled commit stores nothing', async () => {
      const { db, pid } = await freshProject('import-session');
      const s = session(db);
      const rows = Array.from({ length: 300 }, (_, i) => `R${i},North,,"Answer number ${i} about the officer.","More ${i}."`);
      const { review } = await prepareCsv(s, pid, new TextEncoder().encode(['ID,Area,Contact,Experience,Improvements', ...rows].join('\n')));
      const before = await snapshot(db);
      let cancelled = false;
      const r = await ask(s, { type: 'commit', projectId: pid, decisions: Object.fromEntries(review.findings.map((f) => [f.id, 'redact' as const])), by: 'Analyst' }, (p) => {
        if (p.type === 'progress' && !cancelled) {
          cancelled = true;
          void s.handle({ type: 'cancel' });
        }
      });
      expect(r.type).toBe('cancelled');
      expect(await snapshot(db)).toEqual(before);
    });

    it('notices a re-import of the same file by its checksum', async () => {
      const { db, pid } = await freshProject('import-session');
      const s = session(db);
      const bytes = new TextEncoder().encode(CSV);
      const { review } = await prepareCsv(s, pid, bytes);
      await ask(s, { type: 'commit', projectId: pid, decisions: Object.fromEntries(review.findings.map((f) => [f.id, 'redact' as const])), by: 'Analyst' });
      const s2 = session(db);
      const added = await ask(s2, { type: 'add-file', projectId: pid, fileId: 'x', name: 'copy.csv', data: bytes.slice() });
      // a CSV is checksummed while parse-table reads it, not by a read of its own
      expect(added.type === 'file' && added.info.previous).toEqual([]);
      const again = await ask(s2, { type: 'parse-table', fileId: 'x', settings: {} });
      expect(again.type === 'table' && again.info?.previous.map((p) => p.fileNames)).toEqual([['survey.csv']]);
      const other = await ask(s2, { type: 'add-file', projectId: pid, fileId: 'y', name: 'other.csv', data: new TextEncoder().encode(CSV + '\r\nR6,North,,"More",') });
      expect(other.type).toBe('file');
      const fresh2 = await ask(s2, { type: 'parse-table', fileId: 'y', settings: {} });
      expect(fresh2.type === 'table' && fresh2.info?.previous).toEqual([]);
    });

    it('scanning again with an allow-list reads the file again and drops the allowed findings', async () => {
      const { db, pid } = await freshProject('import-session');
      const s = session(db);
      const { review } = await prepareCsv(s, pid, new TextEncoder().encode(CSV));
      expect(review.findings.some((f) => f.match === 'Sarah Jones')).toBe(true);
      const again = await ask(s, { type: 'rescan', allowList: ['Sarah Jones'] });
      if (again.type !== 'review') throw new Error(JSON.stringify(again));
      expect(again.review.findings.some((f) => f.match === 'Sarah Jones')).toBe(false);
      expect(again.review.findings.length).toBe(review.findings.length - 1);
      const r = await ask(s, { type: 'commit', projectId: pid, decisions: Object.fromEntries(again.review.findings.map((f) => [f.id, 'redact' as const])), by: 'Analyst' });
      expect(r.type).toBe('committed');
      const texts = await Promise.all((await listDocuments(db, pid)).map((d) => getDocumentText(db, d.id)));
      expect(texts.join('\n')).toContain('PC Sarah Jones');
      expect(texts.join('\n')).not.toContain('07700');
    });

    it('thousands of unreadable values are listed briefly, counted exactly, and stop the commit', async () => {
      const { db, pid } = await freshProject('import-session');
      const s = session(db);
      const rows = Array.from({ length: 3000 }, (_, i) => `R${i},13/${(i % 12) + 1}/2024,"Answer ${i}."`);
      const bytes = new TextEncoder().encode(['ID,Contact date,Experience', ...rows].join('\n'));
      await ask(s, { type: 'add-file', projectId: pid, fileId: 'd', name: 'dates.csv', data: bytes });
      await ask(s, { type: 'parse-table', fileId: 'd', settings: {} });
      const datesMapping: TableMapping = { idColumn: 'ID', textColumns: ['Experience'], attributes: [{ column: 'Contact date', type: 'date' }], dateOrder: 'mdy', source: { name: 'Dates', kind: 'survey' } };
      const prepared = await ask(s, { type: 'prepare', projectId: pid, tables: [{ fileId: 'd', mapping: datesMapping }], transcripts: [], transcriptSource: { name: 'x', kind: 'interview' }, allowList: [] });
      if (prepared.type !== 'review') throw new Error(JSON.stringify(prepared));
      expect(prepared.review.errors.length).toBe(501);
      expect(prepared.review.errors[0]).toMatchObject({ file: 'dates.csv', row: 2, column: 'Contact date' });
      expect(prepared.review.errors.at(-1)!.message).toMatch(/and 2,500 more values/);
      const r = await ask(s, { type: 'commit', projectId: pid, decisions: {}, by: 'Analyst' });
      expect(r.type === 'error' && r.message).toMatch(/^3,000 value\(s\) cannot be read/);
    });

    it('a spreadsheet (a table already parsed) takes the same path', async () => {
      const { db, pid } = await freshProject('import-session');
      const s = session(db);
      const table = parseTable(new TextEncoder().encode(CSV), { fileName: 'survey.xlsx'.replace('xlsx', 'csv') });
      await ask(s, { type: 'add-file', projectId: pid, fileId: 'w', name: 'survey.xlsx', data: new Uint8Array([0x50, 0x4b, 3, 4]) });
      const set = await ask(s, { type: 'set-table', fileId: 'w', table });
      expect(set.type === 'table' && set.table.rowCount).toBe(5);
      const prepared = await ask(s, { type: 'prepare', projectId: pid, tables: [{ fileId: 'w', mapping }], transcripts: [], transcriptSource: { name: 'x', kind: 'interview' }, allowList: ['Dave Smith'] });
      if (prepared.type !== 'review') throw new Error(JSON.stringify(prepared));
      expect(prepared.review.findings.some((f) => f.match === 'Dave Smith')).toBe(false);
      const r = await ask(s, { type: 'commit', projectId: pid, decisions: {}, by: 'Analyst' });
      expect(r.type).toBe('committed');
      expect((await listDocuments(db, pid)).length).toBe(prepared.review.documents);
    });
  });
});
