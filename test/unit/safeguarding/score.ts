/**
 * Scoring the safeguarding detector against a labelled set, at TEXT level: for each text and
 * category, does the text hold a labelled passage of that category, and did the detector flag
 * one? (Span overlap is reported too, as a secondary figure.) Used for the author's dev set and,
 * blind, for the independent hold-out.
 */
import { SAFEGUARD_CATEGORIES, type SafeguardCategory, type SafeguardFinding } from '../../../shared/safeguarding/detect';
import type { LabelledSafeguardText } from '../../fixtures/safeguarding/types';

export interface CategoryScore {
  category: SafeguardCategory | 'any';
  tp: number;
  fp: number;
  fn: number;
  /** null when undefined (nothing predicted / nothing labelled). */
  precision: number | null;
  recall: number | null;
  f1: number | null;
  /** Labelled passages (of texts the detector flagged for that category) overlapped by a finding of the category. */
  spanOverlap: { hit: number; of: number };
}

export interface Scored {
  texts: number;
  perCategory: CategoryScore[];
  /** Text-level misses and false alarms, for reading (ids only). */
  errors: { id: string; category: SafeguardCategory; kind: 'fp' | 'fn' }[];
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

export function scoreSafeguarding(set: readonly LabelledSafeguardText[], detect: (text: string) => SafeguardFinding[]): Scored {
  const counts = new Map<SafeguardCategory | 'any', { tp: number; fp: number; fn: number; hit: number; of: number }>();
  for (const c of [...SAFEGUARD_CATEGORIES, 'any' as const]) counts.set(c, { tp: 0, fp: 0, fn: 0, hit: 0, of: 0 });
  const errors: Scored['errors'] = [];
  for (const item of set) {
    const found = detect(item.text);
    const tally = (c: SafeguardCategory | 'any', gold: boolean, pred: boolean) => {
      const t = counts.get(c)!;
      if (gold && pred) t.tp++;
      else if (pred) t.fp++;
      else if (gold) t.fn++;
    };
    for (const c of SAFEGUARD_CATEGORIES) {
      const gold = item.labels.filter((l) => l.category === c);
      const pred = found.filter((f) => f.category === c);
      tally(c, gold.length > 0, pred.length > 0);
      if (gold.length > 0 && pred.length === 0) errors.push({ id: item.id, category: c, kind: 'fn' });
      if (gold.length === 0 && pred.length > 0) errors.push({ id: item.id, category: c, kind: 'fp' });
      const t = counts.get(c)!;
      for (const g of gold) {
        t.of++;
        if (pred.some((p) => p.start < g.end && g.start < p.end)) t.hit++;
      }
    }
    tally('any', item.labels.length > 0, found.length > 0);
  }
  const perCategory = [...counts].map(([category, t]) => {
    const precision = ratio(t.tp, t.tp + t.fp);
    const recall = ratio(t.tp, t.tp + t.fn);
    const f1 = precision === null || recall === null || precision + recall === 0 ? null : (2 * precision * recall) / (precision + recall);
    return { category, tp: t.tp, fp: t.fp, fn: t.fn, precision, recall, f1, spanOverlap: { hit: t.hit, of: t.of } };
  });
  return { texts: set.length, perCategory, errors };
}

const pct = (x: number | null) => (x === null ? '  —  ' : `${(x * 100).toFixed(1).padStart(5)}%`);

/** A plain-text table of the scores. */
export function formatScores(title: string, s: Scored): string {
  const lines = [`${title}: ${s.texts} texts (text-level)`, 'category          TP  FP  FN  precision  recall   F1     span overlap'];
  for (const c of s.perCategory) {
    lines.push(`${c.category.padEnd(16)} ${String(c.tp).padStart(3)} ${String(c.fp).padStart(3)} ${String(c.fn).padStart(3)}  ${pct(c.precision)}   ${pct(c.recall)}  ${pct(c.f1)}  ${c.spanOverlap.hit}/${c.spanOverlap.of}`);
  }
  return lines.join('\n');
}
