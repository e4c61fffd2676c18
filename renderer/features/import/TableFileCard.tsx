import type { AttributeType, SourceSpec } from '../../../shared/import/mapping';
import { describeDelimiter } from '../../../shared/import/table';
import type { TableSettings, TableSummary } from '../../workers/import-protocol';
import { idColumnNote, type ColumnRole, type MappingDraft } from './draft';
import { SourceFields } from './SourceFields';

const ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-1', 'utf-16le', 'utf-16be'];
const DELIMITERS: [string, string][] = [
  [',', 'Comma'],
  [';', 'Semicolon'],
  ['\t', 'Tab'],
  ['|', 'Pipe'],
];
const TYPES: [AttributeType, string][] = [
  ['category', 'Category'],
  ['number', 'Number'],
  ['date', 'Date'],
  ['boolean', 'Yes/no'],
  ['text', 'Text'],
];

interface Props {
  id: string;
  table: TableSummary;
  settings: TableSettings;
  draft: MappingDraft;
  /** With a participant column: per column, participants whose rows differ there (undefined while counting). */
  levels?: Record<string, number>;
  source: SourceSpec;
  onSettings: (s: TableSettings) => void;
  onDraft: (d: MappingDraft) => void;
  onSource: (s: SourceSpec) => void;
}

/** Where an attribute's values will live, from how many participants' rows differ in it. */
function levelText(varying: number | undefined): string {
  if (varying === undefined) return 'checking…';
  if (varying === 0) return 'each participant';
  return `each response (differs within ${varying.toLocaleString('en-GB')} participant${varying === 1 ? '' : 's'})`;
}

/** How a table file is read (encoding, delimiter, sheet, header rows), a preview, and its mapping. */
export function TableFileCard({ id, table, settings, draft, levels, source, onSettings, onDraft, onSource }: Props) {
  const setRole = (c: string, role: ColumnRole) => onDraft({ ...draft, roles: { ...draft.roles, [c]: role } });
  const setType = (c: string, type: AttributeType) => onDraft({ ...draft, types: { ...draft.types, [c]: type } });
  const dateColumns = table.columns.filter((c) => draft.roles[c] === 'attribute' && draft.types[c] === 'date' && c !== draft.idColumn && c !== draft.participantColumn);
  const idNote = idColumnNote(table, draft.idColumn);
  const orderName = draft.dateOrder === 'dmy' ? 'Day/Month/Year' : 'Month/Day/Year';
  return (
    <div className="import-table">
      <fieldset className="import-read">
        <legend>Reading the file</legend>
        {table.encoding !== undefined && (
          <>
            <label htmlFor={`${id}-enc`}>Encoding</label>
            <select id={`${id}-enc`} value={settings.encoding ?? ''} onChange={(e) => onSettings({ ...settings, encoding: e.target.value || undefined })}>
              <option value="">Detected: {table.encoding}</option>
              {ENCODINGS.map((e) => (
                <option key={e} value={e}>
                  {e}
                </option>
              ))}
            </select>
            <span className="muted">{table.encodingReason}</span>
            <label htmlFor={`${id}-delim`}>Delimiter</label>
            <select id={`${id}-delim`} value={settings.delimiter ?? ''} onChange={(e) => onSettings({ ...settings, delimiter: e.target.value || undefined })}>
              <option value="">Detected: {describeDelimiter(table.delimiter ?? ',')}</option>
              {DELIMITERS.map(([d, name]) => (
                <option key={name} value={d}>
                  {name}
                </option>
              ))}
            </select>
            <span />
          </>
        )}
        {table.sheets !== undefined && (
          <>
            <label htmlFor={`${id}-sheet`}>Sheet</label>
            <select id={`${id}-sheet`} value={table.sheet ?? ''} onChange={(e) => onSettings({ ...settings, sheet: e.target.value })}>
              {table.sheets.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
            <span />
          </>
        )}
        <label htmlFor={`${id}-hdr`}>Header rows</label>
        <input
          id={`${id}-hdr`}
          type="number"
          min={1}
          max={5}
          value={settings.headerRows ?? 1}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (Number.isInteger(n) && n >= 1 && n <= 5) onSettings({ ...settings, headerRows: n });
          }}
          aria-describedby={`${id}-hdr-help`}
        />
        <span id={`${id}-hdr-help`} className="muted">
          Later header rows become column descriptions (for example the question text).
        </span>
      </fieldset>

      <div className="import-preview" role="region" aria-label={`Preview of the first ${table.preview.length} rows`} tabIndex={0}>
        <table>
          <caption>
            First {table.preview.length} of {table.rowCount.toLocaleString('en-GB')} rows
          </caption>
          <thead>
            <tr>
              {table.columns.map((c, i) => (
                <th key={c} scope="col" title={table.descriptions[i] || undefined}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.preview.map((r, ri) => (
              <tr key={ri}>
                {table.columns.map((c, ci) => (
                  <td key={c}>{(r[ci] ?? '').slice(0, 120)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <fieldset className="import-mapping">
        <legend>What each column holds</legend>
        <div className="import-mapping__keys">
          <label htmlFor={`${id}-idcol`}>Record ID column</label>
          <select id={`${id}-idcol`} value={draft.idColumn} onChange={(e) => onDraft({ ...draft, idColumn: e.target.value })} aria-describedby={`${id}-idnote`}>
            <option value="">None (use the row number)</option>
            {table.columns.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
          <div id={`${id}-idnote`} className="import-mapping__note">
            {idNote && <p className={idNote.ok ? 'import-ok' : 'import-warning'}>{idNote.text}</p>}
            {table.idGuess.rejected.length > 0 && (
              <p className="muted">Not proposed as the record id: {table.idGuess.rejected.join('; ')}.</p>
            )}
          </div>
          <label htmlFor={`${id}-partcol`}>Participant column</label>
          <select id={`${id}-partcol`} value={draft.participantColumn} onChange={(e) => onDraft({ ...draft, participantColumn: e.target.value })}>
            <option value="">None (one participant per record)</option>
            {table.columns.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </div>
        <table className="import-columns">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Use as</th>
              <th scope="col">Type</th>
              {draft.participantColumn && <th scope="col">Kept for</th>}
            </tr>
          </thead>
          <tbody>
            {table.columns.map((c, i) => {
              const keyCol = c === draft.idColumn || c === draft.participantColumn;
              return (
                <tr key={c}>
                  <th scope="row">
                    {c}
                    {table.descriptions[i] ? <div className="muted">{table.descriptions[i]}</div> : null}
                  </th>
                  <td>
                    <select aria-label={`Use of column ${c}`} value={keyCol ? 'ignore' : (draft.roles[c] ?? 'ignore')} disabled={keyCol} onChange={(e) => setRole(c, e.target.value as ColumnRole)}>
                      <option value="ignore">{keyCol ? (c === draft.idColumn ? 'Record ID' : 'Participant') : 'Leave out'}</option>
                      <option value="text">Free text (one document per answer)</option>
                      <option value="attribute">Attribute</option>
                    </select>
                  </td>
                  <td>
                    {draft.roles[c] === 'attribute' && !keyCol && (
                      <select aria-label={`Type of column ${c}`} value={draft.types[c] ?? 'category'} onChange={(e) => setType(c, e.target.value as AttributeType)}>
                        {TYPES.map(([t, name]) => (
                          <option key={t} value={t}>
                            {name}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  {draft.participantColumn && <td className="import-level">{draft.roles[c] === 'attribute' && !keyCol ? levelText(levels?.[c]) : ''}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
        {dateColumns.length > 0 && (
          <div className="import-dateorder" role="group" aria-labelledby={`${id}-dateorder`}>
            <span id={`${id}-dateorder`}>Dates are written</span>
            {(['dmy', 'mdy'] as const).map((o) => (
              <label key={o}>
                <input type="radio" name={`${id}-dateorder`} checked={draft.dateOrder === o} onChange={() => onDraft({ ...draft, dateOrder: o })} />
                {o === 'dmy' ? 'Day/Month/Year (31/12/2024)' : 'Month/Day/Year (12/31/2024)'}
              </label>
            ))}
          </div>
        )}
        {dateColumns.map((c) => {
          const conflicts = table.dateConflicts[c];
          const n = conflicts?.[draft.dateOrder] ?? 0;
          const policy = draft.dates[c] ?? 'order';
          if (n === 0 && policy === 'order') return null;
          const fmt = (x: number) => x.toLocaleString('en-GB');
          const name = `${id}-dates-${table.columns.indexOf(c)}`;
          return (
            <fieldset key={c} className="import-datechoice">
              <legend>Dates in “{c}”</legend>
              {n > 0 && (
                <p className="import-warning" role="alert">
                  {fmt(n)} value(s) in “{c}” cannot be {orderName}
                  {conflicts?.example ? ` (for example “${conflicts.example}”)` : ''}: the column mixes day/month and month/day dates.
                </p>
              )}
              <label>
                <input type="radio" name={name} checked={policy === 'unambiguous'} onChange={() => onDraft({ ...draft, dates: { ...draft.dates, [c]: 'unambiguous' } })} />
                Read the unambiguous dates; leave the {fmt(conflicts?.ambiguous ?? 0)} that could be either (such as 05/06/2024) blank, each listed with its row
              </label>
              <label>
                <input type="radio" name={name} checked={false} onChange={() => onDraft({ ...draft, types: { ...draft.types, [c]: 'text' }, dates: { ...draft.dates, [c]: 'order' } })} />
                Keep the column as text (every value as written)
              </label>
              <label>
                <input type="radio" name={name} checked={policy === 'order'} onChange={() => onDraft({ ...draft, dates: { ...draft.dates, [c]: 'order' } })} />
                Read every date as {orderName}
                {n > 0 ? ` (the ${fmt(n)} that cannot be will stop the import)` : ''}
              </label>
            </fieldset>
          );
        })}
      </fieldset>
      <SourceFields idPrefix={`${id}-src`} value={source} onChange={onSource} />
    </div>
  );
}
