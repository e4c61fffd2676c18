/**
 * The second executor: the same commands and plans applied to a project held in memory (the
 * CLI works on .qdpx files, never on IndexedDB). Tables are maps of rows shaped exactly as the
 * store keeps them (document and memo texts apart, in `texts`, in the plain stored form), so a
 * property test can check that both executors leave the same project.
 */
import { newGuid, type AuditEvent, type DocumentMeta, type MemoMeta, type ProjectBundle } from '../model';
import { auditRow, byTable, changedRows, changesOf, collapse, changesSomething, ownStep, type Executed, type ExecuteOptions } from './apply';
import { descendantIds } from '../coding/tree';
import { handlerOf, type Command, type ResultOf } from './index';
import type { SafeguardFlag } from '../safeguarding/flags';
import { byIdOrder, HISTORY_LIMIT, rowKey, type ReadSpec, type Row, type RowChange, type Snapshot, type TableName } from './types';

/** Plain stored text, as the store's plain codec keeps it. */
interface PlainStored {
  v: 0;
  text: string;
}
const encodePlain = (text: string): PlainStored => ({ v: 0, text });
function decodePlain(stored: unknown): string {
  const s = stored as { v?: number; text?: unknown };
  if (s?.v !== 0 || typeof s.text !== 'string') throw new Error('This text is encrypted or damaged and cannot be read in memory');
  return s.text;
}

/** An optional bundle list: absent when empty, so bundles without it round-trip unchanged. */
const optional = <K extends string, T>(key: K, rows: T[]): { [P in K]?: T[] } => (rows.length ? ({ [key]: rows } as { [P in K]: T[] }) : {});

export interface MemoryStep {
  seq: number;
  label: string;
  undone: 0 | 1;
  changes: RowChange[];
  session?: string;
}

const TABLES: readonly TableName[] = ['projects', 'coders', 'sources', 'variables', 'participants', 'documents', 'texts', 'codes', 'codings', 'memos', 'findings', 'actions', 'recommendations', 'quotes', 'assignments', 'decisions', 'retractions', 'safeguardFlags', 'packTemplates'];

export class MemoryProject {
  readonly tables = new Map<TableName, Map<string, Row>>(TABLES.map((t) => [t, new Map()]));
  readonly history: MemoryStep[] = [];
  readonly audit: AuditEvent[] = [];
  private seq = 0;

  /** `session`: the session of commands run without one (the CLI has one; tests may run several). */
  constructor(
    readonly projectId: string,
    readonly session = 'memory',
  ) {}

  /** A project loaded from a bundle (no history; the load itself is not audited). */
  static fromBundle(bundle: ProjectBundle): MemoryProject {
    const m = new MemoryProject(bundle.project.id);
    const put = (t: TableName, r: object) => m.tables.get(t)!.set((r as Row).id, r as Row);
    put('projects', bundle.project);
    for (const t of ['coders', 'sources', 'variables', 'participants', 'codes', 'codings', 'findings', 'actions', 'recommendations', 'quotes', 'assignments', 'decisions', 'packTemplates'] as const) for (const r of bundle[t] ?? []) put(t, r);
    for (const { text, ...meta } of [...bundle.documents, ...bundle.memos]) {
      put('target' in meta ? 'memos' : 'documents', meta);
      put('texts', { id: meta.id, projectId: m.projectId, stored: encodePlain(text) });
    }
    return m;
  }

  /** The project's rows of a table, in id order. */
  rows<T>(table: TableName): T[] {
    return byIdOrder([...this.tables.get(table)!.values()]).filter((r) => r.projectId === this.projectId || (table === 'projects' && r.id === this.projectId)) as unknown as T[];
  }

  /** The project as a bundle (texts decoded). */
  toBundle(): ProjectBundle {
    const project = this.tables.get('projects')!.get(this.projectId);
    if (!project) throw new Error(`No project with id ${this.projectId}`);
    const text = (id: string) => decodePlain(this.tables.get('texts')!.get(id)?.stored);
    return {
      project: project as unknown as ProjectBundle['project'],
      coders: this.rows('coders'),
      sources: this.rows('sources'),
      variables: this.rows('variables'),
      participants: this.rows('participants'),
      documents: this.rows<DocumentMeta>('documents').map((d) => ({ ...d, text: text(d.id) })),
      codes: this.rows('codes'),
      codings: this.rows('codings'),
      memos: this.rows<MemoMeta>('memos').map((m) => ({ ...m, text: text(m.id) })),
      findings: this.rows('findings'),
      actions: this.rows('actions'),
      ...optional('recommendations', this.rows<NonNullable<ProjectBundle['recommendations']>[number]>('recommendations')),
      ...optional('quotes', this.rows<NonNullable<ProjectBundle['quotes']>[number]>('quotes')),
      assignments: this.rows('assignments'),
      decisions: this.rows('decisions'),
      ...optional('packTemplates', this.rows<NonNullable<ProjectBundle['packTemplates']>[number]>('packTemplates')),
    };
  }

  private gather(spec: ReadSpec, session: string): Snapshot {
    const codes = spec.codes || spec.codingsUnder ? this.rows<Snapshot['codes'][number]>('codes') : [];
    const all = this.rows<Snapshot['codings'][number]>('codings');
    const ids = new Set(spec.codingIds ?? []);
    const byCode = new Set([...(spec.codingsOfCodes ?? []), ...(spec.codingsUnder ? descendantIds(codes, spec.codingsUnder) : [])]);
    const at = new Set((spec.codingsAt ?? []).map((p) => `${p.documentId}:${p.codeId}`));
    const docs = this.tables.get('documents')!;
    const latest = this.history.filter((s) => s.undone === 0).at(-1);
    const mine = (s: MemoryStep) => ownStep(s, session);
    const entry =
      spec.step === 'undo'
        ? this.history.filter((s) => s.undone === 0 && mine(s)).at(-1)
        : spec.step === 'redo'
          ? this.history.find((s) => s.undone === 1 && mine(s))
          : this.history.find((s) => s.seq === spec.step);
    const step = entry && { ...entry, latest: entry.undone === 0 && entry === latest };
    let current: Snapshot['current'];
    if (step && (spec.step === 'redo' || !step.latest)) {
      current = new Map(step.changes.map((c) => [rowKey(c.table, c.key), this.tables.get(c.table as TableName)?.get(c.key) ?? null]));
    }
    return {
      project: spec.project ? (this.tables.get('projects')!.get(this.projectId) as unknown as Snapshot['project']) : undefined,
      codes,
      coders: spec.coders ? this.rows('coders') : [],
      codings: all.filter((c) => ids.has(c.id) || byCode.has(c.codeId) || at.has(`${c.documentId}:${c.codeId}`)),
      documents: (spec.documentIds ?? []).map((id) => docs.get(id) as unknown as DocumentMeta | undefined).filter((d) => d !== undefined),
      memos: this.rows<MemoMeta>('memos').filter((m) => (spec.memosOn ?? []).some((t) => t.id === m.target.id && t.kind === m.target.kind)),
      sources: spec.sources ? this.rows('sources') : [],
      assignments: spec.assignments ? this.rows('assignments') : [],
      decisions: this.rows<Snapshot['decisions'][number]>('decisions').filter((d) => (spec.decisionsAt ?? []).some((p) => p.documentId === d.documentId && p.codeId === d.codeId)),
      findings: spec.findings ? this.rows('findings') : [],
      recommendations: spec.recommendations ? this.rows('recommendations') : [],
      actions: spec.actions ? this.rows('actions') : [],
      quotes: this.rows<Snapshot['quotes'][number]>('quotes').filter((q) => (spec.quoteIds ?? []).includes(q.id) || (spec.quotesOn ?? []).includes(q.documentId)),
      retractions: spec.retractions ? this.rows('retractions') : [],
      ...(spec.safeguardFlagsOf || spec.safeguardFlagIds
        ? {
            safeguardFlags: this.rows<SafeguardFlag>('safeguardFlags').filter((f) => (spec.safeguardFlagsOf ?? []).includes(f.documentId) || (spec.safeguardFlagIds ?? []).includes(f.id)),
          }
        : {}),
      ...(spec.packTemplates ? { packTemplates: this.rows<NonNullable<Snapshot['packTemplates']>[number]>('packTemplates') } : {}),
      step,
      current,
    };
  }

  /** Run one command: all-or-nothing (a refused command leaves the project as it was). */
  execute<C extends Command>(cmd: C, opts: ExecuteOptions = {}): Executed<ResultOf<C>> {
    const handler = handlerOf(cmd);
    const spec = handler.reads(cmd);
    const now = opts.now ?? new Date().toISOString();
    const session = opts.session ?? this.session;
    const ctx = { projectId: this.projectId, now, newId: opts.newId ?? newGuid, actor: opts.actor ?? 'local user', session, encoded: (handler.texts?.(cmd) ?? []).map(encodePlain) };
    const plan = handler.plan(this.gather(spec, session), cmd, ctx);
    const ops = collapse(plan.ops);
    const changes = changesOf(ops, (op) => this.tables.get(op.table)!.get(op.key) ?? null);
    const mine = (s: MemoryStep) => ownStep(s, session);
    for (const [table, t] of byTable(ops)) {
      const rows = this.tables.get(table)!;
      for (const k of t.deletes) rows.delete(k);
      for (const r of [...t.adds, ...t.puts]) rows.set(r.id, structuredClone(r));
    }
    let step: number | null = null;
    if (plan.step !== null && changes.length) {
      for (let i = this.history.length - 1; i >= 0; i--) if (this.history[i]!.undone === 1 && mine(this.history[i]!)) this.history.splice(i, 1);
      step = ++this.seq;
      this.history.push({ seq: step, label: plan.step.label, undone: 0, changes: structuredClone(changes), session });
      if (this.history.length > HISTORY_LIMIT) this.history.splice(0, this.history.length - HISTORY_LIMIT);
    }
    if (plan.mark) {
      const s = this.history.find((x) => x.seq === plan.mark!.seq);
      if (s) s.undone = plan.mark.undone;
    }
    if (changesSomething(plan)) this.audit.push(auditRow(plan.audit, this.projectId, ctx.newId(), now, ctx.actor) as AuditEvent);
    return { result: plan.result, step, changed: changedRows(ops) };
  }
}
