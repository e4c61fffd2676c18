import type { RetractionRecord, RetractionTarget } from '../../../shared/model';

export const TARGET_NOUN: Record<RetractionTarget['kind'], string> = { participant: 'participant', document: 'document', source: 'source' };

const n = (k: number, one: string, many: string) => `${k.toLocaleString('en-GB')} ${k === 1 ? one : many}`;

/** "3 documents, 4 codings, 2 memos, 1 quote, 5 undo-history changes". */
export function countsSentence(c: RetractionRecord['counts']): string {
  const parts = [n(c.documents, 'document', 'documents'), n(c.codings, 'coding', 'codings'), n(c.memos, 'memo', 'memos')];
  if (c.quotes) parts.push(n(c.quotes, 'quote', 'quotes'));
  if (c.participants) parts.push(n(c.participants, 'participant', 'participants'));
  if (c.historyChanges) parts.push(n(c.historyChanges, 'undo-history change', 'undo-history changes'));
  return parts.join(', ');
}
