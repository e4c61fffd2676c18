/**
 * Files imported into a db test's project the way the app imports them: through the import
 * worker's session (renderer/workers/import-session) — a survey CSV streamed in chunks of
 * `chunkRows` and, if given, a transcript — committed with no review decisions.
 */
import type { ChorusDb } from '../../renderer/db';
import { ImportSession } from '../../renderer/workers/import-session';
import type { TableMapping } from '../../shared/import/mapping';

export interface SessionImport {
  /** The survey, as survey.csv. */
  csv: string;
  mapping: TableMapping;
  /** A transcript, as session-notes.txt (source "Interviews"). */
  transcript?: string;
  chunkRows: number;
}

/** Import the files into project `pid`; throws with the session's reply if any step does not succeed. */
export async function importThroughSession(db: ChorusDb, pid: string, files: SessionImport): Promise<void> {
  const s = new ImportSession(async () => db, () => new Date('2026-12-03T08:00:00Z'), { chunkRows: files.chunkRows });
  const bytes = (text: string) => new TextEncoder().encode(text);
  const expectReply = async (req: Parameters<ImportSession['handle']>[0], type: string) => {
    const r = await s.handle(req);
    if (r.type !== type) throw new Error(`${req.type}: ${JSON.stringify(r)}`);
  };
  await expectReply({ type: 'add-file', projectId: pid, fileId: 'a', name: 'survey.csv', data: bytes(files.csv) }, 'file');
  await expectReply({ type: 'parse-table', fileId: 'a', settings: {} }, 'table');
  const transcripts = files.transcript === undefined ? [] : [{ fileId: 't', notSpeakers: [] }];
  if (files.transcript !== undefined) {
    await expectReply({ type: 'add-file', projectId: pid, fileId: 't', name: 'session-notes.txt', data: bytes(files.transcript) }, 'file');
    await expectReply({ type: 'read-transcript', fileId: 't' }, 'transcript');
  }
  await expectReply({ type: 'prepare', projectId: pid, tables: [{ fileId: 'a', mapping: files.mapping }], transcripts, transcriptSource: { name: 'Interviews', kind: 'interview' }, allowList: [] }, 'review');
  await expectReply({ type: 'commit', projectId: pid, decisions: {}, by: 'A' }, 'committed');
}
