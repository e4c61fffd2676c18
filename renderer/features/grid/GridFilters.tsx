import { useEffect, useState } from 'react';
import type { Variable } from '../../../shared/model';
import type { GridFilters as Filters } from '../../../shared/coding/grid-model';

interface Props {
  /** Distinct values of an attribute (computed in the grid worker). */
  values: (variableId: string) => Promise<{ values: string[]; truncated: boolean }>;
  /** Changes when the responses are re-read (the value list is fetched again). */
  rowsVersion: number;
  variables: readonly Variable[];
  codes: readonly { id: string; path: string }[];
  filters: Filters;
  onChange: (f: Filters) => void;
}

/** Filter by one attribute value and by one code (has it / has not). */
export function GridFilters({ values: loadValues, rowsVersion, variables, codes, filters, onChange }: Props) {
  const varId = filters.attribute?.variableId ?? '';
  const [values, setValues] = useState<{ variableId: string; values: string[]; truncated: boolean }>({ variableId: '', values: [], truncated: false });
  useEffect(() => {
    if (!varId) return;
    let live = true;
    void loadValues(varId).then((v) => {
      if (live) setValues({ variableId: varId, ...v });
    });
    return () => {
      live = false;
    };
  }, [loadValues, varId, rowsVersion]);
  const shownValues = values.variableId === varId ? values.values : [];
  return (
    <fieldset className="grid-filters">
      <legend className="visually-hidden">Filters</legend>
      <label htmlFor="grid-filter-attribute">Attribute</label>
      <select
          id="grid-filter-attribute"
          value={varId}
          onChange={(e) => {
            const { attribute: _a, ...rest } = filters;
            onChange(e.target.value ? { ...rest, attribute: { variableId: e.target.value, value: '' } } : rest);
          }}
        >
          <option value="">Any</option>
          {variables.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      {filters.attribute && (
        <>
          <label htmlFor="grid-filter-value">is</label>
          <select
            id="grid-filter-value"
            value={filters.attribute.value}
            onChange={(e) => onChange({ ...filters, attribute: { variableId: varId, value: e.target.value } })}
          >
            <option value="">(no value)</option>
            {shownValues.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </>
      )}
      <label htmlFor="grid-filter-code">Code</label>
      <select
          id="grid-filter-code"
          value={filters.code ? (filters.code.has ? 'has' : 'not') : ''}
          onChange={(e) => {
            const { code, ...rest } = filters;
            const first = code?.codeId ?? codes[0]?.id;
            onChange(e.target.value && first ? { ...rest, code: { codeId: first, has: e.target.value === 'has' } } : rest);
          }}
        >
          <option value="">Any</option>
          <option value="has">has code</option>
          <option value="not">has no code</option>
        </select>
      {filters.code && (
        <>
          <label htmlFor="grid-filter-which" className="visually-hidden">Which code</label>
          <select id="grid-filter-which" value={filters.code.codeId} onChange={(e) => onChange({ ...filters, code: { codeId: e.target.value, has: filters.code!.has } })}>
            {codes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.path}
              </option>
            ))}
          </select>
        </>
      )}
      {(filters.attribute || filters.code) && (
        <button type="button" className="link-button" onClick={() => onChange({})}>
          Clear filters
        </button>
      )}
    </fieldset>
  );
}
