/**
 * Disclosure control for published tables: small counts (and what derives from them) are suppressed.
 * Primary suppression withholds counts from 1 to N−1 ("fewer than N"); for tables whose totals are
 * sums of their cells (the subcategory matrix: a code's participants = Σ its groups) secondary
 * suppression withholds more ("withheld") until no suppressed count can be solved from the rest —
 * see shared/privacy/secondary.ts for the exact guarantee. Percentages on a suppressed count or on a
 * base under N, and test statistics of a row with a suppressed cell, are withheld too.
 */
import { protectTable, suppressedText, type CellMark, type LinearTable } from '../privacy/secondary';
import { checkThreshold, fewerThan, suppressSmallCounts } from '../privacy/suppress';
import type { AnalysisTable, Cell, Row, SuppressionMark } from './types';

/** The words a suppressed cell shows in every export, or undefined when the cell is published. */
export function suppressionText(table: Pick<AnalysisTable, 'suppressed' | 'stats'>, rowIndex: number, key: string): string | undefined {
  const mark = table.suppressed?.[rowIndex]?.[key];
  const threshold = table.stats?.disclosureThreshold;
  if (!mark || typeof threshold !== 'number') return undefined;
  return suppressedText(mark, threshold);
}

/** A warning's small counts of people or documents ("6 participant(s) have no value…") as "fewer than N". */
export function suppressCountsInText(text: string, threshold: number): string {
  return text.replace(/\b(\d[\d,]*)(\s+(?:participant|document|response|coding|person|people|respondent|interview)[a-z()]*)/gi, (all, n: string, rest: string, at: number) => {
    const v = Number(n.replace(/,/g, ''));
    if (!Number.isInteger(v) || suppressSmallCounts(v, threshold) !== null) return all;
    const words = fewerThan(threshold);
    // at the start of a sentence, with a capital
    return `${at === 0 || /[.!?]\s*$/.test(text.slice(0, at)) ? words.charAt(0).toUpperCase() + words.slice(1) : words}${rest}`;
  });
}

/** Counts of the subcategory matrix as a LinearTable: per row total = Σ groups; in scope = all groups + no value. */
function matrixQuantities(table: AnalysisTable): { t: LinearTable; where: Array<[number, string] | 'scope' | 'missing'> } | null {
  const groups = table.columns.filter((c) => /^n:\d+$/.test(c.key)).map((c) => c.key);
  const values: number[] = [];
  const where: Array<[number, string] | 'scope' | 'missing'> = [];
  const sums: { total: number; parts: number[] }[] = [];
  let baseTotal = -1;
  for (const [r, row] of table.rows.entries()) {
    const cells = ['total', ...groups].map((k) => row[k]);
    if (!cells.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 0)) return null;
    const first = values.length;
    for (const [i, k] of ['total', ...groups].entries()) {
      values.push(cells[i] as number);
      where.push([r, k]);
    }
    sums.push({ total: first, parts: groups.map((_, i) => first + 1 + i) });
    if (row.codeId === null) baseTotal = first;
  }
  const scope = table.stats?.participantsInScope;
  const missing = table.stats?.participantsWithoutValue;
  if (baseTotal >= 0 && typeof scope === 'number' && typeof missing === 'number' && scope === values[baseTotal]! + missing) {
    values.push(scope, missing);
    where.push('scope', 'missing');
    sums.push({ total: values.length - 2, parts: [baseTotal, values.length - 1] });
  }
  return { t: { values, sums }, where };
}

/** The fallback for a table that does not add up: small counts "fewer", and every other count in their rows and columns "withheld". */
function withholdLines(table: AnalysisTable, counts: readonly string[], threshold: number, marks: Array<Record<string, SuppressionMark>>): void {
  const rows = new Set<number>();
  const keys = new Set<string>();
  table.rows.forEach((row, r) => {
    for (const key of counts) {
      const v = row[key];
      if (typeof v === 'number' && suppressSmallCounts(v, threshold) === null) {
        marks[r]![key] = 'fewer';
        rows.add(r);
        keys.add(key);
      }
    }
  });
  table.rows.forEach((row, r) => {
    for (const key of counts) if (!marks[r]![key] && typeof row[key] === 'number' && (rows.has(r) || keys.has(key))) marks[r]![key] = 'withheld';
  });
}

/**
 * A copy of the table for publication. Counts from 1 to threshold−1 are suppressed, with secondary
 * suppression where totals would give them away; every suppressed cell is null in `rows` and has
 * its mark in `suppressed` (exports write "fewer than N" or "withheld", never an empty cell).
 */
export function forPublication(table: AnalysisTable, threshold: number): AnalysisTable {
  checkThreshold(threshold);
  const counts = table.columns.filter((c) => c.type === 'count').map((c) => c.key);
  const marks: Array<Record<string, SuppressionMark>> = table.rows.map(() => ({}));
  const stats: Record<string, number | string | boolean | null> = { ...table.stats, disclosureThreshold: threshold };

  const structured = table.kind === 'matrix' ? matrixQuantities(table) : null;
  let m: CellMark[] | null = null;
  try {
    m = structured ? protectTable(structured.t, threshold) : null;
  } catch (e) {
    // A table whose totals are not the sums of its parts (it should not happen) cannot be checked
    // cell by cell: every count in a row or column with a small count is withheld instead.
    if (!(e instanceof RangeError)) throw e;
    withholdLines(table, counts, threshold, marks);
  }
  if (structured && m) {
    structured.where.forEach((w, q) => {
      const mark = m[q];
      if (mark !== 'fewer' && mark !== 'withheld') return;
      if (w === 'scope') stats.participantsInScope = null;
      else if (w === 'missing') stats.participantsWithoutValue = null;
      else marks[w[0]]![w[1]] = mark;
    });
  } else if (!structured) {
    table.rows.forEach((row, r) => {
      for (const key of counts) {
        const v = row[key];
        if (typeof v === 'number' && suppressSmallCounts(v, threshold) === null) marks[r]![key] = 'fewer';
      }
    });
    for (const k of ['participantsInScope', 'documentsInScope']) {
      const v = stats[k];
      if (typeof v === 'number' && v > 0 && v < threshold) stats[k] = null;
    }
  }

  const base = table.kind === 'matrix' ? table.rows.find((r) => r.codeId === null) : undefined;
  const baseIndex = base ? table.rows.indexOf(base) : -1;
  const small = (v: Cell | undefined) => typeof v !== 'number' || (v > 0 && v < threshold);
  const rows = table.rows.map((row, r) => {
    const out: Row = { ...row };
    const hidden = marks[r]!;
    for (const key of Object.keys(hidden)) out[key] = null;
    for (const c of table.columns) {
      if (c.basis === undefined || hidden[c.key]) continue;
      let withhold = !!hidden[c.basis];
      if (table.kind === 'matrix') {
        const g = /^(row|col):(\d+)$/.exec(c.key);
        if (g?.[1] === 'row') withhold ||= !!hidden.total || small(row.total);
        if (g?.[1] === 'col' && baseIndex >= 0) withhold ||= !!marks[baseIndex]![`n:${g[2]}`] || small(base![`n:${g[2]}`]);
      } else if (c.type === 'percent') {
        const scope = table.stats?.participantsInScope;
        withhold ||= typeof scope === 'number' && scope > 0 && scope < threshold;
      }
      if (withhold && out[c.key] !== null && out[c.key] !== undefined) {
        out[c.key] = null;
        hidden[c.key] = 'withheld';
      }
    }
    // Test statistics of a row with a suppressed cell could be inverted to recover it.
    if (table.kind === 'matrix' && Object.keys(hidden).length > 0)
      for (const key of ['chi2', 'p'])
        if (key in out && out[key] !== null) {
          out[key] = null;
          hidden[key] = 'withheld';
        }
    // Quotes beside a suppressed count in the same group (e.g. "survey:quotes" with "survey:participants").
    for (const c of table.columns) {
      if (c.type !== 'list') continue;
      const prefix = c.key.includes(':') ? c.key.slice(0, c.key.lastIndexOf(':') + 1) : null;
      if (prefix && Object.keys(hidden).some((h) => h.startsWith(prefix))) out[c.key] = [];
    }
    return out;
  });
  const primary = marks.reduce((n, m) => n + Object.values(m).filter((x) => x === 'fewer').length, 0);
  const secondary = marks.reduce((n, m) => n + Object.values(m).filter((x) => x === 'withheld').length, 0);
  if (table.kind === 'matrix' && primary + secondary > 0) for (const k of ['chi2', 'p', 'smallExpectedShare']) if (k in stats) stats[k] = null;
  return {
    ...table,
    rows,
    suppressed: marks,
    warnings: [
      ...table.warnings.map((w) => suppressCountsInText(w, threshold)),
      `Counts from 1 to ${Math.max(0, threshold - 1)} are suppressed for publication and read “${fewerThan(threshold)}” (${primary} cell(s)); ${secondary} more cell(s) read “withheld” so that no suppressed count can be worked out from totals or percentages.`,
    ],
    stats,
  };
}
