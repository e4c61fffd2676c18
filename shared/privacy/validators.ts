/** Check-digit and format rules for the structured UK identifiers. Pure and cheap. */

/** UK postcode areas (the letters of the outward code), plus BF (BFPO). */
const POSTCODE_AREAS = new Set(
  `AB AL B BA BB BD BF BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX FK FY G GL
  GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE
  PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE`
    .trim()
    .split(/\s+/),
);

/** A full postcode ("LS6 2AB", "GIR 0AA"), any case, one optional space: is its area real? */
export function isValidPostcode(raw: string): boolean {
  const pc = raw.toUpperCase().replace(/\s+/g, '');
  if (pc === 'GIR0AA') return true;
  const m = /^([A-Z]{1,2})\d[A-Z\d]?\d[ABD-HJLNP-UW-Z]{2}$/.exec(pc);
  return m !== null && POSTCODE_AREAS.has(m[1]!);
}

/** NHS number Modulus 11: weights 10..2 on the first nine digits; 11 → 0, 10 → invalid. */
export function nhsCheckDigitOk(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  if (check === 10) return false;
  return check === digits.charCodeAt(9) - 48;
}

/** National Insurance number prefix rules (HMRC): D F I Q U V never; O not second; some pairs never issued. */
export function isValidNinoPrefix(prefix: string): boolean {
  const p = prefix.toUpperCase();
  if (!/^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]$/.test(p)) return false;
  return !['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'].includes(p);
}

/** A UK telephone number once spaces, dashes, brackets and +44 are taken out: 0 + 9 or 10 digits. */
export function isUkPhoneDigits(raw: string): boolean {
  let d = raw.replace(/[\s()-]/g, '');
  if (d.startsWith('+44')) d = '0' + d.slice(3).replace(/^0/, '');
  if (!/^0\d{9,10}$/.test(d)) return false;
  // Area/number-type prefixes in use: 01, 02, 03, 05, 07, 08, 09.
  return /^0[1235789]/.test(d);
}

/** Day/month sanity for a numeric date. */
export function isPlausibleDate(day: number, month: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}
