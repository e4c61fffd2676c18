/**
 * `scan <file> [--id COL] [--json]`: report personal data in a table (.csv .tsv .xlsx .xls .ods:
 * every column but the ID column, one record per data row) or a text file (.txt .md .docx: one
 * field "text", record 1). Output names record, field, offsets and type, never the matched text
 * (the readable list shows a masked preview only). In a table, a value repeated down a column is
 * scanned and reported once, at its first record, with `rows` saying how many records have it; in
 * a category column or a value repeated in 5+ rows, a name needs a title or a known first name
 * (the import's rules: shared/import/pii-scan.ts).
 */
import { basename, extname } from 'node:path';
import { CliError, type CliCommand, type CliIo } from '../command';
import { readInput } from '../files';
import { parseTableFile } from '../spreadsheet-worker';
import { docxToText } from '../../../shared/import/docx';
import { decodeText } from '../../../shared/import/encoding';
import { PII_TYPES } from '../../../shared/model';
import { detectPii, type PiiFinding } from '../../../shared/privacy/detect';
import { BatchScanner } from '../../../shared/import/pii-scan';
import { errorMessage } from '../../../shared/error-message';

const TABLE_EXTENSIONS = ['.csv', '.tsv', '.xlsx', '.xls', '.ods'];
const TEXT_EXTENSIONS = ['.txt', '.md', '.docx'];

interface ScanFinding {
  record: string | number;
  field: string;
  start: number;
  end: number;
  type: PiiFinding['type'];
  confidence: number;
  /** Records with the same value in this field, when more than one. */
  rows?: number;
}

/** "Sarah Jones" → "S•••• •••••": only the first character kept, every other letter or digit hidden. */
export function maskPreview(value: string): string {
  return value.replace(/[\p{L}\p{N}]/gu, (c, i: number) => (i === 0 ? c : '•'));
}

function fail(file: string, e: unknown): never {
  if (e instanceof CliError) throw e;
  throw new CliError(`${file}: ${errorMessage(e)}`);
}

async function scanFile(path: string, idColumn: string | undefined): Promise<{ findings: ScanFinding[]; previews: string[]; summary: string }> {
  const file = basename(path);
  const ext = extname(path).toLowerCase();
  const findings: ScanFinding[] = [];
  const previews: string[] = [];
  const scan = (record: string | number, field: string, value: string): void => {
    if (value.trim() === '') return;
    for (const f of detectPii(value)) {
      findings.push({ record, field, start: f.start, end: f.end, type: f.type, confidence: Math.round(f.confidence * 100) / 100 });
      previews.push(maskPreview(value.slice(f.start, f.end)));
    }
  };
  if (TABLE_EXTENSIONS.includes(ext)) {
    const bytes = await readInput(path);
    let table;
    try {
      table = await parseTableFile(bytes, { fileName: file });
    } catch (e) {
      fail(file, e);
    }
    let idIndex = -1;
    if (idColumn !== undefined) {
      idIndex = table.columns.indexOf(idColumn);
      if (idIndex < 0) {
        const cols = table.columns.slice(0, 20).map((c) => `"${c}"`).join(', ');
        throw new CliError(`${file}: no column "${idColumn}" for --id (columns: ${cols})`);
      }
    }
    // every column as a participant attribute: each distinct value scanned once (see the file comment)
    const scanner = new BatchScanner(0);
    const columns = table.columns.map((_, c) => String(c)).filter((c) => Number(c) !== idIndex);
    const found = scanner
      .attributes(table.rows.length, columns, (r, c) => table.rows[r]![Number(c)] ?? '')
      .flatMap((f) => (f.place.kind === 'attribute' ? [{ f, row: f.place.participant, column: Number(f.place.variableId) }] : []))
      .sort((a, b) => a.row - b.row || a.column - b.column || a.f.start - b.f.start);
    for (const { f, row, column } of found) {
      const value = table.rows[row]![column] ?? '';
      const rows = scanner.occurrences(f.id);
      findings.push({ record: idIndex >= 0 ? (table.rows[row]![idIndex] ?? '') : row + 1, field: table.columns[column]!, start: f.start, end: f.end, type: f.type, confidence: Math.round(f.confidence * 100) / 100, ...(rows > 1 ? { rows } : {}) });
      previews.push(maskPreview(value.slice(f.start, f.end)));
    }
    return { findings, previews, summary: `${file}: ${table.rows.length} records, ${table.columns.length - (idIndex >= 0 ? 1 : 0)} columns scanned` };
  }
  if (TEXT_EXTENSIONS.includes(ext)) {
    if (idColumn !== undefined) throw new CliError(`${file}: --id only applies to tables (.csv .tsv .xlsx .xls .ods)`, 2);
    const bytes = await readInput(path);
    let text: string;
    try {
      text = ext === '.docx' ? await docxToText(bytes) : decodeText(bytes).text;
    } catch (e) {
      fail(file, e);
    }
    scan(1, 'text', text);
    return { findings, previews, summary: `${file}: 1 text, ${text.length} characters scanned` };
  }
  throw new CliError(`${file}: cannot scan "${ext || 'no extension'}" files; use ${[...TABLE_EXTENSIONS, ...TEXT_EXTENSIONS].join(' ')}`);
}

function printReadable(io: CliIo, summary: string, findings: ScanFinding[], previews: string[]): void {
  const lines = [`${summary}; ${findings.length} possible personal data item${findings.length === 1 ? '' : 's'}`];
  for (const type of PII_TYPES) {
    const idx = findings.map((f, i) => (f.type === type ? i : -1)).filter((i) => i >= 0);
    if (idx.length === 0) continue;
    lines.push('', `${type} (${idx.length})`);
    for (const i of idx) {
      const f = findings[i]!;
      lines.push(`  record ${f.record}${f.rows ? ` and ${f.rows - 1} more with the same value` : ''}, field "${f.field}", characters ${f.start}–${f.end}: ${previews[i]} (confidence ${f.confidence.toFixed(2)})`);
    }
  }
  io.out(lines.join('\n') + '\n');
}

export const scan: CliCommand = {
  name: 'scan',
  usage: 'scan <file> [--id COL] [--json]',
  summary: 'list possible personal data (names, phones, emails, postcodes, …) without showing it',
  options: { id: { type: 'string' }, json: { type: 'boolean' } },
  async run({ positionals, values }, io) {
    if (positionals.length !== 1) throw new CliError('give exactly one file to scan', 2);
    const path = positionals[0]!;
    const { findings, previews, summary } = await scanFile(path, values.id as string | undefined);
    if (values.json) io.out(JSON.stringify({ findings }) + '\n');
    else printReadable(io, summary, findings, previews);
    return 0;
  },
};
