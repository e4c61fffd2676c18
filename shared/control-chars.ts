/**
 * Control characters in imported text. Tab, line feed and carriage return are text; every other
 * C0 control (U+0000–U+001F), DEL (U+007F) and the C1 controls (U+0080–U+009F) are not: they are
 * how a hostile file would carry terminal escape sequences (ESC, CSI) into names that the CLI prints
 * or an SVG/XML export writes (XML 1.0 forbids most of them). Every importer (XML, CSV, XLSX,
 * codebooks) passes text through `replaceControlChars` on the way in: each becomes U+FFFD, so
 * the damage stays visible and offsets do not move — except vertical tab and form feed, which are
 * whitespace (FileMaker and old Mac exports break lines in a cell with VT) and become a space.
 */
export const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const ANY_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** The text with each control character other than tab, LF and CR replaced by U+FFFD (VT and FF by a space); same length. */
export function replaceControlChars(text: string): string {
  return ANY_CONTROL.test(text) ? text.replace(CONTROL_CHARS, (c) => (c === '\u000B' || c === '\u000C' ? ' ' : '\uFFFD')) : text;
}

export function hasControlChars(text: string): boolean {
  return ANY_CONTROL.test(text);
}

/** Bidi embeddings, overrides, isolates and marks (U+202E makes "report\u202Efdp.exe" show as "reportexe.pdf"). */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** A file name to offer in a save dialog or download: bidi and control characters removed (what is left is what is shown). */
export function plainFileName(name: string): string {
  return name.replace(BIDI_CONTROLS, '').replace(/[\u0000-\u001F\u007F-\u009F]/g, '') || 'export';
}
