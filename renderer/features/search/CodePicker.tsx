import type { CodeChoice } from './codeOptions';

/** A labelled select of codes, indented by depth. */
export function CodePicker({ id, label, choices, value, onChange }: { id: string; label: string; choices: readonly CodeChoice[]; value: string; onChange: (id: string) => void }) {
  return (
    <span className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose a code…</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {'\u2003'.repeat(c.depth)}
            {c.path.split(' › ').pop()}
          </option>
        ))}
      </select>
    </span>
  );
}
