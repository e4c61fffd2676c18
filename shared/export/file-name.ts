/**
 * File names for exports, from a table's or chart's title: the title as written (spaces, case,
 * en dashes, accents and other letters kept), with only what a file name may not hold on Windows,
 * macOS or Linux taken out: path separators, the characters < > : " | ? * and control characters.
 */
const ILLEGAL = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
/** Names Windows reserves for devices, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_LENGTH = 120;

/** A file name (without extension) that keeps the title readable; `fallback` if nothing is left. */
export function safeFileName(title: string, fallback = 'export'): string {
  let name = title.normalize('NFC').replace(ILLEGAL, ' ').replace(/\s+/g, ' ').trim();
  // by code points, so a cut never splits a surrogate pair
  const points = [...name];
  if (points.length > MAX_LENGTH) name = points.slice(0, MAX_LENGTH).join('').trim();
  // Windows drops trailing dots and spaces, and a leading dot hides a file on macOS and Linux
  name = name.replace(/[. ]+$/, '').replace(/^[. ]+/, '');
  if (!name || RESERVED.test(name)) return fallback;
  return name;
}

/** The base name of an exported analysis table; "for publication" says small counts were suppressed. */
export function tableFileName(title: string, published: boolean): string {
  return `${safeFileName(title, 'table')}${published ? ' (for publication)' : ''}`;
}
