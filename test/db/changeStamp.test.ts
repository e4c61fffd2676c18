import { describe, expect, it } from 'vitest';
import { addCoding, importBundle, openChorusDb, projectChangeStamp, removeCoding, undo, updateCode } from '../../renderer/db';
import { smallBundle } from './fixtures';

describe('project change stamp (the grid’s cheap live signal)', () => {
  it('moves with every coding change, undo and codebook edit, and counts the project’s other rows', async () => {
    const db = await openChorusDb('change-stamp-1');
    const b = smallBundle(31);
    const other = smallBundle(32);
    await importBundle(db, b);
    await importBundle(db, other);
    const pid = b.project.id;
    const s0 = await projectChangeStamp(db, pid);
    // codings: the newest change to any coding (the coding journal's newest entry), never a count
    expect(s0).toEqual({ documents: b.documents.length, participants: b.participants.length, datasets: 0, codes: b.codes.length, codings: s0.codings, lastStep: 0, undone: 0, retractions: 0 });
    expect(s0.codings).toBeGreaterThan(0); // the two imports wrote codings
    const doc = b.documents[1]!;
    const c = await addCoding(db, { projectId: pid, documentId: doc.id, codeId: b.codes[0]!.id, start: 0, end: 3, coderId: b.coders[0]!.id });
    const s1 = await projectChangeStamp(db, pid);
    expect(s1.codings).toBeGreaterThan(s0.codings);
    await removeCoding(db, c.id);
    const s2 = await projectChangeStamp(db, pid);
    expect(s2.codings).toBeGreaterThan(s1.codings); // the same codings as at s0, but a later change
    expect(s2).not.toEqual(s0);
    await undo(db, pid);
    const s3 = await projectChangeStamp(db, pid);
    expect(s3.undone).toBe(1);
    await updateCode(db, b.codes[0]!.id, { name: 'Renamed' });
    expect(await projectChangeStamp(db, pid)).not.toEqual(s3);
    // The other project is untouched.
    expect((await projectChangeStamp(db, other.project.id)).lastStep).toBe(0);
  });
});
