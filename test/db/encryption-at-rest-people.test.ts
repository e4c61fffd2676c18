/**
 * Encryption at rest reaches the people in a project, not only their words: planted values in a
 * survey CSV's record ids, participant pseudonyms, participant-level and response-level attribute
 * values, and in a stored participant's pseudonym and attribute value (a project bundle), are
 * absent from every row of every table once a passphrase is set; every read (participants,
 * documents, the survey grid, exportBundle) gives back exactly what it gave before; a passphrase
 * change and its removal keep them; locking hides them again; a retraction in the encrypted
 * project blanks the retracted participant's values and leaves the others readable.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  confirmRetraction, executeSetPassphrase, exportBundle, importBundle, listDocuments, listParticipants, listSurveyParts, lockAll, openChorusDb,
  unlockProject, type ChorusDb,
} from '../../renderer/db';
import { execute } from '../../renderer/db/execute';
import { importThroughSession } from './session-import';
import { buildGrid, gridRows } from '../../shared/grid/rows';
import type { TableMapping } from '../../shared/import/mapping';
import { smallBundle } from './fixtures';
import { mergeDelta } from '../../shared/exchange/merge-delta';
import { storedStrings } from './test-store';
import { openPlainRecord } from '../../renderer/db/dataset-seal';

const KDF = { memoryKiB: 256, iterations: 1 };
const PASS = 'heron quarry teaspoon';
/** Made-up words no import, redaction or id can produce by chance. */
const PLANT = { recordId: 'Tarnbrookid', pseudonym: 'Gullwickper', area: 'Ravensholtarea', channel: 'Quillonchan', storedPseudonym: 'Wrenfallowps', storedAttr: 'Saltmarrowat' } as const;

// 30 rows, 10 participants (3 rows each): Area is the same on a participant's rows (participant level),
// Channel differs between them (response level).
const CSV = [
  'ID,Person,Area,Channel,Experience',
  ...Array.from({ length: 30 }, (_, i) => {
    const p = Math.floor(i / 3);
    return `${PLANT.recordId}${i + 1},${PLANT.pseudonym}${p},${p % 2 ? 'North' : `${PLANT.area}${p}`},${i % 3 === 0 ? `${PLANT.channel}${i}` : 'Web'},"I waited ${i + 1} days for a call."`;
  }),
].join('\r\n');
const mapping: TableMapping = {
  idColumn: 'ID',
  participantColumn: 'Person',
  textColumns: ['Experience'],
  attributes: [
    { column: 'Area', type: 'category' },
    { column: 'Channel', type: 'category' },
  ],
  dateOrder: 'dmy',
  source: { name: 'Survey', kind: 'survey' },
};
const TRANSCRIPT = 'Interviewer: How were you kept informed?\nParticipant: Nobody rang me back for a fortnight.\n';

let n = 0;
async function seeded(): Promise<{ db: ChorusDb; pid: string }> {
  const db = await openChorusDb(`at-rest-people-${++n}`);
  const b = smallBundle(n + 700);
  const v = b.variables[0]!.id;
  b.participants[0]!.pseudonym = PLANT.storedPseudonym;
  b.participants[0]!.attributes = { [v]: PLANT.storedAttr };
  await importBundle(db, b);
  const pid = b.project.id;
  await importThroughSession(db, pid, { csv: CSV, mapping, transcript: TRANSCRIPT, chunkRows: 8 });
  return { db, pid };
}

/** Occurrences of each planted value per table. */
async function occurrences(db: ChorusDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of db.tables) {
    const parts: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') parts.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object' && !ArrayBuffer.isView(v)) for (const [k, x] of Object.entries(v)) (parts.push(k), walk(x));
    };
    walk(await t.toArray());
    const all = parts.join('\n');
    for (const p of Object.values(PLANT)) {
      const k = all.split(p).length - 1;
      if (k) out[`${t.name}:${p}`] = k;
    }
  }
  return out;
}

/** What the app reads about people: participants, documents, the survey grid, and the export. */
async function reads(db: ChorusDb, pid: string) {
  const parts = await listSurveyParts(db, pid);
  const grid = buildGrid(parts);
  const bundle = await exportBundle(db, pid);
  return {
    participants: await listParticipants(db, pid),
    documents: await listDocuments(db, pid),
    grid: { rows: gridRows(grid), attributes: grid.attributes },
    participantsOfParts: parts.participants,
    bundle: { participants: bundle.participants, documents: bundle.documents, variables: bundle.variables },
  };
}

afterEach(() => lockAll());

describe('encryption at rest: record ids, pseudonyms and attribute values', () => {
  it('the planted values are stored in clear in a plain project (the scan finds every kind)', async () => {
    const { db, pid } = await seeded();
    const all = await storedStrings(db);
    for (const v of Object.values(PLANT)) expect(all, v).toContain(v);
    const [ds] = await db.datasets.where('projectId').equals(pid).toArray();
    // (stored as clear JSON pieces, the record's own fields empty)
    expect(ds!.sealed).toBeUndefined();
    expect(ds!.pieces!.every((p) => p.stored.v === 0)).toBe(true);
    expect(ds!.recordIds).toEqual([]);
    const opened = openPlainRecord(ds!);
    expect(Object.keys(opened.responseAttributes ?? {})).toHaveLength(1); // Channel is response-level
    expect(opened.participants.pseudonyms).toHaveLength(10);
    expect(opened.recordIds).toHaveLength(30);
  });

  it('after setting a passphrase no table holds any of them, and every read gives the same values', async () => {
    const { db, pid } = await seeded();
    const before = await reads(db, pid);
    // the reads really carry the planted values
    expect(JSON.stringify(before)).toContain(PLANT.recordId);
    for (const v of Object.values(PLANT)) expect(JSON.stringify(before.bundle).includes(v) || JSON.stringify(before.grid).includes(v), v).toBe(true);
    expect(before.participants.map((p) => p.pseudonym)).toEqual(expect.arrayContaining([PLANT.storedPseudonym, `${PLANT.pseudonym}0`, 'session-notes']));

    await executeSetPassphrase(db, pid, PASS, { kdf: KDF });
    expect(await occurrences(db)).toEqual({});
    const [ds] = await db.datasets.where('projectId').equals(pid).toArray();
    expect(ds!.pieces!.length).toBeGreaterThan(0);
    expect(ds!.pieces!.every((p) => p.stored.v === 1)).toBe(true);
    expect(ds!.recordIds).toEqual([]);
    expect((await db.participants.where('projectId').equals(pid).toArray()).every((p) => p.sealed?.v === 1 && p.pseudonym === '' && Object.keys(p.attributes).length === 0)).toBe(true);
    expect(await reads(db, pid)).toEqual(before);

    // a fresh window (nothing cached): unlock and read again
    lockAll();
    await expect(listParticipants(db, pid)).rejects.toThrow(/encrypted and no key/);
    await expect(exportBundle(db, pid)).rejects.toThrow(/encrypted and no key/);
    await unlockProject(db, pid, PASS);
    expect(await reads(db, pid)).toEqual(before);
    const other = await openChorusDb(db.name); // another connection: its own (empty) caches
    expect(await reads(other, pid)).toEqual(before);
    other.close();
  });

  it('a change of passphrase re-seals them; removing it stores them in clear again; reads never change', async () => {
    const { db, pid } = await seeded();
    const before = await reads(db, pid);
    await executeSetPassphrase(db, pid, PASS, { kdf: KDF });
    const stored = async () => (await db.datasets.where('projectId').equals(pid).first())!.pieces!.map((p) => p.stored);
    const first = await stored();
    await executeSetPassphrase(db, pid, 'another passphrase entirely', { kdf: KDF });
    const second = await stored();
    expect(second.every((s) => s.v === 1)).toBe(true);
    expect(second).not.toEqual(first);
    expect(await occurrences(db)).toEqual({});
    expect(await reads(db, pid)).toEqual(before);
    await executeSetPassphrase(db, pid, null);
    const all = await storedStrings(db);
    for (const v of Object.values(PLANT)) expect(all, v).toContain(v);
    expect((await stored()).every((s) => s.v === 0)).toBe(true);
    expect(await reads(db, pid)).toEqual(before);
  });

  it('survey imports and transcripts into an already encrypted project are sealed as they are written', async () => {
    const db = await openChorusDb(`at-rest-people-${++n}`);
    const b = smallBundle(n + 700);
    await importBundle(db, b);
    const pid = b.project.id;
    await executeSetPassphrase(db, pid, PASS, { kdf: KDF });
    await importThroughSession(db, pid, { csv: CSV, mapping, transcript: TRANSCRIPT, chunkRows: 8 });
    expect(Object.keys(await occurrences(db)).filter((k) => !k.includes(PLANT.storedPseudonym) && !k.includes(PLANT.storedAttr))).toEqual([]);
    const transcriptPerson = (await db.participants.where('projectId').equals(pid).toArray()).find((p) => p.sourceId !== b.sources[0]!.id);
    expect(transcriptPerson?.sealed?.v).toBe(1);
    const people = await listParticipants(db, pid);
    expect(people.map((p) => p.pseudonym)).toEqual(expect.arrayContaining(['session-notes', `${PLANT.pseudonym}9`]));
    const grid = buildGrid(await listSurveyParts(db, pid));
    expect(gridRows(grid).filter((r) => r.recordId.startsWith(PLANT.recordId))).toHaveLength(30);
  });

  it('a retraction in an encrypted project blanks the participant in the sealed table and keeps the others', async () => {
    const { db, pid } = await seeded();
    await executeSetPassphrase(db, pid, PASS, { kdf: KDF });
    const target = (await listParticipants(db, pid)).find((p) => p.pseudonym === `${PLANT.pseudonym}3`)!;
    const { result: record } = await execute(db, pid, { type: 'retract', target: { kind: 'participant', id: target.id }, reason: 'consent withdrawn', by: 'A' });
    await confirmRetraction(db, pid, record.id);
    expect(await occurrences(db)).toEqual({});
    const after = await listParticipants(db, pid);
    expect(after.some((p) => p.pseudonym === `${PLANT.pseudonym}3`)).toBe(false);
    expect(after.some((p) => p.pseudonym === `${PLANT.pseudonym}4`)).toBe(true);
    await executeSetPassphrase(db, pid, null);
    const all = await storedStrings(db);
    expect(all).not.toContain(`${PLANT.pseudonym}3`);
    // (a record id is a string of its own or, in a survey table's stored pieces, a JSON string)
    const whole = (id: number) => new RegExp(`(^|\n|")${PLANT.recordId}${id}(\n|"|$)`);
    for (const id of [10, 11, 12]) expect(all).not.toMatch(whole(id)); // its three rows
    expect(all).toMatch(whole(13));
    expect(all).toContain(`${PLANT.pseudonym}4`);
  });

  it('participants merged into an encrypted project are sealed, in the store and in the undo step', async () => {
    const { db, pid } = await seeded();
    await executeSetPassphrase(db, pid, PASS, { kdf: KDF });
    const before = await exportBundle(db, pid);
    const v = before.variables[0]!.id;
    const added = { id: '0b6f1c9e-2d7a-4f3e-9a61-5c2d8e7f1a34', projectId: pid, sourceId: before.sources[0]!.id, pseudonym: 'Mergeling', attributes: { [v]: 'Fernachre' } };
    await execute(db, pid, { type: 'mergeProject', delta: mergeDelta(before, { ...before, participants: [...before.participants, added] }), label: 'Merge other.qdpx' });
    const all = await storedStrings(db);
    expect(all).not.toContain('Mergeling');
    expect(all).not.toContain('Fernachre');
    expect((await listParticipants(db, pid)).find((p) => p.id === added.id)).toEqual(added);
    await execute(db, pid, { type: 'undo' });
    expect((await listParticipants(db, pid)).some((p) => p.id === added.id)).toBe(false);
  });

  it('a merge made before the passphrase: its undo step is re-sealed with the rest, and Undo/Redo still give the same participant', async () => {
    const { db, pid } = await seeded();
    const before = await exportBundle(db, pid);
    const v = before.variables[0]!.id;
    const added = { id: '5e1a7c3b-8d2f-4b6a-9c0e-1f2a3b4c5d6e', projectId: pid, sourceId: before.sources[0]!.id, pseudonym: 'Earlymergel', attributes: { [v]: 'Bracklefen' } };
    await execute(db, pid, { type: 'mergeProject', delta: mergeDelta(before, { ...before, participants: [...before.participants, added] }), label: 'Merge other.qdpx' });
    expect(await storedStrings(db)).toContain('Bracklefen');
    await executeSetPassphrase(db, pid, PASS, { kdf: KDF });
    const all = await storedStrings(db);
    expect(all).not.toContain('Earlymergel');
    expect(all).not.toContain('Bracklefen');
    await execute(db, pid, { type: 'undo' });
    expect((await listParticipants(db, pid)).some((p) => p.id === added.id)).toBe(false);
    await execute(db, pid, { type: 'redo' });
    expect((await listParticipants(db, pid)).find((p) => p.id === added.id)).toEqual(added);
    expect(await storedStrings(db)).not.toContain('Bracklefen');
  });
});
