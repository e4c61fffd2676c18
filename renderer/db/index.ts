/**
 * renderer/db: the only code that touches IndexedDB. Features and the app shell import ./api.ts
 * (reads and `execute`); this index adds the named write shorthands (./writes.ts) and the
 * import commit for tests, benchmarks and workers.
 */
export * from './api';
export { deleteProject, deletedProjectLog, exportBundle, exportBundleColumns } from './projects';
export { readAnswerTexts } from './table-answers';
export { AuditLogError } from './audit-log';
export * from './writes';
export { executeImport } from './execute';
export { commitImport, findPreviousImports, ImportCancelled, type CommitBatch, type CommitMeta, type CommitProgress, type DatasetCommit } from './imports';
export { commitImports } from './import-many';
export { ensureTermCounts, forgetTermCounts } from './termCounts';
export { codedParticipantKeys, projectCodeCounts } from './coded-documents';
export { activateKey, heldProjectKey, keyCodec } from './keyring';
export { getCodec, setCodec, plainCodec, aesGcmCodec, type StorageCodec, type StoredText } from './codec';
export { setAssignment, resolveDisagreement, type AssignmentInput, type ResolveInput } from './reliability';
export { churnStorage } from './purge-storage';
