/**
 * Findings → recommendations → actions through both executors: each command is one undoable step
 * with an audit entry naming ids and counts only; deleting a finding takes its recommendations and
 * actions in the same step; "not actioned" needs a reason; refused commands change nothing; and
 * the lot travels through a .qdpx (chorus.json) and a merge.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execute, exportBundle, openChorusDb, plainCodec, setCodec, type ChorusDb } from '../../renderer/db';
import { MemoryProject } from '../../shared/commands/memory';
import { NOT_ACTIONED_NEEDS_REASON, type Command } from '../../shared/commands';
import { readQdpx, writeQdpx } from '../../shared/exchange/qdpx';
import { mergeProjects } from '../../shared/exchange/merge';
import { mergeDelta } from '../../shared/exchange/merge-delta';
import { copyProjectBundle } from '../../shared/exchange/copy-bundle';
import { readSidecar } from '../../shared/exchange/sidecar';
import type { ProjectBundle, Quote } from '../../shared/model';
import { seededGuids } from '../../shared/model';
import { smallBundle } from './fixtures';
import { freshAesCodec } from './aes-codec';
import { snapshot } from './test-store';

let n = 0;
async function seeded(seed = 1) {
  const db = await openChorusDb(`findings-${++n}`);
  const b = withQuote(smallBundle(seed + 900));
  await execute(db, b.project.id, { type: 'importProject', bundle: b });
  return { db, b, pid: b.project.id };
}

/** A starred quote row, as the Code view's starQuote would leave it. */
function withQuote(b: ProjectBundle): ProjectBundle {
  const q: Quote = { id: '00000000-0000-4000-8000-0000000000aa', projectId: b.project.id, documentId: b.documents[0]!.id, start: 45, end: 83, starredBy: b.coders[0]!.id, at: b.project.createdAt, note: '' };
  return { ...b, quotes: [q] };
}

const audits = async (db: ChorusDb, pid: string) => (await db.audit.where('projectId').equals(pid).toArray()).sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));

afterEach(() => setCodec(plainCodec));

describe('findings commands (Dexie executor)', () => {
  it('builds a finding with codes, a quote, a recommendation and two actions; each step undoes; the audit has no content', async () => {
    setCodec(await freshAesCodec());
    const { db, b, pid } = await seeded();
    const theme = b.codes[0]!.id;
    const { result: f } = await execute(db, pid, { type: 'createFinding', title: '  Victims were not told what happened next ', codeIds: [theme] });
    expect(f).toMatchObject({ title: 'Victims were not told what happened next', codeIds: [theme], order: 0 });
    await execute(db, pid, { type: 'linkFindingCodes', findingId: f.id, codeIds: [b.codes[2]!.id, theme] });
    await execute(db, pid, { type: 'linkFindingQuotes', findingId: f.id, quoteIds: ['00000000-0000-4000-8000-0000000000aa'] });
    const { result: rec } = await execute(db, pid, { type: 'createRecommendation', findingId: f.id, text: 'Call victims back within 5 working days' });
    const { result: a1 } = await execute(db, pid, { type: 'createAction', recommendationId: rec.id, recommendation: 'Add a call-back task to every crime report', owner: 'Victim Care Unit', due: '2027-03-31' });
    const { result: a2 } = await execute(db, pid, { type: 'createAction', recommendationId: rec.id, recommendation: 'A named officer for every victim' });
    expect(a1).toMatchObject({ findingId: f.id, recommendationId: rec.id, status: 'proposed', owner: 'Victim Care Unit', due: '2027-03-31' });

    // not actioned needs a reason: refused, nothing written
    const before = await snapshot(db);
    await expect(execute(db, pid, { type: 'setActionStatus', actionId: a2.id, status: 'not actioned' })).rejects.toThrow(NOT_ACTIONED_NEEDS_REASON);
    await expect(execute(db, pid, { type: 'setActionStatus', actionId: a2.id, status: 'not actioned', reason: '   ' })).rejects.toThrow(/needs a reason/);
    await expect(execute(db, pid, { type: 'createAction', recommendationId: rec.id, recommendation: 'x', status: 'not actioned' })).rejects.toThrow(/needs a reason/);
    await expect(execute(db, pid, { type: 'createAction', recommendationId: rec.id, recommendation: 'x', due: 'next Tuesday' })).rejects.toThrow(/not a date/);
    expect(await snapshot(db)).toEqual(before);
    const { result: na } = await execute(db, pid, { type: 'setActionStatus', actionId: a2.id, status: 'not actioned', reason: 'Not enough officers to name one per victim' });
    expect(na).toMatchObject({ status: 'not actioned', notActionedReason: 'Not enough officers to name one per victim' });

    expect((await db.findings.get(f.id))!.codeIds).toEqual([theme, b.codes[2]!.id]);
    expect((await db.findings.get(f.id))!.quoteIds).toEqual(['00000000-0000-4000-8000-0000000000aa']);
    const log = await audits(db, pid);
    const mine = log.filter((e) => /^(finding|recommendation|action)\./.test(e.action));
    expect(mine.map((e) => e.action)).toEqual(['finding.create', 'finding.link-codes', 'finding.link-quotes', 'recommendation.create', 'action.create', 'action.create', 'action.status']);
    const text = JSON.stringify(mine);
    for (const secret of ['Victims were', 'Call victims', 'Victim Care', 'named officer', 'Not enough officers']) expect(text).not.toContain(secret);

    // deleting the finding takes its recommendation and actions, in one step, and undo restores all
    const { result: gone, step } = await execute(db, pid, { type: 'deleteFinding', findingId: f.id });
    expect(gone).toEqual({ recommendations: 1, actions: 2 });
    expect(step).not.toBeNull();
    expect(await db.recommendations.where('projectId').equals(pid).count()).toBe(0);
    expect(await db.actions.where('projectId').equals(pid).count()).toBe(0);
    await execute(db, pid, { type: 'undo' });
    expect(await db.findings.get(f.id)).toBeDefined();
    expect(await db.recommendations.get(rec.id)).toBeDefined();
    expect((await db.actions.get(a2.id))!.status).toBe('not actioned');
    await execute(db, pid, { type: 'redo' });
    expect(await db.findings.get(f.id)).toBeUndefined();
  });

  it('refuses unknown codes, quotes of no project, an empty statement, and a partial reorder', async () => {
    const { db, b, pid } = await seeded(2);
    const { result: f } = await execute(db, pid, { type: 'createFinding', title: 'A' });
    await execute(db, pid, { type: 'createFinding', title: 'B' });
    const before = await snapshot(db);
    await expect(execute(db, pid, { type: 'createFinding', title: '   ' })).rejects.toThrow(/needs a statement/);
    await expect(execute(db, pid, { type: 'linkFindingCodes', findingId: f.id, codeIds: ['00000000-0000-4000-8000-00000000beef'] })).rejects.toThrow(/not in this project/);
    await expect(execute(db, pid, { type: 'linkFindingQuotes', findingId: f.id, quoteIds: ['00000000-0000-4000-8000-00000000beef'] })).rejects.toThrow(/star it in the Code view/);
    await expect(execute(db, pid, { type: 'reorderFindings', findingIds: [f.id] })).rejects.toThrow(/every finding/);
    await expect(execute(db, pid, { type: 'createRecommendation', findingId: b.codes[0]!.id, text: 'x' })).rejects.toThrow(/No such finding/);
    await expect(execute(db, pid, { type: 'setMethodCheck', checkId: 'nope', done: true })).rejects.toThrow(/not an item/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('updateAction edits fields, clears the due date, keeps a reason only while not actioned, and refuses “not actioned” without one', async () => {
    const { db, b, pid } = await seeded(4);
    const { result: f } = await execute(db, pid, { type: 'createFinding', title: 'F', codeIds: [b.codes[0]!.id] });
    const { result: r } = await execute(db, pid, { type: 'createRecommendation', findingId: f.id, text: 'R' });
    const { result: a } = await execute(db, pid, { type: 'createAction', recommendationId: r.id, recommendation: 'Do it', due: '2027-01-31', status: 'not actioned', notActionedReason: 'No budget' });
    const { result: edited } = await execute(db, pid, { type: 'updateAction', actionId: a.id, patch: { owner: ' Team A ', due: null, status: 'done', outcome: 'Done in March' } });
    expect(edited).toMatchObject({ owner: 'Team A', status: 'done', outcome: 'Done in March' });
    expect(edited.due).toBeUndefined();
    expect(edited.notActionedReason).toBeUndefined();
    const before = await snapshot(db);
    await expect(execute(db, pid, { type: 'updateAction', actionId: a.id, patch: { status: 'not actioned', notActionedReason: '' } })).rejects.toThrow(NOT_ACTIONED_NEEDS_REASON);
    expect(await snapshot(db)).toEqual(before);
    await execute(db, pid, { type: 'undo' });
    expect(await db.actions.get(a.id)).toMatchObject({ status: 'not actioned', notActionedReason: 'No budget', due: '2027-01-31' });
  });

  it('findings follow the codebook: a merged code is renamed to its target, deleted codes are dropped, in the same undo step', async () => {
    const { db, b, pid } = await seeded(8);
    const [theme, sub, other] = b.codes.map((c) => c.id) as [string, string, string];
    const { result: f } = await execute(db, pid, { type: 'createFinding', title: 'F', codeIds: [other, sub] });
    const codesOf = async () => (await db.findings.get(f.id))!.codeIds;
    await execute(db, pid, { type: 'mergeCodes', sourceId: other, targetId: theme });
    expect(await codesOf()).toEqual([theme, sub]);
    await execute(db, pid, { type: 'undo' });
    expect(await codesOf()).toEqual([other, sub]);
    await execute(db, pid, { type: 'deleteCode', codeId: theme }); // and its subcategory
    expect(await codesOf()).toEqual([other]);
    await execute(db, pid, { type: 'undo' });
    expect(await codesOf()).toEqual([other, sub]);
  });

  it('reorders findings and ticks method checks as undoable steps', async () => {
    const { db, pid } = await seeded(3);
    const ids: string[] = [];
    for (const t of ['First', 'Second', 'Third']) ids.push((await execute(db, pid, { type: 'createFinding', title: t })).result.id);
    await execute(db, pid, { type: 'reorderFindings', findingIds: [ids[2]!, ids[0]!, ids[1]!] });
    const order = async () => (await db.findings.where('projectId').equals(pid).toArray()).sort((a, b) => a.order - b.order).map((f) => f.title);
    expect(await order()).toEqual(['Third', 'First', 'Second']);
    await execute(db, pid, { type: 'undo' });
    expect(await order()).toEqual(['First', 'Second', 'Third']);
    await execute(db, pid, { type: 'setMethodCheck', checkId: 'familiarise.read', done: true });
    expect((await db.projects.get(pid))!.settings.methodChecks).toEqual(['familiarise.read']);
    await execute(db, pid, { type: 'undo' });
    expect((await db.projects.get(pid))!.settings.methodChecks ?? []).toEqual([]);
  });
});

describe('findings in the exchange', () => {
  async function built() {
    const m = MemoryProject.fromBundle(withQuote(smallBundle(41)));
    const b = m.toBundle();
    const { result: f } = m.execute({ type: 'createFinding', title: 'Updates were slow', codeIds: [b.codes[0]!.id] });
    const { result: rec } = m.execute({ type: 'createRecommendation', findingId: f.id, text: 'Update every 28 days' });
    m.execute({ type: 'createAction', recommendationId: rec.id, recommendation: 'Automatic update letters', owner: 'CMU', status: 'done', outcome: 'Letters go out every 28 days' });
    m.execute({ type: 'createAction', recommendationId: rec.id, recommendation: 'Text updates', status: 'not actioned', notActionedReason: 'The text service is not approved yet' });
    return m;
  }

  it('round-trips recommendations, actions and the method checklist through .qdpx (chorus.json)', async () => {
    const m = await built();
    m.execute({ type: 'setMethodCheck', checkId: 'codes.second', done: true });
    const b = m.toBundle();
    expect(readQdpx(writeQdpx(b), 'x.qdpx').project.settings.methodChecks).toEqual(['codes.second']);
    const back = readQdpx(writeQdpx(b), 'x.qdpx');
    expect(back.findings).toEqual(b.findings);
    expect(back.recommendations).toEqual(b.recommendations);
    expect([...back.actions].sort((x, y) => x.id.localeCompare(y.id))).toEqual([...b.actions].sort((x, y) => x.id.localeCompare(y.id)));
  });

  it('reads a version-2 side file written before recommendations (legacy statuses mapped)', () => {
    const b = smallBundle(5);
    const fid = '00000000-0000-4000-8000-0000000000f1';
    const side = {
      format: 'chorus-sidecar', version: 2, project: b.project, coders: {}, sources: [], documents: {}, codes: {}, variables: {}, participants: {}, memos: {},
      findings: [{ id: fid, projectId: b.project.id, title: 'Old finding', createdAt: b.project.createdAt }],
      actions: [{ id: '00000000-0000-4000-8000-0000000000a1', projectId: b.project.id, findingId: fid, recommendation: 'Old action', status: 'dropped', createdAt: b.project.createdAt }],
      assignments: [], decisions: [], redactions: [], sets: {},
    };
    const read = readSidecar(side);
    expect(read.recommendations).toBeUndefined();
    expect(read.actions[0]!.status).toBe('not actioned');
  });

  it('a merge brings the other file’s recommendations, and the merge delta writes them', async () => {
    const mine = MemoryProject.fromBundle(smallBundle(41)).toBundle();
    const theirs = (await built()).toBundle();
    const merged = mergeProjects([mine, theirs]).bundle;
    expect(merged.recommendations).toHaveLength(1);
    expect(merged.actions).toHaveLength(2);
    const delta = mergeDelta(mine, merged);
    expect(delta.rows.recommendations).toHaveLength(1);
    const target = MemoryProject.fromBundle(mine);
    target.execute({ type: 'mergeProject', delta, label: 'Merge' });
    expect(target.toBundle().recommendations).toEqual(merged.recommendations);
  });

  it('a duplicated project keeps each action under its recommendation and finding, with fresh ids and its words unchanged', async () => {
    const b = (await built()).toBundle();
    const c = copyProjectBundle(b);
    const [f] = c.findings;
    const [r] = c.recommendations!;
    expect(f!.id).not.toBe(b.findings[0]!.id);
    expect(r!.findingId).toBe(f!.id);
    expect(c.actions.every((a) => a.findingId === f!.id && a.recommendationId === r!.id)).toBe(true);
    expect(c.actions.map((a) => [a.recommendation, a.outcome, a.notActionedReason ?? null]).sort()).toEqual(b.actions.map((a) => [a.recommendation, a.outcome, a.notActionedReason ?? null]).sort());
  });

  it('the Dexie store exports recommendations in its bundle', async () => {
    const { db, b, pid } = await seeded(9);
    const { result: f } = await execute(db, pid, { type: 'createFinding', title: 'X', codeIds: [b.codes[0]!.id] });
    await execute(db, pid, { type: 'createRecommendation', findingId: f.id, text: 'Do Y' });
    const out = await exportBundle(db, pid);
    expect(out.recommendations?.map((r) => r.text)).toEqual(['Do Y']);
    expect(out.quotes).toHaveLength(1);
  });
});

/** Random sequences of findings commands: both executors leave the same findings, recommendations and actions. */
describe('findings commands in both executors', () => {
  const step = fc.record({ kind: fc.constantFrom('finding', 'rec', 'action', 'status', 'delFinding', 'delRec', 'delAction', 'reorder', 'link', 'unlink', 'undo', 'redo'), a: fc.nat(9), b: fc.nat(9), text: fc.string({ maxLength: 8 }) });
  it('agree on every table and the undo history', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 14 }), async (steps) => {
        const b = smallBundle(61);
        const db = await openChorusDb(`findings-prop-${++n}`);
        await execute(db, b.project.id, { type: 'importProject', bundle: b });
        const m = MemoryProject.fromBundle(b);
        let i = 0;
        for (const s of steps) {
          const cur = m.toBundle();
          const f = cur.findings[s.a % Math.max(1, cur.findings.length)];
          const r = (cur.recommendations ?? [])[s.a % Math.max(1, cur.recommendations?.length ?? 1)];
          const a = cur.actions[s.b % Math.max(1, cur.actions.length)];
          const code = cur.codes[s.b % cur.codes.length]!;
          const cmd: Command | null =
            s.kind === 'finding' ? { type: 'createFinding', title: s.text || 'F', codeIds: [code.id] }
            : s.kind === 'rec' ? (f ? { type: 'createRecommendation', findingId: f.id, text: s.text || 'R' } : null)
            : s.kind === 'action' ? (r ? { type: 'createAction', recommendationId: r.id, recommendation: s.text || 'A' } : null)
            : s.kind === 'status' ? (a ? { type: 'setActionStatus', actionId: a.id, status: s.b % 2 ? 'not actioned' : 'done', ...(s.a % 2 ? { reason: 'why' } : {}) } : null)
            : s.kind === 'delFinding' ? (f ? { type: 'deleteFinding', findingId: f.id } : null)
            : s.kind === 'delRec' ? (r ? { type: 'deleteRecommendation', recommendationId: r.id } : null)
            : s.kind === 'delAction' ? (a ? { type: 'deleteAction', actionId: a.id } : null)
            : s.kind === 'reorder' ? { type: 'reorderFindings', findingIds: [...cur.findings].reverse().map((x) => x.id) }
            : s.kind === 'link' ? (f ? { type: 'linkFindingCodes', findingId: f.id, codeIds: [code.id] } : null)
            : s.kind === 'unlink' ? (f ? { type: 'unlinkFindingCodes', findingId: f.id, codeIds: [code.id] } : null)
            : { type: s.kind };
          if (!cmd) continue;
          const seed = 1000 + i++;
          const opts = () => ({ now: '2026-02-02T00:00:00.000Z', newId: seededGuids(seed) });
          let memErr: string | null = null;
          try {
            m.execute(cmd, opts());
          } catch (e) {
            memErr = (e as Error).message;
          }
          let dbErr: string | null = null;
          try {
            await execute(db, b.project.id, cmd, opts());
          } catch (e) {
            dbErr = (e as Error).message;
          }
          expect(dbErr).toBe(memErr);
        }
        const mb = m.toBundle();
        const sort = <T extends { id: string }>(xs: T[] | undefined) => [...(xs ?? [])].sort((x, y) => x.id.localeCompare(y.id));
        for (const t of ['findings', 'recommendations', 'actions'] as const) {
          expect(sort(await db.table(t).where('projectId').equals(b.project.id).toArray())).toEqual(sort(mb[t] as { id: string }[]));
        }
        const hist = (await db.history.where('projectId').equals(b.project.id).toArray()).map((h) => `${h.label}:${h.undone}`);
        expect(hist).toEqual(m.history.map((h) => `${h.label}:${h.undone}`));
        // every action belongs to an existing recommendation of its finding
        for (const x of mb.actions) expect(mb.recommendations?.some((r) => r.id === x.recommendationId && r.findingId === x.findingId)).toBe(true);
        for (const x of mb.actions) if (x.status === 'not actioned') expect(x.notActionedReason).toBeTruthy();
      }),
      { numRuns: 25 },
    );
  });
});
