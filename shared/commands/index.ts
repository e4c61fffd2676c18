/**
 * The command layer: every change to a project's data is one named Command, planned by a pure
 * handler and applied by an executor — renderer/db/execute.ts in the app (Dexie, one
 * transaction with its undo step and audit entry), ./memory.ts for the CLI (a ProjectBundle in
 * memory). One user action is one command is one undo step. See ./README.md to add a command.
 */
import { auditHandlers, type AuditCommand } from './audit';
import { agreementHandlers, type AgreementCommand } from './agreement';
import { codebookHandlers, type CodebookCommand } from './codebook';
import { coderHandlers, type CoderCommand } from './coders';
import { codingHandlers, type CodingCommand } from './coding';
import { findingHandlers, type FindingCommand } from './findings';
import { historyHandlers, type HistoryCommand } from './history';
import { evidenceHandlers, type EvidenceCommand } from './evidence';
import { memoHandlers, type MemoCommand } from './memos';
import { packTemplateHandlers, type PackTemplateCommand } from './packs';
import { projectHandlers, type ProjectCommand } from './project';
import { safeguardingHandlers, type SafeguardingCommand } from './safeguarding';
import { retractionHandlers, type RetractionCommand } from './retraction';
import { settingsHandlers, type SettingsCommand } from './settings';
import type { Handler, Plan, PlanContext, ReadSpec, Snapshot } from './types';

export type Command = CodebookCommand | CodingCommand | MemoCommand | CoderCommand | AgreementCommand | ProjectCommand | HistoryCommand | FindingCommand | EvidenceCommand | SettingsCommand | AuditCommand | RetractionCommand | SafeguardingCommand | PackTemplateCommand;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/** Every command's handler, by type (the compiler checks the map is complete). */
export const handlers = {
  ...codebookHandlers,
  ...codingHandlers,
  ...memoHandlers,
  ...coderHandlers,
  ...agreementHandlers,
  ...projectHandlers,
  ...historyHandlers,
  ...findingHandlers,
  ...evidenceHandlers,
  ...settingsHandlers,
  ...auditHandlers,
  ...retractionHandlers,
  ...safeguardingHandlers,
  ...packTemplateHandlers,
} satisfies { [T in CommandType]: Handler<CommandOf<T>, unknown> };

type Handlers = typeof handlers;
/** What executing a command of type T returns. */
export type ResultOf<C extends Command> = Handlers[C['type']] extends Handler<never, infer R> ? R : never;

export function handlerOf<C extends Command>(cmd: C): Handler<C, ResultOf<C>> {
  const h = (handlers as Record<string, Handler<never, unknown>>)[cmd.type];
  if (!h) throw new Error(`Unknown command “${cmd.type}”`);
  return h as unknown as Handler<C, ResultOf<C>>;
}

/** What the command needs read, and the texts it needs encoded first. */
export const readsOf = (cmd: Command): ReadSpec => handlerOf(cmd).reads(cmd);
export const textsOf = (cmd: Command): string[] => handlerOf(cmd).texts?.(cmd) ?? [];

/** The pure plan of `cmd` over `state`. */
export function planCommand<C extends Command>(state: Snapshot, cmd: C, ctx: PlanContext): Plan<ResultOf<C>> {
  return handlerOf(cmd).plan(state, cmd, ctx);
}

export { HISTORY_LIMIT, AUDIT_IDS } from './types';
export { collapse, byTable, changesOf, auditRow, changesSomething, changedRows, ownStep, type Executed, type ExecuteOptions } from './apply';

export { sameRow } from './history';
export { initialsOf, type CoderPatch } from './coders';
export type { CodePatch, CodebookImportResult } from './codebook';
export type { SpanToCode } from './coding';
export { NOT_ACTIONED_NEEDS_REASON, type ActionPatch, type FindingPatch } from './findings';
export type * from './types';
export { rowKey, byIdOrder } from './types';
export { ChangedElsewhereError, UndoConflictError, isChangedElsewhere, isUndoConflict } from './conflict';
export { EXPORT_KINDS, EXPORT_FORMATS, type ExportKind, type ExportFormat } from './audit';
