/** The UI side of the project-file worker: a fresh worker per task, closed when done. */
import type { MergePrefer } from '../../shared/exchange/merge';
import type { ProjectBundle } from '../../shared/model';
import type { MergePreview, ProjectFileReply, ProjectFileRequest } from './project-file-handler';
import { workerService, type Service } from './rpc';
import { withKey } from './worker-key';

export type ProjectFileService = Service<ProjectFileRequest, ProjectFileReply>;
export type { MergePreview };

const start = (): ProjectFileService =>
  workerService(() => withKey(new Worker(new URL('./project-file.worker.ts', import.meta.url), { type: 'module' })));

type Answer = Extract<ProjectFileReply, { ok: true }>;

async function once<T extends Answer['type']>(req: ProjectFileRequest & { type: T }, service: ProjectFileService): Promise<Extract<Answer, { type: T }>> {
  try {
    const reply = await service.call(req);
    if (!reply.ok) throw new Error(reply.message);
    return reply as Extract<Answer, { type: T }>;
  } finally {
    service.dispose();
  }
}

export const readProjectFile = async (fileName: string, bytes: Uint8Array, service = start()): Promise<{ bundle: ProjectBundle; warnings: string[] }> =>
  once({ type: 'read', fileName, bytes }, service);

export const writeProjectFile = async (store: string, projectId: string, service = start()): Promise<Uint8Array> =>
  (await once({ type: 'write', store, projectId }, service)).bytes;

export const copyStoredProject = async (store: string, projectId: string, name: string, service = start()): Promise<ProjectBundle> =>
  (await once({ type: 'copy', store, projectId, name }, service)).bundle;

export const previewMerge = async (store: string, projectId: string, fileName: string, bytes: Uint8Array, prefer?: MergePrefer, service = start()): Promise<MergePreview> =>
  once({ type: 'merge', store, projectId, fileName, bytes, prefer }, service);
