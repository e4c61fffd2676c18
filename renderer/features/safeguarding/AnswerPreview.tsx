import { useMemo } from 'react';
import { contentNoteRanges } from '../../../shared/safeguarding/content-notes';
import type { GridCell } from '../../workers/grid-core';
import { useOpenedPassages, useWellbeing } from './wellbeingStore';

/** With content notes on: does this answer's preview hold a passage the analyst has not opened? */
export function useAnswerFolded(cell: GridCell): boolean {
  const { contentNotes } = useWellbeing();
  const { isOpenIn } = useOpenedPassages();
  const ranges = useMemo(() => (contentNotes ? contentNoteRanges(cell.text) : []), [contentNotes, cell.text]);
  return ranges.length > 0 && !isOpenIn(cell.id);
}

/** A grid cell's answer text, or a content note in its place until the passage is opened in the detail pane. */
export function AnswerPreview({ cell }: { cell: GridCell }) {
  const folded = useAnswerFolded(cell);
  if (!folded) return <>{cell.text}</>;
  return <span className="content-note content-note--cell">Content note: possibly distressing. Select to read it in the detail pane.</span>;
}
