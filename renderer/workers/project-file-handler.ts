/**
 * Reading and writing whole-project files (.qdpx) off the main thread: unzip + XML parse of a file
 * the user opens, and export of a stored project (read it back, write REFI-QDA + the Chorus side
 * file). The store is written by the main thread's command path, never from here.
 */
import { readQdpxWithWarnings, writeQdpx } from '../../shared/exchange/qdpx';
import type { ProjectBundle } from '../../shared/model';
import { errorMessage } from '../../shared/error-message';
import { exportBundle, type ChorusDb } from '../db';

export type ProjectFileRequest =
  | { type: 'read'; fileName: string; bytes: Uint8Array }
  | { type: 'write'; store: string; projectId: string };

export type ProjectFileReply =
  | { ok: true; type: 'read'; bundle: ProjectBundle; warnings: string[] }
  | { ok: true; type: 'write'; bytes: Uint8Array }
  | { ok: false; message: string };

export function projectFileHandler(openStore: (name: string) => Promise<ChorusDb>) {
  return async (req: ProjectFileRequest): Promise<ProjectFileReply> => {
    try {
      if (req.type === 'read') {
        const { bundle, warnings } = readQdpxWithWarnings(req.bytes, req.fileName);
        return { ok: true, type: 'read', bundle, warnings };
      }
      const bundle = await exportBundle(await openStore(req.store), req.projectId);
      return { ok: true, type: 'write', bytes: writeQdpx(bundle) };
    } catch (e) {
      const what = req.type === 'read' ? req.fileName : 'the project';
      return { ok: false, message: `${what}: ${errorMessage(e)}` };
    }
  };
}
