import { useLiveQuery } from 'dexie-react-hooks';
import { getDocumentText, listCodings, type ChorusDb } from '../../db/api';
import type { Coding } from '../../../shared/model';

/**
 * The open document's text and codings, live. Undefined while loading, including just after
 * another document is opened: a live query keeps giving its last result until the new one comes,
 * so each result carries the document it was read for, and one read for another document is not
 * given (else the new document's header would show, for a moment, over the last one's text and
 * codings, and a selection made then would be coded at the last text's offsets).
 */
export function useDocumentData(
  db: ChorusDb,
  documentId: string | null,
): { text: string | undefined; codings: Coding[] | undefined } {
  const text = useLiveQuery(async () => (documentId ? { documentId, text: await getDocumentText(db, documentId) } : undefined), [db, documentId]);
  const codings = useLiveQuery(async () => (documentId ? { documentId, codings: await listCodings(db, { documentId }) } : undefined), [db, documentId]);
  return {
    text: text?.documentId === documentId ? text.text : undefined,
    codings: codings?.documentId === documentId ? codings.codings : undefined,
  };
}
