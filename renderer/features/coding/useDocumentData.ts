import { useLiveQuery } from 'dexie-react-hooks';
import { getDocumentText, listCodings, type ChorusDb } from '../../db/api';
import type { Coding } from '../../../shared/model';

/** The open document's text and codings, live. Undefined while loading. */
export function useDocumentData(
  db: ChorusDb,
  documentId: string | null,
): { text: string | undefined; codings: Coding[] | undefined } {
  const text = useLiveQuery(async () => (documentId ? getDocumentText(db, documentId) : undefined), [db, documentId]);
  const codings = useLiveQuery(async () => (documentId ? listCodings(db, { documentId }) : undefined), [db, documentId]);
  return { text, codings };
}
