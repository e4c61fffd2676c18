/** The user's choices for one table file, before they become a TableMapping. */
import type { AttributeType, SourceSpec, TableMapping } from '../../../shared/import/mapping';
import type { TableSummary } from '../../workers/import-protocol';

export type ColumnRole = 'ignore' | 'text' | 'attribute';

export interface MappingDraft {
  idColumn: string;
  participantColumn: string;
  roles: Record<string, ColumnRole>;
  types: Record<string, AttributeType>;
  dateOrder: 'dmy' | 'mdy';
}

/** A first guess: free-text columns from the contents, an id column by name, everything else an attribute. */
export function defaultDraft(t: TableSummary): MappingDraft {
  const idColumn = t.columns.find((c) => /^(id|ref|respon[sd]e?(nt)? ?id|record|case)\b/i.test(c) && !t.guessedText.includes(c)) ?? '';
  const roles: Record<string, ColumnRole> = {};
  const types: Record<string, AttributeType> = {};
  for (const c of t.columns) {
    roles[c] = t.guessedText.includes(c) ? 'text' : c === idColumn ? 'ignore' : 'attribute';
    types[c] = t.guessedTypes[c] ?? 'category';
  }
  return { idColumn, participantColumn: '', roles, types, dateOrder: 'dmy' };
}

/** Keep the user's choices for columns that still exist after re-reading the file with other settings. */
export function carryOver(prev: MappingDraft | undefined, t: TableSummary): MappingDraft {
  const fresh = defaultDraft(t);
  if (!prev) return fresh;
  const keep = (c: string) => t.columns.includes(c);
  for (const c of t.columns) {
    if (prev.roles[c]) fresh.roles[c] = prev.roles[c];
    if (prev.types[c]) fresh.types[c] = prev.types[c];
  }
  return { ...fresh, idColumn: keep(prev.idColumn) ? prev.idColumn : fresh.idColumn, participantColumn: keep(prev.participantColumn) ? prev.participantColumn : '', dateOrder: prev.dateOrder };
}

export function toTableMapping(d: MappingDraft, columns: readonly string[], source: SourceSpec): TableMapping {
  const used = new Set([d.idColumn, d.participantColumn]);
  return {
    ...(d.idColumn ? { idColumn: d.idColumn } : {}),
    ...(d.participantColumn ? { participantColumn: d.participantColumn } : {}),
    textColumns: columns.filter((c) => d.roles[c] === 'text'),
    attributes: columns.filter((c) => d.roles[c] === 'attribute' && !used.has(c)).map((c) => ({ column: c, type: d.types[c] ?? 'category' })),
    dateOrder: d.dateOrder,
    source,
  };
}

/** Why this file cannot be scanned yet, or null. */
export function draftProblem(d: MappingDraft, columns: readonly string[], source: SourceSpec): string | null {
  if (!columns.some((c) => d.roles[c] === 'text')) return 'Choose at least one free-text column.';
  if (!source.name.trim()) return 'Give the source a name.';
  if (source.collectedFrom && source.collectedTo && source.collectedFrom > source.collectedTo) return 'The collection period ends before it starts.';
  return null;
}
