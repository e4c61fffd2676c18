/** Guesses for a table's mapping when the user gave none: which columns are free text, what type an attribute is. */
import type { AttributeType } from './mapping';
import type { ParsedTable } from './types';
import { parseBoolean, parseDate, parseNumber, type DateOrder } from './values';

const words = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;

/**
 * Columns that are mostly long free text: at least half of the non-empty cells have 5+ words,
 * and the column is not numbers or dates. Columns in `exclude` are skipped.
 */
export function guessTextColumns(table: ParsedTable, exclude: readonly string[] = [], order: DateOrder = 'dmy'): string[] {
  return table.columns.filter((col, i) => {
    if (exclude.includes(col)) return false;
    const values = table.rows.map((r) => r[i] ?? '').filter((v) => v.trim() !== '');
    if (values.length === 0) return false;
    const long = values.filter((v) => words(v) >= 5).length;
    if (long * 2 < values.length) return false;
    const type = guessAttributeType(values, order);
    return type === 'text' || type === 'category';
  });
}

/** number / boolean / date if every non-empty value reads as one (a date in any order); category if few distinct values; else text. */
export function guessAttributeType(values: readonly string[], order: DateOrder): AttributeType {
  const vs = values.map((v) => v.trim()).filter((v) => v !== '');
  if (vs.length === 0) return 'text';
  if (vs.every((v) => parseNumber(v).ok)) return 'number';
  if (vs.every((v) => parseBoolean(v).ok)) return 'boolean';
  // dates in any order count, so values contradicting the chosen order are reported, not hidden as categories
  if (vs.every((v) => parseDate(v, order).ok || parseDate(v, 'dmy').ok || parseDate(v, 'mdy').ok)) return 'date';
  const distinct = new Set(vs.map((v) => v.toLowerCase())).size;
  if (distinct <= Math.max(20, Math.sqrt(vs.length)) && vs.every((v) => v.length <= 60)) return 'category';
  return 'text';
}
