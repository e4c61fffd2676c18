/** Messages between the Import workspace (./import-client.ts) and ./import.worker.ts. */
import type { PiiType } from '../../shared/model';
import type { SourceSpec, TableMapping } from '../../shared/import/mapping';
import type { FindingDecision, ImportFileKind } from '../../shared/import/pipeline';
import type { ImportIssue, ParsedTable } from '../../shared/import/types';
import type { TableSummary } from '../../shared/import/table-summary';

export interface TableSettings {
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  headerRows?: number;
}

export interface TranscriptPlan {
  fileId: string;
  /** Detected labels the user says are not speakers. */
  notSpeakers: string[];
  /** A source of its own for this file; without it the file joins the batch's shared transcripts' source. */
  source?: SourceSpec;
}

export type ImportRequest =
  /** Open the store now, while the user is choosing files, so the first file's reply does not wait for it. */
  | { type: 'warm' }
  /** The file as picked (a Blob is read in slices, never whole; bytes for tests and small files). */
  | { type: 'add-file'; projectId: string; fileId: string; name: string; data: Blob | Uint8Array }
  | { type: 'parse-table'; fileId: string; settings: TableSettings }
  /** A workbook already parsed in its own disposable worker (renderer/workers/parse-spreadsheet.ts). */
  | { type: 'set-table'; fileId: string; table: ParsedTable }
  | { type: 'read-transcript'; fileId: string }
  /** Which of `columns` differ between one participant's rows, with `participantColumn` as the participant. */
  | { type: 'levels'; fileId: string; participantColumn: string; columns: string[] }
  | { type: 'prepare'; projectId: string; tables: { fileId: string; mapping: TableMapping }[]; transcripts: TranscriptPlan[]; transcriptSource: SourceSpec; allowList: string[] }
  | { type: 'rescan'; allowList: string[] }
  | { type: 'commit'; projectId: string; decisions: Record<string, FindingDecision>; by: string; chunk?: number }
  /** After a commit: run the safeguarding detector over what it stored and flag what it finds. */
  | { type: 'safeguard-scan'; projectId: string; sourceIds: string[]; by: string }
  | { type: 'cancel' }
  | { type: 'forget-file'; fileId: string };

export type Envelope<T> = T & { reqId: number };

export interface FileInfo {
  kind: ImportFileKind;
  bytes: number;
  /** Earlier imports of the same bytes into this project (for a CSV known once it has been read: see the 'table' reply). */
  previous: { at: string; by: string; fileNames: string[] }[];
}

export type { TableSummary } from '../../shared/import/table-summary';

export interface TranscriptSummary {
  characters: number;
  speakers: { speaker: string; turns: number }[];
  style: string;
  preview: string;
}

export interface FindingView {
  id: string;
  type: PiiType;
  confidence: number;
  /** Where: "survey.csv · R12 – Q1" or "survey.csv · R12 · Ethnicity". */
  where: string;
  /** The column (free-text question or attribute) of a table finding, for dismissing a whole column at once. */
  column?: string;
  /** How many places this finding stands for when more than one (rows with the same value, mentions of a speaker's name). */
  occurrences?: number;
  before: string;
  match: string;
  after: string;
}

export interface ReviewData {
  findings: FindingView[];
  documents: number;
  participants: number;
  skippedEmpty: number;
  /** Values that could not be read as their type: they stop the commit. */
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** Dates left blank because they read as two different dates (a date column read "unambiguous only"). */
  blankedDates: ImportIssue[];
}

export interface ImportSummary {
  files: string[];
  documents: number;
  participants: number;
  skippedEmpty: number;
  redactions: Partial<Record<PiiType, number>>;
  /** The sources the import made (for the safeguarding scan that follows it). */
  sourceIds?: string[];
}

export type ImportReply =
  | { type: 'file'; info: FileInfo }
  /** A table read; for a CSV also its file info, now that reading it has checksummed it. */
  | { type: 'table'; table: TableSummary; info?: FileInfo }
  | { type: 'transcript'; transcript: TranscriptSummary }
  /** Per column asked about: participants whose rows differ there (0: the column is the participant's). */
  | { type: 'levels'; participantColumn: string; varying: Record<string, number> }
  | { type: 'review'; review: ReviewData }
  | { type: 'committed'; summary: ImportSummary }
  | { type: 'safeguard-scanned'; scanned: number; flagged: number }
  | { type: 'progress'; phase: 'scan' | 'commit' | 'safeguard'; done: number; total: number }
  | { type: 'ok' }
  | { type: 'cancelled'; message: string }
  | { type: 'error'; message: string; issues: ImportIssue[] };
