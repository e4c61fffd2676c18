import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { listCodes, listCodings, listDocuments, listParticipants, listVariables, projectChangeStamp, type ChorusDb } from '../../db';
import type { Code, Coding, DocumentMeta, Participant, Variable } from '../../../shared/model';
import { buildRows, indexCodings, type CodingIndex, type GridRow } from './gridModel';

export interface GridData {
  loading: boolean;
  rows: GridRow[];
  variables: Variable[];
  codes: Code[];
  index: CodingIndex;
  /**
   * Show a coding change at once, before the re-read the change stamp triggers (which at
   * 100,000 responses takes a second or two); the re-read then replaces it.
   */
  patchCodings: (change: { add?: Coding; removeId?: string }) => void;
}

const NONE: never[] = [];

/**
 * The grid's data, kept current without a live query over 100,000 rows (Dexie tracks every row a
 * live query reads, which alone cost ~1 s at 20,000 rows): a cheap live change stamp (counts and
 * the newest undo step, renderer/db/changeStamp.ts) triggers plain indexed reads — responses and
 * participants only when their counts change, codes and codings on every step.
 */
export function useGridData(db: ChorusDb, projectId: string): GridData {
  const stamp = useLiveQuery(() => projectChangeStamp(db, projectId), [db, projectId]);
  const [people, setPeople] = useState<{ documents: DocumentMeta[]; participants: Participant[] } | null>(null);
  const [coding, setCoding] = useState<{ variables: Variable[]; codes: Code[]; codings: Coding[] } | null>(null);
  const sizeKey = stamp ? `${stamp.documents}:${stamp.participants}` : null;
  const stepKey = stamp ? `${stamp.codings}:${stamp.lastStep}:${stamp.undone}:${sizeKey}` : null;

  useEffect(() => {
    if (sizeKey === null) return;
    let live = true;
    void Promise.all([listDocuments(db, projectId), listParticipants(db, projectId)]).then(([documents, participants]) => {
      if (live) setPeople({ documents, participants });
    });
    return () => {
      live = false;
    };
  }, [db, projectId, sizeKey]);

  useEffect(() => {
    if (stepKey === null) return;
    let live = true;
    void Promise.all([listVariables(db, projectId), listCodes(db, projectId), listCodings(db, { projectId })]).then(([variables, codes, codings]) => {
      if (live) setCoding({ variables, codes, codings });
    });
    return () => {
      live = false;
    };
  }, [db, projectId, stepKey]);

  const rows = useMemo(() => (people ? buildRows(people.documents, people.participants) : NONE), [people]);
  const index = useMemo(() => indexCodings(coding?.codings ?? NONE), [coding]);
  const patchCodings = useCallback((change: { add?: Coding; removeId?: string }) => {
    setCoding((c) => {
      if (!c) return c;
      let codings = change.removeId ? c.codings.filter((x) => x.id !== change.removeId) : c.codings;
      if (change.add && !codings.some((x) => x.id === change.add!.id)) codings = [...codings, change.add];
      return { ...c, codings };
    });
  }, []);
  return { loading: !people || !coding, rows, variables: coding?.variables ?? NONE, codes: coding?.codes ?? NONE, index, patchCodings };
}
