import { getSetting, updateSetting, type ChorusDb } from '../../db/api';

/** Setting holding the suggestions the user rejected in a project, as "documentId|codeId" keys. */
export const rejectedSetting = (projectId: string) => `suggest.rejected.${projectId}`;
export const suggestionKey = (documentId: string, codeId: string) => `${documentId}|${codeId}`;

export async function listRejected(db: ChorusDb, projectId: string): Promise<string[]> {
  return (await getSetting<string[]>(db, rejectedSetting(projectId))) ?? [];
}

/** Remember a rejection so the suggestion stays hidden (also after retraining or a reload). */
export async function rejectSuggestion(db: ChorusDb, projectId: string, documentId: string, codeId: string): Promise<void> {
  const key = suggestionKey(documentId, codeId);
  await updateSetting<string[]>(db, rejectedSetting(projectId), (have = []) => (have.includes(key) ? have : [...have, key]));
}
