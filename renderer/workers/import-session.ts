/**
 * The import worker's state and work, apart from postMessage so it runs (and is tested and
 * benchmarked) in Node too. Nothing large crosses to the UI thread, and a CSV is never whole in
 * memory as read: it is read from the picked file in slices —
 *   1. parse-table: the layout (encoding, delimiter, header) and a summary for the mapping screen,
 *      the rows as parsed held for the scan while they fit a budget (HeldRows); then, while the
 *      user maps the columns, the long cells are scanned ahead in another worker;
 *   2. prepare: rows (held, or read again) → the dataset (TableBuilder) → PII scan; the builder, the findings and the
 *      answers' texts (compact, HeldAnswers, up to a byte budget) are kept;
 *   3. commit: the held answers (and, past the budget, the rest of the rows read again) →
 *      decisions applied → stored chunk by chunk inside one transaction (all-or-nothing), as a
 *      dataset: one record per 1,000 rows of answers.
 * Spreadsheets arrive already parsed (from their disposable worker) and stream from memory;
 * transcripts are small and kept whole.
 */
import { executeImport, findPreviousImports, ImportCancelled, type ChorusDb, type CommitBatch, type CommitMeta } from '../db';
import { newGuid } from '../../shared/model/ids';
import { PII_TYPES, type PiiType } from '../../shared/model';
import { bytesSource, type ByteSource } from '../../shared/import/byte-source';
import { checksummingSource, checksumSource } from '../../shared/import/checksum';
import { csvRowChunks, scanCsvTable, type TableLayout } from '../../shared/import/csv-stream';
import type { DatasetRowTexts } from '../../shared/import/dataset';
import { buildBatchFromTranscripts, TableBuilder, type Answer, type ImportBatch } from '../../shared/import/mapping';
import { MAX_GROUPED_LENGTH, type PiiDetector } from '../../shared/import/pii-scan';
import type { PiiFinding } from '../../shared/privacy/detect';
import {
  BatchScanner,
  DecisionApplier,
  dropSpeakers,
  findingContext,
  importFileKind,
  readTranscriptText,
  scanValues,
  speakerCounts,
  totalCounts,
  type BatchFinding,
  type ImportFileKind,
} from '../../shared/import/pipeline';
import { parseTranscript } from '../../shared/import/transcript';
import { summariseTable, TableSummariser } from '../../shared/import/table-summary';
import { LevelCounter } from '../../shared/import/levels';
import { HeldAnswers, HOLD_BYTES } from '../../shared/import/held-answers';
import { HeldRows, HOLD_ROWS_BYTES, type RowChunk } from '../../shared/import/held-rows';
import type { PreScanResults } from '../../shared/import/pre-scan';
import { ImportError, type ImportIssue, type ParsedTable } from '../../shared/import/types';
import type { FileInfo, FindingView, ImportReply, ImportRequest, ReviewData } from './import-protocol';
import { errorMessage } from '../../shared/error-message';
import { blobSource } from './blob-source';
import { scanSourcesForSafeguarding } from './safeguard-scan';

/** Errors and warnings listed in a review at most (a wrong date order can make one per row). */
const MAX_ISSUES = 500;

/** Rows of a table in chunks, in order, each row as wide as the table's columns. */
type RowChunks = () => Iterable<RowChunk>;

interface HeldFile {
  name: string;
  kind: ImportFileKind;
  source: ByteSource;
  /** The picked file itself (a Blob), for the scan ahead to read in its own worker. */
  blob?: Blob;
  /** The scan ahead of a CSV's long cells, from parse-table's end to the scan (see shared/import/pre-scan.ts). */
  preScan?: PreScan;
  projectId: string;
  /** Known at add-file, or for a CSV once parse-table has read it. */
  checksum?: string;
  /** A CSV/TSV read by parse-table (its layout; the rows are read again from `source` unless held). */
  layout?: TableLayout;
  /** A CSV's rows as parse-table parsed them, when they fitted the budget, until the scan takes them (shared/import/held-rows.ts). */
  rows?: readonly RowChunk[];
  /** A spreadsheet, parsed whole in its own worker. */
  table?: ParsedTable;
  text?: string;
}

/**
 * One file of a prepared import: a table (its dataset built, its answers held up to the budget;
 * rows past it are read again at commit) or a transcript batch (in memory).
 */
type PreparedItem =
  | { kind: 'table'; file: HeldFile; builder: TableBuilder; held: HeldAnswers; documents: number; participants: number; skippedEmpty: number }
  | { kind: 'transcript'; file: HeldFile; batch: ImportBatch };

interface Prepared {
  projectId: string;
  now: string;
  items: PreparedItem[];
  findings: BatchFinding[];
  views: FindingView[];
  review: Omit<ReviewData, 'findings'>;
  /** Values that cannot be read as their column's type (the review lists the first MAX_ISSUES). */
  invalidCount: number;
  /** The request, to scan again with another allow-list. */
  request: Extract<ImportRequest, { type: 'prepare' }>;
}

/** A scan ahead running elsewhere: what it has found so far, and how to stop it. */
export interface PreScan {
  results: PreScanResults;
  /** Stop it; `keep`: what it found so far stays usable (the scan takes over from there). */
  stop(keep?: boolean): void;
}

export interface ImportSessionOptions {
  /** Bytes read per slice of a CSV (default 2 MiB). */
  chunkBytes?: number;
  /** Rows per chunk built, scanned and stored at a time (default 500). */
  chunkRows?: number;
  /**
   * Where a table's answers are scanned for personal data: a pool of workers, so the scan runs on
   * other cores while this worker reads and builds the next rows. Without one they are scanned here.
   */
  detect?: () => PiiDetector;
  /**
   * Bytes of a table's answer text (UTF-8) held from the scan to the commit (default 384 MiB);
   * the rows past it are read from the file again at commit.
   */
  holdBytes?: number;
  /**
   * Estimated bytes of memory a CSV's rows may take, as parse-table parsed them, to be held until
   * the scan (default HOLD_ROWS_BYTES; 0: the scan reads the file again).
   */
  holdRowsBytes?: number;
  /**
   * Starts the scan ahead of a CSV's long cells in another worker once parse-table has read it
   * (reading with its layout), so the detector runs while the user maps the columns
   * (shared/import/pre-scan.ts); the scan
   * stops it and takes over from where it got to. Without it, the scan does all the work.
   */
  preScan?: (file: Blob, layout: TableLayout) => PreScan;
  /**
   * Lets the scan's detection workers go: called as a commit starts, so their memory is free
   * before the commit's peak (the next scan, or a rescan, starts them again through `detect`).
   */
  releaseDetect?: () => void;
}

/** Chunks of answers scanned elsewhere at once, at most (bounds the texts held while waiting). */
const CHUNKS_IN_FLIGHT = 4;

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

function emptyCounts(): Record<PiiType, number> {
  return Object.fromEntries(PII_TYPES.map((t) => [t, 0])) as Record<PiiType, number>;
}

export class ImportSession {
  readonly #files = new Map<string, HeldFile>();
  #prepared: Prepared | undefined;
  #abort: AbortController | undefined;
  readonly #chunkBytes: number;
  readonly #chunkRows: number;
  readonly #detect: (() => PiiDetector) | undefined;
  readonly #holdBytes: number;
  readonly #holdRowsBytes: number;
  readonly #preScan: ((file: Blob, layout: TableLayout) => PreScan) | undefined;
  readonly #releaseDetect: (() => void) | undefined;

  constructor(
    private readonly db: () => Promise<ChorusDb>,
    private readonly now: () => Date = () => new Date(),
    opts: ImportSessionOptions = {},
  ) {
    this.#chunkBytes = opts.chunkBytes ?? 2 * 2 ** 20;
    this.#chunkRows = opts.chunkRows ?? 500;
    this.#detect = opts.detect;
    this.#holdBytes = opts.holdBytes ?? HOLD_BYTES;
    this.#holdRowsBytes = opts.holdRowsBytes ?? HOLD_ROWS_BYTES;
    this.#preScan = opts.preScan;
    this.#releaseDetect = opts.releaseDetect;
  }

  /** Handle one request; progress goes to `progress`, the final reply is returned. */
  async handle(req: ImportRequest, progress: (r: ImportReply) => void = () => {}): Promise<ImportReply> {
    switch (req.type) {
      case 'warm':
        await this.db();
        return { type: 'ok' };
      case 'add-file': {
        const kind = importFileKind(req.name);
        if (!kind) return errorReply(req.name, new ImportError(`is not a supported file type (tables: CSV, TSV, XLSX, XLS, ODS; transcripts: TXT, MD, RST, DOCX)`));
        let source: ByteSource;
        let sum: string | undefined;
        try {
          source = req.data instanceof Uint8Array ? bytesSource(req.data) : blobSource(req.data);
          // a CSV is checksummed by parse-table's first read (a big survey is not read once more for it)
          if (kind !== 'table') sum = checksumSource(source, this.#chunkBytes);
        } catch (e) {
          return errorReply(req.name, e);
        }
        const blob = req.data instanceof Uint8Array ? undefined : req.data;
        this.#files.set(req.fileId, { name: req.name, kind, source, projectId: req.projectId, ...(blob ? { blob } : {}), ...(sum !== undefined ? { checksum: sum } : {}) });
        return { type: 'file', info: { kind, bytes: source.size, previous: sum !== undefined ? await this.#previous(req.projectId, sum) : [] } };
      }
      case 'forget-file':
        this.#files.get(req.fileId)?.preScan?.stop();
        this.#files.delete(req.fileId);
        this.#prepared = undefined;
        return { type: 'ok' };
      case 'parse-table': {
        const f = this.#file(req.fileId);
        let summary = new TableSummariser();
        // the rows as parsed, for the scan (while they fit the budget)
        let held = new HeldRows(this.#holdRowsBytes, f.source.size);
        f.preScan?.stop();
        f.preScan = undefined;
        f.rows = undefined;
        try {
          const src = checksummingSource(f.source);
          // one read: the encoding is checked as the rows are parsed (read again only if the file is not valid in the encoding its head suggests)
          const onRows = (rows: string[][], rowNumbers: number[]) => {
            summary.add(rows);
            held.add(rows, rowNumbers);
          };
          const restart = () => {
            summary = new TableSummariser();
            held = new HeldRows(this.#holdRowsBytes, f.source.size);
          };
          f.layout = scanCsvTable(src, { fileName: f.name, ...req.settings }, onRows, this.#chunkBytes, restart);
          const rows = held.finish(f.layout.columns.length);
          if (rows) f.rows = rows;
          f.table = undefined;
          f.checksum ??= src.digest();
        } catch (e) {
          return errorReply(f.name, e);
        }
        // while the user maps the columns (a core is free then), the long cells are scanned ahead in
        // a worker of its own; not while this one reads: on two cores that only slowed the reading.
        // (Started as the read begins, from the head's layout, it could not even load until the
        // read ended: a worker started from this one needs this one's thread. Given 100 ms first,
        // it scanned a quarter of a 100,000-row survey during the read, which took 300 ms longer,
        // and the scan took 300 ms less: no gain on two cores. Measured 2026-12-05.)
        if (f.blob && this.#preScan) f.preScan = this.#preScan(f.blob, f.layout);
        const info = { kind: f.kind, bytes: f.source.size, previous: await this.#previous(f.projectId, this.#checksum(f)) };
        // a table is coming: start the scan's detection workers while the user maps its columns
        this.#detect?.();
        return { type: 'table', table: summary.finish(f.layout), info };
      }
      case 'set-table': {
        const f = this.#file(req.fileId);
        f.table = req.table;
        f.layout = undefined;
        f.rows = undefined;
        f.preScan?.stop();
        f.preScan = undefined;
        return { type: 'table', table: summariseTable(req.table) };
      }
      case 'read-transcript': {
        const f = this.#file(req.fileId);
        try {
          f.text = await readTranscriptText(f.name, f.source.read(0, f.source.size));
        } catch (e) {
          return errorReply(f.name, e);
        }
        const t = parseTranscript(f.text);
        return { type: 'transcript', transcript: { characters: t.text.length, speakers: speakerCounts(t.turns), style: t.style, preview: t.text.slice(0, 600) } };
      }
      case 'levels': {
        const f = this.#file(req.fileId);
        const columns = f.layout?.columns ?? f.table?.columns ?? [];
        const p = columns.indexOf(req.participantColumn);
        const asked = req.columns.filter((c) => columns.includes(c));
        if (p < 0) return { type: 'levels', participantColumn: req.participantColumn, varying: {} };
        const counter = new LevelCounter(p, asked.map((c) => columns.indexOf(c)));
        try {
          for (const chunk of this.#rows(f)()) counter.add(chunk.rows);
        } catch (e) {
          return errorReply(f.name, e);
        }
        const n = counter.result();
        return { type: 'levels', participantColumn: req.participantColumn, varying: Object.fromEntries(asked.map((c, k) => [c, n[k]!])) };
      }
      case 'prepare':
        return this.#prepare(req, progress);
      case 'rescan': {
        const p = this.#prepared;
        if (!p) return errorReply('', new Error('Nothing is prepared to scan; choose the files again.'));
        return this.#prepare({ ...p.request, allowList: req.allowList }, progress);
      }
      case 'commit':
        return this.#commit(req, progress);
      case 'safeguard-scan': {
        const r = await scanSourcesForSafeguarding(await this.db(), req.projectId, req.sourceIds, { by: req.by, onProgress: (done, total) => progress({ type: 'progress', phase: 'safeguard', done, total }) });
        return { type: 'safeguard-scanned', ...r };
      }
      case 'cancel':
        this.#abort?.abort();
        return { type: 'ok' };
    }
  }

  /** A file's checksum (a CSV's is normally taken while parse-table reads it). */
  #checksum(f: HeldFile): string {
    return (f.checksum ??= checksumSource(f.source, this.#chunkBytes));
  }

  async #previous(projectId: string, checksum: string): Promise<FileInfo['previous']> {
    return (await findPreviousImports(await this.db(), projectId, checksum)).map((r) => ({ at: r.at, by: r.by, fileNames: r.fileNames }));
  }

  #file(id: string): HeldFile {
    const f = this.#files.get(id);
    if (!f) throw new Error('That file is no longer loaded; choose it again.');
    return f;
  }

  /**
   * A table file's rows, chunk by chunk: read again from the file each time it is called, or the
   * rows parse-table held. `take`: the held rows are let go as they are handed on (the scan: its
   * answers are held compactly from there, so the rows' memory is free before the commit).
   */
  #rows(f: HeldFile, take = false): RowChunks {
    const { layout, table } = f;
    if (layout && f.rows) {
      if (!take) return heldChunks(f.rows, this.#chunkRows);
      const rows = letGo(f.rows, this.#chunkRows);
      f.rows = undefined;
      return rows;
    }
    // the reader hands rows on per 64 KiB of text; gathered into chunks of chunkRows, so a commit
    // writes a few dozen large bulkAdds rather than a thousand small ones
    if (layout) return () => gather(csvRowChunks(f.source, layout, this.#chunkBytes), this.#chunkRows);
    if (table) {
      const size = this.#chunkRows;
      return function* () {
        for (let i = 0; i < table.rows.length; i += size) {
          const rows = table.rows.slice(i, i + size);
          yield { rows, rowNumbers: table.rowNumbers?.slice(i, i + size) ?? rows.map((_, k) => i + k + 2) };
        }
      };
    }
    throw new ImportError('has not been read yet');
  }

  async #prepare(req: Extract<ImportRequest, { type: 'prepare' }>, progress: (r: ImportReply) => void): Promise<ImportReply> {
    this.#prepared = undefined;
    const now = this.now().toISOString();
    const items: PreparedItem[] = [];
    const findings: BatchFinding[] = [];
    const views: FindingView[] = [];
    const errors: ImportIssue[] = [];
    const warnings: ImportIssue[] = [];
    const blankedDates: ImportIssue[] = [];
    let blankedCount = 0;
    let documents = 0;
    let participants = 0;
    let skippedEmpty = 0;
    let invalidCount = 0;
    const rowsOf = (f: HeldFile | undefined) => f?.layout?.rowCount ?? f?.table?.rows.length ?? 0;
    const total = req.tables.reduce((n, t) => n + rowsOf(this.#files.get(t.fileId)), 0) + req.transcripts.length;
    let done = 0;
    const report = throttle((d, t) => progress({ type: 'progress', phase: 'scan', done: d, total: t }));
    /** Keep a finding and its view for the review (the context is cut from the text now, while it is at hand). */
    const keep = (f: BatchFinding, where: string, text: string, column?: string) => {
      findings.push(f);
      views.push({ id: f.id, type: f.type, confidence: f.confidence, where, ...(column !== undefined ? { column } : {}), ...findingContext(text, f) });
    };
    /** After a batch: drop what its scanner dropped, add the findings that follow the kept ones, count each one's places. */
    const settle = (scanner: BatchScanner, from: number) => {
      let w = from;
      for (let r = from; r < findings.length; r++) {
        const x = findings[r]!;
        if (scanner.dropped(x.id)) continue;
        const v = views[r]!;
        const n = scanner.occurrences(x.id);
        if (n > 1) v.occurrences = n;
        findings[w] = x;
        views[w++] = v;
      }
      findings.length = w;
      views.length = w;
      // kept apart until every batch is settled: `findings` and `views` must stay index-aligned
      for (const x of scanner.followers()) followers.push(x);
    };
    const followers: BatchFinding[] = [];

    for (const t of req.tables) {
      const f = this.#file(t.fileId);
      const batch = items.length;
      try {
        const shape = f.layout ?? f.table;
        if (!shape) throw new ImportError('has not been read yet');
        const builder = new TableBuilder(shape, t.mapping, { projectId: req.projectId, newId: newGuid, now, fileName: f.name });
        const scanner = new BatchScanner(batch, req.allowList);
        // (a spreadsheet's rows are in memory already: its answers are taken from them again at commit)
        const held = new HeldAnswers(f.layout ? this.#holdBytes : 0);
        const from = findings.length;
        const columns = t.mapping.textColumns;
        const detect = this.#detect?.();
        // the scan ahead stops here (it would take a core from this scan): the cells it reached are
        // taken from it, the rest scanned here; it serves only a scan without an allow-list, as it ran
        f.preScan?.stop(true);
        const pre = f.layout && f.preScan?.results.usable && !req.allowList?.length ? f.preScan.results : undefined;
        // (named as the builder finds them: exactly, else ignoring case)
        const cols = pre ? columns.map((c) => (shape.columns.includes(c) ? shape.columns.indexOf(c) : shape.columns.findIndex((x) => x.toLowerCase() === c.toLowerCase()))) : [];
        // chunks read and built, their answers being scanned elsewhere; settled strictly in order
        const waiting: { answers: Answer[]; docBase: number; rows: number; found: Promise<(PiiFinding[] | undefined)[]> }[] = [];
        const settleNext = async () => {
          const c = waiting.shift()!;
          const found = await c.found;
          for (let i = 0; i < c.answers.length; i++) {
            const a = c.answers[i]!;
            const xs = scanner.answer(c.docBase + i, columns[a.slot]!, a.text, found[i]);
            for (let k = 0; k < xs.length; k++) keep(xs[k]!, `${f.name} · ${builder.document(a).title}`, a.text, columns[a.slot]);
          }
          done += c.rows;
          report(Math.min(done, total - 1), total);
        };
        let docBase = 0;
        for (const chunk of this.#rows(f, true)()) {
          const first = builder.rowCount;
          const answers = builder.addRows(chunk.rows, chunk.rowNumbers);
          const texts = new Array<string>(answers.length);
          for (let i = 0; i < answers.length; i++) texts[i] = answers[i]!.text;
          held.add(chunk.rows.length, texts);
          const ahead = pre && { results: pre, cell: (a: Answer) => [chunk.rowNumbers[a.row - first]!, cols[a.slot]!] as const };
          const found = detect || ahead ? detectAnswers(detect, ahead, scanner, columns, answers, req.allowList) : Promise.resolve([]);
          waiting.push({ answers, docBase, rows: chunk.rows.length, found });
          docBase += answers.length;
          if (!detect || waiting.length >= CHUNKS_IN_FLIGHT) await settleNext();
        }
        while (waiting.length > 0) await settleNext();
        // levels are known once every row is in (the commit stores this builder's dataset)
        builder.settleLevels();
        const levels = builder.levels;
        const varName = (id: string) => builder.variables.find((b) => b.id === id)?.name ?? 'attribute';
        if (levels.some((l) => l === 'response')) {
          for (let row = 0; row < builder.rowCount; row++) {
            const values = builder.rowAttributes(row);
            for (const x of scanValues(batch, (variableId) => ({ kind: 'row-attribute', row, variableId }), values, req.allowList)) {
              const v = x.place.kind === 'row-attribute' ? x.place.variableId : '';
              keep(x, `${f.name} · ${builder.recordId(row)} · ${varName(v)}`, String(values[v] ?? ''), varName(v));
            }
          }
        }
        // participant-level values: a category's repeated value is scanned once (BatchScanner groups them)
        const participantVars = builder.variables.filter((_, k) => levels[k] === 'participant').map((v) => v.id);
        const valueOf = (pi: number, v: string) => builder.value(pi, v);
        for (const x of scanner.attributes(builder.participantCount, participantVars, valueOf)) {
          if (x.place.kind !== 'attribute') continue;
          const { participant, variableId } = x.place;
          keep(x, `${f.name} · ${builder.pseudonym(participant)} · ${varName(variableId)}`, String(valueOf(participant, variableId) ?? ''), varName(variableId));
        }
        settle(scanner, from);
        // (loops, not spreads or includes: a wrong date order can make 100,000 of these)
        const invalid = new Set(builder.invalidValues);
        const blanked = new Set(builder.blankedDates);
        invalidCount += invalid.size;
        blankedCount += blanked.size;
        for (const w of builder.invalidValues) if (errors.length < MAX_ISSUES) errors.push(w);
        for (const w of builder.blankedDates) if (blankedDates.length < MAX_ISSUES) blankedDates.push(w);
        for (const w of builder.warnings) if (!invalid.has(w) && !blanked.has(w) && warnings.length < MAX_ISSUES) warnings.push(w);
        documents += builder.documentCount;
        participants += builder.participantCount;
        skippedEmpty += builder.skippedEmpty;
        // (the review has its copies: a wrong date order can make 100,000 of these)
        builder.warnings.length = 0;
        builder.invalidValues.length = 0;
        builder.blankedDates.length = 0;
        builder.releaseRowState();
        items.push({ kind: 'table', file: f, builder, held, documents: builder.documentCount, participants: builder.participantCount, skippedEmpty: builder.skippedEmpty });
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
        b = buildBatchFromTranscripts([{ name: f.name, text: f.text }], plan.source ?? req.transcriptSource, { projectId: req.projectId, newId: newGuid, now });
      } catch (e) {
        return errorReply(f.name, e);
      }
      // a file with a source of its own keeps it; the others share the first one's source
      if (plan.source) {
        // its own source, made above
      } else if (sourceId === undefined) sourceId = b.sources[0]!.id;
      else {
        b.sources = [];
        for (const p of b.participants) p.sourceId = sourceId;
        for (const d of b.documents) d.sourceId = sourceId;
      }
      const drop = new Set(plan.notSpeakers);
      for (const d of b.documents) d.turns = dropSpeakers(d.turns, drop);
      const batch = items.length;
      const scanner = new BatchScanner(batch, req.allowList);
      const from = findings.length;
      b.documents.forEach((d, i) => {
        for (const x of scanner.transcript(i, d.text, d.turns)) {
          if (x.place.kind === 'speaker') keep(x, `${f.name} · ${d.title} · speaker label`, x.place.speaker);
          else keep(x, `${f.name} · ${d.title}`, d.text);
        }
        for (const x of scanner.title(i, d.title)) keep(x, `${f.name} · file name`, d.title);
      });
      settle(scanner, from);
      for (const w of b.warnings) if (warnings.length < MAX_ISSUES) warnings.push(w);
      documents += b.documents.length;
      participants += b.participants.length;
      skippedEmpty += b.skippedEmpty;
      items.push({ kind: 'transcript', file: f, batch: b });
      report(++done, total);
    }
    if (documents === 0) return errorReply('', new Error('Nothing to import: every text cell and file was empty.'));
    progress({ type: 'progress', phase: 'scan', done: total, total });
    if (invalidCount > errors.length) errors.push({ file: '', message: `… and ${(invalidCount - errors.length).toLocaleString('en-GB')} more values that cannot be read as their column's type` });
    if (blankedCount > blankedDates.length) blankedDates.push({ file: '', message: `… and ${(blankedCount - blankedDates.length).toLocaleString('en-GB')} more dates left blank` });
    const review = { documents, participants, skippedEmpty, errors, warnings, blankedDates };
    for (const x of followers) findings.push(x);
    this.#prepared = { projectId: req.projectId, now, items, findings, views, review, invalidCount, request: req };
    return { type: 'review', review: { findings: views, ...review } };
  }

  async #commit(req: Extract<ImportRequest, { type: 'commit' }>, progress: (r: ImportReply) => void): Promise<ImportReply> {
    const p = this.#prepared;
    if (!p || p.projectId !== req.projectId) return errorReply('', new Error('Nothing is prepared to import; choose the files again.'));
    if (p.invalidCount > 0) return { type: 'error', message: `${p.invalidCount.toLocaleString('en-GB')} value(s) cannot be read as their column's type; change the type or date order first.`, issues: p.review.errors };
    // the decisions change transcript batches in place, so a failed commit cannot be retried with other decisions
    this.#prepared = undefined;
    // the scan is over: its detection workers' memory is let go before the commit's peak
    this.#releaseDetect?.();
    const applier = new DecisionApplier(p.findings, (f) => req.decisions[f.id] ?? 'redact');
    p.findings = [];
    const items = p.items.map((item, bi) => {
      // read by commitImport after the rows are stored: a streamed table's counts are complete only then
      const redactions = (applier.counts[bi] ??= emptyCounts());
      const meta: CommitMeta = { fileNames: [item.file.name], checksum: this.#checksum(item.file), by: req.by, redactions };
      if (item.kind === 'transcript') {
        const title = item.batch.documents[0]?.title;
        applier.documents(bi, item.batch.documents, item.batch.participants);
        // the import record keeps the file name only as the gate left it
        const now = item.batch.documents[0]?.title;
        if (title !== undefined && now !== title) meta.fileNames = [item.file.name.replace(title, now!)];
        applier.participants(bi, item.batch.participants);
        const b = item.batch;
        return { batch: { sources: b.sources, variables: b.variables, participants: b.participants, documents: b.documents, skippedEmpty: b.skippedEmpty } satisfies CommitBatch, meta };
      }
      return { batch: this.#commitTable(item, bi, applier), meta };
    });
    this.#abort = new AbortController();
    let records: Awaited<ReturnType<typeof executeImport>>;
    try {
      records = await executeImport(await this.db(), req.projectId, items, {
        chunk: req.chunk ?? 2000,
        signal: this.#abort.signal,
        onProgress: (x) => progress({ type: 'progress', phase: 'commit', done: x.done, total: x.total }),
      });
    } catch (e) {
      return errorReply('', e);
    } finally {
      this.#abort = undefined;
    }
    for (const item of p.items)
      for (const [id, held] of this.#files)
        if (held.checksum === item.file.checksum) {
          held.preScan?.stop();
          this.#files.delete(id);
        }
    return {
      type: 'committed',
      summary: {
        files: p.items.map((i) => i.file.name),
        documents: p.review.documents,
        participants: p.review.participants,
        skippedEmpty: p.review.skippedEmpty,
        redactions: totalCounts(applier.counts),
        sourceIds: [...new Set(records.map((r) => r.sourceId))],
      },
    };
  }

  /**
   * A prepared table as a dataset commit: the held answers (then, past the hold budget, the rest of
   * the rows read again), redacted and handed over chunk by chunk; the scan's builder gives the
   * dataset record with the redacted lengths and attribute values.
   */
  #commitTable(item: Extract<PreparedItem, { kind: 'table' }>, bi: number, applier: DecisionApplier): CommitBatch {
    const { builder, held } = item;
    const slots = builder.slots;
    const rowCount = builder.rowCount;
    const rereadFrom = held.rows;
    const chunks = rereadFrom < rowCount ? this.#rows(item.file) : undefined;
    const chunkRows = this.#chunkRows;
    let doc = 0;
    /** One row's answers with the decisions applied (null when it has none); `text(slot)` gives the answer as scanned. */
    const redactRow = (row: number, text: (slot: number, length: number) => string): DatasetRowTexts | null => {
      let out: DatasetRowTexts | null = null;
      for (let slot = 0; slot < slots; slot++) {
        const length = builder.answerLength(row, slot);
        if (length < 0) continue;
        let t = text(slot, length);
        // a survey answer has no speaker turns, so only its text and length change
        const redacted = applier.documentText(bi, doc++, t);
        if (redacted) {
          t = redacted.text;
          builder.setLength({ row, slot }, t.length);
        }
        (out ??= { row, texts: new Array<string | null>(slots).fill(null) }).texts[slot] = t;
      }
      return out;
    };
    function* rows(): Generator<DatasetRowTexts[]> {
      let row = 0;
      for (const chunk of held.take()) {
        const out: DatasetRowTexts[] = [];
        for (const end = row + chunk.rows; row < end; row++) {
          const r = redactRow(row, (_slot, length) => chunk.next(length));
          if (r) out.push(r);
        }
        yield out;
      }
      if (!chunks) return;
      // past the hold budget: the rest of the rows from the file, checked against what was scanned
      const changed = () => new ImportError('changed since it was scanned (it now has different rows); choose it again');
      let index = 0;
      let out: DatasetRowTexts[] = [];
      for (const chunk of chunks()) {
        for (const cells of chunk.rows) {
          if (index++ < rereadFrom) continue;
          if (row >= rowCount) throw changed();
          const texts = builder.answerTexts(cells);
          const r = redactRow(row, (slot, length) => {
            const t = texts[slot];
            if (t === null || t === undefined || t.length !== length) throw changed();
            return t;
          });
          for (let slot = 0; slot < slots; slot++) if (texts[slot] !== null && builder.answerLength(row, slot) < 0) throw changed();
          if (r) out.push(r);
          row++;
        }
        if (out.length >= chunkRows) {
          yield out;
          out = [];
        }
      }
      if (out.length > 0) yield out;
      if (row !== rowCount) throw changed();
    }
    return {
      sources: [builder.source],
      variables: builder.variables,
      participants: [],
      documents: [],
      skippedEmpty: item.skippedEmpty,
      dataset: {
        id: builder.datasetId,
        rows: rows(),
        documents: item.documents,
        participants: item.participants,
        rowCount,
        dataset: () => {
          for (const { participant, variableId } of applier.attributePlaces(bi)) {
            const value = builder.attributes(participant)[variableId];
            if (typeof value === 'string') builder.setAttribute(participant, variableId, applier.attribute(bi, participant, variableId, value));
          }
          for (const { row, variableId } of applier.rowAttributePlaces(bi)) {
            const value = builder.rowAttributes(row)[variableId];
            if (typeof value === 'string') builder.setRowAttribute(row, variableId, applier.rowAttribute(bi, row, variableId, value));
          }
          return builder.dataset();
        },
      },
    };
  }
}

/**
 * Per answer of a chunk, its findings, or undefined where the scanner needs none or must scan it
 * itself. A long answer the scan ahead reached is taken from it; the others go to `detect`, each
 * distinct text once and only those the scanner will scan (a repeat of an answer it already
 * remembers only follows that one).
 */
function detectAnswers(
  detect: PiiDetector | undefined,
  ahead: { results: PreScanResults; cell: (a: Answer) => readonly [record: number, column: number] } | undefined,
  scanner: BatchScanner,
  columns: readonly string[],
  answers: readonly Answer[],
  allowList?: string[],
): Promise<(PiiFinding[] | undefined)[]> {
  const texts: string[] = [];
  const index = new Map<string, number>();
  /** Per answer: its text's place in `texts`; AHEAD: from the scan ahead; -1: neither. */
  const slotOf: number[] = new Array<number>(answers.length).fill(-1);
  /** The scan ahead's findings, where slotOf is AHEAD (it has stopped: nothing more arrives). */
  const aheadFound = new Array<PiiFinding[] | undefined>(answers.length);
  for (let i = 0; i < answers.length; i++) {
    const a = answers[i]!;
    if (ahead && a.text.length > MAX_GROUPED_LENGTH) {
      const [record, column] = ahead.cell(a);
      if (record <= ahead.results.through) {
        slotOf[i] = AHEAD;
        aheadFound[i] = ahead.results.get(record, column, a.text.length);
        continue;
      }
    }
    if (!detect || !scanner.wouldScan(columns[a.slot]!, a.text)) continue;
    // (only a short answer is looked for among the chunk's others: a long one is rarely repeated, and hashing it costs)
    let k = a.text.length > MAX_GROUPED_LENGTH ? undefined : index.get(a.text);
    if (k === undefined) {
      k = texts.push(a.text) - 1;
      if (a.text.length <= MAX_GROUPED_LENGTH) index.set(a.text, k);
    }
    slotOf[i] = k;
  }
  const own = detect && texts.length > 0 ? detect(texts, allowList) : Promise.resolve([]);
  return own.then((found) => slotOf.map((k, i) => (k >= 0 ? found[k] : k === AHEAD ? aheadFound[i] : undefined)));
}

/** detectAnswers: an answer whose findings come from the scan ahead. */
const AHEAD = -2;

/** Held rows, regathered into chunks of `size` rows, as often as asked. */
function heldChunks(chunks: readonly RowChunk[], size: number): RowChunks {
  return () => gather(chunks, size);
}

/** Held rows, regathered into chunks of `size` rows, once: each chunk held is let go as it is handed on. */
function letGo(chunks: readonly RowChunk[], size: number): RowChunks {
  const left: (RowChunk | undefined)[] = [...chunks];
  function* each(): Generator<RowChunk> {
    for (let i = 0; i < left.length; i++) {
      const c = left[i]!;
      left[i] = undefined;
      yield c;
    }
    left.length = 0;
  }
  return () => gather(each(), size);
}

/** Row chunks regathered into chunks of `size` rows (the last may be smaller). */
function* gather(chunks: Iterable<RowChunk>, size: number): Generator<RowChunk> {
  let rows: string[][] = [];
  let rowNumbers: number[] = [];
  for (const c of chunks) {
    for (let i = 0; i < c.rows.length; i++) {
      rows.push(c.rows[i]!);
      rowNumbers.push(c.rowNumbers[i]!);
      if (rows.length === size) {
        yield { rows, rowNumbers };
        rows = [];
        rowNumbers = [];
      }
    }
  }
  if (rows.length > 0) yield { rows, rowNumbers };
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
