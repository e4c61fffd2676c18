// Self-check of the blind hold-out fixture only. This does NOT run or import the detector.
import { describe, expect, it } from 'vitest';
import { LABELLED } from '../../fixtures/safeguarding/labelled-holdout';

const CATEGORIES = ['threat-to-life', 'self-harm', 'child-at-risk', 'ongoing-abuse'] as const;

describe('labelled hold-out fixture', () => {
  it('has unique, sequential ids and non-empty text and source', () => {
    const ids = LABELLED.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    ids.forEach((id, i) => expect(id).toBe(`h${String(i + 1).padStart(3, '0')}`));
    for (const t of LABELLED) {
      expect(t.text.trim().length).toBeGreaterThan(0);
      expect(t.source === 'written by the labeller' || /^gp-practice-feedback\.csv row \d+$/.test(t.source)).toBe(true);
    }
  });

  it('has valid categories and non-empty spans inside the text', () => {
    for (const t of LABELLED) {
      for (const l of t.labels) {
        expect(CATEGORIES).toContain(l.category);
        expect(Number.isInteger(l.start) && Number.isInteger(l.end)).toBe(true);
        expect(l.start).toBeGreaterThanOrEqual(0);
        expect(l.end).toBeGreaterThan(l.start);
        expect(l.end).toBeLessThanOrEqual(t.text.length);
        const span = t.text.slice(l.start, l.end);
        expect(span.trim().length).toBeGreaterThan(0);
        expect(span).toBe(span.trim());
      }
    }
  });

  it('has at least 20 texts per category and at least 150 negatives', () => {
    for (const c of CATEGORIES) {
      const n = LABELLED.filter((t) => t.labels.some((l) => l.category === c)).length;
      expect(n, c).toBeGreaterThanOrEqual(20);
    }
    expect(LABELLED.filter((t) => t.labels.length === 0).length).toBeGreaterThanOrEqual(150);
  });
});
