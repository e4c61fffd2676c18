/** The user's choices for one table file, before they become a TableMapping. */
import type { AttributeType, DatePolicy, SourceSpec, TableMapping } from '../../../shared/import/mapping';
import { keyNote } from '../../../shared/import/id-guess';
import type { TableSummary } from '../../workers/import-protocol';

export type ColumnRole = 'ignore' | 'text' | 'attribute';

export interface MappingDraft {
  idColumn: string;
  participantColumn: string;
  roles: Record<string, ColumnRole>;
  types: Record<string, AttributeType>;
  dateOrder: 'dmy' | 'mdy';
  /** Per date column: read in the date order (default), or only the unambiguous dates. */
  dates: Record<string, DatePolicy>;
}

/** A first guess: free-text columns from the contents, the record id from unique columns (summary.idGuess), everything else an attribute. */
export function defaultDraft(t: TableSummary): MappingDraft {
  const idColumn = t.idGuess.column && !t.guessedText.includes(t.idGuess.column) ? t.idGuess.column : '';
  const roles: Record<string, ColumnRole> = {};
  const types: Record<string, AttributeType> = {};
  for (const c of t.columns) {
    roles[c] = t.guessedText.includes(c) ? 'text' : c === idColumn ? 'ignore' : 'attribute';
    types[c] = t.guessedTypes[c] ?? 'category';
  }
  return { idColumn, participantColumn: '', roles, types, dateOrder: 'dmy', dates: {} };
}

/** Keep the user's choices for columns that still exist after re-reading the file with other settings. */
export function carryOver(prev: MappingDraft | undefined, t: TableSummary): MappingDraft {
  const fresh = defaultDraft(t);
  if (!prev) return fresh;
  const keep = (c: string) => t.columns.includes(c);
  for (const c of t.columns) {
    if (prev.roles[c]) fresh.roles[c] = prev.roles[c];
    if (prev.types[c]) fresh.types[c] = prev.types[c];
    if (prev.dates[c]) fresh.dates[c] = prev.dates[c];
  }
  return { ...fresh, idColumn: keep(prev.idColumn) ? prev.idColumn : fresh.idColumn, participantColumn: keep(prev.participantColumn) ? prev.participantColumn : '', dateOrder: prev.dateOrder };
}

/** The record id and participant columns are keys: never free text, never attributes, whatever role they had before. */
export function toTableMapping(d: MappingDraft, columns: readonly string[], source: SourceSpec): TableMapping {
  const used = new Set([d.idColumn, d.participantColumn]);
  return {
    ...(d.idColumn ? { idColumn: d.idColumn } : {}),
    ...(d.participantColumn ? { participantColumn: d.participantColumn } : {}),
    textColumns: columns.filter((c) => d.roles[c] === 'text' && !used.has(c)),
    attributes: columns
      .filter((c) => d.roles[c] === 'attribute' && !used.has(c))
      .map((c) => {
        const type = d.types[c] ?? 'category';
        return { column: c, type, ...(type === 'date' && d.dates[c] === 'unambiguous' ? { dates: 'unambiguous' as const } : {}) };
      }),
    dateOrder: d.dateOrder,
    source,
  };
}

/** Why this file cannot be scanned yet, or null. */
export function draftProblem(d: MappingDraft, columns: readonly string[], source: SourceSpec): string | null {
  const used = new Set([d.idColumn, d.participantColumn]);
  if (!columns.some((c) => d.roles[c] === 'text' && !used.has(c))) return 'Choose at least one free-text column (the record id and participant columns do not count).';
  if (!source.name.trim()) return 'Give the source a name.';
  if (source.collectedFrom && source.collectedTo && source.collectedFrom > source.collectedTo) return 'The collection period ends before it starts.';
  return null;
}

/** Why the chosen record id column is (or is not) a good key, from the counts over every row. */
export function idColumnNote(t: TableSummary, column: string): { ok: boolean; text: string } | null {
  if (!column) return t.idGuess.column === '' && t.idGuess.reason ? { ok: true, text: t.idGuess.reason } : null;
  if (column === t.idGuess.column) return { ok: true, text: t.idGuess.reason };
  const s = t.keyStats.find((k) => k.column === column);
  if (!s) return null;
  if (s.unique) return { ok: true, text: keyNote(s, t.rowCount) };
  return { ok: false, text: `${keyNote(s, t.rowCount)}: empty ids become row numbers, and each repeat is listed as a warning` };
}
