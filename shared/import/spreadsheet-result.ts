/**
 * The trust boundary for spreadsheet parsing: what a worker posts back is checked here
 * before anything else touches it (plain arrays of strings, bounded sizes, no extra keys).
 */
import { z } from 'zod';
import { ImportError, type ParsedTable } from './types';

export const SPREADSHEET_LIMITS = {
  maxBytes: 200_000_000,
  maxSheets: 500,
  maxRows: 1_048_576,
  maxColumns: 16_384,
  maxCells: 20_000_000,
  maxCellLength: 1_000_000,
  maxNameLength: 1_000,
  maxWarnings: 1_000,
} as const;

const L = SPREADSHEET_LIMITS;
const Cell = z.string().max(L.maxCellLength);
const Name = z.string().max(L.maxNameLength);
const Issue = z.strictObject({
  file: z.string().max(4096),
  row: z.number().int().min(0).optional(),
  column: z.string().max(L.maxNameLength).optional(),
  message: z.string().max(10_000),
});

/** Strict schema of a ParsedTable coming back from a spreadsheet worker. Unknown keys are rejected. */
export const SpreadsheetResult = z
  .strictObject({
    columns: z.array(Name.min(1)).max(L.maxColumns),
    descriptions: z.array(z.string().max(L.maxCellLength)).max(L.maxColumns),
    rows: z.array(z.array(Cell).max(L.maxColumns)).max(L.maxRows),
    rowNumbers: z.array(z.number().int().min(1)).max(L.maxRows).optional(),
    encoding: z.string().max(100).optional(),
    encodingReason: z.string().max(1000).optional(),
    delimiter: z.string().max(1).optional(),
    sheets: z.array(Name).max(L.maxSheets).optional(),
    sheet: Name.optional(),
    warnings: z.array(Issue).max(L.maxWarnings),
  })
  .superRefine((t, ctx) => {
    if (t.descriptions.length !== t.columns.length) ctx.addIssue({ code: 'custom', message: 'descriptions and columns differ in length' });
    if (new Set(t.columns).size !== t.columns.length) ctx.addIssue({ code: 'custom', message: 'column names are not unique' });
    if (t.rows.some((r) => r.length !== t.columns.length)) ctx.addIssue({ code: 'custom', message: 'a row is not as wide as the header' });
    if (t.rowNumbers && t.rowNumbers.length !== t.rows.length) ctx.addIssue({ code: 'custom', message: 'rowNumbers and rows differ in length' });
    let cells = 0;
    for (const r of t.rows) cells += r.length;
    if (cells > L.maxCells) ctx.addIssue({ code: 'custom', message: `more than ${L.maxCells} cells` });
  });

/** Validate a worker's result; throws ImportError naming the first problem. */
export function validateSpreadsheetResult(value: unknown): ParsedTable {
  const r = SpreadsheetResult.safeParse(value);
  if (!r.success) {
    const first = r.error.issues[0];
    const where = first?.path.length ? ` at ${first.path.slice(0, 3).join('.')}` : '';
    throw new ImportError(`the spreadsheet reader returned malformed data${where}: ${first?.message ?? 'invalid'}`);
  }
  return r.data;
}

/** Messages a spreadsheet worker posts: the table, or an error message. */
export type SpreadsheetWorkerReply = { ok: true; table: unknown } | { ok: false; message: string };

/** A worker's reply → a validated table, or the ImportError it reported. */
export function tableFromWorkerReply(msg: unknown): ParsedTable {
  if (msg !== null && typeof msg === 'object') {
    const m = msg as { ok?: unknown; message?: unknown; table?: unknown };
    if (m.ok === false) throw new ImportError(typeof m.message === 'string' ? m.message.slice(0, 1000) : 'cannot be read as a spreadsheet');
    if (m.ok === true) return validateSpreadsheetResult(m.table);
  }
  throw new ImportError('the spreadsheet reader returned malformed data');
}
