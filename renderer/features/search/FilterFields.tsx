import { useMemo } from 'react';
import type { Participant, Source, Variable } from '../../../shared/model';
import { attributeText, type SearchFilter } from '../../workers/search-core';

/** The distinct values of one variable among the participants, sorted. */
export function valuesOf(participants: readonly Participant[], variableId: string): string[] {
  const set = new Set<string>();
  for (const p of participants) {
    const v = attributeText(p.attributes[variableId]);
    if (v) set.add(v);
  }
  return [...set].sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true }));
}

/** valuesOf, worked out again only when the participants or the variable change (not at every render: a keystroke in the search box re-renders, and a survey has 500,000 participants). */
export function useValuesOf(participants: readonly Participant[], variableId: string): string[] {
  return useMemo(() => (variableId ? valuesOf(participants, variableId) : []), [participants, variableId]);
}

interface Props {
  idPrefix: string;
  sources: readonly Source[];
  variables: readonly Variable[];
  participants: readonly Participant[];
  filter: SearchFilter;
  onChange: (f: SearchFilter) => void;
}

/** Limit a search to one source and/or one participant attribute value. */
export function FilterFields({ idPrefix, sources, variables, participants, filter, onChange }: Props) {
  const variableId = filter.attribute?.variableId ?? '';
  const values = useValuesOf(participants, variableId);
  return (
    <fieldset className="search-filters">
      <legend>Limit to</legend>
      <label htmlFor={`${idPrefix}-source`}>Source</label>
      <select id={`${idPrefix}-source`} value={filter.sourceIds[0] ?? ''} onChange={(e) => onChange({ ...filter, sourceIds: e.target.value ? [e.target.value] : [] })}>
        <option value="">All sources</option>
        {sources.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${idPrefix}-variable`}>Participant attribute</label>
      <select
        id={`${idPrefix}-variable`}
        value={variableId}
        onChange={(e) => {
          const id = e.target.value;
          const first = id ? valuesOf(participants, id)[0] : undefined;
          onChange({ ...filter, attribute: id && first !== undefined ? { variableId: id, value: first } : null });
        }}
      >
        <option value="">Any participant</option>
        {variables.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </select>
      {filter.attribute && (
        <>
          <label htmlFor={`${idPrefix}-value`}>Value</label>
          <select id={`${idPrefix}-value`} value={filter.attribute.value} onChange={(e) => onChange({ ...filter, attribute: { variableId, value: e.target.value } })}>
            {values.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </>
      )}
    </fieldset>
  );
}
