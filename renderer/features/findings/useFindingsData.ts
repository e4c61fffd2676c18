import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getDocumentTexts, listActions, listFindings, listQuotes, listRecommendations, type ChorusDb } from '../../db/api';
import type { Action, Finding, Quote, Recommendation } from '../../../shared/model';

export interface FindingsData {
  findings: Finding[];
  recommendations: Recommendation[];
  actions: Action[];
  quotes: Quote[];
  loaded: boolean;
}

const EMPTY: never[] = [];

/** The project's findings, recommendations, actions and starred quotes, live. */
export function useFindingsData(db: ChorusDb, projectId: string): FindingsData {
  const findings = useLiveQuery(() => listFindings(db, projectId), [db, projectId]);
  const recommendations = useLiveQuery(() => listRecommendations(db, projectId), [db, projectId]);
  const actions = useLiveQuery(() => listActions(db, projectId), [db, projectId]);
  const quotes = useLiveQuery(() => listQuotes(db, projectId), [db, projectId]);
  return {
    findings: findings ?? EMPTY,
    recommendations: recommendations ?? EMPTY,
    actions: actions ?? EMPTY,
    quotes: quotes ?? EMPTY,
    loaded: findings !== undefined && recommendations !== undefined && actions !== undefined && quotes !== undefined,
  };
}

/** Each quote's text, read from its document (never copied into the quote), by quote id. */
export function useQuoteTexts(db: ChorusDb, quotes: readonly Quote[]): Map<string, string> {
  const [texts, setTexts] = useState<Map<string, string>>(new Map());
  const key = quotes.map((q) => `${q.id}:${q.documentId}:${q.start}:${q.end}`).join('|');
  useEffect(() => {
    let live = true;
    const docIds = [...new Set(quotes.map((q) => q.documentId))];
    getDocumentTexts(db, docIds).then(
      (all) => {
        if (!live) return;
        const byDoc = new Map(docIds.map((id, i) => [id, all[i] ?? '']));
        setTexts(new Map(quotes.map((q) => [q.id, (byDoc.get(q.documentId) ?? '').slice(q.start, q.end)])));
      },
      () => live && setTexts(new Map()),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key covers the quotes and their places
  }, [db, key]);
  return texts;
}
