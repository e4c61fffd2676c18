/** updateProjectSettings: the disclosure threshold changes as one undoable, audited step; bad values are refused with nothing written. */
import { describe, expect, it } from 'vitest';
import { execute, openChorusDb } from '../../renderer/db';
import { smallBundle } from './fixtures';

let n = 0;
async function seeded() {
  const db = await openChorusDb(`project-settings-${++n}`);
  const b = smallBundle(900 + n);
  await execute(db, b.project.id, { type: 'importProject', bundle: b });
  return { db, pid: b.project.id, before: b.project.settings.disclosureThreshold };
}

describe('updateProjectSettings', () => {
  it('sets the threshold, is undoable, and audits the number only', async () => {
    const { db, pid, before } = await seeded();
    const r = await execute(db, pid, { type: 'updateProjectSettings', disclosureThreshold: 5 });
    expect(r.result.disclosureThreshold).toBe(5);
    expect((await db.projects.get(pid))!.settings.disclosureThreshold).toBe(5);
    expect(r.step).not.toBeNull();
    expect((await db.history.where('projectId').equals(pid).toArray()).map((h) => h.label)).toContain('Set the disclosure threshold to 5');
    const audit = (await db.audit.where('projectId').equals(pid).toArray()).find((a) => a.action === 'project.settings')!;
    expect(audit.counts).toEqual({ disclosureThreshold: 5 });
    await execute(db, pid, { type: 'undo' });
    expect((await db.projects.get(pid))!.settings.disclosureThreshold).toBe(before);
  });

  it.each([-1, 2.5, 1001, Number.NaN])('refuses %s and writes nothing', async (t) => {
    const { db, pid, before } = await seeded();
    await expect(execute(db, pid, { type: 'updateProjectSettings', disclosureThreshold: t })).rejects.toThrow(/whole number from 0 to 1,000/);
    expect((await db.projects.get(pid))!.settings.disclosureThreshold).toBe(before);
  });
});
