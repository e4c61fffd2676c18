/** Filters shared by every analysis: sources, coders, and one attribute value. */
import type { Coder, Source, Variable } from '../../../shared/model';
import type { FilterState } from './options';

export interface FilterControlsProps {
  sources: Source[];
  coders: Coder[];
  variables: Variable[];
  /** The chosen attribute's values (read by the analysis worker: a survey has 500,000 participants, never listed in the window). */
  values: readonly string[];
  /** Why no values are offered yet (being read, or the read failed). */
  valuesNote?: string;
  value: FilterState;
  onChange: (f: FilterState) => void;
}

function toggle(list: string[], id: string, on: boolean): string[] {
  return on ? [...list, id] : list.filter((x) => x !== id);
}

export function FilterControls({ sources, coders, variables, values, valuesNote, value, onChange }: FilterControlsProps) {
  const variable = variables.find((v) => v.name === value.attribute);
  return (
    <fieldset className="filters">
      <legend>Filters</legend>
      <fieldset className="checks">
        <legend>Sources {value.sourceIds.length === 0 && <span className="muted">(all)</span>}</legend>
        {sources.map((s) => (
          <label key={s.id}>
            <input type="checkbox" checked={value.sourceIds.includes(s.id)} onChange={(e) => onChange({ ...value, sourceIds: toggle(value.sourceIds, s.id, e.target.checked) })} />
            {s.name}
          </label>
        ))}
      </fieldset>
      <fieldset className="checks">
        <legend>Coders {value.coderIds.length === 0 && <span className="muted">(all)</span>}</legend>
        {coders.map((c) => (
          <label key={c.id}>
            <input type="checkbox" checked={value.coderIds.includes(c.id)} onChange={(e) => onChange({ ...value, coderIds: toggle(value.coderIds, c.id, e.target.checked) })} />
            {c.name}
          </label>
        ))}
      </fieldset>
      <div className="field-row">
        <label>
          Only participants with
          <select value={value.attribute} onChange={(e) => onChange({ ...value, attribute: e.target.value, value: '' })}>
            <option value="">(any attribute)</option>
            {variables.map((v) => (
              <option key={v.id} value={v.name}>
                {v.name}
              </option>
            ))}
          </select>
        </label>
        {variable && (
          <label>
            equal to
            <select value={value.value} onChange={(e) => onChange({ ...value, value: e.target.value })}>
              <option value="">(any value)</option>
              {valuesNote && (
                <option value="" disabled>
                  {valuesNote}
                </option>
              )}
              {values.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
    </fieldset>
  );
}
