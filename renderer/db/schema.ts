/**
 * The Chorus IndexedDB schema (Dexie). renderer/db is the only code that touches IndexedDB.
 *
 * Versions are append-only: never edit a published version's stores; add a new version with
 * its upgrade function and a migration test in test/db/migrations.test.ts.
 */
import Dexie, { type Table } from 'dexie';
import type {
  Action,
  AuditEvent,
  Code,
  Coder,
  CoderAssignment,
  Coding,
  ConsensusDecision,
  DocumentMeta,
  Finding,
  MemoMeta,
  Participant,
  Project,
  Quote,
  Recommendation,
  RedactionLog,
  RetractionRecord,
  Source,
  StoredPackTemplate,
  Variable,
} from '../../shared/model';
import type { StoredText } from './codec';
import type { Dataset } from '../../shared/import/dataset';
import type { CodingDigest } from '../../shared/coding/coding-digest';
import { codingJournalMiddleware, type CodingJournalEntry } from './coding-journal';
import { guardAuditLog } from './audit-log';
import { moveRowsToBlocks } from './dataset-blocks';

/** A stored dataset: in an encrypted project its personal parts are sealed (dataset-seal.ts) and the clear fields empty. */
/**
 * A stored survey dataset: its personal parts in `pieces` (dataset-seal.ts; the clear fields empty).
 * Records written before pieces keep them in the clear fields (plain) or as one `sealed` text (encrypted).
 */
export type DatasetRecord = Dataset & { sealed?: StoredText; pieces?: DatasetPiece[] };
/** One piece of a dataset's personal parts: a column, its first index, and the JSON of its values through the codec. */
export interface DatasetPiece {
  column: string;
  from: number;
  stored: StoredText;
}
/** A stored participant: in an encrypted project its pseudonym and attribute values are sealed (participant-seal.ts). */
export type ParticipantRecord = Participant & { sealed?: StoredText };
import type { SafeguardFlag } from '../../shared/safeguarding/flags';

/** Text of a document or memo, stored through the codec (so it can be encrypted at rest). */
export interface TextRow {
  id: string;
  projectId: string;
  stored: StoredText;
}

/**
 * Per-document term counts, cached when text is stored, so word statistics never re-tokenise.
 * In an encrypted project the counts are words of the text, so they are kept through the codec
 * instead (`sealed`: the JSON of [word, count] pairs) and `terms` is empty.
 */
export interface TermCountRow {
  documentId: string;
  projectId: string;
  terms: Record<string, number>;
  sealed?: StoredText;
}

/** One row change: the row before and after (null = absent). */
export interface RowChange {
  table: string;
  key: string;
  before: unknown;
  after: unknown;
}

/** One undoable step: a labelled set of row changes. `undone` is 0 or 1 (booleans are not indexable). */
export interface HistoryEntry {
  seq?: number;
  projectId: string;
  label: string;
  at: string;
  undone: 0 | 1;
  changes: RowChange[];
  /** The tab's or window's session that made the step (its own Undo offers only its steps); absent on older steps. */
  session?: string;
}

/** One committed import: which file (by checksum, to detect re-imports), when, by whom, what it added. */
export interface ImportRecord {
  id: string;
  projectId: string;
  fileNames: string[];
  checksum: string;
  at: string;
  by: string;
  sourceId: string;
  counts: { participants: number; documents: number; skippedEmpty: number };
}

/** One table row's answers (per answer slot, through the codec; null = empty answer). Stores before v7 only (moved into blocks by the v7 upgrade). */
export interface DatasetRowRecord {
  key: string;
  texts: (StoredText | null)[];
}

/**
 * The answers of up to DATASET_BLOCK_ROWS consecutive rows of a dataset (v7), in one of two forms
 * (read and written only through dataset-blocks.ts, which gives both as rows of stored texts):
 * - `rows`: `rows[i]` is row `first + i`'s answers per slot (through the codec; null = empty
 *   answer), or null for a row with no answer at all (an encrypted project's blocks, and every
 *   block written before packed blocks);
 * - `packed`: a plain project's block as a few strings and its answers' lengths (PackedRows), which
 *   IndexedDB copies several times faster than thousands of small strings and objects.
 * Keyed by dataset id + block index (shared/import/dataset.ts datasetBlockKey).
 */
export type DatasetBlockRecord = { key: string; first: number } & ({ rows: ((StoredText | null)[] | null)[]; packed?: undefined } | { packed: PackedRows; rows?: undefined });

/**
 * A plain project's block of answers packed: every answer's text joined in row and slot order, in
 * pieces (`texts`; an answer is never cut), `counts[i]` answers in piece i, with
 * `lengths[row × slots + slot]` each answer's length in UTF-16 code units (-1: no answer; a row
 * past the end of `lengths` has none). How big a piece is (dataset-blocks.ts PACKED_PIECE_CHARS)
 * is the writer's choice: a reader follows `counts`.
 */
export interface PackedRows {
  slots: number;
  lengths: number[];
  texts: string[];
  counts: number[];
}

/** An encrypted project's lock: how its key is derived from the passphrase, and the key check (keyring.ts). */
export interface ProjectLockRow {
  projectId: string;
  v: 1;
  kdf: import('../../shared/crypto').KdfParams;
  check: Uint8Array;
  setAt: string;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/** v1 store definitions. */
export const STORES_V1 = {
  projects: 'id, name',
  settings: 'key',
  coders: 'id, projectId',
  sources: 'id, projectId',
  variables: 'id, projectId',
  participants: 'id, projectId, sourceId',
  documents: 'id, projectId, sourceId, participantId',
  texts: 'id, projectId',
  codes: 'id, projectId, parentId',
  codings: 'id, projectId, documentId, codeId, coderId',
  memos: 'id, projectId, target.id',
  findings: 'id, projectId',
  actions: 'id, projectId, findingId',
  audit: 'id, projectId, at',
  redactionLogs: 'id, projectId',
  retractions: 'id, projectId',
} as const;

/** v2: per-document term-count cache; codings indexed by [documentId+codeId] for overlap checks. */
export const STORES_V2 = {
  ...STORES_V1,
  codings: 'id, projectId, documentId, codeId, coderId, [documentId+codeId]',
  termCounts: 'documentId, projectId',
} as const;

/** v3: the undo/redo history (kept in the store so it survives a reload) and a record of imported files. */
export const STORES_V3 = {
  ...STORES_V2,
  history: '++seq, projectId, [projectId+undone]',
  imports: 'id, projectId, [projectId+checksum]',
} as const;

/**
 * v4: survey tables stored as datasets (shared/import/dataset.ts): one `datasets` record per
 * imported table (participants, record ids and answer lengths in columns) and one `datasetRows`
 * record per table row with its answers, keyed by dataset id + row (no secondary index, so an
 * import writes one entry per row). Their documents and participants are derived, not stored.
 */
export const STORES_V4 = {
  ...STORES_V3,
  datasets: 'id, projectId',
  datasetRows: 'key',
} as const;

/**
 * v5: reliability. `assignments`: which sources/documents each coder was asked to code (so their
 * silence there means "code absent"); `decisions`: consensus decisions resolving disagreements,
 * each with the coder who decided (kept apart from every coder's own codings).
 */
export const STORES_V5 = {
  ...STORES_V4,
  assignments: 'id, projectId, coderId, targetId',
  decisions: 'id, projectId, [documentId+codeId]',
} as const;

/**
 * v6: evidence and findings (issue 11). `quotes`: segments starred as candidate quotes (text read
 * from the document, never copied); `recommendations` under findings; actions indexed by
 * recommendation. Later additions of this round go in this same version.
 */
export const STORES_V6 = {
  ...STORES_V5,
  quotes: 'id, projectId, documentId',
  recommendations: 'id, projectId, findingId',
  actions: 'id, projectId, findingId, recommendationId',
  /** Filler written and deleted after a retraction's purge, so the storage engine rewrites its files (see purge-storage.ts). No project data. */
  scratch: 'key',
  safeguardFlags: 'id, projectId, documentId, [projectId+status]',
  // issue 12: a project's passphrase lock (KDF parameters, salt, key check; never the key), keyed by project
  projectLocks: 'projectId',
  // issue 11: a project's edited audience pack templates (one per audience; absent = the preset)
  packTemplates: 'id, projectId',
} as const;

/**
 * v7 (issue 13): survey answers in blocks of 1,000 rows (`datasetBlocks`, dataset-blocks.ts), one
 * record per block instead of one per row; the upgrade moves every `datasetRows` record into its
 * block and leaves that table empty.
 */
export const STORES_V7 = {
  ...STORES_V6,
  datasetBlocks: 'key',
} as const;

/**
 * v8 (issue 13, item 4): every coding of a project read as one record. `codingDigests`: a
 * project's codings in columns (shared/coding/coding-digest.ts), keyed by project, with the
 * journal entry it is current to; `codingJournal`: each change to the codings table, written by
 * middleware in the change's own transaction (coding-journal.ts). A derived cache: the upgrade
 * leaves both empty, and the first read of a project's codings fills its digest.
 */
export const STORES_V8 = {
  ...STORES_V7,
  codingDigests: 'projectId, seq',
  codingJournal: '++seq, reset',
} as const;

/** The newest schema version this build understands. */
export const SCHEMA_VERSION = 8;

export class ChorusDb extends Dexie {
  projects!: Table<Project, string>;
  settings!: Table<SettingRow, string>;
  coders!: Table<Coder, string>;
  sources!: Table<Source, string>;
  variables!: Table<Variable, string>;
  participants!: Table<ParticipantRecord, string>;
  documents!: Table<DocumentMeta, string>;
  texts!: Table<TextRow, string>;
  codes!: Table<Code, string>;
  codings!: Table<Coding, string>;
  memos!: Table<MemoMeta, string>;
  findings!: Table<Finding, string>;
  actions!: Table<Action, string>;
  audit!: Table<AuditEvent, string>;
  redactionLogs!: Table<RedactionLog, string>;
  retractions!: Table<RetractionRecord, string>;
  termCounts!: Table<TermCountRow, string>;
  history!: Table<HistoryEntry, number>;
  imports!: Table<ImportRecord, string>;
  datasets!: Table<DatasetRecord, string>;
  datasetRows!: Table<DatasetRowRecord, string>;
  datasetBlocks!: Table<DatasetBlockRecord, string>;
  assignments!: Table<CoderAssignment, string>;
  decisions!: Table<ConsensusDecision, string>;
  quotes!: Table<Quote, string>;
  recommendations!: Table<Recommendation, string>;
  scratch!: Table<{ key: string; data: Uint8Array }, string>;
  safeguardFlags!: Table<SafeguardFlag, string>;
  projectLocks!: Table<ProjectLockRow, string>;
  packTemplates!: Table<StoredPackTemplate, string>;
  codingDigests!: Table<CodingDigest, string>;
  codingJournal!: Table<CodingJournalEntry, number>;

  constructor(name: string, upTo: number = SCHEMA_VERSION) {
    super(name);
    this.version(1).stores(STORES_V1);
    if (upTo >= 2) {
      // The upgrade leaves termCounts empty; they are filled lazily by ensureTermCounts.
      this.version(2).stores(STORES_V2);
    }
    if (upTo >= 3) this.version(3).stores(STORES_V3);
    if (upTo >= 4) this.version(4).stores(STORES_V4);
    if (upTo >= 5) this.version(5).stores(STORES_V5);
    if (upTo >= 6) this.version(6).stores(STORES_V6);
    if (upTo >= 7) this.version(7).stores(STORES_V7).upgrade((tx) => moveRowsToBlocks(tx.table('datasetRows'), tx.table('datasetBlocks')));
    if (upTo >= 8) this.version(8).stores(STORES_V8);
    this.use(codingJournalMiddleware);
    guardAuditLog(this);
  }
}

/**
 * Tables that hold a project's data (every row has projectId), for export and deletion.
 * `datasetBlocks` (and, before v7, `datasetRows`) belong to their dataset (found by key range), not listed here.
 */
export const PROJECT_TABLES = [
  'coders',
  'sources',
  'variables',
  'participants',
  'documents',
  'texts',
  'codes',
  'codings',
  'memos',
  'findings',
  'actions',
  'audit',
  'redactionLogs',
  'retractions',
  'termCounts',
  'history',
  'imports',
  'datasets',
  'assignments',
  'decisions',
  'quotes',
  'recommendations',
  'safeguardFlags',
  'projectLocks',
  'packTemplates',
] as const;

/** The project-owned tables that exist in this (possibly older) open database. */
export function projectTables(db: Dexie) {
  const names = new Set<string>(PROJECT_TABLES);
  return db.tables.filter((t) => names.has(t.name));
}
