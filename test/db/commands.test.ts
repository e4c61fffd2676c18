/**
 * The command layer through the Dexie executor, with the plain codec and a real AES-GCM codec:
 * every command does what it says in one transaction, leaves one undo step (or none) and one
 * audit entry with ids and counts but no content; refused commands change nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { execute, getDocumentText, getMemo, historyState, openChorusDb, plainCodec, setCodec, type ChorusDb } from '../../renderer/db';
import { smallBundle } from './fixtures';
import { RANDOM_KEY_CODECS } from './aes-codec';
import { snapshot } from './test-store';

let n = 0;
async function seeded(seed = 1) {
  const db = await openChorusDb(`commands-${++n}`);
  const b = smallBundle(seed + 500);
  await execute(db, b.project.id, { type: 'importProject', bundle: b });
  return { db, b, pid: b.project.id };
}

const steps = (db: ChorusDb, pid: string) => db.history.where('projectId').equals(pid).toArray();
const audits = async (db: ChorusDb, pid: string) => (await db.audit.where('projectId').equals(pid).toArray()).sort((a, b) => a.at.localeCompare(b.at));

afterEach(() => setCodec(plainCodec));

describe.each(RANDOM_KEY_CODECS)('commands with the %s', (_name, codec) => {
  it('importProject stores the bundle all-or-nothing and its texts read back (no premature commit)', async () => {
    setCodec(await codec());
    const { db, b, pid } = await seeded();
    expect(await getDocumentText(db, b.documents[1]!.id)).toBe(b.documents[1]!.text);
    expect((await getMemo(db, b.memos[0]!.target))?.text).toBe(b.memos[0]!.text);
    expect(await steps(db, pid)).toHaveLength(0); // not undoable
    const [a] = await audits(db, pid);
    expect(a).toMatchObject({ action: 'project.import', ids: [pid], counts: { documents: 2, codes: 3, codings: 3, memos: 1 } });
    // a second import of the same project is refused, and changes nothing
    const before = await snapshot(db);
    await expect(execute(db, pid, { type: 'importProject', bundle: b })).rejects.toThrow(/already in this store/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('saveMemo creates, then replaces, a memo as undoable steps; its text never reaches the audit', async () => {
    setCodec(await codec());
    const { db, b, pid } = await seeded();
    const target = { kind: 'document' as const, id: b.documents[0]!.id };
    const made = await execute(db, pid, { type: 'saveMemo', target, text: 'Secret first thoughts', title: 'About' });
    expect(made.step).not.toBeNull();
    await execute(db, pid, { type: 'saveMemo', target, text: 'Second thoughts' });
    expect((await getMemo(db, target))?.text).toBe('Second thoughts');
    await execute(db, pid, { type: 'undo' });
    expect((await getMemo(db, target))?.text).toBe('Secret first thoughts');
    await execute(db, pid, { type: 'undo' });
    expect(await getMemo(db, target)).toBeUndefined();
    const trail = JSON.stringify(await audits(db, pid));
    expect(trail).toContain('memo.create');
    expect(trail).not.toMatch(/thoughts/);
  });

  it('codebook commands: create, rename, keywords, move, split, merge, delete, import — each one step with an audit entry', async () => {
    setCodec(await codec());
    const { db, b, pid } = await seeded();
    const [theme, sub, other] = b.codes;
    const { result: made } = await execute(db, pid, { type: 'createCode', name: '  Feeling safe ', parentId: theme!.id });
    expect(made).toMatchObject({ name: 'Feeling safe', parentId: theme!.id, order: 1 });
    await execute(db, pid, { type: 'updateCode', codeId: made.id, patch: { name: 'Safety' } });
    await execute(db, pid, { type: 'updateCode', codeId: made.id, patch: { keywords: ['safe'] } });
    expect(await db.codes.get(made.id)).toMatchObject({ name: 'Safety', keywords: ['safe'] });
    expect((await historyState(db, pid)).undo).toBe('Edit “Safety”');
    await execute(db, pid, { type: 'moveCode', codeId: made.id, parentId: null, index: 0 });
    expect((await db.codes.get(made.id))!.parentId).toBeNull();
    const { result: fresh } = await execute(db, pid, { type: 'splitCode', codeId: sub!.id, name: 'Split off', codingIds: [b.codings[0]!.id] });
    expect((await db.codings.get(b.codings[0]!.id))!.codeId).toBe(fresh.id);
    const { result: merged } = await execute(db, pid, { type: 'mergeCodes', sourceId: fresh.id, targetId: theme!.id });
    expect(merged.moved).toBe(1);
    const { result: gone } = await execute(db, pid, { type: 'deleteCode', codeId: other!.id });
    expect(gone).toEqual({ codes: 1, codings: 1 });
    const { result: imported } = await execute(db, pid, { type: 'importCodes', codes: [{ ...theme!, id: b.coders[0]!.id }, { ...other!, name: 'New one' }], label: 'Import codebook “x.qdc”' });
    expect(imported).toEqual({ added: 1, matched: 1 });
    const actions = (await audits(db, pid)).map((a) => a.action);
    expect(actions).toEqual(['project.import', 'code.create', 'code.update', 'code.update', 'code.move', 'code.split', 'code.merge', 'code.delete', 'codebook.import']);
    expect((await audits(db, pid)).at(-2)!.counts).toEqual({ codes: 1, codings: 1 });
    expect(JSON.stringify(await audits(db, pid))).not.toMatch(/Safety|Feeling|Split off|New one/);
    expect(await steps(db, pid)).toHaveLength(8);
    // undoing all eight steps gives back the imported codebook exactly
    for (let i = 0; i < 8; i++) await execute(db, pid, { type: 'undo' });
    const codes = (await db.codes.where('projectId').equals(pid).toArray()).sort((x, y) => x.id.localeCompare(y.id));
    expect(codes).toEqual([...b.codes].sort((x, y) => x.id.localeCompare(y.id)));
  });

  it('coding commands: apply one and many (one step each), never twice the same span; remove; coders', async () => {
    setCodec(await codec());
    const { db, b, pid } = await seeded();
    const coderId = b.coders[0]!.id;
    const span = { documentId: b.documents[1]!.id, codeId: b.codes[0]!.id, start: 0, end: 5, coderId };
    const { result: [one] } = await execute(db, pid, { type: 'applyCodings', spans: [span] });
    expect((await historyState(db, pid)).undo).toBe('Apply code');
    const { result: many } = await execute(db, pid, { type: 'applyCodings', spans: [span, { ...span, start: 6, end: 9 }], label: 'Code all hits' });
    expect(many[0]!.id).toBe(one!.id); // the existing coding, not a duplicate
    expect(await db.codings.where('projectId').equals(pid).count()).toBe(5);
    await expect(execute(db, pid, { type: 'applyCodings', spans: [{ ...span, end: 999 }] })).rejects.toThrow(/runs past the end/);
    const { result: removed } = await execute(db, pid, { type: 'removeCodings', codingIds: [one!.id, 'not-there'] });
    expect(removed).toBe(1);
    const { result: coder } = await execute(db, pid, { type: 'createCoder', name: 'Sam Lee' });
    expect(coder.initials).toBe('SL');
    await expect(execute(db, pid, { type: 'createCoder', name: 'sam lee' })).rejects.toThrow('already a coder called');
    await execute(db, pid, { type: 'updateCoder', coderId: coder.id, patch: { colour: '#CC79A7' } });
    expect((await db.coders.get(coder.id))!.colour).toBe('#CC79A7');
    expect((await audits(db, pid)).map((a) => a.action)).toEqual(['project.import', 'coding.add', 'coding.add-many', 'coding.remove', 'coder.create', 'coder.update']);
  });

  it('resolveDisagreement records a consensus decision by the deciding coder as one step, never a coding; a later decision on the span replaces it', async () => {
    setCodec(await codec());
    const { db, b, pid } = await seeded();
    const c = b.codings[2]!;
    const codingsBefore = await db.codings.where('projectId').equals(pid).toArray();
    const span = { documentId: c.documentId, codeId: c.codeId, start: c.start, end: c.end };
    const { result: first } = await execute(db, pid, { type: 'resolveDisagreement', ...span, decision: 'apply', decidedBy: b.coders[0]!.id });
    expect(first).toMatchObject({ ...span, decision: 'apply', decidedBy: b.coders[0]!.id });
    expect((await historyState(db, pid)).undo).toBe('Consensus: apply “Being believed”');
    const { result: second } = await execute(db, pid, { type: 'resolveDisagreement', ...span, decision: 'remove', decidedBy: b.coders[0]!.id });
    expect((await db.decisions.toArray()).map((d) => [d.id, d.decision])).toEqual([[second.id, 'remove']]);
    expect(await db.codings.where('projectId').equals(pid).toArray()).toEqual(codingsBefore);
    await execute(db, pid, { type: 'undo' });
    expect((await db.decisions.toArray()).map((d) => d.id)).toEqual([first.id]);
    await expect(execute(db, pid, { type: 'resolveDisagreement', ...span, decision: 'apply', decidedBy: '00000000-0000-4000-8000-00000000dead' })).rejects.toThrow('No such coder');
  });
});

describe('one step per user action', () => {
  it('an in-vivo code is ONE undo step: undo removes the code and its coding together', async () => {
    const { db, b, pid } = await seeded(2);
    const before = await db.codes.where('projectId').equals(pid).count();
    const { result, step } = await execute(db, pid, { type: 'inVivo', name: ' straight\n away ', documentId: b.documents[1]!.id, start: 22, end: 36, coderId: b.coders[0]!.id });
    expect(result.code.name).toBe('straight away');
    expect(result.coding.codeId).toBe(result.code.id);
    expect(step).not.toBeNull();
    expect(await steps(db, pid)).toHaveLength(1);
    expect((await historyState(db, pid)).undo).toBe('In-vivo code “straight away”');
    await execute(db, pid, { type: 'undo' });
    expect(await db.codes.where('projectId').equals(pid).count()).toBe(before);
    expect(await db.codings.get(result.coding.id)).toBeUndefined();
    // a bad span creates no code either
    await expect(execute(db, pid, { type: 'inVivo', name: 'x', documentId: b.documents[1]!.id, start: 5, end: 999, coderId: b.coders[0]!.id })).rejects.toThrow();
    expect(await db.codes.where('projectId').equals(pid).count()).toBe(before);
  });

  it('undoing "code all hits" by its step reverts exactly that step, not a later keyword edit', async () => {
    const { db, b, pid } = await seeded(3);
    const coderId = b.coders[0]!.id;
    const code = b.codes[2]!;
    const spans = b.documents.map((d) => ({ documentId: d.id, codeId: code.id, start: 0, end: 4, coderId }));
    const hits = await execute(db, pid, { type: 'applyCodings', spans, label: 'Code 2 hits' });
    await execute(db, pid, { type: 'updateCode', codeId: b.codes[0]!.id, patch: { keywords: ['update', 'news'] } });
    const { result: label } = await execute(db, pid, { type: 'undo', step: hits.step! });
    expect(label).toBe('Code 2 hits');
    for (const c of hits.result) expect(await db.codings.get(c.id)).toBeUndefined();
    expect((await db.codes.get(b.codes[0]!.id))!.keywords).toEqual(['update', 'news']); // the later edit stays
    expect((await historyState(db, pid)).undo).toBe('Revert “Code 2 hits”');
    // and the header's Undo can put the hits back
    await execute(db, pid, { type: 'undo' });
    expect(await db.codings.get(hits.result[0]!.id)).toBeDefined();
  });

  it('undoing a step by number when it is still the latest is a plain Undo (redo works)', async () => {
    const { db, b, pid } = await seeded(4);
    const done = await execute(db, pid, { type: 'updateCode', codeId: b.codes[0]!.id, patch: { name: 'Renamed' } });
    await execute(db, pid, { type: 'undo', step: done.step! });
    expect(await historyState(db, pid)).toEqual({ undo: null, redo: `Rename “${b.codes[0]!.name}”` });
    await execute(db, pid, { type: 'redo' });
    expect((await db.codes.get(b.codes[0]!.id))!.name).toBe('Renamed');
  });

  it('refuses to undo a step on its own when a later step changed the same rows, and changes nothing', async () => {
    const { db, b, pid } = await seeded(5);
    const coderId = b.coders[0]!.id;
    const hits = await execute(db, pid, { type: 'applyCodings', spans: b.documents.map((d) => ({ documentId: d.id, codeId: b.codes[2]!.id, start: 0, end: 4, coderId })), label: 'Code 2 hits' });
    await execute(db, pid, { type: 'removeCodings', codingIds: [hits.result[0]!.id] });
    const before = await snapshot(db);
    await expect(execute(db, pid, { type: 'undo', step: hits.step! })).rejects.toThrow(/later change touched the same data/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refused commands change nothing: an assignment to a document of no project, a merge of another project\'s rows', async () => {
    const { db, b, pid } = await seeded(6);
    const before = await snapshot(db);
    await expect(execute(db, pid, { type: 'setAssignment', coderId: b.coders[0]!.id, scope: 'document', targetId: '00000000-0000-4000-8000-00000000beef', assigned: true })).rejects.toThrow(/No such document/);
    const other = smallBundle(77);
    const foreign = { rows: { coders: other.coders, sources: [], variables: [], participants: [], codes: [], codings: [], findings: [], actions: [], recommendations: [], assignments: [], decisions: [], quotes: [], packTemplates: [] }, documents: [], memos: [] };
    await expect(execute(db, pid, { type: 'mergeProject', delta: foreign, label: 'Merge other.qdpx' })).rejects.toThrow(/belongs to another project/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('createProject makes an empty project with one coder, not undoable, audited', async () => {
    const db = await openChorusDb(`commands-${++n}`);
    const pid = '00000000-0000-4000-8000-000000000001';
    const { result } = await execute(db, pid, { type: 'createProject', name: ' Survey 2026 ' });
    expect(result).toMatchObject({ id: pid, name: 'Survey 2026' });
    expect(await db.coders.where('projectId').equals(pid).count()).toBe(1);
    expect(await steps(db, pid)).toHaveLength(0);
    expect((await audits(db, pid)).map((a) => a.action)).toEqual(['project.create']);
    await expect(execute(db, pid, { type: 'createProject', name: 'Again' })).rejects.toThrow(/already in this store/);
  });
});
