import { CODE_PALETTE } from '../../../shared/coding/palette';

interface Props {
  label: string;
  value: string;
  onChange: (colour: string) => void;
}

const NAMES = ['orange', 'sky blue', 'bluish green', 'yellow', 'blue', 'vermilion', 'reddish purple', 'grey', 'indigo', 'cyan', 'teal', 'green', 'olive', 'sand', 'rose', 'wine'];

/** A radio group of the colour-blind-safe palette; arrow keys move between swatches. */
export function ColourSwatches({ label, value, onChange }: Props) {
  return (
    <fieldset className="swatches">
      <legend>{label}</legend>
      {CODE_PALETTE.map((c, i) => (
        <label key={c} className="swatches__item" title={NAMES[i] ?? c}>
          <input type="radio" name={label} value={c} checked={value.toUpperCase() === c} onChange={() => onChange(c)} />
          <span className="swatch swatch--big" style={{ backgroundColor: c }} aria-hidden="true" />
          <span className="visually-hidden">{NAMES[i] ?? c}</span>
        </label>
      ))}
    </fieldset>
  );
}
