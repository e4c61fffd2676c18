import { getSetting, setSetting, type ChorusDb } from '../../db';

/** Setting holding the suggestions the user rejected in a project, as "documentId|codeId" keys. */
export const rejectedSetting = (projectId: string) => `suggest.rejected.${projectId}`;
export const suggestionKey = (documentId: string, codeId: string) => `${documentId}|${codeId}`;

export async function listRejected(db: ChorusDb, projectId: string): Promise<string[]> {
  return (await getSetting<string[]>(db, rejectedSetting(projectId))) ?? [];
}

/** Remember a rejection so the suggestion stays hidden (also after retraining or a reload). */
export async function rejectSuggestion(db: ChorusDb, projectId: string, documentId: string, codeId: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const have = await listRejected(db, projectId);
    const key = suggestionKey(documentId, codeId);
    if (!have.includes(key)) await setSetting(db, rejectedSetting(projectId), [...have, key]);
  });
}
