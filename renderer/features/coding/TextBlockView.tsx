import { memo } from 'react';
import type { TextBlock } from './blocks';
import { highlightStyle } from './highlightStyle';
import { segmentRange, type Segment } from './segments';
import type { ShownCoding } from './types';
import type { TextSpan } from './words';
import type { Fold } from './TextPane';

interface Props {
  text: string;
  block: TextBlock;
  /** Codings overlapping this block. */
  codings: readonly ShownCoding[];
  selection: TextSpan | null;
  /** Passages folded behind a content note (only those overlapping this block). */
  folds?: readonly Fold[];
  onShowFold?: (key: string) => void;
}

type Mark = { start: number; end: number; coding: ShownCoding | null; fold?: Fold };

/**
 * One speaker turn (or one chunk of a long turn: `block.continued` leaves the speaker column empty) (or a survey response): speaker in a left column, the text as spans that
 * carry their offsets in data-start/data-end (see rangeOffsets.ts), coding stripes on the right.
 * Text is rendered as React text nodes only — never as HTML.
 */
export const TextBlockView = memo(function TextBlockView({ text, block, codings, selection, folds = [], onShowFold }: Props) {
  const marks: Mark[] = codings.map((c) => ({ start: c.start, end: c.end, coding: c }));
  if (selection) marks.push({ start: selection.start, end: selection.end, coding: null });
  // fold edges cut segments too (a fold mark carries no coding and is not the selection)
  const segments: (Segment<Mark> & { fold?: Fold })[] =
    folds.length === 0
      ? segmentRange(block.start, block.end, marks)
      : segmentRange(block.start, block.end, [...marks, ...folds.map((f): Mark => ({ start: f.start, end: f.end, coding: null, fold: f }))]).map((seg) => ({
          ...seg,
          fold: seg.spans.find((m) => m.fold)?.fold,
          spans: seg.spans.filter((m) => !m.fold),
        }));
  const stripeCodes = [...new Map(codings.map((c) => [c.codeId, c])).values()];
  return (
    <div className={block.speaker === null ? 'turn turn--plain' : 'turn'}>
      {block.speaker !== null &&
        (block.continued ? (
          <div className="turn__speaker" aria-hidden="true" />
        ) : (
          <div className="turn__speaker">{block.speaker}</div>
        ))}
      <p className="turn__text">
        {segments.map((seg, i) => {
          if (seg.fold) {
            // the first segment of a fold shows its note; the rest of the fold is not rendered
            if (i > 0 && segments[i - 1]!.fold === seg.fold) return null;
            const fold = seg.fold;
            return (
              <span key={`fold-${seg.start}`} className="content-note">
                <span className="content-note__label">Content note: {fold.note}.</span>{' '}
                <button type="button" className="content-note__show" onClick={() => onShowFold?.(fold.key)}>
                  Show passage
                </button>
              </span>
            );
          }
          const coded = seg.spans.flatMap((m) => (m.coding ? [m.coding] : []));
          const selected = seg.spans.some((m) => m.coding === null);
          const names = [...new Set(coded.map((c) => c.codeName))];
          const classes = [coded.length > 0 && 'coded', coded.length > 1 && 'coded--overlap', selected && 'selected']
            .filter(Boolean)
            .join(' ');
          return (
            <span
              key={seg.start}
              data-start={seg.start}
              data-end={seg.end}
              className={classes || undefined}
              style={highlightStyle(coded.map((c) => c.colour))}
              title={names.length > 0 ? `Coded: ${names.join('; ')}` : undefined}
            >
              {text.slice(seg.start, seg.end)}
            </span>
          );
        })}
      </p>
      <div className="turn__stripes">
        {stripeCodes.map((c) => (
          <span
            key={c.codeId}
            className="stripe"
            role="img"
            aria-label={`Coded: ${c.codeName}`}
            title={c.codeName}
            style={{ backgroundColor: c.colour }}
          />
        ))}
      </div>
    </div>
  );
});
