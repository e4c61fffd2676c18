import { describe, expect, it } from 'vitest';
import { createCoder, historyState, importBundle, importCodes, initialsOf, openChorusDb, redo, undo, updateCoder, type ChorusDb } from '../../renderer/db';
import { readQdc } from '../../shared/exchange/qdc';
import { CODEBOOK_TEMPLATES, instantiateTemplate } from '../../shared/coding/templates';
import { seededGuids } from '../../shared/model';
import { smallBundle } from './fixtures';

let n = 0;
async function seeded() {
  const db = await openChorusDb(`coders-io-${++n}`);
  const b = smallBundle(n + 300);
  await importBundle(db, b);
  return { db, b, pid: b.project.id };
}
const codesOf = (db: ChorusDb, pid: string) => db.codes.where('projectId').equals(pid).toArray();

describe('coders', () => {
  it('derives initials from a name', () => {
    expect(initialsOf('Sam Patel')).toBe('SP');
    expect(initialsOf('  jo  ')).toBe('J');
    expect(initialsOf('Mary-Ann de la Cruz')).toBe('MC');
  });

  it('creates a coder with initials and a colour, undoably', async () => {
    const { db, pid } = await seeded();
    const c = await createCoder(db, { projectId: pid, name: 'Priya Shah' });
    expect(c).toMatchObject({ name: 'Priya Shah', initials: 'PS' });
    expect(c.colour).toMatch(/^#[0-9A-F]{6}$/i);
    expect((await historyState(db, pid)).undo).toBe('Add coder “Priya Shah”');
    await undo(db, pid);
    expect(await db.coders.get(c.id)).toBeUndefined();
    await redo(db, pid);
    expect((await db.coders.get(c.id))?.name).toBe('Priya Shah');
  });

  it('refuses a duplicate name, an empty name and bad initials with clear messages', async () => {
    const { db, pid } = await seeded();
    await expect(createCoder(db, { projectId: pid, name: 'alex' })).rejects.toThrow('already a coder called “alex”');
    await expect(createCoder(db, { projectId: pid, name: '   ' })).rejects.toThrow('A coder needs a name');
    await expect(createCoder(db, { projectId: pid, name: 'Kim', initials: 'ABCDEFG' })).resolves.toMatchObject({ initials: 'ABCD' });
    const c = (await db.coders.where('projectId').equals(pid).first())!;
    await expect(updateCoder(db, c.id, { colour: 'red' })).rejects.toThrow('#0072B2');
  });

  it('updates and undoes an edit', async () => {
    const { db, pid } = await seeded();
    const c = (await db.coders.where('projectId').equals(pid).first())!;
    await updateCoder(db, c.id, { name: 'Alex M', initials: 'AX' });
    expect(await db.coders.get(c.id)).toMatchObject({ name: 'Alex M', initials: 'AX' });
    await undo(db, pid);
    expect(await db.coders.get(c.id)).toMatchObject({ name: 'Alex', initials: 'AM' });
  });
});

describe('importing a codebook', () => {
  it('adds a template as one undoable step, with fresh ids and order after existing codes', async () => {
    const { db, pid } = await seeded();
    const before = await codesOf(db, pid);
    const t = CODEBOOK_TEMPLATES[0]!;
    const codes = instantiateTemplate(t, pid, seededGuids(9), '2026-01-01T00:00:00.000Z');
    const r = await importCodes(db, pid, codes, `Apply template “${t.name}”`);
    const pathOf = (all: readonly { id: string; parentId: string | null; name: string }[], id: string | null): string =>
      id === null ? '' : `${pathOf(all, all.find((c) => c.id === id)!.parentId)}/${all.find((c) => c.id === id)!.name.toLowerCase()}`;
    const existingPaths = new Set(before.map((c) => pathOf(before, c.id)));
    const overlap = codes.filter((c) => existingPaths.has(pathOf(codes, c.id))).length;
    expect(overlap).toBeGreaterThan(0); // the fixture shares theme names with the template
    expect(r).toEqual({ added: codes.length - overlap, matched: overlap });
    const after = await codesOf(db, pid);
    expect(after.length).toBe(before.length + codes.length - overlap);
    expect(new Set(after.map((c) => pathOf(after, c.id))).size).toBe(after.length);
    expect(after.filter((c) => codes.some((t) => t.id === c.id))).toEqual([]);
    const tops = after.filter((c) => c.parentId === null).sort((a, b) => a.order - b.order);
    expect(tops.slice(0, 2).map((c) => c.name)).toEqual(before.filter((c) => c.parentId === null).sort((a, b) => a.order - b.order).map((c) => c.name));
    // Every template path is now in the codebook exactly once.
    const afterPaths = new Set(after.map((c) => pathOf(after, c.id)));
    for (const c of codes) expect(afterPaths.has(pathOf(codes, c.id))).toBe(true);
    await undo(db, pid);
    expect((await codesOf(db, pid)).length).toBe(before.length);
  });

  it('does not duplicate codes whose path already exists, but adds their new children', async () => {
    const { db, pid } = await seeded();
    const xml = `<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
      <Code guid="11111111-1111-4111-8111-111111111111" name="updates and communication" isCodable="true">
        <Code guid="22222222-2222-4222-8222-222222222222" name="Chasing for news" isCodable="true"/>
        <Code guid="33333333-3333-4333-8333-333333333333" name="Letters" isCodable="true"/>
      </Code></Codes></CodeBook>`;
    const r = await importCodes(db, pid, readQdc(xml, pid), 'Import codebook');
    expect(r).toEqual({ added: 1, matched: 2 });
    const all = await codesOf(db, pid);
    const parent = all.find((c) => c.name === 'Updates and communication')!;
    expect(all.find((c) => c.name === 'Letters')?.parentId).toBe(parent.id);
    // Importing again changes nothing and records no step.
    const steps = await db.history.count();
    expect(await importCodes(db, pid, readQdc(xml, pid), 'Import codebook')).toEqual({ added: 0, matched: 3 });
    expect(await db.history.count()).toBe(steps);
  });

  it('refuses an empty set', async () => {
    const { db, pid } = await seeded();
    await expect(importCodes(db, pid, [], 'Import')).rejects.toThrow('no codes to import');
  });
});
