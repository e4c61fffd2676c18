/** A new passphrase typed twice (the values are the caller's state); never shown, never stored. */
interface Props {
  idPrefix: string;
  passphrase: string;
  again: string;
  onChange: (passphrase: string, again: string) => void;
  legend: string;
  hint: string;
}

export function PassphraseFields({ idPrefix, passphrase, again, onChange, legend, hint }: Props) {
  return (
    <fieldset className="passphrase-fields">
      <legend>{legend}</legend>
      <p className="hint" id={`${idPrefix}-hint`}>
        {hint}
      </p>
      <label htmlFor={`${idPrefix}-pass`}>Passphrase</label>
      <input
        id={`${idPrefix}-pass`}
        type="password"
        autoComplete="new-password"
        aria-describedby={`${idPrefix}-hint`}
        value={passphrase}
        onChange={(e) => onChange(e.target.value, again)}
      />
      <label htmlFor={`${idPrefix}-again`}>Passphrase again</label>
      <input id={`${idPrefix}-again`} type="password" autoComplete="new-password" value={again} onChange={(e) => onChange(passphrase, e.target.value)} />
    </fieldset>
  );
}
