/** renderer/db: the only code that touches IndexedDB. */
export { ChorusDb, SCHEMA_VERSION } from './schema';
export { StoreError, type StoreErrorCode } from './errors';
export { openChorusDb } from './open';
export { getCodec, setCodec, plainCodec, type StorageCodec, type StoredText } from './codec';
export { getSetting, setSetting } from './settings';
export * from './reads';
export { listProjects, createProject, deleteProject, importBundle, exportBundle, ensureDemoProject } from './projects';
export { createCode, updateCode, moveCode, deleteCode, countCodingsUnder, mergeCodes, splitCode, type CodePatch } from './codes';
export { addCoding, addCodings, removeCoding, type NewCoding } from './codings';
export { undo, redo, historyState, HISTORY_LIMIT } from './history';
export { getMemo, saveMemo } from './memos';
export { commitImport, findPreviousImports, ImportCancelled, type CommitBatch, type CommitMeta, type CommitProgress } from './imports';
export { ensureTermCounts, forgetTermCounts } from './termCounts';
export { removeCodings } from './removeCodings';
export { createCoder, updateCoder, initialsOf, type CoderPatch } from './coders';
export { importCodes, type CodebookImportResult } from './codebook-io';
export { commitImports } from './import-many';
export { listMemoTargets } from './memo-index';
