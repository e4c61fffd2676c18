/**
 * Undo and redo for every coding and codebook operation, across documents, kept in the store
 * (so a reload loses nothing). An operation runs through `recorded`, which notes each row's state
 * before and after; undo writes the "before" states back, redo the "after" states.
 */
import type { Table } from 'dexie';
import type { ChorusDb, HistoryEntry, RowChange } from './schema';

/** How many steps are kept per project. */
export const HISTORY_LIMIT = 300;

/** Row writes that remember what they changed. Use only inside `recorded`. */
export class ChangeRecorder {
  readonly changes: RowChange[] = [];
  async put<T extends { id: string }>(table: Table<T, string, T>, row: NoInfer<T>): Promise<void> {
    const before = (await table.get(row.id)) ?? null;
    await table.put(row);
    this.changes.push({ table: table.name, key: row.id, before, after: row });
  }

  async update<T extends { id: string }>(table: Table<T, string, T>, id: string, patch: Partial<NoInfer<T>>): Promise<void> {
    const before = await table.get(id);
    if (!before) throw new Error(`No row ${id} in ${table.name}`);
    const after = { ...before, ...patch };
    await table.put(after);
    this.changes.push({ table: table.name, key: id, before, after });
  }

  async delete<T extends { id: string }>(table: Table<T, string, T>, id: string): Promise<void> {
    const before = await table.get(id);
    if (!before) return;
    await table.delete(id);
    this.changes.push({ table: table.name, key: id, before, after: null });
  }
}

/**
 * Run `fn` in one read-write transaction over `tables` (plus history), recording its row changes
 * as one undoable step labelled `label`. A new step discards anything that was undone.
 */
export async function recorded<T>(
  db: ChorusDb,
  projectId: string,
  label: string,
  tables: Table[],
  fn: (rec: ChangeRecorder) => Promise<T>,
): Promise<T> {
  return db.transaction('rw', [...tables, db.history], async () => {
    const rec = new ChangeRecorder();
    const result = await fn(rec);
    if (rec.changes.length > 0) {
      await db.history.where('[projectId+undone]').equals([projectId, 1]).delete();
      await db.history.add({ projectId, label, at: new Date().toISOString(), undone: 0, changes: rec.changes });
      const count = await db.history.where('projectId').equals(projectId).count();
      if (count > HISTORY_LIMIT) {
        const old = await db.history.where('projectId').equals(projectId).limit(count - HISTORY_LIMIT).primaryKeys();
        await db.history.bulkDelete(old);
      }
    }
    return result;
  });
}

async function apply(db: ChorusDb, changes: RowChange[], direction: 'undo' | 'redo'): Promise<void> {
  const ordered = direction === 'undo' ? [...changes].reverse() : changes;
  for (const c of ordered) {
    const row = direction === 'undo' ? c.before : c.after;
    const table = db.table(c.table);
    if (row === null || row === undefined) await table.delete(c.key);
    else await table.put(row);
  }
}

function tablesOf(db: ChorusDb, entry: HistoryEntry): Table[] {
  return [...new Set(entry.changes.map((c) => c.table))].map((t) => db.table(t));
}

/** Undo the project's latest step; returns its label, or null if there is nothing to undo. */
export async function undo(db: ChorusDb, projectId: string): Promise<string | null> {
  const entry = await db.history.where('[projectId+undone]').equals([projectId, 0]).last();
  if (!entry) return null;
  await db.transaction('rw', [...tablesOf(db, entry), db.history], async () => {
    await apply(db, entry.changes, 'undo');
    await db.history.update(entry.seq!, { undone: 1 });
  });
  return entry.label;
}

/** Redo the step most recently undone; returns its label, or null if there is nothing to redo. */
export async function redo(db: ChorusDb, projectId: string): Promise<string | null> {
  const entry = await db.history.where('[projectId+undone]').equals([projectId, 1]).first();
  if (!entry) return null;
  await db.transaction('rw', [...tablesOf(db, entry), db.history], async () => {
    await apply(db, entry.changes, 'redo');
    await db.history.update(entry.seq!, { undone: 0 });
  });
  return entry.label;
}

/** What Undo and Redo would do now (for menu labels and disabled states); live-query friendly. */
export async function historyState(db: ChorusDb, projectId: string): Promise<{ undo: string | null; redo: string | null }> {
  const u = await db.history.where('[projectId+undone]').equals([projectId, 0]).last();
  const r = await db.history.where('[projectId+undone]').equals([projectId, 1]).first();
  return { undo: u?.label ?? null, redo: r?.label ?? null };
}
