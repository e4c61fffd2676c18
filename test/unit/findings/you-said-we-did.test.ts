/** "You said, we did": findings in order, actions grouped did → doing → considering → could not, plain words. */
import { describe, expect, it } from 'vitest';
import { youSaidWeDid } from '../../../shared/findings/you-said-we-did';
import type { Action, Finding, Recommendation } from '../../../shared/model';

const P = 'aa000000-0000-4000-8000-000000000000';
const g = (n: number) => `bb000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const finding = (n: number, title: string, order: number): Finding => ({ id: g(n), projectId: P, title, summary: '', codeIds: [], quoteIds: [], evidenceCodingIds: [], audiences: [], order, createdAt: '2026-01-01' });
const rec = (n: number, findingId: string): Recommendation => ({ id: g(n), projectId: P, findingId, text: 'r', order: 0, createdAt: '2026-01-01' });
const action = (n: number, findingId: string, recommendationId: string, over: Partial<Action>): Action => ({ id: g(n), projectId: P, findingId, recommendationId, recommendation: `action ${n}`, owner: '', status: 'proposed', outcome: '', createdAt: `2026-01-0${n % 9}`, ...over });

describe('youSaidWeDid', () => {
  it('says what we did, are doing, are considering and could not do (with why), findings in their order', () => {
    const f1 = finding(1, 'Nobody told me what happened next', 1);
    const f2 = finding(2, 'The officer believed me', 0);
    const f3 = finding(3, 'No actions here', 2);
    const r1 = rec(11, f1.id);
    const actions = [
      action(21, f1.id, r1.id, { status: 'not actioned', notActionedReason: 'The phone system cannot do it yet' }),
      action(22, f1.id, r1.id, { status: 'done', outcome: 'Every victim now gets a call within 5 days' }),
      action(23, f1.id, r1.id, { status: 'in progress', due: '2027-03-31' }),
      action(24, f1.id, r1.id, { status: 'proposed' }),
      action(25, f2.id, r1.id, { status: 'done' }),
    ];
    const out = youSaidWeDid([f1, f2, f3], [r1], actions);
    expect(out.map((x) => x.said)).toEqual(['The officer believed me', 'Nobody told me what happened next']);
    expect(out[1]!.did).toEqual([
      { actionId: g(22), kind: 'we did', text: 'Every victim now gets a call within 5 days' },
      { actionId: g(23), kind: 'we are doing', text: 'action 23', due: '2027-03-31' },
      { actionId: g(24), kind: 'we are considering', text: 'action 24' },
      { actionId: g(21), kind: 'we could not', text: 'action 21', reason: 'The phone system cannot do it yet' },
    ]);
    // done without an outcome says the action itself
    expect(out[0]!.did).toEqual([{ actionId: g(25), kind: 'we did', text: 'action 25' }]);
  });
});
