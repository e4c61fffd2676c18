/** Shapes shared by the importers (tables, spreadsheets, transcripts, batch mapping). */

/** A problem found while importing, located as precisely as known. Rows count from 1 as a spreadsheet shows them. */
export interface ImportIssue {
  file: string;
  row?: number;
  column?: string;
  message: string;
}

/** A table read from CSV/TSV/XLSX/XLS/ODS, with its header resolved. */
export interface ParsedTable {
  /** Unique, non-empty column names ("Q1", "Q1 (2)", "Column 3"). */
  columns: string[];
  /** Per column: the later header rows joined (e.g. the question text); '' if none. */
  descriptions: string[];
  /** Data rows, each padded to columns.length. */
  rows: string[][];
  /** Per data row: its row number in the source (1-based, as a spreadsheet shows it), for messages. */
  rowNumbers?: number[];
  /** Encoding used to decode a text file, e.g. 'utf-8', 'windows-1252'. */
  encoding?: string;
  /** Why that encoding (byte-order mark, valid UTF-8, a guess from the bytes, chosen by the user). */
  encodingReason?: string;
  /** Field delimiter of a text file. */
  delimiter?: string;
  /** Sheet names of a workbook, and the one read. */
  sheets?: string[];
  sheet?: string;
  warnings: ImportIssue[];
}

/** A failure that stops an import; the message names the problem (callers prefix the file name). */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly row?: number,
    readonly column?: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
