/** The codebook files the app reads and writes (apart from ./codebookFiles.ts, which loads the spreadsheet and REFI-QDA code only when a file is read or saved). */
export const CODEBOOK_FILE_TYPES = ['.qdc', '.csv', '.xlsx', '.xls', '.ods'];

export type CodebookFormat = 'qdc' | 'csv' | 'xlsx';
