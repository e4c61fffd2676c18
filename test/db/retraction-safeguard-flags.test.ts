/**
 * The purge (retraction confirm, deletion at the end of retention) takes the safeguarding flags of
 * the purged documents with it — they hold document ids and offsets into the removed text — in the
 * same transaction, and scrubs them from the undo history; flags on documents that stay are kept.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { confirmRetraction, deleteForRetention, execute, listSafeguardFlags, openChorusDb, plainCodec, setCodec } from '../../renderer/db';
import { detectSafeguarding } from '../../shared/safeguarding/detect';
import { proposalsFor } from '../../shared/safeguarding/flags';
import { smallBundle } from './fixtures';
import { RANDOM_KEY_CODECS } from './aes-codec';

const DISCLOSURE = 'The officer was kind. He is still coming to my house every night and I want to die.';

let n = 0;
async function seeded() {
  const db = await openChorusDb(`retraction-flags-${++n}`);
  const b = smallBundle(900 + n);
  b.documents = b.documents.map((d) => ({ ...d, text: DISCLOSURE, length: DISCLOSURE.length }));
  b.codings = [];
  const pid = b.project.id;
  await execute(db, pid, { type: 'importProject', bundle: b });
  const [keep, gone] = [b.documents[0]!.id, b.documents[1]!.id];
  const proposals = [keep, gone].flatMap((id) => proposalsFor(id, detectSafeguarding(DISCLOSURE)));
  await execute(db, pid, { type: 'flagDisclosures', origin: 'import', flags: proposals });
  const flags = await listSafeguardFlags(db, pid);
  // a review of a flag on the purged document: an undo-history entry holding its id and offsets
  const goneFlag = flags.find((f) => f.documentId === gone)!;
  await execute(db, pid, { type: 'reviewSafeguardFlag', flagId: goneFlag.id, outcome: 'reviewed-referred', reviewedBy: 'Alex' });
  return { db, pid, keep, gone, sourceId: b.sources[0]!.id, goneFlagId: goneFlag.id };
}

afterEach(() => setCodec(plainCodec));

describe.each(RANDOM_KEY_CODECS)('the purge removes safeguarding flags (%s)', (_name, codec) => {
  it('confirming a document retraction deletes that document’s flags (and their history), and keeps the others', async () => {
    setCodec(await codec());
    const { db, pid, keep, gone, goneFlagId } = await seeded();
    const before = await listSafeguardFlags(db, pid);
    expect(before.filter((f) => f.documentId === gone).length).toBeGreaterThan(0);
    expect(before.filter((f) => f.documentId === keep).length).toBeGreaterThan(0);
    const historyHeld = JSON.stringify(await db.history.where('projectId').equals(pid).toArray()).includes(goneFlagId);
    expect(historyHeld).toBe(true);

    const r = (await execute(db, pid, { type: 'retract', target: { kind: 'document', id: gone }, reason: 'participant request', by: 'Alex' })).result;
    await confirmRetraction(db, pid, r.id, { now: '2026-06-02T09:00:00.000Z' });

    const after = await db.safeguardFlags.toArray();
    expect(after.filter((f) => f.documentId === gone)).toEqual([]);
    expect(after.map((f) => f.id).sort()).toEqual(before.filter((f) => f.documentId === keep).map((f) => f.id).sort());
    expect(JSON.stringify(await db.history.where('projectId').equals(pid).toArray())).not.toContain(goneFlagId);
    // nothing brings the flag back
    for (let i = 0; i < 10; i++) await execute(db, pid, { type: 'undo' }).catch(() => undefined);
    expect((await db.safeguardFlags.toArray()).some((f) => f.documentId === gone)).toBe(false);
    db.close();
  });

  it('deletion at the end of retention deletes the flags of every document of the source', async () => {
    setCodec(await codec());
    const { db, pid, sourceId } = await seeded();
    expect((await listSafeguardFlags(db, pid)).length).toBeGreaterThan(1);
    await deleteForRetention(db, pid, sourceId, 'Alex', { now: '2026-06-02T09:00:00.000Z' });
    expect(await db.safeguardFlags.toArray()).toEqual([]);
    db.close();
  });
});
