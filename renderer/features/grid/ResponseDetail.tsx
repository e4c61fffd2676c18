import { useState } from 'react';
import type { Variable } from '../../../shared/model';
import { QuickCode } from '../coding/QuickCode';
import { snippet } from '../../../shared/coding/snippet';
import { TextPane } from '../coding/TextPane';
import type { CodeOption, ShownCoding } from '../coding/types';
import type { TextSpan } from '../coding/words';
import { showValue, type GridRow } from '../../../shared/coding/grid-model';

interface Props {
  row: GridRow;
  variables: readonly Variable[];
  text: string | undefined;
  codings: readonly ShownCoding[];
  codeOptions: readonly CodeOption[];
  /** Apply a code to part of the response; resolves when saved. */
  onApplySpan: (codeId: string, span: TextSpan) => Promise<void>;
}

/** The selected response in full, with its attributes; select part of the text to code it. */
export function ResponseDetail({ row, variables, text, codings, codeOptions, onApplySpan }: Props) {
  const [selection, setSelection] = useState<TextSpan | null>(null);
  const [picking, setPicking] = useState(false);
  return (
    <>
      <h2 className="grid-detail__title">{row.title}</h2>
      <dl className="grid-detail__attrs">
        <div className="grid-detail__attr">
          <dt>Participant</dt>
          <dd>{row.pseudonym || '—'}</dd>
        </div>
        {variables.map((v) => (
          <div key={v.id} className="grid-detail__attr">
            <dt>{v.name}</dt>
            <dd>{showValue(row.attributes[v.id]) || '—'}</dd>
          </div>
        ))}
      </dl>
      {text === undefined ? (
        <p className="empty">Loading the text…</p>
      ) : (
        <TextPane
          text={text}
          turns={[]}
          codings={codings}
          selection={selection}
          label="Response text"
          onSelect={(s) => {
            setSelection(s);
            if (!s) setPicking(false);
          }}
          onRequestCode={() => setPicking(true)}
        />
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
      <h3 className="pane-title">Codings ({codings.length})</h3>
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
                {text !== undefined && (c.start === 0 && c.end === text.length ? <em>whole response</em> : <q>{snippet(text.slice(c.start, c.end), 60)}</q>)}{' '}
                <abbr title={`Coded by ${c.coderName}`}>{c.coderInitials}</abbr>
              </li>
            ))}
        </ul>
      )}
    </>
  );
}
