/**
 * Test databases for the db suites (fake-indexeddb, test/db/setup.ts): a fresh store with one empty
 * project, and whole-store views of a store — every row of every table, to show that a refused or
 * rolled-back change left it exactly as it was, and every string in it, to search for plain text.
 */
import { createProject, openChorusDb, type ChorusDb } from '../../renderer/db';

let n = 0;

/** A new database (named `<name>-<n>`, so no two tests share one) holding one empty project named "Survey". */
export async function freshProject(name: string): Promise<{ db: ChorusDb; pid: string }> {
  const db = await openChorusDb(`${name}-${++n}`);
  const p = await createProject(db, 'Survey');
  return { db, pid: p.id };
}

/** Every row of every table (bookkeeping tables too) but those named in `except`, by table name. */
export async function snapshot(db: ChorusDb, except: readonly string[] = []): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) if (!except.includes(t.name)) out[t.name] = await t.toArray();
  return out;
}

/** Every string (and every byte array, read as UTF-8) anywhere in every row of every table, keys included. */
export async function storedStrings(db: ChorusDb): Promise<string> {
  const parts: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') parts.push(v);
    else if (v instanceof Uint8Array) parts.push(new TextDecoder().decode(v));
    else if (ArrayBuffer.isView(v)) parts.push(new TextDecoder().decode(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (parts.push(k), walk(x));
  };
  for (const t of db.tables) walk(await t.toArray());
  return parts.join('\n');
}
