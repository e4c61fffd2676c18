/**
 * For a document being viewed: flag what the safeguarding detector finds (the "coding" path: a
 * document imported before flagging existed, or edited since, is flagged when it is read), and,
 * with content notes on, the passages to fold until the analyst opens them.
 */
import { useEffect, useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { execute, safeguardFlagsOf, type ChorusDb } from '../../db/api';
import { detectSafeguarding } from '../../../shared/safeguarding/detect';
import { flagKey, proposalsFor } from '../../../shared/safeguarding/flags';
import { contentNoteRanges, foldKey, type FoldRange } from '../../../shared/safeguarding/content-notes';
import { useOpenedPassages, useWellbeing } from './wellbeingStore';

const NO_TURNS: readonly { start: number; end: number }[] = [];

export interface ClosedFold extends FoldRange {
  key: string;
}

export function useContentFolds(db: ChorusDb, projectId: string, documentId: string, text: string | undefined, turns: readonly { start: number; end: number }[] = NO_TURNS, actor?: string): { folds: ClosedFold[]; show: (key: string) => void } {
  const flags = useLiveQuery(() => safeguardFlagsOf(db, documentId), [db, documentId]);
  // flag on view: only what is not flagged already (the command also skips duplicates)
  useEffect(() => {
    if (text === undefined || flags === undefined) return;
    const have = new Set(flags.map(flagKey));
    const fresh = proposalsFor(documentId, detectSafeguarding(text), turns).filter((p) => !have.has(flagKey(p)));
    if (fresh.length > 0) void execute(db, projectId, { type: 'flagDisclosures', origin: 'coding', flags: fresh }, { actor }).catch(() => undefined);
  }, [db, projectId, documentId, text, turns, flags, actor]);
  const { contentNotes } = useWellbeing();
  const { isOpen, open } = useOpenedPassages();
  const ranges = useMemo(() => (contentNotes && text !== undefined ? contentNoteRanges(text, flags ?? []) : []), [contentNotes, text, flags]);
  return { folds: ranges.map((r) => ({ ...r, key: foldKey(documentId, r) })).filter((f) => !isOpen(f.key)), show: open };
}
