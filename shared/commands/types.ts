/**
 * The vocabulary of the command layer: what a command may read (ReadSpec → Snapshot), what its
 * pure plan returns (Plan), and what an executor gives the plan (PlanContext). Pure: no Dexie,
 * no DOM; the Dexie executor (renderer/db/execute.ts) and the in-memory one (./memory.ts) both
 * speak it.
 */
import type { Action, Code, Coder, CoderAssignment, Coding, ConsensusDecision, DocumentMeta, Finding, MemoMeta, MemoTarget, Project, Quote, Recommendation, RetractionRecord, Source, StoredPackTemplate } from '../model';
import type { SafeguardFlag } from '../safeguarding/flags';

/** The stored tables a plan may write (names as in the store's schema). */
export type TableName =
  | 'projects'
  | 'coders'
  | 'sources'
  | 'variables'
  | 'participants'
  | 'documents'
  | 'texts'
  | 'codes'
  | 'codings'
  | 'memos'
  | 'findings'
  | 'actions'
  | 'recommendations'
  | 'quotes'
  | 'assignments'
  | 'decisions'
  | 'retractions'
  | 'safeguardFlags'
  | 'packTemplates';

/** A stored row: every row a plan writes has a string `id`. */
export type Row = { id: string } & Record<string, unknown>;

/**
 * One row operation: `row` is the row to store, or null to delete the row `key`. `add` means the
 * row must not exist yet (an import refuses to overwrite anything rather than silently merging).
 */
export interface RowOp {
  table: TableName;
  key: string;
  row: Row | null;
  add?: boolean;
}

/** One row change as kept in the undo history: the row before and after (null = absent). */
export interface RowChange {
  table: string;
  key: string;
  before: unknown;
  after: unknown;
}

/** One undoable step as the history keeps it. */
export interface HistoryStep {
  seq: number;
  label: string;
  changes: RowChange[];
  /** The window session that made it (absent on steps stored before sessions: every session may undo those). */
  session?: string;
}

/** The audit entry a command leaves: ids and counts, never content. */
export interface AuditNote {
  action: string;
  ids: string[];
  counts?: Record<string, number>;
}

/** What a command's plan decides. */
export interface Plan<R = unknown> {
  /** Row writes, in order (a later op on the same row wins). */
  ops: RowOp[];
  /**
   * The undo step this action becomes (its name on the Undo button), or null when it is not
   * undoable (creating or importing a whole project; undo and redo themselves).
   */
  step: { label: string } | null;
  /** Undo/redo: flip this history entry instead of adding one. */
  mark?: { seq: number; undone: 0 | 1 };
  /** A plan that changes no row but must still leave its audit entry (an export, a coder switch). */
  auditOnly?: true;
  audit: AuditNote;
  /** What the caller gets back (ids, counts, the new rows). */
  result: R;
}

/**
 * What a command needs to read before it plans. The executor reads exactly this, inside the
 * same read-write transaction it then writes in, and hands the plan a Snapshot.
 */
export interface ReadSpec {
  project?: boolean;
  /** Every code of the project. */
  codes?: boolean;
  /** Every coder of the project. */
  coders?: boolean;
  /** Codings by id. */
  codingIds?: readonly string[];
  /** Codings whose code is one of these. */
  codingsOfCodes?: readonly string[];
  /** Codings of this code and every code below it (read once the codes are known). */
  codingsUnder?: string;
  /** Codings of these (document, code) pairs (duplicate checks). */
  codingsAt?: readonly { documentId: string; codeId: string }[];
  /** Documents by id, stored or derived from a survey dataset. */
  documentIds?: readonly string[];
  /** The memo on each of these targets, if any. */
  memosOn?: readonly MemoTarget[];
  /** Every source of the project. */
  sources?: boolean;
  /** Every coder assignment of the project. */
  assignments?: boolean;
  /** The consensus decisions on these (document, code) pairs. */
  decisionsAt?: readonly { documentId: string; codeId: string }[];
  /** Quotes by id. */
  quoteIds?: readonly string[];
  /** Every quote on these documents. */
  quotesOn?: readonly string[];
  /**
   * A history step: the one Undo or Redo would act on (the latest not-undone, or the first undone,
   * step of this window's session — see PlanContext.session), or the step with this sequence number.
   */
  /** Safeguarding flags on these documents. */
  safeguardFlagsOf?: readonly string[];
  /** Safeguarding flags by id. */
  safeguardFlagIds?: readonly string[];
  step?: 'undo' | 'redo' | number;
  /** Every finding, recommendation and action of the project (a few hundred at most). */
  findings?: boolean;
  recommendations?: boolean;
  actions?: boolean;
  /** Every retraction record of the project (pending and confirmed). */
  retractions?: boolean;
  /** The project's edited pack templates (one per audience at most). */
  packTemplates?: boolean;
}

/** Snapshot lists are in id order in every executor, so a plan's output does not depend on storage order. */
export const byIdOrder = <T extends { id: string }>(rows: T[]): T[] => rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export interface Snapshot {
  project: Project | undefined;
  codes: Code[];
  coders: Coder[];
  /** Every coding asked for (by id, by code, by place), each once. */
  codings: Coding[];
  documents: DocumentMeta[];
  memos: MemoMeta[];
  sources: Source[];
  assignments: CoderAssignment[];
  decisions: ConsensusDecision[];
  findings: Finding[];
  recommendations: Recommendation[];
  actions: Action[];
  /** Every quote asked for (by id, on documents), each once. */
  quotes: Quote[];
  retractions: RetractionRecord[];
  /** The history step asked for; `latest` when it is the project's latest not-undone step (of any session). */
  /** The safeguarding flags asked for (by document, by id), each once; absent when none were asked for. */
  safeguardFlags?: SafeguardFlag[];
  /** The project's edited pack templates, in id order; absent when not asked for. */
  packTemplates?: StoredPackTemplate[];
  step: (HistoryStep & { undone: 0 | 1; latest: boolean }) | undefined;
  /**
   * The project's current rows for each of the step's changes (for a conflict check): given for a
   * step that is not the latest (`step: number`, or this session's Undo when another session has
   * a later step) and always for Redo.
   */
  current?: Map<string, unknown>;
}

/** What an executor gives every plan, so plans stay pure and reproducible (tests pass seeded ids and a fixed clock). */
export interface PlanContext {
  projectId: string;
  now: string;
  newId: () => string;
  actor: string;
  /** The window session running the command (each tab or window has its own undo history). */
  session: string;
  /** The texts the command asked to encode (see `texts` in a handler), stored form, same order. */
  encoded: readonly unknown[];
}

/** A command group's handler for one command type. */
export interface Handler<C, R> {
  /** Tables the plan may write (the executor opens its transaction over these, history and audit). */
  writes: readonly TableName[];
  /** What to read first (inside the transaction). */
  reads(cmd: C): ReadSpec;
  /** Texts to encode through the storage codec BEFORE the transaction opens (memos, imported documents). */
  texts?(cmd: C): string[];
  /** The pure plan. Throws an Error with a user-facing message when the command is refused. */
  plan(state: Snapshot, cmd: C, ctx: PlanContext): Plan<R>;
}

/** A row key within its table, for maps of rows. */
export const rowKey = (table: string, key: string) => `${table}\u0000${key}`;

/** The undo history keeps at most this many steps per project. */
export const HISTORY_LIMIT = 300;
/** An audit entry names at most this many ids (its counts carry the rest). */
export const AUDIT_IDS = 50;
