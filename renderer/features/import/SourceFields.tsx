import { SOURCE_KINDS, type SourceKind } from '../../../shared/model';
import type { SourceSpec } from '../../../shared/import/mapping';
import { SOURCE_KIND_LABELS } from './labels';

/** Name, kind, collection period and retention date of the Source a batch belongs to. */
export function SourceFields({ idPrefix, value, onChange }: { idPrefix: string; value: SourceSpec; onChange: (v: SourceSpec) => void }) {
  const set = (patch: Partial<SourceSpec>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="import-source">
      <legend>Source</legend>
      <label htmlFor={`${idPrefix}-name`}>Name</label>
      <input id={`${idPrefix}-name`} value={value.name} onChange={(e) => set({ name: e.target.value })} required />
      <label htmlFor={`${idPrefix}-kind`}>Kind</label>
      <select id={`${idPrefix}-kind`} value={value.kind} onChange={(e) => set({ kind: e.target.value as SourceKind })}>
        {SOURCE_KINDS.map((k) => (
          <option key={k} value={k}>
            {SOURCE_KIND_LABELS[k]}
          </option>
        ))}
      </select>
      <label htmlFor={`${idPrefix}-from`}>Collected from</label>
      <input id={`${idPrefix}-from`} type="date" value={value.collectedFrom ?? ''} onChange={(e) => set({ collectedFrom: e.target.value || undefined })} />
      <label htmlFor={`${idPrefix}-to`}>Collected to</label>
      <input id={`${idPrefix}-to`} type="date" value={value.collectedTo ?? ''} onChange={(e) => set({ collectedTo: e.target.value || undefined })} />
      <label htmlFor={`${idPrefix}-retain`}>Keep until</label>
      <input id={`${idPrefix}-retain`} type="date" value={value.retainUntil ?? ''} onChange={(e) => set({ retainUntil: e.target.value || undefined })} />
    </fieldset>
  );
}
