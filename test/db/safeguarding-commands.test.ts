/**
 * Safeguarding commands through the Dexie executor (plain and AES-GCM codecs) and the in-memory
 * one: flags are added once (never twice for the same passage), flagging is not undoable, a review
 * is one undoable step with the reviewer's name, flags hold ids and offsets only, and refused
 * commands change nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { execute, listSafeguardFlags, countOpenSafeguardFlags, openChorusDb, plainCodec, setCodec } from '../../renderer/db';
import { MemoryProject } from '../../shared/commands/memory';
import { seededGuids } from '../../shared/model';
import { detectSafeguarding } from '../../shared/safeguarding/detect';
import { proposalsFor, type FlagProposal } from '../../shared/safeguarding/flags';
import { smallBundle } from './fixtures';
import { RANDOM_KEY_CODECS } from './aes-codec';
import { snapshot } from './test-store';

const DISCLOSURE = 'The officer was kind. He is still coming to my house every night and I want to die.';

function bundleWithDisclosure(seed: number) {
  const b = smallBundle(seed);
  const d = b.documents[1]!;
  b.documents[1] = { ...d, text: DISCLOSURE, length: DISCLOSURE.length };
  b.codings = b.codings.filter((c) => c.documentId !== d.id);
  return b;
}

let n = 0;
async function seeded() {
  const db = await openChorusDb(`safeguarding-${++n}`);
  const b = bundleWithDisclosure(700 + n);
  await execute(db, b.project.id, { type: 'importProject', bundle: b });
  return { db, b, pid: b.project.id, docId: b.documents[1]!.id };
}

afterEach(() => setCodec(plainCodec));

describe.each(RANDOM_KEY_CODECS)('safeguarding commands with the %s', (_name, codec) => {
  it('flagDisclosures adds each passage once, not undoable, audited with ids and counts only', async () => {
    setCodec(await codec());
    const { db, pid, docId } = await seeded();
    const proposals = proposalsFor(docId, detectSafeguarding(DISCLOSURE));
    expect(proposals.map((p) => p.category).sort()).toEqual(['ongoing-abuse', 'self-harm']);
    const first = await execute(db, pid, { type: 'flagDisclosures', origin: 'import', flags: proposals }, { actor: 'Alex' });
    expect(first.step).toBeNull();
    expect(first.result.added).toHaveLength(2);
    // the same passages again (viewed while coding): nothing new, no audit entry
    const again = await execute(db, pid, { type: 'flagDisclosures', origin: 'coding', flags: [...proposals, ...proposals] });
    expect(again.result.added).toEqual([]);
    const flags = await listSafeguardFlags(db, pid);
    expect(flags).toHaveLength(2);
    expect(await countOpenSafeguardFlags(db, pid)).toBe(2);
    for (const f of flags) {
      expect(f).toMatchObject({ documentId: docId, status: 'open', origin: 'import', reviewedBy: null, reviewedAt: null });
      // ids and offsets only: no field holds the passage's words
      expect(Object.values(f).some((v) => typeof v === 'string' && (v.includes('coming to my house') || v.includes('I want to die')))).toBe(false);
      expect(DISCLOSURE.slice(f.start, f.end)).toBe('He is still coming to my house every night and I want to die.');
    }
    const audit = await db.audit.where('projectId').equals(pid).filter((a) => a.action === 'safeguard.flag').toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ ids: [docId], counts: { flags: 2 } });
    expect(JSON.stringify(audit)).not.toContain('coming');
    expect(await db.history.where('projectId').equals(pid).count()).toBe(0);
  });

  it('reviewSafeguardFlag records outcome, reviewer and time as one undoable step', async () => {
    setCodec(await codec());
    const { db, pid, docId } = await seeded();
    const { result } = await execute(db, pid, { type: 'flagDisclosures', origin: 'coding', flags: proposalsFor(docId, detectSafeguarding(DISCLOSURE)) });
    const flag = result.added[0]!;
    const done = await execute(db, pid, { type: 'reviewSafeguardFlag', flagId: flag.id, outcome: 'reviewed-referred', reviewedBy: ' Sam Patel ' }, { now: '2026-12-03T08:00:00.000Z' });
    expect(done.step).not.toBeNull();
    expect(await db.safeguardFlags.get(flag.id)).toMatchObject({ status: 'reviewed-referred', reviewedBy: 'Sam Patel', reviewedAt: '2026-12-03T08:00:00.000Z' });
    expect(await countOpenSafeguardFlags(db, pid)).toBe(1);
    await execute(db, pid, { type: 'undo' });
    expect(await db.safeguardFlags.get(flag.id)).toEqual(flag);
    await execute(db, pid, { type: 'redo' });
    expect((await db.safeguardFlags.get(flag.id))?.status).toBe('reviewed-referred');
  });

  it('refuses a flag on a document of no project, past a document’s end, a review of no flag or with no name — changing nothing', async () => {
    setCodec(await codec());
    const { db, pid, docId } = await seeded();
    const [p] = proposalsFor(docId, detectSafeguarding(DISCLOSURE));
    const { result } = await execute(db, pid, { type: 'flagDisclosures', origin: 'coding', flags: [p!] });
    const before = await snapshot(db);
    const stranger: FlagProposal = { ...p!, documentId: seededGuids(9)() };
    await expect(execute(db, pid, { type: 'flagDisclosures', origin: 'coding', flags: [{ ...p!, start: 0, end: 1, category: 'self-harm' }, stranger] })).rejects.toThrow(/not in this project/);
    await expect(execute(db, pid, { type: 'flagDisclosures', origin: 'coding', flags: [{ ...p!, end: DISCLOSURE.length + 5 }] })).rejects.toThrow(/past the end/);
    await expect(execute(db, pid, { type: 'reviewSafeguardFlag', flagId: seededGuids(10)(), outcome: 'reviewed-no-action', reviewedBy: 'Sam' })).rejects.toThrow(/No such safeguarding flag/);
    await expect(execute(db, pid, { type: 'reviewSafeguardFlag', flagId: result.added[0]!.id, outcome: 'reviewed-no-action', reviewedBy: '  ' })).rejects.toThrow(/reviewer/);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('both executors agree on safeguarding commands', () => {
  it('flag, review, undo and redo leave the same flags, history labels and audit', async () => {
    const b = bundleWithDisclosure(900);
    const pid = b.project.id;
    const docId = b.documents[1]!.id;
    const db = await openChorusDb('safeguarding-executors');
    const opts = () => ({ newId: seededGuids(4242), now: '2026-12-03T08:00:00.000Z', actor: 'Alex' });
    await execute(db, pid, { type: 'importProject', bundle: b }, opts());
    const idsA = seededGuids(77);
    const idsB = seededGuids(77);
    const m = MemoryProject.fromBundle(b);
    const proposals = proposalsFor(docId, detectSafeguarding(DISCLOSURE));
    const flagA = await execute(db, pid, { type: 'flagDisclosures', origin: 'import', flags: proposals }, { ...opts(), newId: idsA });
    const flagB = m.execute({ type: 'flagDisclosures', origin: 'import', flags: proposals }, { ...opts(), newId: idsB });
    expect(flagA.result).toEqual(flagB.result);
    const review = { type: 'reviewSafeguardFlag' as const, flagId: flagA.result.added[1]!.id, outcome: 'reviewed-no-action' as const, reviewedBy: 'Alex' };
    await execute(db, pid, review, { ...opts(), newId: idsA });
    m.execute(review, { ...opts(), newId: idsB });
    for (const cmd of [{ type: 'undo' as const }, { type: 'redo' as const }]) {
      await execute(db, pid, cmd, { ...opts(), newId: idsA });
      m.execute(cmd, { ...opts(), newId: idsB });
    }
    const sort = <T extends { id: string }>(xs: T[]) => [...xs].sort((x, y) => x.id.localeCompare(y.id));
    expect(sort(await db.safeguardFlags.where('projectId').equals(pid).toArray())).toEqual(m.rows('safeguardFlags'));
    expect((await db.history.where('projectId').equals(pid).toArray()).map((h) => [h.label, h.undone])).toEqual(m.history.map((h) => [h.label, h.undone]));
    const audit = (xs: { action: string; ids: string[]; counts?: unknown }[]) => xs.map((a) => [a.action, a.ids, a.counts]);
    expect(audit(await db.audit.where('projectId').equals(pid).filter((a) => a.action.startsWith('safeguard')).toArray())).toEqual(audit(m.audit.filter((a) => a.action.startsWith('safeguard'))));
  });
});
