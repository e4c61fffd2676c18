/**
 * What features and the app shell may use from the store: reads, UI settings, and `execute` —
 * the ONE way to change project data (shared/commands). dependency-cruiser keeps renderer/features
 * and renderer/app to this module.
 */
export { ChorusDb, SCHEMA_VERSION } from './schema';
export { StoreError, type StoreErrorCode } from './errors';
export { openChorusDb } from './open';
export { getSetting, setSetting, updateSetting } from './settings';
export * from './reads';
export { listProjects, ensureDemoProject, exportBundle } from './projects';
/** Deleting a whole project (every row, its survey datasets too) is not a command: it is not undoable and is confirmed by the user first. */
export { deleteProject } from './projects';
export { countCodingsUnder } from './codes';
export { historyState } from './history';
export { windowSession } from './session';
export { listAudit } from './audit-reads';
export { getMemo } from './memos';
export { listDatasets, getDataset, datasetTexts, openProjectDatasets, closeProjectDatasets, makeListsInSlices, surveyTableIds, type IdleTime } from './datasets';
export { listMemoTargets } from './memo-index';
export { projectChangeStamp, type ProjectStamp } from './changeStamp';
export { execute, executeSetPassphrase, confirmRetraction, deleteForRetention, type Executed, type ExecuteOptions } from './execute';
/** Encryption at rest: a project's lock state, unlocking with its passphrase, dropping the key (keyring.ts). */
export { lockState, prepareProjectCodec, unlockProject, unlockWithSessionKey, lockAll, unlockedProject, subscribeKeyring, hasPassphrase, type LockState } from './keyring';
export { listAssignments, listDecisions } from './reliability';
export { listFindings, listRecommendations, listActions, listQuotes } from './findings';
export { ChangedElsewhereError, UndoConflictError, isChangedElsewhere, isUndoConflict, type ExportKind, type ExportFormat } from '../../shared/commands';
export { listSafeguardFlags, countOpenSafeguardFlags, safeguardFlagsOf } from './safeguarding';
export { HISTORY_LIMIT, initialsOf, type Command, type CodePatch, type CoderPatch, type CodebookImportResult, type SpanToCode } from '../../shared/commands';
