import { memo, useState } from 'react';
import { QuickCode } from '../coding/QuickCode';
import { snippet } from '../../../shared/coding/snippet';
import { TextPane } from '../coding/TextPane';
import { FoldedText } from '../safeguarding/FoldedText';
import type { CodeOption, ShownCoding } from '../coding/types';
import type { TextSpan } from '../coding/words';
import type { GridCell, GridRowData } from '../../workers/grid-core';
import type { ShownAttribute, ShownQuestion } from './GridTable';

interface Props {
  projectId: string;
  row: GridRowData;
  question: ShownQuestion;
  /** The selected answer, or null where this response did not answer the question. */
  cell: GridCell | null;
  attributes: readonly ShownAttribute[];
  text: string | undefined;
  codings: readonly ShownCoding[];
  codeOptions: readonly CodeOption[];
  /** Apply a code to part of the answer; resolves when saved. */
  onApplySpan: (codeId: string, span: TextSpan) => Promise<void>;
}

/** The selected answer in full, with its question and the response's attributes; select part of the text to code it. */
export const ResponseDetail = memo(function ResponseDetail({ projectId, row, question, cell, attributes, text, codings, codeOptions, onApplySpan }: Props) {
  const [selection, setSelection] = useState<TextSpan | null>(null);
  const [picking, setPicking] = useState(false);
  return (
    <>
      <h2 className="grid-detail__title">{row.recordId}</h2>
      <p className="grid-detail__question">
        <strong>{question.name}</strong>
        {question.description && <span className="grid-detail__description"> — {question.description}</span>}
      </p>
      <dl className="grid-detail__attrs">
        {row.pseudonym && row.pseudonym !== row.recordId && (
          <div className="grid-detail__attr">
            <dt>Participant</dt>
            <dd>{row.pseudonym}</dd>
          </div>
        )}
        {attributes.map((a) => (
          <div key={a.key} className="grid-detail__attr">
            <dt>{a.name}</dt>
            <dd>{row.values[a.index] || '—'}</dd>
          </div>
        ))}
      </dl>
      {!cell ? (
        <p className="empty">{row.recordId} did not answer this question.</p>
      ) : text === undefined ? (
        <p className="empty">Loading the text…</p>
      ) : (
        <FoldedText projectId={projectId} documentId={cell.id} text={text}>
          {(folds, show) => (
            <TextPane
              text={text}
              turns={[]}
              codings={codings}
              selection={selection}
              label="Answer text"
              onSelect={(s) => {
                setSelection(s);
                if (!s) setPicking(false);
              }}
              onRequestCode={() => setPicking(true)}
              folds={folds}
              onShowFold={show}
            />
          )}
        </FoldedText>
      )}
      {picking && selection && text !== undefined && (
        <QuickCode
          codes={codeOptions}
          snippet={snippet(text.slice(selection.start, selection.end), 60)}
          onApply={(id) =>
            void onApplySpan(id, selection).then(() => {
              setSelection(null);
              setPicking(false);
            })
          }
          onClose={() => setPicking(false)}
        />
      )}
      {cell && (
        <>
          <h3 className="pane-title">Codings of this answer ({codings.length})</h3>
          {codings.length === 0 ? (
            <p className="empty">No codings yet.</p>
          ) : (
            <ul className="grid-detail__codings">
              {[...codings]
                .sort((a, b) => a.start - b.start)
                .map((c) => (
                  <li key={c.id}>
                    <span className="swatch" style={{ backgroundColor: c.colour }} aria-hidden="true" />
                    <strong>{c.codeName}</strong>{' '}
                    {text !== undefined && (c.start === 0 && c.end === text.length ? <em>whole answer</em> : <q>{snippet(text.slice(c.start, c.end), 60)}</q>)}{' '}
                    <abbr title={`Coded by ${c.coderName}`}>{c.coderInitials}</abbr>
                  </li>
                ))}
            </ul>
          )}
        </>
      )}
    </>
  );
});
