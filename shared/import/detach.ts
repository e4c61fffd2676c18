/**
 * A copy of a string that does not keep the text it was cut from alive. V8 represents a
 * substring of 13+ characters as a view into its parent, so keeping a short piece of a streamed
 * chunk (a record id, an attribute value, a finding's context) would keep the whole multi-megabyte
 * chunk in memory, and over a large import every chunk. Concatenating flattens into a new string.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
