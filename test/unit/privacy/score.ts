/** Precision/recall of PII findings against gold spans (a hit = same type and overlapping). */
import { PII_TYPES, type PiiType } from '../../../shared/model';
import { detectPii } from '../../../shared/privacy/detect';
import type { LabelledItem } from '../../fixtures/pii/build-corpus';

export const STRUCTURED: PiiType[] = ['email', 'phone', 'postcode', 'nino', 'nhs', 'dob', 'vehicle', 'reference', 'handle', 'url'];
export const NAMES_ADDRESSES: PiiType[] = ['person', 'address'];

export interface Tally {
  gold: number;
  found: number;
  /** Gold spans hit by a finding of the same type. */
  recalled: number;
  /** Findings that hit a gold span of the same type. */
  correct: number;
}

export interface Score {
  byType: Record<PiiType, Tally>;
  misses: string[];
  falseAlarms: string[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

export function scoreItems(items: LabelledItem[]): Score {
  const byType = Object.fromEntries(PII_TYPES.map((t) => [t, { gold: 0, found: 0, recalled: 0, correct: 0 }])) as Record<PiiType, Tally>;
  const misses: string[] = [];
  const falseAlarms: string[] = [];
  for (const item of items) {
    const found = detectPii(item.text);
    for (const g of item.spans) {
      const t = byType[g.type];
      t.gold++;
      if (found.some((f) => f.type === g.type && overlaps(f, g))) t.recalled++;
      else misses.push(`#${item.id} ${g.type}: ${item.text.slice(g.start, g.end)}`);
    }
    for (const f of found) {
      const t = byType[f.type];
      t.found++;
      if (item.spans.some((g) => g.type === f.type && overlaps(f, g))) t.correct++;
      else falseAlarms.push(`#${item.id} ${f.type}: ${item.text.slice(f.start, f.end)}`);
    }
  }
  return { byType, misses, falseAlarms };
}

export function sum(score: Score, types: readonly PiiType[]): Tally {
  const total: Tally = { gold: 0, found: 0, recalled: 0, correct: 0 };
  for (const t of types) {
    const x = score.byType[t];
    total.gold += x.gold;
    total.found += x.found;
    total.recalled += x.recalled;
    total.correct += x.correct;
  }
  return total;
}

export const recall = (t: Tally): number => (t.gold === 0 ? 1 : t.recalled / t.gold);
export const precision = (t: Tally): number => (t.found === 0 ? 1 : t.correct / t.found);

export function table(title: string, score: Score): string {
  const pct = (x: number): string => (x * 100).toFixed(1).padStart(6);
  const row = (name: string, t: Tally): string =>
    `${name.padEnd(12)} ${String(t.gold).padStart(5)} ${String(t.found).padStart(6)} ${pct(precision(t))} ${pct(recall(t))}`;
  const lines = [title, `${'type'.padEnd(12)} ${'gold'.padStart(5)} ${'found'.padStart(6)} ${'prec%'.padStart(6)} ${'rec%'.padStart(6)}`];
  for (const t of PII_TYPES) lines.push(row(t, score.byType[t]));
  lines.push(row('structured', sum(score, STRUCTURED)));
  lines.push(row('names+addr', sum(score, NAMES_ADDRESSES)));
  lines.push(row('ALL', sum(score, PII_TYPES)));
  return lines.join('\n');
}
