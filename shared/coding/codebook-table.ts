/**
 * A codebook as a spreadsheet (CSV or XLSX), one code a row. Columns: path (ancestors and name
 * joined with " > "), or parent and name; then definition, inclusion, exclusion, example, keywords
 * ("; " between them) and colour. Export writes the path column and a name column; import accepts either.
 */
import Papa from 'papaparse';
import { Code } from '../model';
import { neutraliseFormula, sheetToXlsx } from '../export/table';
import { paletteColour } from './palette';
import { errorMessage } from '../error-message';
import { replaceControlChars } from '../control-chars';
import { checkZip } from '../exchange/safe-zip';

export const CODEBOOK_COLUMNS = ['path', 'name', 'definition', 'inclusion', 'exclusion', 'example', 'keywords', 'colour'] as const;
const PATH_SEPARATOR = /\s*(?:>|›)\s*/;

/** neutraliseFormula, also quoting text that already starts with quotes before a formula start. */
const guard = (s: string) => (/^'+[=+\-@\t\r]/.test(s) ? `'${s}` : neutraliseFormula(s));

/**
 * Codes in tree order as rows of strings (first row: the header). Text is formula-neutralised for
 * CSV (`quoted`, the default); XLSX writes text as string cells, never evaluated, so it needs no quote (see shared/export/table.ts).
 */
export function codebookRows(codes: readonly Code[], { quoted = true }: { quoted?: boolean } = {}): string[][] {
  const byParent = new Map<string | null, Code[]>();
  const ids = new Set(codes.map((c) => c.id));
  for (const c of codes) {
    const p = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    byParent.set(p, [...(byParent.get(p) ?? []), c]);
  }
  const rows: string[][] = [[...CODEBOOK_COLUMNS]];
  const seen = new Set<string>();
  const walk = (parent: string | null, path: string[]) => {
    for (const c of (byParent.get(parent) ?? []).sort((a, b) => a.order - b.order)) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      const p = [...path, c.name];
      const row = [p.join(' > '), c.name, c.definition, c.inclusion, c.exclusion, c.example, c.keywords.join('; '), c.colour];
      rows.push(quoted ? row.map(guard) : row);
      walk(c.id, p);
    }
  };
  walk(null, []);
  return rows;
}

export function codebookToCsv(codes: readonly Code[]): string {
  return '\uFEFF' + Papa.unparse(codebookRows(codes), { newline: '\r\n' }) + '\r\n';
}

export function codebookToXlsx(codes: readonly Code[]): Uint8Array {
  return sheetToXlsx('Codebook', codebookRows(codes, { quoted: false }));
}

/** A spreadsheet problem, naming the row (1-based, as a spreadsheet shows it) where there is one. */
export class CodebookTableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodebookTableError';
  }
}

/** The path before `name` at the end of `path` ('' for a top-level code), or undefined when the path does not end in a separator and the name. */
function parentPathOf(path: string, name: string): string | undefined {
  const p = path.replace(/\s+/g, ' ').trim();
  const n = name.replace(/\s+/g, ' ').trim();
  if (p.toLocaleLowerCase('en-GB') === n.toLocaleLowerCase('en-GB')) return '';
  const before = p.slice(0, p.length - n.length);
  const m = /\s*(?:>|›)\s*$/.exec(before);
  if (!m || p.slice(p.length - n.length).toLocaleLowerCase('en-GB') !== n.toLocaleLowerCase('en-GB')) return undefined;
  return before.slice(0, m.index);
}

/** Undo `guard`: one leading quote before a formula start (quotes the user typed survive the round trip). */
const unquote = (s: string) => (/^'+[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

/**
 * Codes from a grid of cells (first row: the header). Parents must come before their children
 * (as export writes them); a path whose parent path is not in the file creates the missing parents.
 */
export function codesFromGrid(grid: readonly (readonly unknown[])[], projectId: string, nextId: () => string, now: string, { quoted = true }: { quoted?: boolean } = {}): Code[] {
  const header = (grid[0] ?? []).map((h) => String(h ?? '').trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const [iPath, iName, iParent] = [col('path'), col('name'), col('parent')];
  if (iPath < 0 && iName < 0) throw new CodebookTableError('the first row needs a “path” or a “name” column');
  const out: Code[] = [];
  const byPath = new Map<string, Code>();
  /** Each code's path as the file wrote it (lower case) → its name parts, so a parent whose name holds " > " is found whole. */
  const partsOfPathText = new Map<string, string[]>();
  const pathKey = (text: string) => text.toLocaleLowerCase('en-GB').replace(/\s+/g, ' ').trim();
  const key = (parts: readonly string[]) => parts.map((p) => p.toLocaleLowerCase('en-GB')).join('\u0000');
  const ensure = (parts: string[], row: number): Code => {
    const found = byPath.get(key(parts));
    if (found) return found;
    const parent = parts.length > 1 ? ensure(parts.slice(0, -1), row) : null;
    const name = parts[parts.length - 1]!;
    if (name.length > 200) throw new CodebookTableError(`row ${row}: the code name is longer than 200 characters`);
    const siblings = out.filter((c) => c.parentId === (parent?.id ?? null)).length;
    const code: Code = {
      id: nextId(),
      projectId,
      parentId: parent?.id ?? null,
      name,
      definition: '',
      inclusion: '',
      exclusion: '',
      example: '',
      colour: parent?.colour ?? paletteColour(siblings),
      order: siblings,
      keywords: [],
      createdAt: now,
    };
    out.push(code);
    byPath.set(key(parts), code);
    return code;
  };
  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const cell = (i: number) => {
      const s = i < 0 ? '' : String(cells[i] ?? '').trim();
      return replaceControlChars(quoted ? unquote(s) : s);
    };
    if (cells.every((c) => String(c ?? '').trim() === '')) continue;
    let parts: string[];
    const pathText = iPath >= 0 ? cell(iPath) : '';
    const nameText = cell(iName);
    if (pathText && nameText && pathKey(pathText).endsWith(pathKey(nameText)) && parentPathOf(pathText, nameText) !== undefined) {
      // a name column beside the path: the name is whole (it may contain " > "), the path before it names the parent
      const parentText = parentPathOf(pathText, nameText)!;
      const parentParts = parentText === '' ? [] : (partsOfPathText.get(pathKey(parentText)) ?? parentText.split(PATH_SEPARATOR).filter(Boolean));
      parts = [...parentParts, nameText];
    } else if (pathText) parts = pathText.split(PATH_SEPARATOR).filter(Boolean);
    else {
      const name = cell(iName);
      if (!name) throw new CodebookTableError(`row ${r + 1}: the code has no name`);
      const parent = cell(iParent);
      parts = [...(parent ? parent.split(PATH_SEPARATOR).filter(Boolean) : []), name];
    }
    if (parts.length === 0) throw new CodebookTableError(`row ${r + 1}: the code has no name`);
    if (pathText) partsOfPathText.set(pathKey(pathText), parts);
    const existing = byPath.get(key(parts));
    const code = existing ?? ensure(parts, r + 1);
    const colour = cell(col('colour')) || cell(col('color'));
    if (colour && !/^#[0-9a-fA-F]{6}$/.test(colour)) throw new CodebookTableError(`row ${r + 1}: colour “${colour}” is not like #0072B2`);
    Object.assign(code, {
      definition: cell(col('definition')),
      inclusion: cell(col('inclusion')),
      exclusion: cell(col('exclusion')),
      example: cell(col('example')),
      keywords: cell(col('keywords')).split(/\s*;\s*/).filter(Boolean),
      ...(colour ? { colour: colour.toUpperCase() } : {}),
    });
  }
  if (out.length === 0) throw new CodebookTableError('the file has a header but no codes');
  for (const c of out) {
    const parsed = Code.safeParse(c);
    if (!parsed.success) throw new CodebookTableError(`code “${c.name}” is not valid (${parsed.error.issues[0]?.message ?? 'invalid'})`);
  }
  return out;
}

export function codesFromCsv(text: string, projectId: string, nextId: () => string, now: string): Code[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const bad = parsed.errors.find((e) => e.type === 'Quotes');
  if (bad) throw new CodebookTableError(`row ${(bad.row ?? 0) + 1}: ${bad.message}`);
  return codesFromGrid(parsed.data, projectId, nextId, now);
}

/**
 * Codes from a spreadsheet already parsed (XLSX/XLS/ODS are parsed only in a disposable worker,
 * never here: see renderer/workers/parse-spreadsheet.ts), its header row as `columns`. Spreadsheet
 * text comes from string cells, so a leading quote in one is the user's own (not a formula guard).
 */
export function codesFromTable(table: { columns: readonly string[]; rows: readonly (readonly string[])[] }, projectId: string, nextId: () => string, now: string): Code[] {
  return codesFromGrid([table.columns, ...table.rows], projectId, nextId, now, { quoted: false });
}
