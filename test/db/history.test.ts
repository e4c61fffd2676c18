import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addCoding,
  addCodings,
  createCode,
  deleteCode,
  historyState,
  importBundle,
  mergeCodes,
  moveCode,
  openChorusDb,
  redo,
  removeCoding,
  splitCode,
  undo,
  updateCode,
  getMemo,
  saveMemo,
  execute,
  type ChorusDb,
} from '../../renderer/db';
import { smallBundle } from './fixtures';
import { eachCodec } from './aes-codec';

/** The user-visible state: codes and codings (audit and history rows are bookkeeping). */
async function state(db: ChorusDb, projectId: string) {
  const sortById = <T extends { id: string }>(xs: T[]) => xs.sort((a, b) => a.id.localeCompare(b.id));
  return {
    codes: sortById(await db.codes.where('projectId').equals(projectId).toArray()),
    codings: sortById(await db.codings.where('projectId').equals(projectId).toArray()),
  };
}

let n = 0;
async function seeded() {
  const db = await openChorusDb(`history-${++n}`);
  const b = smallBundle(n + 100);
  await importBundle(db, b);
  return { db, b, pid: b.project.id };
}

eachCodec(() => {
  describe('undo and redo', () => {
    it('undoes and redoes a rename, with labels for the menu', async () => {
      const { db, b, pid } = await seeded();
      const code = b.codes[2]!;
      await updateCode(db, code.id, { name: 'Believed' });
      expect(await historyState(db, pid)).toEqual({ undo: `Rename “${code.name}”`, redo: null });
      expect(await undo(db, pid)).toBe(`Rename “${code.name}”`);
      expect((await db.codes.get(code.id))!.name).toBe(code.name);
      expect((await historyState(db, pid)).redo).toBe(`Rename “${code.name}”`);
      await redo(db, pid);
      expect((await db.codes.get(code.id))!.name).toBe('Believed');
      expect(await redo(db, pid)).toBeNull();
    });

    it('a new step after an undo discards the redo tail', async () => {
      const { db, b, pid } = await seeded();
      await updateCode(db, b.codes[0]!.id, { name: 'A' });
      await undo(db, pid);
      await updateCode(db, b.codes[0]!.id, { name: 'B' });
      expect((await historyState(db, pid)).redo).toBeNull();
    });

    it('history survives reopening the store (reload)', async () => {
      const { db, b, pid } = await seeded();
      await deleteCode(db, b.codes[0]!.id);
      db.close();
      const again = await openChorusDb(db.name);
      await undo(again, pid);
      expect(await again.codes.where('projectId').equals(pid).count()).toBe(3);
      expect(await again.codings.where('projectId').equals(pid).count()).toBe(3);
    });

    it('undoing every step restores the exact prior state, and redoing every step the final one (property)', async () => {
      const op = fc.oneof(
        fc.record({ kind: fc.constant('create' as const), parent: fc.nat(10), name: fc.string({ minLength: 1, maxLength: 6 }).filter((s) => s.trim() !== '') }),
        fc.record({ kind: fc.constant('rename' as const), code: fc.nat(10), name: fc.constantFrom('X', 'Y', 'Z') }),
        fc.record({ kind: fc.constant('move' as const), code: fc.nat(10), parent: fc.nat(10) }),
        fc.record({ kind: fc.constant('code' as const), code: fc.nat(10), doc: fc.nat(1), start: fc.nat(30), len: fc.integer({ min: 1, max: 20 }) }),
        fc.record({ kind: fc.constant('codeMany' as const), code: fc.nat(10), start: fc.nat(20) }),
        fc.record({ kind: fc.constant('uncode' as const), coding: fc.nat(10) }),
        fc.record({ kind: fc.constant('delete' as const), code: fc.nat(10) }),
        fc.record({ kind: fc.constant('merge' as const), a: fc.nat(10), b: fc.nat(10) }),
        fc.record({ kind: fc.constant('split' as const), code: fc.nat(10) }),
        fc.record({ kind: fc.constant('inVivo' as const), doc: fc.nat(1), start: fc.nat(30), len: fc.integer({ min: 1, max: 20 }) }),
        fc.record({ kind: fc.constant('undoStep' as const), step: fc.nat(20) }),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
          const { db, b, pid } = await seeded();
          const coder = b.coders[0]!.id;
          const initial = await state(db, pid);
          let steps = 0;
          const done: number[] = [];
          for (const o of ops) {
            const { codes, codings } = await state(db, pid);
            const pick = <T>(xs: T[], i: number) => (xs.length ? xs[i % xs.length] : undefined);
            try {
              if (o.kind === 'create') await createCode(db, { projectId: pid, name: o.name, parentId: pick(codes, o.parent)?.id ?? null });
              else if (o.kind === 'rename' && pick(codes, o.code)) await updateCode(db, pick(codes, o.code)!.id, { name: o.name });
              else if (o.kind === 'move' && pick(codes, o.code)) await moveCode(db, pick(codes, o.code)!.id, pick(codes, o.parent)!.id);
              else if (o.kind === 'code' && pick(codes, o.code)) {
                const doc = b.documents[o.doc]!;
                const start = Math.min(o.start, doc.length - 1);
                await addCoding(db, { projectId: pid, documentId: doc.id, codeId: pick(codes, o.code)!.id, start, end: Math.min(doc.length, start + o.len), coderId: coder });
              } else if (o.kind === 'codeMany' && pick(codes, o.code)) {
                await addCodings(db, b.documents.map((d) => ({ projectId: pid, documentId: d.id, codeId: pick(codes, o.code)!.id, start: o.start, end: o.start + 5, coderId: coder })), 'Autocode');
              } else if (o.kind === 'uncode' && pick(codings, o.coding)) await removeCoding(db, pick(codings, o.coding)!.id);
              else if (o.kind === 'delete' && pick(codes, o.code)) await deleteCode(db, pick(codes, o.code)!.id);
              else if (o.kind === 'merge' && pick(codes, o.a) && pick(codes, o.b)) await mergeCodes(db, pick(codes, o.a)!.id, pick(codes, o.b)!.id);
              else if (o.kind === 'split' && pick(codes, o.code)) {
                const c = pick(codes, o.code)!;
                const mine = codings.filter((x) => x.codeId === c.id).map((x) => x.id);
                await splitCode(db, c.id, 'Split part', mine.slice(0, 1));
              } else if (o.kind === 'inVivo') {
                const doc = b.documents[o.doc]!;
                const start = Math.min(o.start, doc.length - 1);
                const r = await execute(db, pid, { type: 'inVivo', name: 'word', documentId: doc.id, start, end: Math.min(doc.length, start + o.len), coderId: coder });
                if (r.step !== null) done.push(r.step);
              } else if (o.kind === 'undoStep' && done.length) {
                // a screen's own Undo: exactly that step (a plain undo if latest, else a revert step)
                await execute(db, pid, { type: 'undo', step: done[o.step % done.length]! });
              } else continue;
              steps++;
            } catch {
              // refused operations (cycles, self-merge, empty split) must change nothing
            }
          }
          // A screen's Undo of the latest step is a plain undo, so it leaves that step on the redo
          // stack (Ctrl+Y brings it back). Redo that tail first: the final state is then the newest.
          while ((await redo(db, pid)) !== null);
          const final = await state(db, pid);
          let undone = 0;
          while ((await undo(db, pid)) !== null) undone++;
          expect(await state(db, pid)).toEqual(initial);
          while ((await redo(db, pid)) !== null) undone--;
          expect(undone).toBe(0);
          expect(await state(db, pid)).toEqual(final);
          db.close();
        }),
        // the counterexample CI found (seed -858817254): a screen's Undo of the newest step
        { numRuns: 25, examples: [[[{ kind: 'inVivo', doc: 0, start: 0, len: 1 }, { kind: 'undoStep', step: 0 }]]] },
      );
    }, 60_000);
  });

  describe('memo edits are undoable', () => {
    it('undo restores the previous memo text, and removes a new memo', async () => {
      const { db, b, pid } = await seeded();
      const target = { kind: 'code' as const, id: b.codes[0]!.id };
      await saveMemo(db, { projectId: pid, target, text: 'Second thoughts' });
      expect((await getMemo(db, target))?.text).toBe('Second thoughts');
      expect((await historyState(db, pid)).undo).toBe('Edit memo on the code');
      await undo(db, pid);
      expect((await getMemo(db, target))?.text).toBe('Watch for 101 waits.');
      const project = { kind: 'project' as const, id: pid };
      await saveMemo(db, { projectId: pid, target: project, text: 'New memo' });
      await undo(db, pid);
      expect(await getMemo(db, project)).toBeUndefined();
      await redo(db, pid);
      expect((await getMemo(db, project))?.text).toBe('New memo');
    });
  });
});
