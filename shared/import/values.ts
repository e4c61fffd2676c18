/** Typed attribute values from table cells: dates in an explicit order, numbers, booleans. Each returns a value or a reason. */

export type DateOrder = 'dmy' | 'mdy' | 'ymd';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function monthFromName(s: string): number | undefined {
  const k = s.toLowerCase().replace(/\.$/, '');
  if (k.length < 3) return undefined;
  const i = MONTHS.findIndex((m) => m.startsWith(k) && (k.length >= 3 || k === m));
  return i >= 0 ? i + 1 : undefined;
}

function daysInMonth(y: number, m: number): number {
  return [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

function expandYear(y: string): number {
  const n = Number(y);
  if (y.length === 2) return n < 50 ? 2000 + n : 1900 + n;
  return n;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function checkDate(y: number, m: number, d: number): string | undefined {
  if (y < 1000 || y > 9999) return `year ${y} is out of range`;
  if (m < 1 || m > 12) return `month ${m} does not exist`;
  if (d < 1 || d > daysInMonth(y, m)) return `day ${d} does not exist in ${MONTHS[m - 1]!.replace(/^./, (c) => c.toUpperCase())} ${y}`;
  return undefined;
}

const ORDER_NAME: Record<DateOrder, string> = { dmy: 'day/month/year', mdy: 'month/day/year', ymd: 'year/month/day' };

/**
 * A date in the stated order → 'YYYY-MM-DD' (a time of day, if present, is kept: 'YYYY-MM-DDTHH:MM[:SS]').
 * ISO dates (4-digit year first) and month names ('5 March 2024', 'March 5, 2024') are read in any order.
 * A value that is impossible in the stated order is refused, never re-read in another order.
 */
export function parseDate(raw: string, order: DateOrder): Parsed<string> {
  return parseDateIn(raw, order, true);
}

function parseDateIn(raw: string, order: DateOrder, hintOthers: boolean): Parsed<string> {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const bad = checkDate(y, mo, d);
    if (bad) return { ok: false, reason: `"${s}" is not a valid date: ${bad}` };
    const date = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
    if (m[4] === undefined) return { ok: true, value: date };
    const [hh, mm, ss] = [Number(m[4]), Number(m[5]), m[6] === undefined ? undefined : Number(m[6])];
    if (hh > 23 || mm > 59 || (ss !== undefined && ss > 59)) return { ok: false, reason: `"${s}" has an impossible time of day` };
    return { ok: true, value: `${date}T${pad(hh)}:${pad(mm)}${ss === undefined ? '' : `:${pad(ss)}`}` };
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?[ -]([A-Za-z]{3,}\.?)[ ,-]+(\d{4})$/.exec(s);
  if (m) return named(s, Number(m[3]), m[2]!, Number(m[1]));
  m = /^([A-Za-z]{3,}\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(s);
  if (m) return named(s, Number(m[3]), m[1]!, Number(m[2]));
  m = /^(\d{1,4})[/.\- ](\d{1,2})[/.\- ](\d{1,4})$/.exec(s);
  if (!m) return { ok: false, reason: `"${s}" is not a date` };
  const [a, b, c] = [m[1]!, m[2]!, m[3]!];
  let y: number, mo: number, d: number;
  if (a.length === 4) {
    // 4-digit year first is year/month/day in every convention
    [y, mo, d] = [Number(a), Number(b), Number(c)];
  } else if (order === 'ymd') {
    [y, mo, d] = [expandYear(a), Number(b), Number(c)];
  } else {
    if (c.length === 3 || c.length === 1) return { ok: false, reason: `"${s}" has no recognisable year` };
    y = expandYear(c);
    [mo, d] = order === 'mdy' ? [Number(a), Number(b)] : [Number(b), Number(a)];
  }
  const bad = checkDate(y, mo, d);
  if (bad) {
    let hint = '';
    if (a.length !== 4 && hintOthers) {
      for (const other of ['dmy', 'mdy', 'ymd'] as const) {
        if (other !== order && parseDateIn(s, other, false).ok) {
          hint = `; it would be valid as ${ORDER_NAME[other]}: check the date order`;
          break;
        }
      }
    }
    return { ok: false, reason: `"${s}" is not a valid date in ${ORDER_NAME[order]} order (${bad})${hint}` };
  }
  return { ok: true, value: `${pad(y, 4)}-${pad(mo)}-${pad(d)}` };
}

/** A date read in whichever of day/month and month/day order it is valid in; `ambiguous` when both give different dates. */
export type EitherOrder = Parsed<string> | { ok: false; ambiguous: true; reason: string; readings: [string, string] };

/**
 * A date whose order is not known (a column mixing 31/12/2024 and 12/31/2024): ISO dates and month
 * names are read as always; d/m/y digits are read in the one order that makes a valid date, or in
 * either when both give the same date (05/05/2024). A value valid in both orders as two different
 * dates is ambiguous (05/06/2024: 5 June or 6 May), and one valid in neither is not a date.
 */
export function parseDateEitherOrder(raw: string): EitherOrder {
  const dmy = parseDateIn(raw, 'dmy', false);
  const mdy = parseDateIn(raw, 'mdy', false);
  if (dmy.ok && mdy.ok) {
    if (dmy.value === mdy.value) return dmy;
    return { ok: false, ambiguous: true, readings: [dmy.value, mdy.value], reason: `"${raw.trim()}" could be ${longDate(dmy.value)} (day/month) or ${longDate(mdy.value)} (month/day); left blank` };
  }
  if (dmy.ok) return dmy;
  if (mdy.ok) return mdy;
  return parseDate(raw, 'dmy');
}

/** '2024-06-05' → '5 June 2024'. */
function longDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]!.replace(/^./, (c) => c.toUpperCase())} ${y}`;
}

function named(s: string, y: number, monthName: string, d: number): Parsed<string> {
  const mo = monthFromName(monthName);
  if (!mo) return { ok: false, reason: `"${s}" has an unknown month "${monthName}"` };
  const bad = checkDate(y, mo, d);
  if (bad) return { ok: false, reason: `"${s}" is not a valid date: ${bad}` };
  return { ok: true, value: `${pad(y, 4)}-${pad(mo)}-${pad(d)}` };
}

/** A number: '12', '-3.5', '1e3', '1,234.5' (comma thousands), '£1,200', '45%' (→ 45). */
export function parseNumber(raw: string): Parsed<number> {
  let s = raw.trim().replace(/^[£$€]/, '').replace(/%$/, '').trim();
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return { ok: false, reason: `"${raw.trim()}" is not a number` };
  const n = Number(s);
  if (!Number.isFinite(n)) return { ok: false, reason: `"${raw.trim()}" is too large` };
  return { ok: true, value: n };
}

const TRUE = new Set(['true', 'yes', 'y', '1', 't']);
const FALSE = new Set(['false', 'no', 'n', '0', 'f']);

/** yes/no, true/false, y/n, 1/0 (any case). */
export function parseBoolean(raw: string): Parsed<boolean> {
  const k = raw.trim().toLowerCase();
  if (TRUE.has(k)) return { ok: true, value: true };
  if (FALSE.has(k)) return { ok: true, value: false };
  return { ok: false, reason: `"${raw.trim()}" is not yes/no or true/false` };
}
