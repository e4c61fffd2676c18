/** Dates between Chorus (IsoDate: lenient ISO 8601) and REFI-QDA (xsd:dateTime / xsd:date). */
import { IsoDate } from '../model';

const XSD_DATETIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
export const XSD_DATE = /^-?\d{4,}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$/;

export function isXsdDateTime(s: string): boolean {
  return XSD_DATETIME.test(s);
}

/** A Chorus date as a valid xsd:dateTime (kept verbatim when it already is one). */
export function toXsdDateTime(iso: string): string {
  if (XSD_DATETIME.test(iso)) return iso;
  let s = iso.replace(' ', 'T');
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) s += 'T00:00:00Z';
  s = s.replace(/T(\d{2}:\d{2})(?=$|Z|[+-])/, 'T$1:00').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  if (XSD_DATETIME.test(s)) return s;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '1970-01-01T00:00:00Z' : d.toISOString();
}

/** A date from a file as a Chorus IsoDate, or `fallback` when absent or unreadable. */
export function fromXsdDate(raw: string | undefined, fallback: string): string {
  const s = raw?.trim();
  if (s && IsoDate.safeParse(s).success) return s;
  if (s) {
    const d = new Date(s);
    if (!Number.isNaN(d.getTime())) return d.toISOString();
  }
  return fallback;
}

/** A finite number as an xsd:decimal literal (no exponent). */
export function toDecimal(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, int, frac = '', expS] = m;
  const exp = Number(expS);
  const digits = int! + frac;
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const point = 1 + exp;
  return point >= digits.length ? sign + digits + '0'.repeat(point - digits.length) : `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
