// Assignments and decisions hold no text, so these tests run on the plain codec: importBundle and
// exportBundle still encode/decode inside their transactions, which the AES codec refuses (reported).
import { describe, expect, it } from 'vitest';
import {
  createCoder,
  exportBundle,
  importBundle,
  listAssignments,
  listDecisions,
  openChorusDb,
  resolveDisagreement,
  setAssignment,
  undo,
} from '../../renderer/db';
import { smallBundle } from './fixtures';


let n = 0;
async function seeded() {
  const db = await openChorusDb(`reliability-${++n}`);
  const b = smallBundle(n + 300);
  await importBundle(db, b);
  const other = await createCoder(db, { projectId: b.project.id, name: 'Second coder' });
  return { db, b, pid: b.project.id, first: b.coders[0]!.id, second: other.id };
}

describe('setAssignment', () => {
  it('assigns a source or a document to a coder once, withdraws it, and each step can be undone', async () => {
    const { db, b, pid, second } = await seeded();
    await setAssignment(db, { projectId: pid, coderId: second, scope: 'source', targetId: b.sources[0]!.id, assigned: true });
    await setAssignment(db, { projectId: pid, coderId: second, scope: 'source', targetId: b.sources[0]!.id, assigned: true });
    await setAssignment(db, { projectId: pid, coderId: second, scope: 'document', targetId: b.documents[1]!.id, assigned: true });
    expect((await listAssignments(db, pid)).map((a) => [a.coderId, a.scope, a.targetId]).sort()).toEqual(
      [[second, 'document', b.documents[1]!.id], [second, 'source', b.sources[0]!.id]].sort(),
    );
    await setAssignment(db, { projectId: pid, coderId: second, scope: 'source', targetId: b.sources[0]!.id, assigned: false });
    expect(await listAssignments(db, pid)).toHaveLength(1);
    expect(await undo(db, pid)).toBe('Unassign source');
    expect(await listAssignments(db, pid)).toHaveLength(2);
    // exported with the project (and so written to the .qdpx sidecar)
    expect((await exportBundle(db, pid)).assignments).toHaveLength(2);
  });

  it('refuses an unknown coder or target and writes nothing', async () => {
    const { db, b, pid, second } = await seeded();
    await expect(setAssignment(db, { projectId: pid, coderId: b.documents[0]!.id, scope: 'source', targetId: b.sources[0]!.id, assigned: true })).rejects.toThrow(/No such coder/);
    await expect(setAssignment(db, { projectId: pid, coderId: second, scope: 'document', targetId: b.sources[0]!.id, assigned: true })).rejects.toThrow(/No such document/);
    expect(await listAssignments(db, pid)).toEqual([]);
  });
});

describe('resolveDisagreement', () => {
  it('records a decision by the deciding coder, adds no coding under anyone’s name, replaces an earlier decision on the same span, and undoes', async () => {
    const { db, b, pid, first, second } = await seeded();
    const codingsBefore = await db.codings.where('projectId').equals(pid).toArray();
    const span = { projectId: pid, documentId: b.documents[0]!.id, codeId: b.codes[0]!.id, start: 0, end: 11 };
    const d1 = await resolveDisagreement(db, { ...span, decision: 'apply', decidedBy: second });
    expect(d1).toMatchObject({ ...span, decision: 'apply', decidedBy: second });
    expect(await db.codings.where('projectId').equals(pid).toArray()).toEqual(codingsBefore);
    const d2 = await resolveDisagreement(db, { ...span, decision: 'remove', decidedBy: first });
    const all = await listDecisions(db, pid);
    expect(all.map((d) => [d.id, d.decision, d.decidedBy])).toEqual([[d2.id, 'remove', first]]);
    await undo(db, pid);
    expect((await listDecisions(db, pid)).map((d) => d.id)).toEqual([d1.id]);
    expect(((await exportBundle(db, pid)).decisions ?? []).map((d) => d.id)).toEqual([d1.id]);
    const audit = await db.audit.where('projectId').equals(pid).filter((a) => a.action === 'consensus.decide').toArray();
    expect(audit.map((a) => a.ids[3]).sort()).toEqual([first, second].sort());
  });

  it('refuses a span past the end, an unknown code or a coder from no project, writing nothing', async () => {
    const { db, b, pid, first } = await seeded();
    const span = { projectId: pid, documentId: b.documents[0]!.id, codeId: b.codes[0]!.id, decision: 'apply' as const, decidedBy: first };
    await expect(resolveDisagreement(db, { ...span, start: 0, end: 10_000 })).rejects.toThrow(/runs past the end/);
    await expect(resolveDisagreement(db, { ...span, start: 3, end: 3 })).rejects.toThrow(/0 ≤ start < end/);
    await expect(resolveDisagreement(db, { ...span, codeId: b.documents[1]!.id, start: 0, end: 2 })).rejects.toThrow(/No such code/);
    await expect(resolveDisagreement(db, { ...span, decidedBy: b.sources[0]!.id, start: 0, end: 2 })).rejects.toThrow(/No such coder/);
    expect(await listDecisions(db, pid)).toEqual([]);
  });
});
