/**
 * Two tabs or windows on one project (issue 12, item 7): each is a session with its own Undo and
 * Redo, which never reverts or overwrites the other's edit; memo and code edits carry the version
 * the editor started from and are refused (ChangedElsewhereError) when the stored row changed since.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execute, getMemo, historyState, importBundle, openChorusDb, type ChorusDb } from '../../renderer/db';
import { ChangedElsewhereError, UndoConflictError, type Command } from '../../shared/commands';
import { smallBundle } from './fixtures';

let n = 0;
async function seeded() {
  const db = await openChorusDb(`sessions-${++n}`);
  const b = smallBundle(n + 300);
  await importBundle(db, b);
  return { db, b, pid: b.project.id };
}

/** Run a command as window A or B. */
const as = (db: ChorusDb, pid: string, session: 'A' | 'B', cmd: Command) => execute(db, pid, cmd, { session });
const nameOf = async (db: ChorusDb, id: string) => (await db.codes.get(id))!.name;

describe('undo per window session', () => {
  it('two sessions interleaving edits: each Undo offers and undoes only its own steps', async () => {
    const { db, b, pid } = await seeded();
    const [x, , z] = b.codes;
    await as(db, pid, 'A', { type: 'updateCode', codeId: x!.id, patch: { name: 'A1' } });
    await as(db, pid, 'B', { type: 'updateCode', codeId: z!.id, patch: { name: 'B1' } });
    await as(db, pid, 'A', { type: 'updateCode', codeId: x!.id, patch: { definition: 'A2' } });
    expect(await historyState(db, pid, 'A')).toEqual({ undo: 'Edit “A1”', redo: null });
    expect(await historyState(db, pid, 'B')).toEqual({ undo: `Rename “${z!.name}”`, redo: null });
    // B undoes its step although A made a later one (on other rows)
    expect((await as(db, pid, 'B', { type: 'undo' })).result).toBe(`Rename “${z!.name}”`);
    expect(await nameOf(db, z!.id)).toBe(z!.name);
    expect((await db.codes.get(x!.id))!.definition).toBe('A2');
    expect(await historyState(db, pid, 'B')).toEqual({ undo: null, redo: `Rename “${z!.name}”` });
    expect(await historyState(db, pid, 'A')).toEqual({ undo: 'Edit “A1”', redo: null });
    // A's Undo walks back A's own steps only
    await as(db, pid, 'A', { type: 'undo' });
    await as(db, pid, 'A', { type: 'undo' });
    expect(await nameOf(db, x!.id)).toBe(x!.name);
    expect((await as(db, pid, 'A', { type: 'undo' })).result).toBeNull();
    // a new step in A keeps B's redo
    await as(db, pid, 'A', { type: 'updateCode', codeId: x!.id, patch: { name: 'A3' } });
    expect((await historyState(db, pid, 'B')).redo).toBe(`Rename “${z!.name}”`);
    await as(db, pid, 'B', { type: 'redo' });
    expect(await nameOf(db, z!.id)).toBe('B1');
  });

  it('refuses to undo a step whose rows a later step of another session changed, and leaves everything as it was', async () => {
    const { db, b, pid } = await seeded();
    const x = b.codes[0]!;
    await as(db, pid, 'A', { type: 'updateCode', codeId: x.id, patch: { name: 'From A' } });
    await as(db, pid, 'B', { type: 'updateCode', codeId: x.id, patch: { name: 'From B' } });
    const history = await db.history.toArray();
    await expect(as(db, pid, 'A', { type: 'undo' })).rejects.toBeInstanceOf(UndoConflictError);
    await expect(as(db, pid, 'A', { type: 'undo' })).rejects.toThrow(/another tab or window/);
    expect(await nameOf(db, x.id)).toBe('From B');
    expect(await db.history.toArray()).toEqual(history);
    // once B has undone its step, A's Undo goes through
    await as(db, pid, 'B', { type: 'undo' });
    await as(db, pid, 'A', { type: 'undo' });
    expect(await nameOf(db, x.id)).toBe(x.name);
  });

  it('refuses a Redo that would overwrite another session’s later edit', async () => {
    const { db, b, pid } = await seeded();
    const x = b.codes[0]!;
    await as(db, pid, 'A', { type: 'updateCode', codeId: x.id, patch: { name: 'From A' } });
    await as(db, pid, 'A', { type: 'undo' });
    await as(db, pid, 'B', { type: 'updateCode', codeId: x.id, patch: { name: 'From B' } });
    await expect(as(db, pid, 'A', { type: 'redo' })).rejects.toBeInstanceOf(UndoConflictError);
    expect(await nameOf(db, x.id)).toBe('From B');
  });

  it('Undo in a session only ever acts on that session’s step, and changes only that step’s rows (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ session: fc.constantFrom('A' as const, 'B' as const), kind: fc.constantFrom('rename', 'rename', 'undo', 'redo'), code: fc.nat(2), name: fc.constantFrom('p', 'q', 'r') }), { minLength: 1, maxLength: 16 }),
        async (ops) => {
          const { db, b, pid } = await seeded();
          for (const op of ops) {
            const code = b.codes[op.code]!;
            if (op.kind === 'rename') {
              await as(db, pid, op.session, { type: 'updateCode', codeId: code.id, patch: { name: `${op.name}${op.session}` } }).catch(() => undefined);
              continue;
            }
            const undone = op.kind === 'undo' ? 0 : 1;
            const entries = await db.history.where('[projectId+undone]').equals([pid, undone]).toArray();
            const mine = entries.filter((e) => e.session === op.session);
            const target = op.kind === 'undo' ? mine.at(-1) : mine[0];
            const label = (await historyState(db, pid, op.session))[op.kind];
            expect(label).toBe(target?.label ?? null);
            const before = await db.codes.where('projectId').equals(pid).toArray();
            let refused = false;
            await as(db, pid, op.session, { type: op.kind }).catch((e: unknown) => {
              expect(e).toBeInstanceOf(UndoConflictError);
              refused = true;
            });
            const after = await db.codes.where('projectId').equals(pid).toArray();
            const changed = after.filter((c, i) => JSON.stringify(c) !== JSON.stringify(before[i])).map((c) => c.id);
            if (refused || !target) {
              expect(changed).toEqual([]);
            } else {
              // only the rows of this session's step changed, and the step is now flipped
              const rows = new Set(target.changes.map((c) => c.key));
              expect(changed.every((id) => rows.has(id))).toBe(true);
              expect((await db.history.get(target.seq!))!.undone).toBe(1 - undone);
            }
          }
          db.close();
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});

describe('version checks on memo and codebook edits', () => {
  it('a memo saved from a stale editor is refused (ChangedElsewhereError) and nothing is lost; overwriting is a second, explicit command', async () => {
    const { db, b, pid } = await seeded();
    const target = b.memos[0]!.target;
    const loadedByA = (await getMemo(db, target))!;
    const loadedByB = (await getMemo(db, target))!;
    await execute(db, pid, { type: 'saveMemo', target, text: 'B wrote this', expected: loadedByB.updatedAt }, { session: 'B', now: '2026-12-03T08:00:00.000Z' });
    const stepsBefore = await db.history.count();
    const refused = execute(db, pid, { type: 'saveMemo', target, text: 'A wrote this', expected: loadedByA.updatedAt }, { session: 'A', now: '2026-12-03T08:01:00.000Z' });
    await expect(refused).rejects.toBeInstanceOf(ChangedElsewhereError);
    expect((await getMemo(db, target))!.text).toBe('B wrote this');
    expect(await db.history.count()).toBe(stepsBefore);
    // "Overwrite": the editor re-reads the stored version and saves against it
    const now = (await getMemo(db, target))!;
    await execute(db, pid, { type: 'saveMemo', target, text: 'A wrote this', expected: now.updatedAt }, { session: 'A', now: '2026-12-03T08:02:00.000Z' });
    expect((await getMemo(db, target))!.text).toBe('A wrote this');
  });

  it('a new memo started in two windows: the second is refused', async () => {
    const { db, b, pid } = await seeded();
    const target = { kind: 'document' as const, id: b.documents[0]!.id };
    expect(await getMemo(db, target)).toBeUndefined();
    await execute(db, pid, { type: 'saveMemo', target, text: 'first', expected: null }, { session: 'A' });
    await expect(execute(db, pid, { type: 'saveMemo', target, text: 'second', expected: null }, { session: 'B' })).rejects.toBeInstanceOf(ChangedElsewhereError);
    expect((await getMemo(db, target))!.text).toBe('first');
  });

  it('code rename, definition, colour and move carry the fields the editor started from', async () => {
    const { db, b, pid } = await seeded();
    const [x, sub, z] = b.codes;
    await as(db, pid, 'B', { type: 'updateCode', codeId: x!.id, patch: { colour: '#CC79A7' } });
    // A's dialog was opened before B's change: a stale colour is refused, whatever else it edits
    await expect(as(db, pid, 'A', { type: 'updateCode', codeId: x!.id, patch: { name: 'N', colour: '#000000' }, base: { name: x!.name, colour: x!.colour } })).rejects.toBeInstanceOf(ChangedElsewhereError);
    // a field B did not touch is not a conflict
    await as(db, pid, 'A', { type: 'updateCode', codeId: x!.id, patch: { definition: 'D' }, base: { definition: x!.definition } });
    expect((await db.codes.get(x!.id))!).toMatchObject({ colour: '#CC79A7', definition: 'D', name: x!.name });
    // a move from a parent the code has left since is refused
    await as(db, pid, 'B', { type: 'moveCode', codeId: sub!.id, parentId: null });
    await expect(as(db, pid, 'A', { type: 'moveCode', codeId: sub!.id, parentId: z!.id, base: { parentId: x!.id } })).rejects.toBeInstanceOf(ChangedElsewhereError);
    expect((await db.codes.get(sub!.id))!.parentId).toBeNull();
  });
});
