/** One-step dismissals for the review: a type's findings by column, and by repeated value. */
import type { FindingView } from '../../workers/import-protocol';

export interface FindingGroup {
  /** The column name, or the value as first seen. */
  label: string;
  ids: string[];
  /** Places the group stands for (rows with the same value count each). */
  places: number;
}

const places = (f: FindingView): number => f.occurrences ?? 1;

/** Findings by column (table findings only), most places first. */
export function byColumn(findings: readonly FindingView[]): FindingGroup[] {
  const m = new Map<string, FindingGroup>();
  for (const f of findings) {
    if (f.column === undefined) continue;
    const g = m.get(f.column) ?? { label: f.column, ids: [], places: 0 };
    g.ids.push(f.id);
    g.places += places(f);
    m.set(f.column, g);
  }
  return [...m.values()].sort((a, b) => b.places - a.places || a.label.localeCompare(b.label));
}

/** Values found in at least `min` places (case and spacing ignored), most places first, at most `limit`. */
export function repeatedValues(findings: readonly FindingView[], min = 3, limit = 8): FindingGroup[] {
  const m = new Map<string, FindingGroup>();
  for (const f of findings) {
    const key = f.match.toLocaleLowerCase('en-GB').replace(/\s+/g, ' ').trim();
    const g = m.get(key) ?? { label: f.match, ids: [], places: 0 };
    g.ids.push(f.id);
    g.places += places(f);
    m.set(key, g);
  }
  return [...m.values()]
    .filter((g) => g.places >= min)
    .sort((a, b) => b.places - a.places || a.label.localeCompare(b.label))
    .slice(0, limit);
}

/** Below this, a name was found on thin evidence (a lone unknown word by its surroundings); the review marks it. */
export const LOW_EVIDENCE = 0.7;
