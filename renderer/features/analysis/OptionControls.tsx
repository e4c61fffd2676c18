/** The options of the chosen analysis (attribute, unit, stemming, waves...). */
import { useState } from 'react';
import { COOCCURRENCE_UNITS } from '../../../shared/analysis/cooccurrence';
import type { AnalysisKind } from '../../../shared/analysis/types';
import type { Source, Variable } from '../../../shared/model';
import type { AnalysisOptions } from './options';

export interface OptionControlsProps {
  kind: AnalysisKind;
  variables: Variable[];
  sources: Source[];
  value: AnalysisOptions;
  onChange: (o: AnalysisOptions) => void;
}

const UNIT_LABELS: Record<(typeof COOCCURRENCE_UNITS)[number], string> = {
  segment: 'Overlapping coded segments',
  sentence: 'Sentence',
  paragraph: 'Paragraph',
  response: 'Response (speaker turn or answer)',
  document: 'Whole document',
};

function AttributeSelect(props: { label: string; value: string; onChange: (v: string) => void; variables: Variable[]; none?: string; sourceAttributes?: boolean; only?: Variable['type'] }) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.none !== undefined && <option value="">{props.none}</option>}
        {props.variables
          .filter((v) => !props.only || v.type === props.only)
          .map((v) => (
            <option key={v.id} value={v.name}>
              {v.name}
            </option>
          ))}
        {props.sourceAttributes && <option value="source kind">Source kind</option>}
        {props.sourceAttributes && <option value="source">Source</option>}
      </select>
    </label>
  );
}

export function OptionControls({ kind, variables, sources, value: o, onChange }: OptionControlsProps) {
  const set = <K extends keyof AnalysisOptions>(k: K, v: AnalysisOptions[K]) => onChange({ ...o, [k]: v });
  const [draft, setDraft] = useState(o.keyword);
  switch (kind) {
    case 'matrix':
      return (
        <div className="options field-row">
          <AttributeSelect label="Compare groups by" value={o.attribute} onChange={(v) => set('attribute', v)} variables={variables} sourceAttributes />
          <label>
            Show
            <select value={o.measure} onChange={(e) => set('measure', e.target.value as AnalysisOptions['measure'])}>
              <option value="n">Counts of participants</option>
              <option value="row">Row % (share of the code’s participants in each group)</option>
              <option value="col">Column % (share of each group with the code)</option>
            </select>
          </label>
        </div>
      );
    case 'cooccurrence':
      return (
        <div className="options field-row">
          <label>
            Count codes together within
            <select value={o.unit} onChange={(e) => set('unit', e.target.value as AnalysisOptions['unit'])}>
              {COOCCURRENCE_UNITS.map((u) => (
                <option key={u} value={u}>
                  {UNIT_LABELS[u]}
                </option>
              ))}
            </select>
          </label>
        </div>
      );
    case 'words':
      return (
        <div className="options">
          <div className="field-row">
            <label>
              Show
              <select value={o.wordMode} onChange={(e) => set('wordMode', e.target.value as AnalysisOptions['wordMode'])}>
                <option value="frequencies">Word and phrase frequencies</option>
                <option value="distinctive">Distinctive terms</option>
                <option value="kwic">Keyword in context</option>
              </select>
            </label>
            {o.wordMode === 'frequencies' && (
              <label>
                Phrase length
                <select value={o.n} onChange={(e) => set('n', Number(e.target.value) as 1 | 2 | 3)}>
                  <option value={1}>Single words</option>
                  <option value={2}>Two-word phrases</option>
                  <option value={3}>Three-word phrases</option>
                </select>
              </label>
            )}
            {o.wordMode === 'distinctive' && (
              <label>
                Distinctive of each
                <select value={o.by} onChange={(e) => set('by', e.target.value)}>
                  <option value="code">Code (its coded segments)</option>
                  {variables
                    .filter((v) => v.type !== 'date')
                    .map((v) => (
                      <option key={v.id} value={v.name}>
                        {v.name} group
                      </option>
                    ))}
                  <option value="source kind">Source kind</option>
                </select>
              </label>
            )}
            {o.wordMode !== 'kwic' && (
              <>
                <label className="inline">
                  <input type="checkbox" checked={o.stopWords} onChange={(e) => set('stopWords', e.target.checked)} />
                  Leave out common words
                </label>
                <label className="inline">
                  <input type="checkbox" checked={o.stem} onChange={(e) => set('stem', e.target.checked)} />
                  Combine word forms (stemming)
                </label>
              </>
            )}
          </div>
          {o.wordMode === 'kwic' && (
            <form
              className="field-row"
              onSubmit={(e) => {
                e.preventDefault();
                set('keyword', draft.trim());
              }}
            >
              <label>
                Word or phrase
                <input type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
              </label>
              <button type="submit">Show in context</button>
            </form>
          )}
        </div>
      );
    case 'sentiment':
      return (
        <div className="options field-row">
          <AttributeSelect label="Also average by" value={o.sentimentAttribute} onChange={(v) => set('sentimentAttribute', v)} variables={variables} none="(no grouping)" sourceAttributes />
        </div>
      );
    case 'time':
      return (
        <div className="options field-row">
          <label>
            Compare
            <select value={o.timeMode} onChange={(e) => set('timeMode', e.target.value as AnalysisOptions['timeMode'])}>
              <option value="period">Periods of a date attribute</option>
              <option value="wave">Two waves (sources)</option>
            </select>
          </label>
          {o.timeMode === 'period' ? (
            <>
              <AttributeSelect label="Date attribute" value={o.dateAttribute} onChange={(v) => set('dateAttribute', v)} variables={variables} only="date" none="(choose)" />
              <label>
                Period
                <select value={o.period} onChange={(e) => set('period', e.target.value as AnalysisOptions['period'])}>
                  <option value="month">Month</option>
                  <option value="quarter">Quarter</option>
                </select>
              </label>
            </>
          ) : (
            ([0, 1] as const).map((w) => (
              <label key={w}>
                {w === 0 ? 'Earlier wave' : 'Later wave'}
                <select
                  value={o.waves[w]}
                  onChange={(e) => set('waves', (w === 0 ? [e.target.value, o.waves[1]] : [o.waves[0], e.target.value]) as [string, string])}
                >
                  <option value="">(choose a source)</option>
                  {sources.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </label>
            ))
          )}
        </div>
      );
    default:
      return null;
  }
}
