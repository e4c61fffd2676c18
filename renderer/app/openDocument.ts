import { useEffect } from 'react';
import { getSetting, setSetting, type ChorusDb } from '../db/api';

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

/**
 * In the Code workspace: if another workspace asked to open a document (search result,
 * suggestion), call `open` once with the target and clear the request.
 */
export function useOpenDocumentRequest(db: ChorusDb, projectId: string, open: (target: OpenDocumentTarget) => void): void {
  useEffect(() => {
    let live = true;
    void getSetting<OpenDocumentTarget | null>(db, OPEN_DOCUMENT_SETTING).then(async (target) => {
      if (!live || !target || target.projectId !== projectId) return;
      await setSetting(db, OPEN_DOCUMENT_SETTING, null);
      open(target);
    });
    return () => {
      live = false;
    };
    // once per mount of the Code workspace: `open` is deliberately not a dependency
  }, [db, projectId]);
}
