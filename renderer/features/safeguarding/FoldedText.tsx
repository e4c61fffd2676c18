import type { ReactNode } from 'react';
import { useDb } from '../../app/dbContext';
import { useContentFolds, type ClosedFold } from './useContentFolds';

/**
 * Wraps a document's text pane: flags what the safeguarding detector finds when the text is read,
 * and hands the pane the passages to fold behind content notes (when the analyst has them on).
 */
export function FoldedText({ projectId, documentId, text, turns, children }: { projectId: string; documentId: string; text: string | undefined; turns?: readonly { start: number; end: number }[]; children: (folds: readonly ClosedFold[], show: (key: string) => void) => ReactNode }) {
  const db = useDb();
  const { folds, show } = useContentFolds(db, projectId, documentId, text, turns);
  return <>{children(folds, show)}</>;
}
