/**
 * The two executors agree: a random sequence of commands applied by the Dexie executor (with a
 * real AES-GCM codec) and by the in-memory one (the CLI's) leaves the same project — the same
 * rows in every table (texts decoded), the same undo history and the same audit trail.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execute, openChorusDb, plainCodec, setCodec, type ChorusDb, type StorageCodec } from '../../renderer/db';
import { MemoryProject } from '../../shared/commands/memory';
import type { Command, TableName } from '../../shared/commands';
import { ProjectBundle, seededGuids } from '../../shared/model';
import { presetTemplate } from '../../shared/packs/templates';
import { smallBundle } from './fixtures';
import { freshAesCodec } from './aes-codec';

const TABLES: TableName[] = ['projects', 'coders', 'sources', 'variables', 'participants', 'documents', 'texts', 'codes', 'codings', 'memos', 'findings', 'actions', 'quotes', 'packTemplates'];
const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));

async function dexieProject(db: ChorusDb, pid: string, codec: StorageCodec) {
  const tables: Record<string, unknown[]> = {};
  for (const t of TABLES) {
    const rows = (t === 'projects' ? [await db.projects.get(pid)] : await db.table(t).where('projectId').equals(pid).toArray()) as { id: string; stored?: never }[];
    tables[t] = byId(await Promise.all(rows.map(async (r) => (t === 'texts' ? { ...r, stored: await codec.decode(r.stored!) } : r))));
  }
  const history = (await db.history.where('projectId').equals(pid).toArray()).map((h) => ({ label: h.label, undone: h.undone, session: h.session, rows: h.changes.map((c) => `${c.table}:${c.key}`) }));
  const audit = byId(await db.audit.where('projectId').equals(pid).toArray());
  return { tables, history, audit };
}

function memoryProject(m: MemoryProject) {
  const tables: Record<string, unknown[]> = {};
  for (const t of TABLES) tables[t] = byId(m.rows<{ id: string; stored?: { text: string } }>(t).map((r) => (t === 'texts' ? { ...r, stored: r.stored!.text } : r)));
  const history = m.history.map((h) => ({ label: h.label, undone: h.undone, session: h.session, rows: h.changes.map((c) => `${c.table}:${c.key}`) }));
  return { tables, history, audit: byId(m.audit) };
}

/** A command chosen by indices into the current project (so most of them are valid). */
const pick = fc.record({
  kind: fc.constantFrom(
    'create',
    'rename',
    'keywords',
    'move',
    'delete',
    'merge',
    'split',
    'apply',
    'applyMany',
    'remove',
    'inVivo',
    'memo',
    'coder',
    'editCoder',
    'import',
    'accept',
    'undo',
    'redo',
    'undoStep',
    'star',
    'unstar',
    'template',
    'resetTemplate',
    'confirmQuote',
    'unconfirmQuote',
  ),
  a: fc.nat(20),
  b: fc.nat(20),
  /** Which window runs it: two sessions interleave their edits, Undo and Redo. */
  session: fc.constantFrom('A', 'B'),
  start: fc.nat(40),
  len: fc.integer({ min: 1, max: 15 }),
  text: fc.string({ maxLength: 12 }),
});

type Pick = typeof pick extends fc.Arbitrary<infer T> ? T : never;

function toCommand(p: Pick, m: MemoryProject, steps: number[]): Command | null {
  const bundle = m.toBundle();
  const { codes, codings, documents, coders } = bundle;
  const at = <T>(xs: readonly T[], i: number) => (xs.length ? xs[i % xs.length] : undefined);
  const code = at(codes, p.a);
  const other = at(codes, p.b);
  const doc = at(documents, p.b)!;
  const start = Math.min(p.start, doc.length - 1);
  const span = code && { documentId: doc.id, codeId: code.id, start, end: Math.min(doc.length, start + p.len), coderId: at(coders, p.a)!.id };
  switch (p.kind) {
    case 'create':
      return { type: 'createCode', name: p.text || 'New', parentId: other?.id ?? null };
    case 'rename':
      return code ? { type: 'updateCode', codeId: code.id, patch: { name: p.text } } : null;
    case 'keywords':
      return code ? { type: 'updateCode', codeId: code.id, patch: { keywords: [p.text] } } : null;
    case 'move':
      return code ? { type: 'moveCode', codeId: code.id, parentId: p.b % 3 === 0 ? null : (other?.id ?? null), index: p.start % 4 } : null;
    case 'delete':
      return code ? { type: 'deleteCode', codeId: code.id } : null;
    case 'merge':
      return code && other ? { type: 'mergeCodes', sourceId: code.id, targetId: other.id } : null;
    case 'split':
      return code ? { type: 'splitCode', codeId: code.id, name: p.text || 'Part', codingIds: codings.filter((c) => c.codeId === code.id).slice(0, 1).map((c) => c.id) } : null;
    case 'apply':
      return span ? { type: 'applyCodings', spans: [span] } : null;
    case 'applyMany':
      return code ? { type: 'applyCodings', spans: documents.map((d) => ({ documentId: d.id, codeId: code.id, start: 0, end: Math.min(d.length, p.len), coderId: coders[0]!.id })), label: 'Code all hits' } : null;
    case 'remove':
      return { type: 'removeCodings', codingIds: codings.filter((_, i) => i % 3 === p.a % 3).map((c) => c.id) };
    case 'inVivo':
      return { type: 'inVivo', name: p.text || 'word', documentId: doc.id, start, end: Math.min(doc.length, start + p.len), coderId: coders[0]!.id };
    case 'memo':
      return { type: 'saveMemo', target: code ? { kind: 'code', id: code.id } : { kind: 'project', id: m.projectId }, text: p.text };
    case 'coder':
      return { type: 'createCoder', name: p.text };
    case 'editCoder':
      return { type: 'updateCoder', coderId: at(coders, p.a)!.id, patch: { initials: p.text.slice(0, 4) } };
    case 'import':
      return { type: 'importCodes', codes: codes.slice(0, 2).map((c, i) => ({ ...c, name: i === 0 ? c.name : p.text || 'Imported' })), label: 'Import codebook' };
    case 'accept':
      return span ? { type: 'resolveDisagreement', documentId: span.documentId, codeId: span.codeId, start: span.start, end: span.end, decision: p.a % 2 ? 'apply' : 'remove', decidedBy: span.coderId } : null;
    case 'undo':
      return { type: 'undo' };
    case 'redo':
      return { type: 'redo' };
    case 'undoStep':
      return steps.length ? { type: 'undo', step: steps[p.a % steps.length]! } : null;
    case 'star': {
      const c = at(codings, p.a);
      return c ? { type: 'starQuote', documentId: c.documentId, start: c.start, end: c.end, codingId: c.id, coderId: c.coderId } : null;
    }
    case 'unstar': {
      const q = at(bundle.quotes ?? [], p.a);
      return q ? { type: 'unstarQuote', quoteId: q.id } : null;
    }
    case 'template': {
      const t = presetTemplate(p.a % 2 ? 'practitioners' : 'public');
      return { type: 'savePackTemplate', template: { ...t, sections: t.sections.slice(p.b % 3), title: p.text.trim() || t.title } };
    }
    case 'resetTemplate':
      return { type: 'resetPackTemplate', audience: p.a % 2 ? 'practitioners' : 'public' };
    case 'confirmQuote': {
      const q = at(bundle.quotes ?? [], p.a);
      return q ? { type: 'confirmQuote', quoteId: q.id, coderId: coders[0]!.id } : null;
    }
    case 'unconfirmQuote': {
      const q = at(bundle.quotes ?? [], p.a);
      return q ? { type: 'unconfirmQuote', quoteId: q.id } : null;
    }
  }
}

afterEach(() => setCodec(plainCodec));

describe('the in-memory executor (the CLI\'s)', () => {
  it('loads a bundle, runs commands all-or-nothing, and gives back a valid bundle', () => {
    const b = smallBundle(42);
    const m = MemoryProject.fromBundle(b);
    const sorted = (x: ProjectBundle) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, Array.isArray(v) ? byId(v as { id: string }[]) : v]));
    expect(sorted(ProjectBundle.parse(m.toBundle()))).toEqual(sorted(ProjectBundle.parse(b)));
    const { result } = m.execute({ type: 'inVivo', name: 'kept updated', documentId: b.documents[0]!.id, start: 18, end: 30, coderId: b.coders[0]!.id });
    m.execute({ type: 'saveMemo', target: { kind: 'code', id: result.code.id }, text: 'Why this matters' });
    const before = m.toBundle();
    expect(() => m.execute({ type: 'mergeCodes', sourceId: b.codes[0]!.id, targetId: b.codes[1]!.id })).toThrow(/own subcodes/);
    expect(m.toBundle()).toEqual(before);
    const out = ProjectBundle.parse(m.toBundle());
    expect(out.codes.map((c) => c.name)).toContain('kept updated');
    expect(out.memos.find((x) => x.target.id === result.code.id)?.text).toBe('Why this matters');
    expect(m.history.map((h) => h.label)).toEqual(['In-vivo code “kept updated”', 'Edit memo on the code']);
    expect(m.audit.map((a) => a.action)).toEqual(['code.in-vivo', 'memo.create']);
  });
});

describe('the Dexie executor and the in-memory executor', () => {
  let n = 0;
  it('leave the same project after any sequence of commands from two interleaved sessions (property)', async () => {
    const codec = await freshAesCodec();
    setCodec(codec);
    await fc.assert(
      fc.asyncProperty(fc.array(pick, { minLength: 1, maxLength: 14 }), fc.integer({ min: 1, max: 1_000_000 }), async (picks, seed) => {
        const bundle = smallBundle(seed);
        const pid = bundle.project.id;
        const db = await openChorusDb(`executors-${++n}`);
        const memory = new MemoryProject(pid);
        // the same clock and the same id sequence for both
        const dexieIds = seededGuids(seed);
        const memoryIds = seededGuids(seed);
        const opts = (ids: () => string, i: number, session = 'A') => ({ newId: ids, now: `2026-12-0${1 + (i % 9)}T10:00:00.000Z`, actor: 'Tester', session });
        await execute(db, pid, { type: 'importProject', bundle }, opts(dexieIds, 0));
        memory.execute({ type: 'importProject', bundle }, opts(memoryIds, 0));
        const steps: number[] = [];
        for (const [i, p] of picks.entries()) {
          const cmd = toCommand(p, memory, steps);
          if (!cmd) continue;
          let memoryError: unknown = null;
          let mine: number | null = null;
          try {
            mine = memory.execute(cmd, opts(memoryIds, i + 1, p.session)).step;
          } catch (e) {
            memoryError = e;
          }
          const theirs = await execute(db, pid, cmd, opts(dexieIds, i + 1, p.session)).then(
            (r) => r.step,
            (e: unknown) => {
              // both refuse the same commands, with the same message
              expect(e instanceof Error ? e.message : e).toBe(memoryError instanceof Error ? memoryError.message : 'memory executor accepted it');
              return 'refused' as const;
            },
          );
          if (theirs === 'refused') continue;
          expect(memoryError, `memory executor refused ${cmd.type}`).toBeNull();
          if (mine !== null) steps.push(mine);
        }
        const a = await dexieProject(db, pid, codec);
        const b = memoryProject(memory);
        expect(a.tables).toEqual(b.tables);
        expect(a.history).toEqual(b.history);
        expect(a.audit).toEqual(b.audit);
        db.close();
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
