/** Filters shared by every analysis: sources, coders, and one attribute value. */
import { useMemo } from 'react';
import type { Coder, Participant, Source, Variable } from '../../../shared/model';
import type { FilterState } from './options';

export interface FilterControlsProps {
  sources: Source[];
  coders: Coder[];
  variables: Variable[];
  participants: Participant[];
  value: FilterState;
  onChange: (f: FilterState) => void;
}

function toggle(list: string[], id: string, on: boolean): string[] {
  return on ? [...list, id] : list.filter((x) => x !== id);
}

export function FilterControls({ sources, coders, variables, participants, value, onChange }: FilterControlsProps) {
  const variable = variables.find((v) => v.name === value.attribute);
  const values = useMemo(() => {
    if (!variable) return [];
    const set = new Set<string>();
    for (const p of participants) {
      const v = p.attributes[variable.id];
      if (v !== null && v !== undefined && String(v).trim() !== '') set.add(String(v).trim());
    }
    return [...set].sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true }));
  }, [variable, participants]);
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
