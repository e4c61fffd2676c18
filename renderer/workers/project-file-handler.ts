/**
 * Whole-project files off the main thread: unzip + XML parse of a .qdpx the user opens; export of a
 * stored project (read it back, write REFI-QDA + the Chorus side file); a copy of a stored project
 * with fresh ids (Duplicate); and a merge of another coder's .qdpx into a stored project (what it
 * would change, and its conflicts). The store is written only by the main thread's `execute`.
 */
import { copyProjectBundle } from '../../shared/exchange/copy-bundle';
import { mergeProjects, type MergeConflict, type MergePrefer, type MergeSummary } from '../../shared/exchange/merge';
import { mergeDelta, type MergeDelta } from '../../shared/exchange/merge-delta';
import { readQdpxWithWarnings, writeQdpx } from '../../shared/exchange/qdpx';
import type { ProjectBundle } from '../../shared/model';
import { errorMessage } from '../../shared/error-message';
import { exportBundle, type ChorusDb } from '../db';

export type ProjectFileRequest =
  | { type: 'read'; fileName: string; bytes: Uint8Array }
  | { type: 'write'; store: string; projectId: string }
  | { type: 'copy'; store: string; projectId: string; name: string }
  | { type: 'merge'; store: string; projectId: string; fileName: string; bytes: Uint8Array; prefer?: MergePrefer };

export interface MergePreview {
  summary: MergeSummary;
  conflicts: MergeConflict[];
  unresolved: boolean;
  delta: MergeDelta;
  warnings: string[];
}

export type ProjectFileReply =
  | { ok: true; type: 'read'; bundle: ProjectBundle; warnings: string[] }
  | { ok: true; type: 'write'; bytes: Uint8Array }
  | { ok: true; type: 'copy'; bundle: ProjectBundle }
  | ({ ok: true; type: 'merge' } & MergePreview)
  | { ok: false; message: string };

export function projectFileHandler(openStore: (name: string) => Promise<ChorusDb>) {
  const stored = async (req: { store: string; projectId: string }) => exportBundle(await openStore(req.store), req.projectId);
  return async (req: ProjectFileRequest): Promise<ProjectFileReply> => {
    try {
      switch (req.type) {
        case 'read': {
          const { bundle, warnings } = readQdpxWithWarnings(req.bytes, req.fileName);
          return { ok: true, type: 'read', bundle, warnings };
        }
        case 'write':
          return { ok: true, type: 'write', bytes: writeQdpx(await stored(req)) };
        case 'copy':
          return { ok: true, type: 'copy', bundle: copyProjectBundle(await stored(req), { name: req.name }) };
        case 'merge': {
          const { bundle: incoming, warnings } = readQdpxWithWarnings(req.bytes, req.fileName);
          const base = await stored(req);
          const merged = mergeProjects([base, incoming], { prefer: req.prefer, names: ['this project', req.fileName] });
          const { summary, conflicts, unresolved } = merged;
          return { ok: true, type: 'merge', summary, conflicts, unresolved, delta: mergeDelta(base, merged.bundle), warnings };
        }
      }
    } catch (e) {
      const what = req.type === 'read' || req.type === 'merge' ? req.fileName : 'the project';
      return { ok: false, message: `${what}: ${errorMessage(e)}` };
    }
  };
}
