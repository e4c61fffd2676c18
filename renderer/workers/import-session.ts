/**
 * The import worker's state and work, apart from postMessage so it runs (and is benchmarked)
 * in Node too: files are parsed, batches built, scanned and committed in the same place, so
 * nothing large crosses to the UI thread (DESIGN.md: parse and store in one worker).
 */
import { commitImports, findPreviousImports, ImportCancelled, type ChorusDb, type CommitBatch } from '../db';
import { newGuid } from '../../shared/model/ids';
import { checksum } from '../../shared/import/checksum';
import { guessAttributeType, guessTextColumns } from '../../shared/import/infer';
import { buildBatchFromTable, buildBatchFromTranscripts, type ImportBatch } from '../../shared/import/mapping';
import { applyDecisions, dateOrderConflicts, dropSpeakers, findingContext, findingText, importFileKind, readTranscriptText, scanBatches, speakerCounts, totalCounts, type BatchFinding, type ImportFileKind } from '../../shared/import/pipeline';
import { parseTable } from '../../shared/import/table';
import { parseTranscript } from '../../shared/import/transcript';
import { ImportError, type ImportIssue, type ParsedTable } from '../../shared/import/types';
import type { FindingView, ImportReply, ImportRequest, ReviewData, TableSummary } from './import-protocol';
import { errorMessage } from '../../shared/error-message';

interface HeldFile {
  name: string;
  kind: ImportFileKind;
  bytes: Uint8Array;
  checksum: string;
  table?: ParsedTable;
  text?: string;
}

interface Prepared {
  projectId: string;
  batches: ImportBatch[];
  /** Per batch: the file it came from. */
  files: { name: string; checksum: string }[];
  findings: BatchFinding[];
}

/** An ImportError (or anything else) as a reply naming the file, row and column. */
export function errorReply(file: string, e: unknown): ImportReply {
  if (e instanceof ImportCancelled) return { type: 'cancelled', message: e.message };
  if (e instanceof ImportError) {
    const issue: ImportIssue = { file, ...(e.row !== undefined ? { row: e.row } : {}), ...(e.column !== undefined ? { column: e.column } : {}), message: e.message };
    return { type: 'error', message: `${file}: ${e.message}`, issues: [issue] };
  }
  const message = errorMessage(e);
  return { type: 'error', message: file ? `${file}: ${message}` : message, issues: [{ file, message }] };
}

const GUESS_SAMPLE = 2000;

export function summariseTable(table: ParsedTable): TableSummary {
  const order = 'dmy';
  const guessedTypes: TableSummary['guessedTypes'] = {};
  const dateConflicts: TableSummary['dateConflicts'] = {};
  // guesses look at a sample (they are only defaults); date-order conflicts look at every value
  const sample = table.rows.length > GUESS_SAMPLE ? { ...table, rows: table.rows.slice(0, GUESS_SAMPLE) } : table;
  table.columns.forEach((c, i) => {
    const type = guessAttributeType(sample.rows.map((r) => r[i] ?? ''), order);
    guessedTypes[c] = type;
    if (type === 'date') {
      const values = table.rows.map((r) => r[i] ?? '');
      const dmy = dateOrderConflicts(values, 'dmy');
      const mdy = dateOrderConflicts(values, 'mdy');
      const example = dmy.example ?? mdy.example;
      dateConflicts[c] = { dmy: dmy.contradicting, mdy: mdy.contradicting, ...(example !== undefined ? { example } : {}) };
    }
  });
  return {
    columns: table.columns,
    descriptions: table.descriptions,
    preview: table.rows.slice(0, 8),
    rowCount: table.rows.length,
    ...(table.encoding !== undefined ? { encoding: table.encoding, encodingReason: table.encodingReason, delimiter: table.delimiter } : {}),
    ...(table.sheets !== undefined ? { sheets: table.sheets, sheet: table.sheet } : {}),
    warnings: table.warnings.slice(0, 200),
    guessedText: guessTextColumns(sample, [], order),
    guessedTypes,
    dateConflicts,
  };
}

export class ImportSession {
  readonly #files = new Map<string, HeldFile>();
  #prepared: Prepared | undefined;
  #abort: AbortController | undefined;

  constructor(
    private readonly db: () => Promise<ChorusDb>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Handle one request; progress goes to `progress`, the final reply is returned. */
  async handle(req: ImportRequest, progress: (r: ImportReply) => void = () => {}): Promise<ImportReply> {
    switch (req.type) {
      case 'add-file': {
        const kind = importFileKind(req.name);
        if (!kind) return errorReply(req.name, new ImportError(`is not a supported file type (tables: CSV, TSV, XLSX, XLS, ODS; transcripts: TXT, MD, DOCX)`));
        const sum = checksum(req.bytes);
        this.#files.set(req.fileId, { name: req.name, kind, bytes: req.bytes, checksum: sum });
        const previous = (await findPreviousImports(await this.db(), req.projectId, sum)).map((r) => ({ at: r.at, by: r.by, fileNames: r.fileNames }));
        return { type: 'file', info: { kind, checksum: sum, bytes: req.bytes.length, previous } };
      }
      case 'forget-file':
        this.#files.delete(req.fileId);
        this.#prepared = undefined;
        return { type: 'ok' };
      case 'parse-table': {
        const f = this.#file(req.fileId);
        try {
          f.table = parseTable(f.bytes, { fileName: f.name, ...req.settings });
        } catch (e) {
          return errorReply(f.name, e);
        }
        return { type: 'table', table: summariseTable(f.table) };
      }
      case 'set-table': {
        const f = this.#file(req.fileId);
        f.table = req.table;
        return { type: 'table', table: summariseTable(req.table) };
      }
      case 'read-transcript': {
        const f = this.#file(req.fileId);
        try {
          f.text = await readTranscriptText(f.name, f.bytes);
        } catch (e) {
          return errorReply(f.name, e);
        }
        const t = parseTranscript(f.text);
        return { type: 'transcript', transcript: { characters: t.text.length, speakers: speakerCounts(t.turns), style: t.style, preview: t.text.slice(0, 600) } };
      }
      case 'prepare':
        return this.#prepare(req, progress);
      case 'rescan': {
        const p = this.#prepared;
        if (!p) return errorReply('', new Error('Nothing is prepared to scan; choose the files again.'));
        p.findings = scanBatches(p.batches, { allowList: req.allowList, onProgress: throttle((done, total) => progress({ type: 'progress', phase: 'scan', done, total })) });
        return { type: 'review', review: this.#review(p, []) };
      }
      case 'commit':
        return this.#commit(req, progress);
      case 'cancel':
        this.#abort?.abort();
        return { type: 'ok' };
    }
  }

  #file(id: string): HeldFile {
    const f = this.#files.get(id);
    if (!f) throw new Error('That file is no longer loaded; choose it again.');
    return f;
  }

  async #prepare(req: Extract<ImportRequest, { type: 'prepare' }>, progress: (r: ImportReply) => void): Promise<ImportReply> {
    this.#prepared = undefined;
    const now = this.now().toISOString();
    const ctx = { projectId: req.projectId, newId: newGuid, now };
    const batches: ImportBatch[] = [];
    const files: Prepared['files'] = [];
    const errors: ImportIssue[] = [];
    for (const t of req.tables) {
      const f = this.#file(t.fileId);
      if (!f.table) return errorReply(f.name, new Error('has not been read yet'));
      try {
        const b = buildBatchFromTable(f.table, t.mapping, { ...ctx, fileName: f.name });
        errors.push(...b.invalidValues);
        batches.push(b);
        files.push({ name: f.name, checksum: f.checksum });
      } catch (e) {
        return errorReply(f.name, e);
      }
    }
    let sourceId: string | undefined;
    for (const plan of req.transcripts) {
      const f = this.#file(plan.fileId);
      if (f.text === undefined) return errorReply(f.name, new Error('has not been read yet'));
      let b: ImportBatch;
      try {
        b = buildBatchFromTranscripts([{ name: f.name, text: f.text }], req.transcriptSource, ctx);
      } catch (e) {
        return errorReply(f.name, e);
      }
      // all transcripts of one import share the first one's source
      if (sourceId === undefined) sourceId = b.sources[0]!.id;
      else {
        b.sources = [];
        for (const p of b.participants) p.sourceId = sourceId;
        for (const d of b.documents) d.sourceId = sourceId;
      }
      const drop = new Set(plan.notSpeakers);
      for (const d of b.documents) d.turns = dropSpeakers(d.turns, drop);
      batches.push(b);
      files.push({ name: f.name, checksum: f.checksum });
    }
    if (batches.every((b) => b.documents.length === 0)) return errorReply('', new Error('Nothing to import: every text cell and file was empty.'));
    const findings = scanBatches(batches, { allowList: req.allowList, onProgress: throttle((done, total) => progress({ type: 'progress', phase: 'scan', done, total })) });
    this.#prepared = { projectId: req.projectId, batches, files, findings };
    return { type: 'review', review: this.#review(this.#prepared, errors) };
  }

  #review(p: Prepared, errors: ImportIssue[]): ReviewData {
    const findings: FindingView[] = p.findings.map((f) => {
      const b = p.batches[f.batch]!;
      const file = p.files[f.batch]!.name;
      let where: string;
      if (f.place.kind === 'document') where = `${file} · ${b.documents[f.place.doc]!.title}`;
      else {
        const variableId = f.place.variableId;
        where = `${file} · ${b.participants[f.place.participant]!.pseudonym} · ${b.variables.find((v) => v.id === variableId)?.name ?? 'attribute'}`;
      }
      return { id: f.id, type: f.type, confidence: f.confidence, where, ...findingContext(findingText(p.batches, f), f) };
    });
    const sum = (g: (b: ImportBatch) => number) => p.batches.reduce((n, b) => n + g(b), 0);
    return {
      findings,
      documents: sum((b) => b.documents.length),
      participants: sum((b) => b.participants.length),
      skippedEmpty: sum((b) => b.skippedEmpty),
      errors: errors.length ? errors : p.batches.flatMap((b) => b.invalidValues),
      warnings: p.batches.flatMap((b) => b.warnings.filter((w) => !b.invalidValues.includes(w))).slice(0, 500),
    };
  }

  async #commit(req: Extract<ImportRequest, { type: 'commit' }>, progress: (r: ImportReply) => void): Promise<ImportReply> {
    const p = this.#prepared;
    if (!p || p.projectId !== req.projectId) return errorReply('', new Error('Nothing is prepared to import; choose the files again.'));
    const invalid = p.batches.flatMap((b) => b.invalidValues);
    if (invalid.length > 0) return { type: 'error', message: `${invalid.length} value(s) cannot be read as their column's type; change the type or date order first.`, issues: invalid };
    // the decisions change the batch in place, so a failed commit cannot be retried with other decisions
    this.#prepared = undefined;
    const counts = applyDecisions(p.batches, p.findings, (f) => req.decisions[f.id] ?? 'redact');
    p.findings = [];
    const items = p.batches.map((b, i) => ({
      batch: { sources: b.sources, variables: b.variables, participants: b.participants, documents: b.documents, skippedEmpty: b.skippedEmpty } satisfies CommitBatch,
      meta: { fileNames: [p.files[i]!.name], checksum: p.files[i]!.checksum, by: req.by, redactions: counts[i]! },
    }));
    this.#abort = new AbortController();
    try {
      await commitImports(await this.db(), req.projectId, items, {
        chunk: req.chunk ?? 2000,
        signal: this.#abort.signal,
        onProgress: (x) => progress({ type: 'progress', phase: 'commit', done: x.done, total: x.total }),
      });
    } catch (e) {
      return errorReply('', e);
    } finally {
      this.#abort = undefined;
    }
    for (const f of p.files) for (const [id, held] of this.#files) if (held.checksum === f.checksum) this.#files.delete(id);
    return {
      type: 'committed',
      summary: {
        files: p.files.map((f) => f.name),
        documents: items.reduce((n, i) => n + i.batch.documents.length, 0),
        participants: items.reduce((n, i) => n + i.batch.participants.length, 0),
        skippedEmpty: items.reduce((n, i) => n + i.batch.skippedEmpty, 0),
        redactions: totalCounts(counts),
      },
    };
  }
}

/** Call at most every 100 ms (and always for the last item). */
function throttle(fn: (done: number, total: number) => void): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const t = Date.now();
    if (done === total || t - last >= 100) {
      last = t;
      fn(done, total);
    }
  };
}

