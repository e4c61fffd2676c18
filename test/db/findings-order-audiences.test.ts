/**
 * Recommendations reordered under their finding (reorderRecommendations) and a finding's audiences
 * set (updateFinding's audiences): one undoable step each, through the Dexie executor and the
 * memory executor; refused lists change nothing; the audit names ids and counts only.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { execute, openChorusDb } from '../../renderer/db';
import { MemoryProject } from '../../shared/commands/memory';
import { smallBundle } from './fixtures';
import { snapshot } from './test-store';

let n = 0;
async function seeded() {
  const db = await openChorusDb(`findings-order-${++n}`);
  const b = smallBundle(n + 700);
  await execute(db, b.project.id, { type: 'importProject', bundle: b });
  return { db, pid: b.project.id };
}
describe('reorderRecommendations', () => {
  it('puts a finding’s recommendations in the order given, leaves another finding’s alone, and Undo restores the order', async () => {
    const { db, pid } = await seeded();
    const { result: f } = await execute(db, pid, { type: 'createFinding', title: 'Updates were slow' });
    const { result: g } = await execute(db, pid, { type: 'createFinding', title: 'Other' });
    const ids: string[] = [];
    for (const t of ['First', 'Second', 'Third']) ids.push((await execute(db, pid, { type: 'createRecommendation', findingId: f.id, text: t })).result.id);
    const { result: other } = await execute(db, pid, { type: 'createRecommendation', findingId: g.id, text: 'Elsewhere' });
    const order = async (findingId: string) => (await db.recommendations.where('projectId').equals(pid).toArray()).filter((r) => r.findingId === findingId).sort((a, b) => a.order - b.order).map((r) => r.text);
    await execute(db, pid, { type: 'reorderRecommendations', findingId: f.id, recommendationIds: [ids[1]!, ids[0]!, ids[2]!] });
    expect(await order(f.id)).toEqual(['Second', 'First', 'Third']);
    expect(await order(g.id)).toEqual(['Elsewhere']);
    // audit ids are random: find the entry by its action, not by its place in the table
    const reorders = (await db.audit.toArray()).filter((a) => a.action === 'recommendation.reorder');
    expect(reorders).toHaveLength(1);
    const audit = reorders[0]!;
    expect(audit).toMatchObject({ action: 'recommendation.reorder', counts: { recommendations: 3 } });
    expect(JSON.stringify(audit)).not.toContain('Second');
    await execute(db, pid, { type: 'undo' });
    expect(await order(f.id)).toEqual(['First', 'Second', 'Third']);

    const before = await snapshot(db);
    for (const bad of [[ids[0]!, ids[1]!], [ids[0]!, ids[0]!, ids[1]!], [ids[0]!, ids[1]!, other.id], [...ids, other.id]])
      await expect(execute(db, pid, { type: 'reorderRecommendations', findingId: f.id, recommendationIds: bad })).rejects.toThrow(/every recommendation of the finding exactly once/);
    await expect(execute(db, pid, { type: 'reorderRecommendations', findingId: other.id, recommendationIds: [] })).rejects.toThrow(/No such finding/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('any permutation is the order afterwards (memory executor, property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }).chain((k) => fc.tuple(fc.constant(k), fc.shuffledSubarray([...Array(k).keys()], { minLength: k, maxLength: k }))), ([k, perm]) => {
        const m = MemoryProject.fromBundle(smallBundle(5));
        const { result: f } = m.execute({ type: 'createFinding', title: 'F' });
        const ids = Array.from({ length: k }, (_, i) => m.execute({ type: 'createRecommendation', findingId: f.id, text: `R${i}` }).result.id);
        const wanted = perm.map((i) => ids[i]!);
        m.execute({ type: 'reorderRecommendations', findingId: f.id, recommendationIds: wanted });
        const recs = [...(m.toBundle().recommendations ?? [])].sort((a, b) => a.order - b.order);
        expect(recs.map((r) => r.id)).toEqual(wanted);
        expect(recs.map((r) => r.order)).toEqual([...Array(k).keys()]);
      }),
      { numRuns: 40 },
    );
  });
});

describe('a finding’s audiences', () => {
  it('are set and cleared with updateFinding, one undo step each; an unknown audience is refused', async () => {
    const { db, pid } = await seeded();
    const { result: f } = await execute(db, pid, { type: 'createFinding', title: 'F' });
    await execute(db, pid, { type: 'updateFinding', findingId: f.id, patch: { audiences: ['partners', 'chief officers', 'partners'] } });
    expect((await db.findings.get(f.id))!.audiences).toEqual(['partners', 'chief officers']);
    await execute(db, pid, { type: 'updateFinding', findingId: f.id, patch: { audiences: [] } });
    expect((await db.findings.get(f.id))!.audiences).toEqual([]);
    await execute(db, pid, { type: 'undo' });
    expect((await db.findings.get(f.id))!.audiences).toEqual(['partners', 'chief officers']);
    await expect(execute(db, pid, { type: 'updateFinding', findingId: f.id, patch: { audiences: ['the press' as never] } })).rejects.toThrow(/“the press” is not an audience/);
    expect((await db.findings.get(f.id))!.audiences).toEqual(['partners', 'chief officers']);
  });
});
