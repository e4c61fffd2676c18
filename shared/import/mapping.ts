/**
 * A parsed table or a set of transcripts → a batch of project entities (one Source, its
 * Variables, Participants and Documents). Pure: ids and the time come in through `ctx`.
 */
import { isBlankCell } from './blank-cell';
import type { DocumentWithText, Participant, Source, SourceKind, Variable, AttributeValue, VariableLevel } from '../model';
import { normaliseCell } from './answer-text';
import { detach } from './detach';
import { parseTranscript } from './transcript';
import { datasetIdFrom, datasetParticipantId, responseDocument, type Dataset } from './dataset';
import { ImportError, type ImportIssue, type ParsedTable } from './types';
import { parseBoolean, parseDate, parseDateEitherOrder, parseNumber, type DateOrder, type Parsed } from './values';

export type AttributeType = 'category' | 'number' | 'date' | 'text' | 'boolean';

/**
 * How a date column is read: 'order' in the mapping's date order (a value impossible in it cannot
 * be read, which stops the import); 'unambiguous' in whichever of day/month and month/day order
 * makes a valid date, leaving a value valid in both as different dates blank, with a warning.
 */
export type DatePolicy = 'order' | 'unambiguous';

export interface AttributeSpec {
  column: string;
  type: AttributeType;
  /** For a date column (default 'order'). */
  dates?: DatePolicy;
  /**
   * Where the values live (default: decided from the data: 'response' when one participant's rows
   * have different values, else 'participant').
   */
  level?: VariableLevel;
}

export interface SourceSpec {
  name: string;
  kind: SourceKind;
  collectedFrom?: string;
  collectedTo?: string;
  retainUntil?: string;
}

export interface TableMapping {
  /** Column holding each record's id (default: the row number). */
  idColumn?: string;
  /** Column naming the participant; rows sharing a value share one participant (default: one per record). */
  participantColumn?: string;
  /** Free-text columns: each non-empty cell becomes one response document. */
  textColumns: string[];
  attributes: AttributeSpec[];
  dateOrder: DateOrder;
  source: SourceSpec;
}

export interface BatchContext {
  projectId: string;
  newId: () => string;
  /** ISO timestamp for createdAt. */
  now: string;
  fileName: string;
}

export interface ImportBatch {
  sources: Source[];
  variables: Variable[];
  participants: Participant[];
  documents: DocumentWithText[];
  /** Free-text cells left out because they were empty. */
  skippedEmpty: number;
  /** Everything worth telling the user, including every entry of `invalidValues`. */
  warnings: ImportIssue[];
  /** Cells that could not be read as their attribute's type (stored as null). Callers may treat these as errors. */
  invalidValues: ImportIssue[];
  /** Dates left blank because they read as two different dates (the 'unambiguous' policy); also in `warnings`. */
  blankedDates: ImportIssue[];
}

const MAX_TITLE = 300;
const MAX_SEEN_VALUES = 5000;
const MAX_PSEUDONYM = 120;

function makeSource(spec: SourceSpec, ctx: { projectId: string; newId: () => string; now: string }, description: string): Source {
  if (!spec.name.trim()) throw new ImportError('the source needs a name');
  return {
    id: ctx.newId(),
    projectId: ctx.projectId,
    name: spec.name.trim().slice(0, 200),
    kind: spec.kind,
    description,
    ...(spec.collectedFrom ? { collectedFrom: spec.collectedFrom } : {}),
    ...(spec.collectedTo ? { collectedTo: spec.collectedTo } : {}),
    ...(spec.retainUntil ? { retainUntil: spec.retainUntil } : {}),
    createdAt: ctx.now,
  };
}

/** A cell read as its type; `ambiguous` marks a date left blank under the 'unambiguous' policy. */
type Read = Parsed<AttributeValue> | { ok: false; ambiguous: true; reason: string };

function parseValue(raw: string, type: AttributeType, order: DateOrder, dates: DatePolicy = 'order'): Read {
  // detached: a participant's values outlive the streamed chunk they were read from
  const s = detach(raw.trim());
  if (s === '') return { ok: true, value: null };
  switch (type) {
    case 'number':
      return parseNumber(s);
    case 'date':
      return dates === 'unambiguous' ? parseDateEitherOrder(s) : parseDate(s, order);
    case 'boolean':
      return parseBoolean(s);
    default:
      return { ok: true, value: s };
  }
}

function columnIndex(table: TableShape, column: string, role: string): number {
  const i = table.columns.indexOf(column);
  if (i >= 0) return i;
  const ci = table.columns.findIndex((c) => c.toLowerCase() === column.toLowerCase());
  if (ci >= 0) return ci;
  const list = table.columns.slice(0, 30).map((c) => `"${c}"`).join(', ');
  throw new ImportError(`has no column "${column}" (named as the ${role}); columns: ${list}${table.columns.length > 30 ? ', …' : ''}`, undefined, column);
}


/** One non-empty free-text cell: its row index, answer slot (text column) and normalised text. */
export interface Answer {
  row: number;
  slot: number;
  text: string;
}

/** The table's shape a builder needs: column names and descriptions (a ParsedTable, or a streamed table's layout). */
export interface TableShape {
  columns: readonly string[];
  descriptions: readonly string[];
  warnings?: readonly ImportIssue[];
}

/**
 * Rows of a table → one source, its variables, participants and one response document per
 * non-empty free-text cell, built chunk by chunk (a streamed import never holds the whole table).
 * Ids: the source and variables draw from ctx.newId (in that order, then one more for the dataset
 * id); documents and participants have ids derived from the dataset id and their row (see
 * dataset.ts), so building the same rows again with the same drawn ids gives the same entities.
 */
export class TableBuilder {
  readonly source: Source;
  readonly variables: Variable[];
  readonly datasetId: string;
  readonly warnings: ImportIssue[];
  readonly invalidValues: ImportIssue[] = [];
  readonly blankedDates: ImportIssue[] = [];
  skippedEmpty = 0;
  documentCount = 0;
  readonly #file: string;
  readonly #ctx: BatchContext;
  readonly #mapping: TableMapping;
  readonly #columns: readonly string[];
  readonly #idIdx: number;
  readonly #partIdx: number;
  readonly #attrIdx: (AttributeSpec & { index: number })[];
  readonly #textCols: { ti: number; column: string; description: string }[];
  /** Participant value (lower case) → participant index and the row number it was first seen at. */
  readonly #byKey = new Map<string, { index: number; firstRow: number }>();
  readonly #seenIds = new Map<string, number>();
  /** The dataset's columns, filled row by row. */
  readonly #recordIds: string[] = [];
  readonly #participantOf: number[] = [];
  readonly #lengths: number[] = [];
  /** Per attribute column, recent raw values and what they read as: a survey repeats a few categories and dates 100,000 times. */
  readonly #seen: Map<string, Read>[];
  /** Per variable, every row's value (a response-level variable stores these). */
  readonly #rowValues: AttributeValue[][];
  /** Per variable, the participants whose rows disagree, and the row of the first disagreement. */
  readonly #varies: { participants: Set<number>; firstRow: number }[];
  /** Participants in columns: first row index, pseudonym, and per variable one value each. */
  readonly #participantRows: number[] = [];
  readonly #pseudonyms: string[] = [];
  readonly #values: AttributeValue[][];
  /** Variable id → its index (a scan asks for 100,000 participants' values by variable id). */
  readonly #variableIndex = new Map<string, number>();
  #rows = 0;

  constructor(table: TableShape, mapping: TableMapping, ctx: BatchContext) {
    this.#file = ctx.fileName;
    this.#ctx = ctx;
    this.#mapping = mapping;
    this.#columns = table.columns;
    this.warnings = [...(table.warnings ?? [])];
    this.#idIdx = mapping.idColumn ? columnIndex(table, mapping.idColumn, 'id column') : -1;
    this.#partIdx = mapping.participantColumn ? columnIndex(table, mapping.participantColumn, 'participant column') : -1;
    const textIdx = mapping.textColumns.map((c) => columnIndex(table, c, 'text column'));
    if (textIdx.length === 0) throw new ImportError('no free-text column was chosen, so there is nothing to code');
    for (const ti of textIdx) {
      // a record's id or its participant is a key, never an answer to code
      if (ti === this.#idIdx) throw new ImportError(`column "${table.columns[ti]}" is the record id column, so it cannot also be free text`, undefined, table.columns[ti]);
      if (ti === this.#partIdx) throw new ImportError(`column "${table.columns[ti]}" is the participant column, so it cannot also be free text`, undefined, table.columns[ti]);
    }
    this.#attrIdx = mapping.attributes.map((a) => ({ ...a, index: columnIndex(table, a.column, 'attribute column') }));
    this.source = makeSource(mapping.source, ctx, `Imported from ${ctx.fileName}`);
    this.variables = this.#attrIdx.map((a) => ({
      id: ctx.newId(),
      projectId: ctx.projectId,
      name: table.columns[a.index]!.slice(0, 200),
      type: a.type,
      description: table.descriptions[a.index] ?? '',
      ...(a.level === 'response' ? { level: 'response' as const } : {}),
    }));
    this.#values = this.variables.map(() => []);
    this.variables.forEach((v, k) => this.#variableIndex.set(v.id, k));
    this.#seen = this.variables.map(() => new Map());
    this.#rowValues = this.variables.map(() => []);
    this.#varies = this.variables.map(() => ({ participants: new Set<number>(), firstRow: 0 }));
    this.datasetId = datasetIdFrom(ctx.newId());
    this.#textCols = textIdx.map((ti) => ({ ti, column: table.columns[ti]!, description: table.descriptions[ti] ?? '' }));
  }

  /** Rows added so far. */
  get rowCount(): number {
    return this.#rows;
  }

  /** Row `row`'s record id (its id column's value, or "row n"). */
  recordId(row: number): string {
    return this.#recordIds[row] ?? '';
  }

  get participantCount(): number {
    return this.#pseudonyms.length;
  }

  /**
   * Add the next rows (row indexes continue from the previous call); returns their non-empty
   * answers (`document` makes a full response document of one). `rowNumbers[i]` is row i's number
   * in the file, for messages. Answers are light on purpose: a streamed import makes 200,000 of
   * them per pass and needs the full document only for the few with findings.
   */
  addRows(rows: readonly (readonly string[])[], rowNumbers?: readonly number[]): Answer[] {
    const file = this.#file;
    const columns = this.#columns;
    const variables = this.variables;
    const idIdx = this.#idIdx;
    const partIdx = this.#partIdx;
    const answers: Answer[] = [];
    const rowValues: AttributeValue[] = new Array<AttributeValue>(variables.length);
    // hot loop (one pass over every row): plain loops, no per-row closures or object spreads
    for (let i = 0; i < rows.length; i++) {
      const cells = rows[i]!;
      const index = this.#rows++;
      const row = rowNumbers?.[i] ?? index + 2;
      let recordId = idIdx >= 0 ? detach((cells[idIdx] ?? '').trim()) : '';
      if (idIdx >= 0 && recordId === '') {
        this.warnings.push({ file, row, column: columns[idIdx], message: 'has no record id; the row number is used instead' });
      }
      if (recordId === '') recordId = `row ${row}`;
      const dup = this.#seenIds.get(recordId);
      if (dup !== undefined) this.warnings.push({ file, row, column: idIdx >= 0 ? columns[idIdx] : undefined, message: `repeats record id "${recordId}" (first at row ${dup})` });
      else this.#seenIds.set(recordId, row);

      // attributes of this row
      for (let k = 0; k < this.#attrIdx.length; k++) {
        const a = this.#attrIdx[k]!;
        const r = this.#read(k, cells[a.index] ?? '');
        if (r.ok) rowValues[k] = r.value;
        else {
          const issue = { file, row, column: columns[a.index]!, message: r.reason };
          if ('ambiguous' in r) this.blankedDates.push(issue);
          else this.invalidValues.push(issue);
          this.warnings.push(issue);
          rowValues[k] = null;
        }
        this.#rowValues[k]!.push(rowValues[k] ?? null);
      }

      // participant: shared by rows with the same participant value
      const partValue = partIdx >= 0 ? detach((cells[partIdx] ?? '').trim()) : '';
      const key = partValue !== '' ? partValue.toLowerCase() : undefined;
      const entry = key !== undefined ? this.#byKey.get(key) : undefined;
      let participant: number;
      if (!entry) {
        participant = this.#pseudonyms.length;
        this.#pseudonyms.push((partValue || recordId).slice(0, MAX_PSEUDONYM));
        this.#participantRows.push(index);
        for (let k = 0; k < variables.length; k++) this.#values[k]!.push(rowValues[k] ?? null);
        // rows without a participant value never share one: no need to remember them
        if (key !== undefined) this.#byKey.set(key, { index: participant, firstRow: row });
      } else {
        participant = entry.index;
        for (let k = 0; k < variables.length; k++) {
          const column = this.#values[k]!;
          const before = column[participant] ?? null;
          const now = rowValues[k] ?? null;
          if (before === null && now !== null) column[participant] = now;
          else if (now !== null && before !== now) {
            const level = this.#attrIdx[k]!.level;
            if (level === 'participant') {
              this.warnings.push({ file, row, column: variables[k]!.name, message: `participant "${this.#pseudonyms[participant]}" has "${String(now)}" here but "${String(before)}" at row ${entry.firstRow}; the first is kept` });
            } else if (level === undefined) {
              const v = this.#varies[k]!;
              if (v.participants.size === 0) v.firstRow = row;
              v.participants.add(participant);
            }
          }
        }
      }
      this.#recordIds.push(recordId);
      this.#participantOf.push(participant);

      for (let slot = 0; slot < this.#textCols.length; slot++) {
        const raw = cells[this.#textCols[slot]!.ti] ?? '';
        if (isBlankCell(raw)) {
          this.skippedEmpty++;
          this.#lengths.push(-1);
          continue;
        }
        const text = normaliseCell(raw);
        this.#lengths.push(text.length);
        answers.push({ row: index, slot, text });
      }
    }
    this.documentCount += answers.length;
    return answers;
  }

  /** The response document of an answer (with its text as given). */
  document(answer: Answer): DocumentWithText {
    const { row, slot, text } = answer;
    const { column, description } = this.#textCols[slot]!;
    const meta = responseDocument({
      datasetId: this.datasetId,
      projectId: this.#ctx.projectId,
      sourceId: this.source.id,
      createdAt: this.#ctx.now,
      row,
      slot,
      recordId: this.#recordIds[row]!,
      field: { name: column, description },
      participantRow: this.#participantRows[this.#participantOf[row]!]!,
      length: text.length,
      ...(this.#responseLevel().length > 0 ? { attributes: this.rowAttributes(row) } : {}),
    });
    return { ...meta, text };
  }

  /**
   * Each variable's level: as the mapping says, else 'response' when some participant's rows
   * disagree (so far: final once every row is in), else 'participant'.
   */
  get levels(): VariableLevel[] {
    return this.#attrIdx.map((a, k) => a.level ?? (this.#varies[k]!.participants.size > 0 ? 'response' : 'participant'));
  }

  /** Indexes of the response-level variables. */
  #responseLevel(): number[] {
    const out: number[] = [];
    this.levels.forEach((l, k) => l === 'response' && out.push(k));
    return out;
  }

  /**
   * After the last row: mark the variables found to vary within a participant as response-level,
   * with a warning saying so. Returns the mapping's attributes with every level fixed, so a second
   * pass over the same rows builds the same entities from the start.
   */
  settleLevels(): AttributeSpec[] {
    const levels = this.levels;
    this.#attrIdx.forEach((a, k) => {
      if (a.level !== undefined || levels[k] !== 'response') return;
      const v = this.#varies[k]!;
      this.variables[k]!.level = 'response';
      this.warnings.push({
        file: this.#file,
        row: v.firstRow,
        column: a.column,
        message: `differs between rows of the same participant (${v.participants.size.toLocaleString('en-GB')} participant${v.participants.size === 1 ? '' : 's'}, first at this row), so it is kept for each response rather than for the participant`,
      });
    });
    return this.#attrIdx.map(({ index: _index, ...a }, k) => ({ ...a, level: levels[k]! }));
  }

  /** Row `row`'s values of the response-level variables, by variable id. */
  rowAttributes(row: number): Record<string, AttributeValue> {
    const out: Record<string, AttributeValue> = {};
    for (const k of this.#responseLevel()) out[this.variables[k]!.id] = this.#rowValues[k]![row] ?? null;
    return out;
  }

  /** Change one row's value of a response-level variable (after redaction). */
  setRowAttribute(row: number, variableId: string, value: AttributeValue): void {
    const k = this.#variableIndex.get(variableId) ?? -1;
    if (k < 0 || row < 0 || row >= this.#rows) throw new RangeError(`no row ${row} or variable ${variableId} in this table`);
    this.#rowValues[k]![row] = value;
  }

  /** Attribute column k's cell read as its type; repeated values share one result (and one string). */
  #read(k: number, raw: string): Read {
    const a = this.#attrIdx[k]!;
    if (a.type === 'text') return parseValue(raw, a.type, this.#mapping.dateOrder);
    const seen = this.#seen[k]!;
    let r = seen.get(raw);
    if (r === undefined) {
      r = parseValue(raw, a.type, this.#mapping.dateOrder, a.dates);
      // bounded: a column with thousands of distinct values gains nothing from it
      if (seen.size < MAX_SEEN_VALUES) seen.set(detach(raw), r);
    }
    return r;
  }

  /** Participant `index`'s value of each participant-level variable (by id). */
  attributes(index: number): Record<string, AttributeValue> {
    const out: Record<string, AttributeValue> = {};
    const levels = this.levels;
    this.variables.forEach((v, k) => {
      if (levels[k] === 'participant') out[v.id] = this.#values[k]![index] ?? null;
    });
    return out;
  }

  /** Participant `index`'s value of one variable (by id). */
  value(index: number, variableId: string): AttributeValue {
    const k = this.#variableIndex.get(variableId) ?? -1;
    return k < 0 ? null : (this.#values[k]![index] ?? null);
  }

  pseudonym(index: number): string {
    return this.#pseudonyms[index] ?? '';
  }

  /** Change one participant's value (after redaction). */
  setAttribute(index: number, variableId: string, value: AttributeValue): void {
    const k = this.#variableIndex.get(variableId) ?? -1;
    if (k < 0 || index < 0 || index >= this.#pseudonyms.length) throw new RangeError(`no participant ${index} or variable ${variableId} in this table`);
    this.#values[k]![index] = value;
  }

  /** The participants so far, as entities (for whole batches; a streamed import keeps them in columns). */
  participants(): Participant[] {
    return this.#pseudonyms.map((pseudonym, i) => ({
      id: datasetParticipantId(this.datasetId, this.#participantRows[i]!),
      projectId: this.#ctx.projectId,
      sourceId: this.source.id,
      pseudonym,
      attributes: this.attributes(i),
    }));
  }

  /** The dataset record of the rows added so far. */
  dataset(): Dataset {
    const levels = this.levels;
    const response = this.#responseLevel();
    return {
      id: this.datasetId,
      projectId: this.#ctx.projectId,
      sourceId: this.source.id,
      createdAt: this.#ctx.now,
      fields: this.#textCols.map((c) => ({ name: c.column, description: c.description })),
      recordIds: this.#recordIds,
      participantOf: Int32Array.from(this.#participantOf),
      lengths: Int32Array.from(this.#lengths),
      participants: {
        rows: Int32Array.from(this.#participantRows),
        pseudonyms: this.#pseudonyms,
        attributes: Object.fromEntries(this.variables.flatMap((v, k) => (levels[k] === 'participant' ? [[v.id, this.#values[k]!]] : []))),
      },
      ...(response.length > 0 ? { responseAttributes: Object.fromEntries(response.map((k) => [this.variables[k]!.id, this.#rowValues[k]!])) } : {}),
    };
  }

  /** Answer `slot` of row `row`: its text length (UTF-16 code units, as last set), or -1 when the cell was blank. */
  answerLength(row: number, slot: number): number {
    const F = this.#textCols.length;
    if (row < 0 || row >= this.#rows || slot < 0 || slot >= F) throw new RangeError(`no answer ${row}:${slot} in this table`);
    return this.#lengths[row * F + slot]!;
  }

  /** Free-text columns (answer slots) per row. */
  get slots(): number {
    return this.#textCols.length;
  }

  /**
   * One row's answers as addRows makes them (the normalised text per slot, null for a blank cell),
   * without adding the row: for reading the rows again once the builder holds them all.
   */
  answerTexts(cells: readonly string[]): (string | null)[] {
    const out = new Array<string | null>(this.#textCols.length);
    for (let slot = 0; slot < this.#textCols.length; slot++) {
      const raw = cells[this.#textCols[slot]!.ti] ?? '';
      out[slot] = isBlankCell(raw) ? null : normaliseCell(raw);
    }
    return out;
  }

  /**
   * After the last row: let go of what only adding rows needs (record ids seen, parsed-value
   * caches, participant keys), so a builder held from the scan to the commit keeps only the dataset.
   */
  releaseRowState(): void {
    this.#seenIds.clear();
    this.#byKey.clear();
    for (const m of this.#seen) m.clear();
  }

  /** Record an answer's text length after its text changed (redaction), so the dataset stays true. */
  setLength(answer: Pick<Answer, 'row' | 'slot'>, length: number): void {
    const F = this.#textCols.length;
    if (answer.row < 0 || answer.row >= this.#rows || answer.slot < 0 || answer.slot >= F) throw new RangeError(`no answer ${answer.row}:${answer.slot} in this table`);
    this.#lengths[answer.row * F + answer.slot] = length;
  }
}

/** A whole table → one batch (the CLI and small tables; the app streams rows through TableBuilder). */
export function buildBatchFromTable(table: ParsedTable, mapping: TableMapping, ctx: BatchContext): ImportBatch {
  const b = new TableBuilder(table, mapping, ctx);
  const answers = b.addRows(table.rows, table.rowNumbers);
  b.settleLevels();
  const documents = answers.map((a) => b.document(a));
  return { sources: [b.source], variables: b.variables, participants: b.participants(), documents, skippedEmpty: b.skippedEmpty, warnings: b.warnings, invalidValues: b.invalidValues, blankedDates: b.blankedDates };
}

/** File name without folders and extension, for titles and pseudonyms. */
export function baseName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? name;
  const dot = last.lastIndexOf('.');
  return dot > 0 ? last.slice(0, dot) : last;
}

/** Transcripts → one source; per file one participant (named from the file) and one transcript document with its speaker turns. */
export function buildBatchFromTranscripts(
  files: { name: string; text: string }[],
  source: SourceSpec,
  ctx: { projectId: string; newId: () => string; now: string },
): ImportBatch {
  const src = makeSource(source, ctx, `Imported from ${files.length} transcript file(s)`);
  const warnings: ImportIssue[] = [];
  const participants: Participant[] = [];
  const documents: DocumentWithText[] = [];
  let skippedEmpty = 0;
  for (const f of files) {
    const parsed = parseTranscript(f.text);
    if (parsed.text.trim() === '') {
      skippedEmpty++;
      warnings.push({ file: f.name, message: 'has no text; skipped' });
      continue;
    }
    if (parsed.turns.length === 0) warnings.push({ file: f.name, message: 'no speaker labels found (e.g. "Interviewer:"); imported as one block of text' });
    const title = (baseName(f.name) || 'Transcript').slice(0, MAX_TITLE);
    const p: Participant = { id: ctx.newId(), projectId: ctx.projectId, sourceId: src.id, pseudonym: title.slice(0, MAX_PSEUDONYM), attributes: {} };
    participants.push(p);
    documents.push({
      id: ctx.newId(),
      projectId: ctx.projectId,
      sourceId: src.id,
      participantId: p.id,
      title,
      kind: 'transcript',
      length: parsed.text.length,
      turns: parsed.turns,
      createdAt: ctx.now,
      text: parsed.text,
    });
  }
  return { sources: [src], variables: [], participants, documents, skippedEmpty, warnings, invalidValues: [], blankedDates: [] };
}
