/**
 * Named shorthands over `execute` for tests, benchmarks and scripts (one line each, the old
 * repository signatures). They add no behaviour: each is exactly one command. Features and the
 * app shell call `execute` through ./api.ts and may not import this module (dependency-cruiser).
 */
import type { CodePatch, CoderPatch, SpanToCode } from '../../shared/commands';
import type { Code, Coding, MemoTarget, ProjectBundle } from '../../shared/model';
import { newGuid } from '../../shared/model';
import { execute } from './execute';
import type { ChorusDb } from './schema';

/** A span to code, with its project (the shorthands' input shape). */
export type NewCoding = SpanToCode & { projectId: string };

const run = async <T>(p: Promise<{ result: T }>): Promise<T> => (await p).result;

async function projectOf(db: ChorusDb, table: 'codes' | 'codings' | 'coders', id: string): Promise<string> {
  const row = await db.table(table).get(id);
  if (!row) throw new Error(`No such ${table === 'codes' ? 'code' : table === 'codings' ? 'coding' : 'coder'}`);
  return (row as { projectId: string }).projectId;
}

export const importBundle = (db: ChorusDb, bundle: ProjectBundle) => run(execute(db, bundle.project.id, { type: 'importProject', bundle }));
export const createProject = (db: ChorusDb, name: string) => run(execute(db, newGuid(), { type: 'createProject', name }));

export const createCode = (db: ChorusDb, { projectId, ...input }: { projectId: string; name: string; parentId?: string | null } & Omit<CodePatch, 'name'>) =>
  run(execute(db, projectId, { type: 'createCode', ...input }));
export const updateCode = async (db: ChorusDb, codeId: string, patch: CodePatch) => run(execute(db, await projectOf(db, 'codes', codeId), { type: 'updateCode', codeId, patch }));
export const moveCode = async (db: ChorusDb, codeId: string, parentId: string | null, index?: number) =>
  run(execute(db, await projectOf(db, 'codes', codeId), { type: 'moveCode', codeId, parentId, index }));
export const deleteCode = async (db: ChorusDb, codeId: string) => run(execute(db, await projectOf(db, 'codes', codeId), { type: 'deleteCode', codeId }));
export const mergeCodes = async (db: ChorusDb, sourceId: string, targetId: string) =>
  run(execute(db, await projectOf(db, 'codes', sourceId), { type: 'mergeCodes', sourceId, targetId }));
export const splitCode = async (db: ChorusDb, codeId: string, name: string, codingIds: string[]): Promise<Code> =>
  run(execute(db, await projectOf(db, 'codes', codeId), { type: 'splitCode', codeId, name, codingIds }));
export const importCodes = (db: ChorusDb, projectId: string, codes: readonly Code[], label: string) => run(execute(db, projectId, { type: 'importCodes', codes, label }));

export async function addCodings(db: ChorusDb, inputs: NewCoding[], label: string): Promise<Coding[]> {
  if (inputs.length === 0) return [];
  const projectId = inputs[0]!.projectId;
  if (inputs.some((i) => i.projectId !== projectId)) throw new Error('No such document in this project');
  return run(execute(db, projectId, { type: 'applyCodings', spans: inputs.map(({ projectId: _p, ...s }) => s), label }));
}
export const addCoding = async (db: ChorusDb, input: NewCoding): Promise<Coding> => (await addCodings(db, [input], 'Apply code'))[0]!;
export const removeCodings = (db: ChorusDb, projectId: string, codingIds: string[], label?: string) => run(execute(db, projectId, { type: 'removeCodings', codingIds, label }));
export async function removeCoding(db: ChorusDb, id: string): Promise<void> {
  const c = await db.codings.get(id);
  if (c) await removeCodings(db, c.projectId, [id], 'Remove coding');
}

export const saveMemo = (db: ChorusDb, { projectId, ...input }: { projectId: string; target: MemoTarget; text: string; title?: string; coderId?: string | null }) =>
  run(execute(db, projectId, { type: 'saveMemo', ...input }));

export const createCoder = (db: ChorusDb, { projectId, ...input }: { projectId: string; name: string; initials?: string; colour?: string }) =>
  run(execute(db, projectId, { type: 'createCoder', ...input }));
export const updateCoder = async (db: ChorusDb, coderId: string, patch: CoderPatch) => run(execute(db, await projectOf(db, 'coders', coderId), { type: 'updateCoder', coderId, patch }));

export const undo = (db: ChorusDb, projectId: string) => run(execute(db, projectId, { type: 'undo' }));
export const redo = (db: ChorusDb, projectId: string) => run(execute(db, projectId, { type: 'redo' }));
