/**
 * Audit-only commands: events that change no project row but must be on the record — an export
 * leaving the machine, the coder at the keyboard changing. They are not undoable and write only
 * their audit entry (ids and counts, never content: no file names, titles or text).
 */
import type { Handler } from './types';

/** What was exported. */
export const EXPORT_KINDS = ['project', 'codebook', 'table', 'audit'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
/** File formats an export may name (a closed list, so no free text reaches the log). */
export const EXPORT_FORMATS = ['qdpx', 'qdc', 'csv', 'xlsx', 'tsv', 'docx', 'pdf', 'chorus'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type AuditCommand =
  /** An export was saved: what kind, which format, and how many rows or items it held. */
  | { type: 'recordExport'; kind: ExportKind; format: ExportFormat; ids?: readonly string[]; counts?: Record<string, number> }
  /** The coder at the keyboard changed (recorded under the new coder's name). */
  | { type: 'switchCoder'; coderId: string };

type Of<T extends AuditCommand['type']> = Extract<AuditCommand, { type: T }>;

const recordExport: Handler<Of<'recordExport'>, void> = {
  writes: [],
  reads: () => ({}),
  plan(_state, cmd, ctx) {
    if (!(EXPORT_KINDS as readonly string[]).includes(cmd.kind)) throw new Error(`Unknown export kind “${cmd.kind}”`);
    if (!(EXPORT_FORMATS as readonly string[]).includes(cmd.format)) throw new Error(`Unknown export format “${cmd.format}”`);
    const counts = Object.fromEntries(Object.entries(cmd.counts ?? {}).filter(([, n]) => Number.isFinite(n)));
    return {
      ops: [],
      step: null,
      auditOnly: true,
      audit: { action: `export.${cmd.kind}.${cmd.format}`, ids: [ctx.projectId, ...(cmd.ids ?? [])], counts },
      result: undefined,
    };
  },
};

const switchCoder: Handler<Of<'switchCoder'>, void> = {
  writes: [],
  reads: () => ({ coders: true }),
  plan(state, cmd) {
    if (!state.coders.some((c) => c.id === cmd.coderId)) throw new Error('No such coder in this project');
    return { ops: [], step: null, auditOnly: true, audit: { action: 'coder.switch', ids: [cmd.coderId] }, result: undefined };
  },
};

export const auditHandlers = { recordExport, switchCoder };
