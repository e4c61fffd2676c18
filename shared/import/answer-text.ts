/**
 * A free-text cell as imported: its text normalised (line ends to LF, NFC per line) as every
 * imported text is. Its own module so the scan ahead's worker can use it without the mapping and
 * the model's schemas.
 */
import { normaliseText } from '../model/offsets';

/** Text needing no normalisation: no CR (line ends) and nothing outside ASCII (NFC leaves ASCII alone). */
// eslint-disable-next-line no-control-regex
const NEEDS_NORMALISING = /[\r\u0080-\uffff]/;

/** A free-text cell's answer as imported: normaliseText(raw).text, skipping the work (anchors, NFC per line) for plain ASCII without CR. */
export function normaliseCell(raw: string): string {
  return NEEDS_NORMALISING.test(raw) ? normaliseText(raw).text : raw;
}
