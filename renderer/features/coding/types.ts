import type { TextSpan } from './words';

/** A coding as the viewer shows it: its span plus the code's name and colour. */
export interface ShownCoding extends TextSpan {
  id: string;
  codeId: string;
  codeName: string;
  colour: string;
  coderName: string;
  coderInitials: string;
}

/** A code offered in the quick-code box. */
export interface CodeOption {
  id: string;
  name: string;
  /** Ancestors and name, e.g. "Contact › Kept informed". */
  path: string;
  colour: string;
  /** Its number (1–9) if it is on one (shared/coding/quick-keys.ts). */
  shortcut?: number;
}
