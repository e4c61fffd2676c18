/**
 * Whole projects in and out of the app: open a REFI-QDA .qdpx (from NVivo, ATLAS.ti, MAXQDA,
 * QualCoder or Chorus) as a new project, and export a stored project as a .qdpx with the Chorus
 * side file. Parsing and writing run in a disposable worker; the store is written in one transaction.
 */
import { copyName, copyProjectBundle } from '../../../shared/exchange/copy-bundle';
import type { MergePrefer } from '../../../shared/exchange/merge';
import type { Project, ProjectBundle } from '../../../shared/model';
import { execute, executeSetPassphrase, listProjects, type ChorusDb } from '../../db/api';
import { joinParts, openSealed, sealParts } from '../../../shared/crypto';
import { pickedBytes, type PickedFile, type Platform } from '../../platform';
import { readCapacityContext } from '../../platform/storage';
import { listZip } from '../../../shared/exchange/safe-zip';
import { checkProjectFile, projectFileSize, type CapacityContext, type CapacityReport } from '../../../shared/import/capacity';
import { copyStoredProject, previewMerge, readProjectFile, writeProjectFile, type MergePreview } from '../../workers/project-file-client';

const store = async (db: ChorusDb, bundle: ProjectBundle): Promise<Project> => (await execute(db, bundle.project.id, { type: 'importProject', bundle })).result;

export const PROJECT_FILE_TYPES = ['.qdpx'];

export interface OpenedProject {
  project: Project;
  warnings: string[];
  /** True when the file's project was already in the store, so it was opened as a copy with new ids. */
  copied: boolean;
}

/**
 * Will this project file fit? Checked from its zip's directory before it is read (shared/import/
 * capacity.ts checkProjectFile), against what the browser says is free. A file that is not a zip
 * is left to the reader, which says what is wrong with it.
 */
export async function projectFilePreflight(name: string, bytes: Uint8Array, read: () => Promise<CapacityContext> = readCapacityContext): Promise<CapacityReport | null> {
  let entries;
  try {
    entries = listZip(bytes);
  } catch {
    return null;
  }
  return checkProjectFile(projectFileSize(name, entries), await read());
}

/** Store the project in a picked .qdpx as a new project. Nothing is stored if the file cannot be read, or will not fit. */
export async function openProjectFile(db: ChorusDb, file: PickedFile, read?: () => Promise<CapacityContext>): Promise<OpenedProject> {
  if (!/\.qdpx$/i.test(file.name)) throw new Error(`“${file.name}” is not a project file: choose a REFI-QDA .qdpx file.`);
  const bytes = await pickedBytes(file);
  const fit = await projectFilePreflight(file.name, bytes, read);
  if (fit?.verdict === 'will-not-fit') throw new Error(fit.message);
  const { bundle, warnings: notes } = await readProjectFile(file.name, bytes);
  // (space is tight: said first among the notes on opening it)
  const warnings = fit?.verdict === 'tight' ? [fit.message, ...notes] : notes;
  const existing = await listProjects(db);
  const clash = existing.some((p) => p.id === bundle.project.id);
  const stored = clash ? copyProjectBundle(bundle, { name: `${bundle.project.name} (opened ${new Date().toISOString().slice(0, 10)})` }) : bundle;
  if (stored.project.isDemo) stored.project = { ...stored.project, isDemo: false };
  const project = await store(db, stored);
  return { project, warnings, copied: clash };
}

/** What to tell the user after opening a project file. */
export const openedMessage = (o: OpenedProject): string =>
  `Opened “${o.project.name}”${o.copied ? ' as a copy (that project was already here)' : ''}.` +
  (o.warnings.length > 0 ? ` ${o.warnings.length} note${o.warnings.length === 1 ? '' : 's'} on reading it: ${o.warnings.slice(0, 3).join(' ')}` : '');

/** Ask for a .qdpx and open it; null if the user cancelled. */
export async function pickAndOpenProject(db: ChorusDb, platform: Platform): Promise<OpenedProject | null> {
  const [file] = await platform.openFiles({ title: 'Open a project (.qdpx)', accept: PROJECT_FILE_TYPES, multiple: false });
  return file ? openProjectFile(db, file) : null;
}

/** A file name for a project's export: its name with only characters every file system accepts. */
export function projectFileName(name: string): string {
  const base = name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  return `${base.slice(0, 120) || 'Chorus project'}.qdpx`;
}

/** Export a stored project as a .qdpx (recorded in its audit log); resolves false if the user cancelled the save dialog. */
export async function exportProjectFile(db: ChorusDb, platform: Platform, project: Project): Promise<boolean> {
  const bytes = await writeProjectFile(db.name, project.id);
  if (!(await platform.saveFile(projectFileName(project.name), bytes, 'application/zip'))) return false;
  await execute(db, project.id, { type: 'recordExport', kind: 'project', format: 'qdpx', counts: { bytes: bytes.length } });
  return true;
}

/** A full copy of a stored project with fresh ids, named "Name (copy)" (read and copied in the worker). */
export async function duplicateProject(db: ChorusDb, project: Project, taken: readonly string[]): Promise<Project> {
  return store(db, await copyStoredProject(db.name, project.id, copyName(project.name, taken)));
}

export const renameProject = async (db: ChorusDb, projectId: string, name: string): Promise<Project> =>
  (await execute(db, projectId, { type: 'renameProject', name })).result;

/** What merging a coder's .qdpx into the project would change, with its conflicts (nothing is written). */
export async function previewProjectMerge(db: ChorusDb, project: Project, file: PickedFile, prefer?: MergePrefer): Promise<MergePreview> {
  if (!/\.qdpx$/i.test(file.name)) throw new Error(`“${file.name}” is not a project file: choose a REFI-QDA .qdpx file.`);
  return previewMerge(db.name, project.id, file.name, await pickedBytes(file), prefer);
}

/** Write a previewed merge as one undoable step. */
export async function applyProjectMerge(db: ChorusDb, project: Project, fileName: string, preview: MergePreview): Promise<Record<string, number>> {
  if (preview.unresolved) throw new Error('Decide the conflicts first.');
  return (await execute(db, project.id, { type: 'mergeProject', delta: preview.delta, label: `Merge ${fileName}` })).result;
}

/** A sealed hand-over bundle's file name (.chorus). */
export const sealedFileName = (name: string): string => projectFileName(name).replace(/\.qdpx$/, '.chorus');
export const SEALED_FILE_TYPES = ['.chorus'];

/**
 * Export a stored project sealed (shared/crypto/sealed.ts): its .qdpx, written in the worker,
 * encrypted and authenticated under a key from `passphrase`. Resolves false if the save was cancelled.
 */
export async function exportSealedProject(db: ChorusDb, platform: Platform, project: Project, passphrase: string): Promise<boolean> {
  const bytes = await writeProjectFile(db.name, project.id);
  return platform.saveFile(sealedFileName(project.name), joinParts(await sealParts(bytes, passphrase)), 'application/octet-stream');
}

/**
 * Open a sealed bundle as a new project, stored encrypted at rest under the same passphrase.
 * A wrong passphrase (WrongPassphraseError) or a changed file (TamperedDataError) stores nothing.
 */
export async function openSealedProject(db: ChorusDb, file: PickedFile, passphrase: string): Promise<OpenedProject> {
  if (!/\.chorus$/i.test(file.name)) throw new Error(`“${file.name}” is not a sealed project: choose a .chorus file.`);
  const qdpx = await openSealed(await pickedBytes(file), passphrase);
  const opened = await openProjectFile(db, { name: file.name.replace(/\.chorus$/i, '.qdpx'), data: new Blob([qdpx as Uint8Array<ArrayBuffer>]) });
  await executeSetPassphrase(db, opened.project.id, passphrase);
  return opened;
}
