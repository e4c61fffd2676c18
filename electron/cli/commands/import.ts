/**
 * `import <file...> -o out.qdpx`: CSV/TSV/XLSX/XLS/ODS survey tables and TXT/MD/RST/DOCX transcripts
 * → a new REFI-QDA project. Tables map through --id/--participant/--text/--attrs; transcripts
 * get speaker turns. Any unreadable value fails the whole import, naming file, row, column and
 * reason, and no output file is left behind.
 */
import { basename, extname } from 'node:path';
import { CliError, type CliCommand, type CliIo } from '../command';
import { readInput, writeOutputAtomic } from '../files';
import { parseTableFile } from '../spreadsheet-worker';
import { ProjectBundle, SourceKind, SOURCE_KINDS, type Coder, type Project } from '../../../shared/model';
import { newGuid } from '../../../shared/model/ids';
import { writeQdpx } from '../../../shared/exchange/qdpx';
import { baseName, buildBatchFromTable, buildBatchFromTranscripts, type AttributeSpec, type AttributeType, type ImportBatch, type TableMapping } from '../../../shared/import/mapping';
import { guessIdColumn, keyStats } from '../../../shared/import/id-guess';
import { guessAttributeType, guessTextColumns } from '../../../shared/import/infer';
import { readTranscriptText } from '../../../shared/import/pipeline';
import { checksum } from '../../../shared/import/checksum';
import { ImportError, type ImportIssue, type ParsedTable } from '../../../shared/import/types';
import type { DateOrder } from '../../../shared/import/values';
import { piiGate, type BatchPlaces } from './import-gate';

const TRANSCRIPT_EXT = new Set(['.txt', '.md', '.markdown', '.rst', '.docx']);
const TABLE_EXT = new Set(['.csv', '.tsv', '.tab', '.psv', '.xlsx', '.xlsm', '.xls', '.ods']);
const ATTR_TYPES: readonly AttributeType[] = ['category', 'number', 'date', 'text', 'boolean'];
const USAGE =
  'import <file...> -o out.qdpx [--id COL|none] [--participant COL] [--text COL[,COL]] [--attrs COL[:type],...] [--date-order dmy|mdy|ymd] [--dates order|unambiguous|text] [--sheet NAME] [--header-rows N] [--encoding E] [--delimiter D] [--source-name S] [--source-kind K] [--redact | --keep-pii]';
const DATE_POLICIES = ['order', 'unambiguous', 'text'] as const;
type CliDatePolicy = (typeof DATE_POLICIES)[number];
/** The rules --help gives beneath the usage line. */
const DETAILS = [
  '--id: without it, the record id is the first column whose every value is filled and unique, preferring',
  '  names such as response_id, ResponseId, Respondent ID, submission id (printed with the reason);',
  '  --id none numbers the records by row. The id and participant columns are never free text.',
  '--dates (date attributes): order (default) reads every date in --date-order and fails, listing each',
  '  value that cannot be read; unambiguous reads each date in whichever of day/month and month/day',
  '  order makes it valid and leaves those valid in both as different dates (05/06/2024) blank, each',
  '  listed with its row; text keeps date columns as text.',
  'An attribute whose value differs between one participant\'s rows (such as the date of each response)',
  '  is kept for each response rather than for the participant, and said so.',
  'Personal data: the import refuses to write when the scan finds any (counts per type and rows are',
  '  listed, never the values) unless --redact replaces it or --keep-pii keeps it on purpose.',
].join('\n      ');

const list = (v: unknown): string[] =>
  typeof v === 'string'
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

function where(i: ImportIssue): string {
  return [i.file, i.row !== undefined ? `row ${i.row}` : '', i.column !== undefined ? `column "${i.column}"` : ''].filter(Boolean).join(', ');
}

function asCliError(file: string, e: unknown): never {
  if (e instanceof ImportError) {
    const loc = [file, e.row !== undefined && !/^row \d+/.test(e.message) ? `row ${e.row}` : '', e.column !== undefined && !e.message.includes(`"${e.column}"`) ? `column "${e.column}"` : '']
      .filter(Boolean)
      .join(', ');
    throw new CliError(`${loc}: ${e.message}`);
  }
  if (e instanceof RangeError) throw new CliError(`${file}: ${e.message}`);
  throw e;
}

function attributeSpecs(raw: string[], table: ParsedTable, order: DateOrder, dates: CliDatePolicy): AttributeSpec[] {
  return raw.map((spec) => {
    let column = spec;
    let type: AttributeType | undefined;
    const colon = spec.lastIndexOf(':');
    if (!table.columns.includes(spec) && colon > 0) {
      const t = spec.slice(colon + 1).trim().toLowerCase();
      if (!(ATTR_TYPES as readonly string[]).includes(t)) throw new CliError(`--attrs: unknown type "${t}" for "${spec.slice(0, colon)}" (use ${ATTR_TYPES.join(', ')})`, 2);
      type = t as AttributeType;
      column = spec.slice(0, colon).trim();
    }
    const idx = table.columns.findIndex((c) => c.toLowerCase() === column.toLowerCase());
    const values = idx >= 0 ? table.rows.map((r) => r[idx] ?? '') : [];
    const t = type ?? guessAttributeType(values, order);
    const name = idx >= 0 ? table.columns[idx]! : column;
    if (t !== 'date' || dates === 'order') return { column: name, type: t };
    return dates === 'text' ? { column: name, type: 'text' } : { column: name, type: t, dates: 'unambiguous' };
  });
}

interface FileReport {
  file: string;
  lines: string[];
}

async function importTable(path: string, values: Record<string, unknown>, order: DateOrder, dates: CliDatePolicy, sourceName: string | undefined, kind: SourceKind, ctx: { projectId: string; now: string }): Promise<{ batch: ImportBatch; report: FileReport; places: BatchPlaces }> {
  const file = basename(path);
  const bytes = await readInput(path);
  const headerRows = values['header-rows'] === undefined ? undefined : Number(values['header-rows']);
  if (headerRows !== undefined && (!Number.isInteger(headerRows) || headerRows < 0 || headerRows > 20)) throw new CliError(`--header-rows must be a whole number from 0 to 20, not "${String(values['header-rows'])}"`, 2);
  let table: ParsedTable;
  try {
    table = await parseTableFile(bytes, {
      fileName: file,
      encoding: values.encoding as string | undefined,
      delimiter: values.delimiter as string | undefined,
      sheet: values.sheet as string | undefined,
      headerRows,
    });
  } catch (e) {
    asCliError(file, e);
  }
  const participantColumn = values.participant as string | undefined;
  const attributes = attributeSpecs(list(values.attrs), table, order, dates);
  const given = list(values.text);
  // the record id: as given, none, or the unique column guessed as the app does (never a text column named with --text)
  const idGiven = values.id as string | undefined;
  const noId = idGiven !== undefined && idGiven.toLowerCase() === 'none' && !table.columns.some((c) => c.toLowerCase() === 'none');
  let idColumn: string | undefined = noId ? undefined : idGiven;
  let idLine = idGiven === undefined || noId ? 'record id: the row number' : `record id: ${idGiven}`;
  if (idGiven === undefined) {
    const keys = new Set([participantColumn ?? '', ...given, ...attributes.map((a) => a.column)].map((c) => c.toLowerCase()));
    const sample = { ...table, rows: table.rows.slice(0, 2000) };
    const text = new Set(given.length > 0 ? [] : guessTextColumns(sample, [], order));
    const exclude = new Set(table.columns.filter((c, i) => keys.has(c.toLowerCase()) || text.has(c) || guessAttributeType(sample.rows.map((r) => r[i] ?? ''), order) === 'date'));
    const guess = guessIdColumn(keyStats(table.columns, table.rows), table.rows.length, exclude);
    if (guess.column) idColumn = guess.column;
    idLine = guess.column ? `record id: ${guess.reason} (--id none to number the records by row)` : `record id: the row number (${guess.reason})`;
    if (guess.rejected.length > 0) idLine += `\n  not the record id: ${guess.rejected.join('; ')}`;
  }
  const textColumns = given.length > 0 ? given : guessTextColumns(table, [idColumn ?? '', participantColumn ?? '', ...attributes.map((a) => a.column)], order);
  if (textColumns.length === 0) {
    throw new CliError(`${file}: no column looks like free text (5+ words in most cells); name the columns with --text (columns: ${table.columns.slice(0, 20).map((c) => `"${c}"`).join(', ')})`);
  }
  const mapping: TableMapping = { idColumn, participantColumn, textColumns, attributes, dateOrder: order, source: { name: sourceName ?? baseName(file), kind } };
  let batch: ImportBatch;
  try {
    batch = buildBatchFromTable(table, mapping, { ...ctx, newId: newGuid, fileName: file });
  } catch (e) {
    asCliError(file, e);
  }
  if (batch.invalidValues.length > 0) {
    const first = batch.invalidValues[0]!;
    const more = batch.invalidValues.length - 1;
    const mixed = batch.invalidValues.some((i) => /it would be valid as/.test(i.message));
    const hint = mixed ? '; if the column mixes day/month and month/day dates, --dates unambiguous reads the unambiguous ones and lists the rest, and --dates text keeps them as text' : '';
    throw new CliError(`${where(first)}: ${first.message}${more > 0 ? ` (and ${more} more invalid value${more === 1 ? '' : 's'})` : ''}${hint}`);
  }
  const how = table.sheet !== undefined ? `sheet "${table.sheet}" of ${table.sheets?.length ?? 1}` : `${table.encoding} (${table.encodingReason}), ${table.delimiter === '\t' ? 'tab' : `"${table.delimiter}"`}-delimited`;
  const lines = [
    `${file}: ${how}; ${table.rows.length} rows, ${table.columns.length} columns; checksum ${checksum(bytes)}`,
    `  ${idLine}`,
    `  text columns: ${textColumns.join(', ')}`,
    ...(attributes.length ? [`  attributes: ${batch.variables.map((v) => `${v.name} (${v.type}${v.level === 'response' ? ', per response' : ''})`).join(', ')}`] : []),
    `  ${batch.documents.length} responses, ${batch.participants.length} participants, ${batch.skippedEmpty} empty cells skipped`,
  ];
  return { batch, report: { file, lines }, places: tablePlaces(file, table, idColumn, batch) };
}

/** Each response document's row in the file: from its record id (the id column's value, or "row N"). */
function tablePlaces(file: string, table: ParsedTable, idColumn: string | undefined, batch: ImportBatch): BatchPlaces {
  const idIdx = idColumn === undefined ? -1 : table.columns.findIndex((c) => c.toLowerCase() === idColumn.toLowerCase());
  const rowOfId = new Map<string, number>();
  table.rows.forEach((r, i) => {
    const id = idIdx >= 0 ? (r[idIdx] ?? '').trim() : '';
    if (id && !rowOfId.has(id)) rowOfId.set(id, table.rowNumbers?.[i] ?? i + 2);
  });
  return {
    file,
    rowOfDocument(i) {
      const id = batch.documents[i]?.recordId ?? '';
      return rowOfId.get(id) ?? (/^row \d+$/.test(id) ? Number(id.slice(4)) : undefined);
    },
  };
}

async function readTranscript(path: string, encoding: string | undefined): Promise<{ name: string; text: string }> {
  const file = basename(path);
  const bytes = await readInput(path);
  try {
    return { name: file, text: await readTranscriptText(file, bytes, encoding) };
  } catch (e) {
    asCliError(file, e);
  }
}

function printWarnings(io: CliIo, warnings: ImportIssue[]): void {
  if (warnings.length === 0) return;
  io.out(`Warnings (${warnings.length}):\n`);
  for (const w of warnings.slice(0, 30)) io.out(`  - ${where(w)}: ${w.message}\n`);
  if (warnings.length > 30) io.out(`  … and ${warnings.length - 30} more\n`);
}

export const importCommand: CliCommand = {
  name: 'import',
  usage: USAGE,
  summary: `survey tables (CSV/TSV/XLSX/XLS/ODS) and transcripts (TXT/MD/RST/DOCX) → a new REFI-QDA project (.qdpx); refuses to write personal data unless --redact or --keep-pii\n      ${DETAILS}`,
  options: {
    output: { type: 'string', short: 'o' },
    id: { type: 'string' },
    participant: { type: 'string' },
    text: { type: 'string' },
    attrs: { type: 'string' },
    'date-order': { type: 'string' },
    dates: { type: 'string' },
    sheet: { type: 'string' },
    'header-rows': { type: 'string' },
    encoding: { type: 'string' },
    delimiter: { type: 'string' },
    'source-name': { type: 'string' },
    'source-kind': { type: 'string' },
    redact: { type: 'boolean' },
    'keep-pii': { type: 'boolean' },
  },
  async run({ positionals, values }, io) {
    if (positionals.length === 0) throw new CliError(`missing <file...> (usage: ${USAGE})`, 2);
    const out = values.output;
    if (typeof out !== 'string' || out === '') throw new CliError('missing -o out.qdpx (where to write the project)', 2);
    if (extname(out).toLowerCase() !== '.qdpx') throw new CliError(`${out}: the output must be a .qdpx file`, 2);
    const order = (values['date-order'] ?? 'dmy') as string;
    if (order !== 'dmy' && order !== 'mdy' && order !== 'ymd') throw new CliError(`--date-order must be dmy, mdy or ymd, not "${order}"`, 2);
    const dates = (values.dates ?? 'order') as string;
    if (!(DATE_POLICIES as readonly string[]).includes(dates)) throw new CliError(`--dates must be ${DATE_POLICIES.join(', ')}, not "${dates}"`, 2);
    const kindRaw = values['source-kind'] as string | undefined;
    const kindParsed = SourceKind.safeParse(kindRaw ?? 'other');
    if (!kindParsed.success) throw new CliError(`--source-kind must be one of ${SOURCE_KINDS.join(', ')}, not "${kindRaw}"`, 2);
    const sourceName = values['source-name'] as string | undefined;

    const tables: string[] = [];
    const transcripts: string[] = [];
    for (const p of positionals) {
      const ext = extname(p).toLowerCase();
      if (TRANSCRIPT_EXT.has(ext)) transcripts.push(p);
      else if (TABLE_EXT.has(ext)) tables.push(p);
      else throw new CliError(`${p}: unsupported file type "${ext || '(none)'}" (tables: ${[...TABLE_EXT].join(' ')}; transcripts: ${[...TRANSCRIPT_EXT].join(' ')})`, 2);
    }

    const now = new Date().toISOString();
    const projectId = newGuid();
    const ctx = { projectId, now };
    const batches: ImportBatch[] = [];
    const reports: FileReport[] = [];
    const places: BatchPlaces[] = [];
    for (const p of tables) {
      const { batch, report, places: where } = await importTable(p, values, order, dates as CliDatePolicy, sourceName, kindParsed.data, ctx);
      batches.push(batch);
      reports.push(report);
      places.push(where);
    }
    if (transcripts.length > 0) {
      const files = [];
      for (const p of transcripts) files.push(await readTranscript(p, values.encoding as string | undefined));
      const name = sourceName ?? (files.length === 1 ? baseName(files[0]!.name) : 'Transcripts');
      const kind = kindRaw ? kindParsed.data : 'interview';
      const batch = buildBatchFromTranscripts(files, { name, kind }, { ...ctx, newId: newGuid });
      batches.push(batch);
      places.push({ file: name, rowOfDocument: () => undefined });
      for (const d of batch.documents) {
        const speakers = new Set(d.turns.map((t) => t.speaker));
        reports.push({ file: d.title, lines: [`${d.title}: transcript, ${d.text.length} characters, ${d.turns.length} turns, ${speakers.size} speakers`] });
      }
    }
    const documents = batches.flatMap((b) => b.documents);
    if (documents.length === 0) throw new CliError('nothing to import: every text cell and file was empty');

    // the anonymisation gate: nothing is written with personal data unless the user chose
    const gate = piiGate(batches, places, { redact: values.redact === true, keep: values['keep-pii'] === true }, ctx);
    const redactionNote = gate.note;

    const first = batches[0]!.sources[0]!;
    const project: Project = {
      id: projectId,
      name: (sourceName ?? first.name).slice(0, 200),
      description: `Imported by Chorus from ${positionals.map((p) => basename(p)).join(', ')}`.slice(0, 2000),
      isDemo: false,
      settings: { disclosureThreshold: 10, locale: 'en-GB' },
      createdAt: now,
      updatedAt: now,
    };
    const coder: Coder = { id: newGuid(), projectId, name: 'Analyst', initials: 'AN', colour: '#0072B2' };
    const parsed = ProjectBundle.safeParse({
      project,
      coders: [coder],
      sources: batches.flatMap((b) => b.sources),
      variables: batches.flatMap((b) => b.variables),
      participants: batches.flatMap((b) => b.participants),
      documents: batches.flatMap((b) => b.documents),
      codes: [],
      codings: [],
      memos: [],
      findings: [],
      actions: [],
      ...(gate.logs.length > 0 ? { redactions: gate.logs } : {}),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CliError(`internal error: the imported project is invalid at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`, 70);
    }
    await writeOutputAtomic(out, () => writeQdpx(parsed.data));
    for (const r of reports) io.out(r.lines.join('\n') + '\n');
    const blanked = batches.flatMap((b) => b.blankedDates);
    const blankedSet = new Set(blanked);
    if (blanked.length > 0) {
      io.out(`Dates left blank, each could be day/month or month/day (${blanked.length}):\n`);
      for (const w of blanked) io.out(`  - ${where(w)}: ${w.message}\n`);
    }
    printWarnings(io, batches.flatMap((b) => b.warnings.filter((w) => !blankedSet.has(w))));
    if (redactionNote) io.out(redactionNote + '\n');
    io.out(`Wrote ${out}: ${parsed.data.sources.length} source(s), ${parsed.data.participants.length} participant(s), ${documents.length} document(s)\n`);
    return 0;
  },
};
