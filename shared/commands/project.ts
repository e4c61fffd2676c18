/**
 * Whole-project commands: create an empty project, import a project bundle (demo, REFI-QDA),
 * merge another project into this one. Not undoable (they are not codebook or coding steps);
 * they leave an audit entry like every command.
 */
import { ProjectBundle, type Coder, type Project } from '../model';
import { deltaCounts, MERGE_TABLES, type MergeDelta } from '../exchange/merge-delta';
import { put } from './codebook';
import type { Handler, RowOp, TableName } from './types';

export type ProjectCommand =
  /** A new, empty project (its id is the one `execute` is given) with one coder ("You"). */
  | { type: 'createProject'; name: string }
  /** Give the project a new name (not an undo step, like creating or deleting a project; audited). */
  | { type: 'renameProject'; name: string }
  /** Store a whole project bundle as a new project (its id must be the one `execute` is given). */
  | { type: 'importProject'; bundle: ProjectBundle }
  /**
   * Write what merging another coder's project changes in this one (shared/exchange/merge.ts
   * decides; mergeDelta lists the new and changed rows). One undoable step; nothing is deleted.
   */
  | { type: 'mergeProject'; delta: MergeDelta; label: string };

type Of<T extends ProjectCommand['type']> = Extract<ProjectCommand, { type: T }>;

const createProject: Handler<Of<'createProject'>, Project> = {
  writes: ['projects', 'coders'],
  reads: () => ({ project: true }),
  plan(state, cmd, ctx) {
    const name = cmd.name.trim();
    if (!name) throw new Error('A project needs a name');
    if (state.project) throw new Error(`A project with id ${ctx.projectId} is already in this store`);
    const project: Project = {
      id: ctx.projectId,
      name,
      description: '',
      isDemo: false,
      settings: { disclosureThreshold: 10, locale: 'en-GB' },
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    const coder: Coder = { id: ctx.newId(), projectId: project.id, name: 'You', initials: 'YOU', colour: '#0072B2' };
    return { ops: [put('projects', project, true), put('coders', coder, true)], step: null, audit: { action: 'project.create', ids: [project.id] }, result: project };
  },
};

const renameProject: Handler<Of<'renameProject'>, Project> = {
  writes: ['projects'],
  reads: () => ({ project: true }),
  plan(state, cmd, ctx) {
    const name = cmd.name.trim();
    if (!name) throw new Error('A project needs a name');
    if (name.length > 200) throw new Error('A project name can be at most 200 characters');
    if (!state.project) throw new Error(`No project with id ${ctx.projectId}`);
    const project = { ...state.project, name, updatedAt: ctx.now };
    return { ops: [put('projects', project)], step: null, audit: { action: 'project.rename', ids: [project.id] }, result: project };
  },
};

const BUNDLE_TABLES = ['coders', 'sources', 'variables', 'participants', 'codes', 'codings', 'findings', 'actions', 'recommendations', 'quotes', 'assignments', 'decisions', 'packTemplates'] as const satisfies readonly TableName[];

/** All-or-nothing: the bundle is validated, then every row is added (nothing already stored is overwritten). */
const importProject: Handler<Of<'importProject'>, Project> = {
  writes: ['projects', ...BUNDLE_TABLES, 'documents', 'memos', 'texts'],
  reads: () => ({ project: true }),
  texts: (cmd) => [...cmd.bundle.documents.map((d) => d.text), ...cmd.bundle.memos.map((m) => m.text)],
  plan(state, cmd, ctx) {
    const bundle = ProjectBundle.parse(cmd.bundle);
    const pid = bundle.project.id;
    if (pid !== ctx.projectId) throw new Error('The bundle is for another project');
    if (state.project) throw new Error(`A project with id ${pid} is already in this store`);
    for (const t of BUNDLE_TABLES) for (const r of bundle[t] ?? []) if (r.projectId !== pid) throw new Error(`A row of ${t} belongs to another project`);
    const ops: RowOp[] = [put('projects', bundle.project, true)];
    for (const t of BUNDLE_TABLES) for (const r of bundle[t] ?? []) ops.push(put(t, r, true));
    const withText = [...bundle.documents.map((d) => ['documents', d] as const), ...bundle.memos.map((m) => ['memos', m] as const)];
    withText.forEach(([table, { text: _t, ...meta }], i) => {
      ops.push(put(table, meta, true), put('texts', { id: meta.id, projectId: pid, stored: ctx.encoded[i] }, true));
    });
    const counts = { documents: bundle.documents.length, codes: bundle.codes.length, codings: bundle.codings.length, memos: bundle.memos.length };
    return { ops, step: null, audit: { action: 'project.import', ids: [pid], counts }, result: bundle.project };
  },
};

/** Undoable as one step ("Merge coded.qdpx"): every new or changed row, texts encoded before the transaction. */
const mergeProject: Handler<Of<'mergeProject'>, Record<string, number>> = {
  writes: [...BUNDLE_TABLES, 'documents', 'memos', 'texts'],
  reads: () => ({ project: true }),
  texts: (cmd) => [...cmd.delta.documents.map((d) => d.text), ...cmd.delta.memos.map((m) => m.text)],
  plan(state, cmd, ctx) {
    if (!state.project) throw new Error(`No project with id ${ctx.projectId}`);
    const pid = ctx.projectId;
    const ops: RowOp[] = [];
    for (const t of MERGE_TABLES) {
      for (const r of cmd.delta.rows[t]) {
        if (r.projectId !== pid) throw new Error(`A merged row of ${t} belongs to another project`);
        ops.push(put(t, r));
      }
    }
    const withText = [...cmd.delta.documents.map((d) => ['documents', d] as const), ...cmd.delta.memos.map((m) => ['memos', m] as const)];
    withText.forEach(([table, { text: _t, ...meta }], i) => {
      if (meta.projectId !== pid) throw new Error(`A merged row of ${table} belongs to another project`);
      ops.push(put(table, meta), put('texts', { id: meta.id, projectId: pid, stored: ctx.encoded[i] }));
    });
    const counts = deltaCounts(cmd.delta);
    return { ops, step: { label: cmd.label }, audit: { action: 'project.merge', ids: [pid], counts }, result: counts };
  },
};

export const projectHandlers = { createProject, renameProject, importProject, mergeProject };
