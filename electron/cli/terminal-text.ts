/**
 * The one sanitiser for everything the CLI prints. Names in a project file are the file author's
 * text: a control character (ESC starts the sequences that retitle a terminal, recolour it or
 * move the cursor; CR overwrites a line; C1's CSI does what ESC [ does) or a bidi control (U+202E
 * reverses what follows, so "gpj.exe" reads "exe.jpg") would act on the terminal instead of being
 * shown. Each is printed as a \uXXXX escape: visible, and still valid inside JSON strings, where
 * JSON.parse turns it back into the same character (JSON.stringify already escapes C0 controls).
 */
// C0 controls but tab and line feed; DEL and C1; bidi embeddings, overrides, isolates and marks
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
