import { setSetting, type ChorusDb } from '../../db';

/** The setting the Code workspace reads to open a document at a span (then clears it). */
export const OPEN_DOCUMENT_SETTING = 'openDocument';

export interface OpenDocumentTarget {
  projectId: string;
  documentId: string;
  start: number;
  end: number;
}

/** Go to the Code workspace with `target` open there. */
export async function openDocumentAt(db: ChorusDb, target: OpenDocumentTarget): Promise<void> {
  await setSetting(db, OPEN_DOCUMENT_SETTING, target);
  window.location.hash = '#/code';
}
