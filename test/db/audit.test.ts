/**
 * The audit log (issue 12, item 5): every import, redaction, deletion, export, merge and coder
 * change leaves one entry naming the coder at the keyboard, with ids and counts and never content
 * (a planted-token scan of every audit row); the log is append-only, except that deleting a whole
 * project removes its log and leaves one content-free `project.delete` entry.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  AuditLogError,
  commitImport,
  deletedProjectLog,
  deleteProject,
  execute,
  exportBundle,
  importBundle,
  listAudit,
  openChorusDb,
  plainCodec,
  setCodec,
  setSetting,
  type ChorusDb,
} from '../../renderer/db';
import { mergeProjects } from '../../shared/exchange/merge';
import { mergeDelta } from '../../shared/exchange/merge-delta';
import { newGuid, seededGuids, type AuditEvent, type ProjectBundle } from '../../shared/model';
import type { Command } from '../../shared/commands';
import { smallBundle } from './fixtures';
import { freshAesCodec } from './aes-codec';

/** A value planted in every piece of content: it must never reach an audit row (but its actor). */
const PLANT = 'Zqxplanted';

/** The small bundle with the planted token in every name and text. */
function plantedBundle(seed: number): ProjectBundle {
  const b = smallBundle(seed);
  return {
    ...b,
    project: { ...b.project, name: `${PLANT} project` },
    coders: b.coders.map((c) => ({ ...c, name: `Alex ${PLANT}` })),
    sources: b.sources.map((s) => ({ ...s, name: `${PLANT} source` })),
    participants: b.participants.map((p) => ({ ...p, pseudonym: `${PLANT}P` })),
    documents: b.documents.map((d) => ({ ...d, title: `${PLANT} doc`, text: `${PLANT} ${d.text}`.slice(0, d.text.length), length: d.text.length })),
    codes: b.codes.map((c) => ({ ...c, name: `${c.name} ${PLANT}`, definition: PLANT, keywords: [PLANT] })),
    memos: b.memos.map((m) => ({ ...m, title: PLANT, text: `${PLANT} memo` })),
  };
}

/** Every audit row's content-bearing fields (all but the actor) as text, to scan for the token. */
const scannable = (rows: readonly AuditEvent[]) => JSON.stringify(rows.map(({ actor: _a, ...rest }) => rest));

let n = 0;
afterEach(() => setCodec(plainCodec));

async function seeded() {
  const db = await openChorusDb(`audit-${++n}`);
  const b = plantedBundle(n + 500);
  await importBundle(db, b);
  return { db, b, pid: b.project.id };
}

describe('the audit log', () => {
  it('names the current coder: the saved coder of the project, else its first coder (for a new project, the coder it brings)', async () => {
    const { db, b, pid } = await seeded();
    await execute(db, pid, { type: 'createCode', name: 'One' });
    const sam = (await execute(db, pid, { type: 'createCoder', name: 'Sam Kaur' })).result;
    await setSetting(db, 'currentCoderId', sam.id);
    await execute(db, pid, { type: 'switchCoder', coderId: sam.id });
    await execute(db, pid, { type: 'createCode', name: 'Two' });
    const log = await listAudit(db, pid);
    expect(log.map((a) => [a.action, a.actor])).toEqual([
      ['project.import', b.coders[0]!.name],
      ['code.create', b.coders[0]!.name],
      ['coder.create', b.coders[0]!.name],
      ['coder.switch', 'Sam Kaur'],
      ['code.create', 'Sam Kaur'],
    ]);
    expect(log.every((a) => a.actor !== 'local user')).toBe(true);
  });

  for (const cipher of ['plain', 'AES-GCM'] as const) {
    it(`imports, redactions, deletions, exports, merges and coder changes each leave one entry, with ids and counts and no content (${cipher})`, async () => {
      if (cipher === 'AES-GCM') setCodec(await freshAesCodec());
      const { db, b, pid } = await seeded();
      const actor = b.coders[0]!.name;
      await setSetting(db, 'currentCoderId', b.coders[0]!.id);
      const entries = async () => listAudit(db, pid);
      const expectOne = async (run: () => Promise<unknown>, action: string | RegExp, counts?: Record<string, number>) => {
        const before = (await entries()).length;
        await run();
        const after = await entries();
        expect(after.length, `one entry for ${String(action)}`).toBe(before + 1);
        const e = after.at(-1)!;
        expect(e.action).toMatch(action);
        expect(e.actor).toBe(actor);
        if (counts) expect(e.counts).toEqual(counts);
        return e;
      };
      // an import with redactions (counts only)
      const sourceId = newGuid();
      const text = `${PLANT} said [PERSON 1] called.`;
      const doc = { id: newGuid(), projectId: pid, sourceId, participantId: null, title: `${PLANT}.txt`, kind: 'transcript' as const, length: text.length, turns: [], text, createdAt: '2026-01-01T00:00:00Z' };
      await expectOne(
        () =>
          commitImport(
            db,
            pid,
            { sources: [{ id: sourceId, projectId: pid, name: PLANT, kind: 'interview', description: '', createdAt: doc.createdAt }], variables: [], participants: [], documents: [doc], skippedEmpty: 0 },
            { fileNames: [`${PLANT}.txt`], checksum: 'c1', by: actor, redactions: { person: 3, phone: 1 } },
          ),
        'import.commit',
        { documents: 1, participants: 0, redactions: 4 },
      );
      // deletions
      const del = await expectOne(() => execute(db, pid, { type: 'deleteCode', codeId: b.codes[0]!.id }), 'code.delete', { codes: 2, codings: 2 });
      expect(del.ids).toContain(b.codes[0]!.id);
      await expectOne(() => execute(db, pid, { type: 'removeCodings', codingIds: [b.codings[2]!.id] } as Command), /^coding\.remove/);
      // exports (not undoable: no history step)
      const steps = await db.history.count();
      await expectOne(() => execute(db, pid, { type: 'recordExport', kind: 'project', format: 'qdpx', counts: { documents: 3 } }), 'export.project.qdpx', { documents: 3 });
      await expectOne(() => execute(db, pid, { type: 'recordExport', kind: 'table', format: 'csv', counts: { rows: 12 } }), 'export.table.csv', { rows: 12 });
      expect(await db.history.count()).toBe(steps);
      // a merge of another coder's copy (with planted names)
      const before = await exportBundle(db, pid);
      const g = seededGuids(77);
      const incoming: ProjectBundle = { ...before, codes: [...before.codes, { ...before.codes[0]!, id: g(), name: `${PLANT} merged`, parentId: null, order: 9 }] };
      const merged = mergeProjects([before, incoming]);
      await expectOne(() => execute(db, pid, { type: 'mergeProject', delta: mergeDelta(before, merged.bundle), label: `Merge ${PLANT}.qdpx` }), 'project.merge');
      // coder changes
      const sam = (await expectOne(() => execute(db, pid, { type: 'createCoder', name: `${PLANT} Sam` }), 'coder.create')) && (await db.coders.where('projectId').equals(pid).filter((c) => c.name.endsWith('Sam')).first())!;
      await expectOne(() => execute(db, pid, { type: 'updateCoder', coderId: sam.id, patch: { name: `${PLANT} Samuel` } }), 'coder.update');
      // memos and renames (content-bearing commands)
      await expectOne(() => execute(db, pid, { type: 'saveMemo', target: { kind: 'project', id: pid }, text: `${PLANT} memo text`, title: PLANT }), 'memo.create');
      await expectOne(() => execute(db, pid, { type: 'updateCode', codeId: b.codes[2]!.id, patch: { name: `${PLANT} renamed`, definition: PLANT } }), 'code.update');
      await expectOne(() => execute(db, pid, { type: 'renameProject', name: `${PLANT} again` }), 'project.rename');

      const log = await entries();
      expect(log.length).toBeGreaterThanOrEqual(12);
      expect(scannable(log)).not.toContain(PLANT);
      expect(JSON.stringify(log)).toContain(PLANT); // the scan would see it: the actor, a planted coder name, is in the rows
    });
  }

  it('project deletion removes the project’s log and leaves one content-free entry saying who deleted it and how much went', async () => {
    const { db, b, pid } = await seeded();
    await execute(db, pid, { type: 'createCode', name: 'x' });
    await deleteProject(db, pid);
    const left = await db.audit.where('projectId').equals(pid).toArray();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ action: 'project.delete', actor: b.coders[0]!.name, ids: [pid] });
    expect(left[0]!.counts).toMatchObject({ codes: 4, codings: 3, documents: 2, memos: 1, coders: 1 });
    expect(scannable(left)).not.toContain(PLANT);
    expect((await deletedProjectLog(db)).map((a) => a.projectId)).toEqual([pid]);
  });
});

describe('the audit log is append-only', () => {
  it('refuses to change or delete an audit entry outside a whole-project deletion', async () => {
    const { db, pid } = await seeded();
    const [first] = await listAudit(db, pid);
    await expect(db.audit.update(first!.id, { actor: 'someone else' })).rejects.toThrow(/append-only/);
    await expect(db.audit.put({ ...first!, action: 'x' })).rejects.toThrow(/append-only/);
    await expect(db.audit.delete(first!.id)).rejects.toThrow(/append-only/);
    await expect(db.audit.where('projectId').equals(pid).delete()).rejects.toThrow(/append-only/);
    await expect(db.audit.bulkDelete([first!.id])).rejects.toThrow(/append-only/);
    expect(await listAudit(db, pid)).toContainEqual(first);
    expect(new AuditLogError('x').name).toBe('AuditLogError');
  });

  it('no command rewrites the log: after any sequence of commands (undo and redo included) the earlier log is a prefix of the later (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ kind: fc.constantFrom('rename', 'create', 'delete', 'memo', 'undo', 'redo', 'export', 'coder'), i: fc.nat(5) }), { minLength: 1, maxLength: 10 }), async (ops) => {
        const { db, pid } = await seeded();
        let log = await listAudit(db, pid);
        for (const op of ops) {
          const codes = await db.codes.where('projectId').equals(pid).toArray();
          const code = codes[op.i % Math.max(1, codes.length)];
          const cmd: Command | null =
            op.kind === 'rename' && code
              ? { type: 'updateCode', codeId: code.id, patch: { name: `n${op.i}` } }
              : op.kind === 'create'
                ? { type: 'createCode', name: `c${op.i}` }
                : op.kind === 'delete' && code
                  ? { type: 'deleteCode', codeId: code.id }
                  : op.kind === 'memo'
                    ? { type: 'saveMemo', target: { kind: 'project', id: pid }, text: `m${op.i}` }
                    : op.kind === 'export'
                      ? { type: 'recordExport', kind: 'codebook', format: 'qdc', counts: { codes: codes.length } }
                      : op.kind === 'coder'
                        ? { type: 'createCoder', name: `Coder ${op.i}` }
                        : op.kind === 'undo' || op.kind === 'redo'
                          ? { type: op.kind }
                          : null;
          if (!cmd) continue;
          await execute(db, pid, cmd).catch(() => undefined);
          const next = await listAudit(db, pid);
          expect(next.slice(0, log.length)).toEqual(log);
          log = next;
        }
        db.close();
      }),
      { numRuns: 20 },
    );
  }, 120_000);
});
