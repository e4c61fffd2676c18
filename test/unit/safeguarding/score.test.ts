/** The scorer itself, on a hand-checked toy set. */
import { describe, expect, it } from 'vitest';
import type { SafeguardFinding } from '../../../shared/safeguarding/detect';
import { scoreSafeguarding } from './score';

const finding = (category: SafeguardFinding['category'], start: number, end: number): SafeguardFinding => ({ category, start, end, cueStart: start, cueEnd: end, cue: 'x', confidence: 1, reason: '' });

describe('scoreSafeguarding', () => {
  it('counts text-level hits, false alarms and misses per category and for any risk', () => {
    const set = [
      { id: 'a', text: 'aaaa', labels: [{ category: 'self-harm' as const, start: 0, end: 4 }] },
      { id: 'b', text: 'bbbb', labels: [] },
      { id: 'c', text: 'cccc', labels: [{ category: 'child-at-risk' as const, start: 0, end: 2 }] },
    ];
    const detect = (t: string) => (t === 'aaaa' ? [finding('self-harm', 1, 3)] : t === 'bbbb' ? [finding('self-harm', 0, 1)] : [finding('ongoing-abuse', 0, 1)]);
    const s = scoreSafeguarding(set, detect);
    const of = (c: string) => s.perCategory.find((x) => x.category === c)!;
    expect([of('self-harm').tp, of('self-harm').fp, of('self-harm').fn]).toEqual([1, 1, 0]);
    expect(of('self-harm').precision).toBe(0.5);
    expect(of('self-harm').spanOverlap).toEqual({ hit: 1, of: 1 });
    expect([of('child-at-risk').tp, of('child-at-risk').fn, of('child-at-risk').recall]).toEqual([0, 1, 0]);
    expect(of('ongoing-abuse').fp).toBe(1);
    expect([of('any').tp, of('any').fp, of('any').fn]).toEqual([2, 1, 0]);
    expect(of('threat-to-life').precision).toBeNull();
    expect(s.errors).toContainEqual({ id: 'c', category: 'child-at-risk', kind: 'fn' });
  });
});
