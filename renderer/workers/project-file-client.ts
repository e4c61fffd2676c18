/** The UI side of the project-file worker: a fresh worker per file, closed when done. */
import type { ProjectBundle } from '../../shared/model';
import type { ProjectFileReply, ProjectFileRequest } from './project-file-handler';
import { workerService, type Service } from './rpc';

export type ProjectFileService = Service<ProjectFileRequest, ProjectFileReply>;

const start = (): ProjectFileService =>
  workerService(() => new Worker(new URL('./project-file.worker.ts', import.meta.url), { type: 'module' }));

async function once<T extends ProjectFileReply & { ok: true }>(req: ProjectFileRequest, service: ProjectFileService): Promise<T> {
  try {
    const reply = await service.call(req);
    if (!reply.ok) throw new Error(reply.message);
    return reply as T;
  } finally {
    service.dispose();
  }
}

export async function readProjectFile(fileName: string, bytes: Uint8Array, service = start()): Promise<{ bundle: ProjectBundle; warnings: string[] }> {
  return once<Extract<ProjectFileReply, { type: 'read' }>>({ type: 'read', fileName, bytes }, service);
}

export async function writeProjectFile(store: string, projectId: string, service = start()): Promise<Uint8Array> {
  return (await once<Extract<ProjectFileReply, { type: 'write' }>>({ type: 'write', store, projectId }, service)).bytes;
}
