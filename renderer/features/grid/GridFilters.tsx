import { memo, useEffect, useState } from 'react';
import type { GridFilters as Filters, GridSurvey } from '../../../shared/grid/rows';
import type { ShownAttribute } from './GridTable';

interface Props {
  /** Distinct values of an attribute column (computed in the grid worker). */
  values: (column: string) => Promise<{ values: string[]; truncated: boolean }>;
  /** Changes when the responses are re-read (the value list is fetched again). */
  rowsVersion: number;
  /** Sources with survey responses: a source filter is offered when there are several. */
  surveys: readonly GridSurvey[];
  attributes: readonly ShownAttribute[];
  codes: readonly { id: string; path: string }[];
  filters: Filters;
  onChange: (f: Filters) => void;
}

/** Filter by survey (when there are several), by one attribute value and by one code (has it / has not). */
export const GridFilters = memo(function GridFilters({ values: loadValues, rowsVersion, surveys, attributes, codes, filters, onChange }: Props) {
  const varId = filters.attribute?.column ?? '';
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
      {surveys.length > 1 && (
        <>
          <label htmlFor="grid-filter-source">Survey</label>
          <select
            id="grid-filter-source"
            value={filters.source ?? ''}
            onChange={(e) => {
              // Another survey has other attribute columns: its attribute filter would mean nothing there.
              const { source: _s, attribute: _a, ...rest } = filters;
              onChange(e.target.value ? { ...rest, source: e.target.value } : rest);
            }}
          >
            <option value="">All surveys</option>
            {surveys.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.rows.toLocaleString('en-GB')})
              </option>
            ))}
          </select>
        </>
      )}
      <label htmlFor="grid-filter-attribute">Attribute</label>
      <select
          id="grid-filter-attribute"
          value={varId}
          onChange={(e) => {
            const { attribute: _a, ...rest } = filters;
            onChange(e.target.value ? { ...rest, attribute: { column: e.target.value, value: '' } } : rest);
          }}
        >
          <option value="">Any</option>
          {attributes.map((a) => (
            <option key={a.key} value={a.key}>
              {a.name}
            </option>
          ))}
        </select>
      {filters.attribute && (
        <>
          <label htmlFor="grid-filter-value">is</label>
          <select
            id="grid-filter-value"
            value={filters.attribute.value}
            onChange={(e) => onChange({ ...filters, attribute: { column: varId, value: e.target.value } })}
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
      {(filters.source !== undefined || filters.attribute || filters.code) && (
        <button type="button" className="link-button" onClick={() => onChange({})}>
          Clear filters
        </button>
      )}
    </fieldset>
  );
});
