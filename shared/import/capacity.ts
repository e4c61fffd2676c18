/**
 * Will an import fit? A pre-flight check made before anything is stored: from each file's size and
 * kind (and, once mapped, its rows and columns) it estimates the space the import takes in the
 * store and the memory it needs while it runs, and compares them with what the browser says is
 * free (navigator.storage.estimate) and, where known, the page's heap limit and the device's memory.
 * Pure: the caller reads the storage and memory figures and passes them in.
 *
 * The figures are deliberately on the high side: a verdict of "fits" that then fails half-way
 * costs the user a long wait (the store rolls back, but the time is gone); "tight" only warns.
 */
import type { ImportFileKind } from './pipeline';
import { HOLD_BYTES } from './held-answers';
import { heldRowsEstimate } from './held-rows';

export interface CapacityFile {
  name: string;
  /** The file's size on disk. */
  bytes: number;
  kind: ImportFileKind | undefined;
  /** Data rows, once the table has been read (unknown for transcripts and before reading). */
  rows?: number;
  /** Columns mapped as free text, once mapped. */
  textColumns?: number;
  /** Columns in all, once the table has been read. */
  columns?: number;
}

/** What the browser says about storage (navigator.storage.estimate) and memory; any part may be unknown. */
export interface CapacityContext {
  /** Bytes the origin may use in all (StorageEstimate.quota). */
  quota?: number;
  /** Bytes the origin already uses (StorageEstimate.usage). */
  usage?: number;
  /** The heap a page or worker may grow to (performance.memory.jsHeapSizeLimit, Chromium only). */
  heapLimit?: number;
  /** The device's memory in GiB, rounded down to a power of two (navigator.deviceMemory; Chromium caps it at 8). */
  deviceMemoryGiB?: number;
  /** Documents the project has already (they share the memory the project needs once open). */
  projectDocuments?: number;
  /** Codings the project has already (each worker that reads them holds them as columns once open). */
  projectCodings?: number;
}

export type CapacityVerdict = 'fits' | 'tight' | 'will-not-fit';

export interface CapacityEstimate {
  /** Bytes the import adds to the store, including IndexedDB's overhead and the transaction's log while it commits. */
  storage: number;
  /** Peak bytes of memory the import needs while it reads, scans and stores. */
  memory: number;
  /**
   * Bytes of memory the imported documents need once the import is done, while the project is
   * open and analysed (the window's lists and the grid's and the analysis's copies), besides the
   * app itself; the project's documents from before are counted by checkCapacity.
   */
  working: number;
}

export interface CapacityReport {
  verdict: CapacityVerdict;
  estimate: CapacityEstimate;
  /** Bytes free for the app's store (quota − usage), when the browser says. */
  free: number | null;
  /** What stops it or what to watch, in words for the user (empty when it fits). */
  message: string;
}

/**
 * Stored bytes per byte of file, by kind. Chromium's IndexedDB keeps strings as structured clones
 * (Latin-1 text one byte a character, anything else two) in LevelDB, compressed, with a
 * write-ahead log that holds a transaction's writes until they are compacted. Measured
 * (test/bench/scale.bench.ts): a generated 132 MB survey CSV of 500,000 rows grew the store by
 * about its own size; real text compresses less and the log needs room while the commit runs, so
 * twice the file is allowed. Zipped formats (XLSX, ODS, DOCX) unpack to several times their size.
 */
export const STORED_PER_BYTE: Record<ImportFileKind | 'unknown', number> = { table: 2, workbook: 8, transcript: 2, unknown: 8 };
/** Stored bytes each row adds beyond its text: the row's key, its document and participant ids, indexes. */
export const STORED_PER_ROW = 150;
/**
 * Memory per byte of file while it is read: a CSV streams in slices, its answers held as UTF-8
 * from the scan to the commit (about their size in the file, up to HOLD_BYTES: counted apart) and,
 * when it is small enough, its rows as parsed until the scan (heldRowsEstimate: counted apart); a
 * workbook is parsed whole; a transcript is kept whole.
 */
export const MEMORY_PER_BYTE: Record<ImportFileKind | 'unknown', number> = { table: 0, workbook: 12, transcript: 6, unknown: 12 };
/** Memory per table row the import keeps for the whole import (its ids, kept so the commit stores the rows under the ids the scan saw, and per-row bookkeeping). */
export const MEMORY_PER_ROW = 400;
/** Fixed working memory of an import: slices, chunks of rows in flight, the scanner. */
export const MEMORY_BASE = 64 * 2 ** 20;
/**
 * Memory per document once the project is open: its list entry in the window, the survey grid's
 * and the analysis's copies of it, its codings' index. Measured (test/bench/scale.bench.ts, peak
 * renderer memory above the app at rest while opening, coding and a first analysis, texts
 * included): 1.8–2.1 KB a document at 875,000 documents (500,000 responses), 2.6 KB at 350,000
 * and 3.0 KB at 175,000. 3 KB, with the texts counted apart below, keeps the estimate on the high
 * side (the bench prints the estimate beside the figure measured).
 */
export const WORKING_PER_DOCUMENT = 3000;
/**
 * Memory per coding once the project is open: the coding digest's columns and the journal in the
 * window's workers (the survey grid's index, the analysis's index, search and suggestions), read
 * as IndexedDB gives them back. Measured (test/bench/scale.bench.ts, 500,000 responses, peak
 * renderer memory above the app at rest): 1,542 MB at 20,000 codings, 2,158 MB at 1,000,000 and
 * 3,818 MB at 5,000,000, about 420–630 bytes a coding on top of the documents' share; the
 * documents' own figure above has room to spare at that size, so 500 keeps the sum on the high side.
 */
export const WORKING_PER_CODING = 500;
/** Memory per byte of imported text once the project is open (the analysis reads the texts; the window keeps those shown). */
export const WORKING_PER_TEXT_BYTE = 2;
/** Memory an open project needs whatever its size, beyond the app at rest (the workers' code and caches). */
export const WORKING_BASE = 150 * 2 ** 20;
/** navigator.deviceMemory's cap in Chromium: a device reporting it may have any amount more. */
const DEVICE_MEMORY_CAP_GIB = 8;

/** Below this share of the free space left after the import, it is "tight". */
export const TIGHT_HEADROOM = 0.2;

/** A table's rows when they are not known yet: assume short rows (more rows is the costlier guess). */
const guessRows = (f: CapacityFile) => f.rows ?? (f.kind === 'table' || f.kind === 'workbook' ? Math.ceil(f.bytes / 200) : 0);
/** A table's columns when they are not known yet. */
const GUESS_COLUMNS = 12;

/** Stored bytes and peak memory an import of these files needs (a sum over the files: they are committed in one transaction). */
export function estimateImport(files: readonly CapacityFile[]): CapacityEstimate {
  let storage = 0;
  let memory = MEMORY_BASE;
  let working = 0;
  for (const f of files) {
    const bytes = Math.max(0, f.bytes);
    const kind = f.kind ?? 'unknown';
    const rows = Math.max(0, guessRows(f));
    storage += STORED_PER_BYTE[kind] * bytes + STORED_PER_ROW * rows * Math.max(1, f.textColumns ?? 1);
    memory += MEMORY_PER_BYTE[kind] * bytes + MEMORY_PER_ROW * rows;
    // (both held at once, on the high side: the scan lets the rows go as it holds the answers)
    if (kind === 'table') memory += Math.min(bytes, HOLD_BYTES) + heldRowsEstimate(bytes, rows, f.columns ?? GUESS_COLUMNS);
    // a table's documents: one per row and free-text column at most (blank answers are skipped); a transcript is one
    const documents = kind === 'transcript' ? 1 : rows * Math.max(1, f.textColumns ?? 1);
    working += WORKING_PER_DOCUMENT * documents + WORKING_PER_TEXT_BYTE * bytes;
  }
  return { storage: Math.ceil(storage), memory: Math.ceil(memory), working: Math.ceil(working) };
}

/**
 * Memory the project needs once these files are imported, open and analysed: the imported
 * documents, the `projectDocuments` and `projectCodings` it had, and the fixed part.
 */
export function openProjectMemory(estimate: CapacityEstimate, projectDocuments = 0, projectCodings = 0): number {
  return WORKING_BASE + estimate.working + WORKING_PER_DOCUMENT * Math.max(0, projectDocuments) + WORKING_PER_CODING * Math.max(0, projectCodings);
}

/** A size in words: "850 KB", "12 MB", "1.4 GB" (decimal units, as file managers show them). */
export function formatSize(bytes: number): string {
  const b = Math.max(0, bytes);
  if (b < 1e6) return `${(b === 0 ? 0 : Math.max(1, Math.round(b / 1e3))).toLocaleString('en-GB')} KB`;
  if (b < 1e9) return `${Math.round(b / 1e6).toLocaleString('en-GB')} MB`;
  return `${(b / 1e9).toLocaleString('en-GB', { maximumFractionDigits: 1 })} GB`;
}

/** The memory the import may use: the heap limit where the browser tells it, else a share of the device's memory, else unknown. */
function memoryLimit(ctx: CapacityContext): number | null {
  if (ctx.heapLimit !== undefined && ctx.heapLimit > 0) return ctx.heapLimit;
  if (ctx.deviceMemoryGiB !== undefined && ctx.deviceMemoryGiB > 0) return (ctx.deviceMemoryGiB * 2 ** 30) / 2;
  return null;
}

const names = (files: readonly CapacityFile[]) => {
  const quoted = files.map((f) => `“${f.name}”`);
  return quoted.length <= 1 ? (quoted[0] ?? 'The import') : quoted.length === 2 ? quoted.join(' and ') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
};

/** The words a verdict is given in: what is checked, and what the user can do. */
interface Wording {
  /** The files, named ("“a.csv” and “b.csv”"), and a pronoun for them. */
  who: string;
  them: string;
  needs: 'needs' | 'need';
  /** "importing", "opening". */
  doing: string;
  /** After "once": "imported", "opened". */
  done: string;
  /** The end of the storage message: "import a smaller file". */
  smaller: string;
  /** What to do when reading it needs more memory than the window has. */
  memoryAdvice: string;
  /** What to do when the project, once in, would not fit the computer's memory. */
  splitAdvice: string;
}

/** Whether the import fits in the free storage and memory, with a message naming the files, the estimate and the free space. */
export function checkCapacity(files: readonly CapacityFile[], ctx: CapacityContext): CapacityReport {
  return judge(estimateImport(files), ctx, {
    who: names(files),
    them: files.length > 1 ? 'them' : 'it',
    needs: files.length > 1 ? 'need' : 'needs',
    doing: 'importing',
    done: 'imported',
    smaller: 'import a smaller file',
    memoryAdvice: 'Save a workbook as CSV (a CSV is read in slices, never whole) or split the file, then try again.',
    splitAdvice: 'Split the file into smaller projects (by date or area, say), or use a computer with more memory, then try again.',
  });
}

/** A project file (.qdpx) as the check sees it, from its zip's directory: the bytes it unpacks to and the documents it holds. */
export interface ProjectFileSize {
  name: string;
  unpacked: number;
  documents: number;
}

/**
 * Memory per unpacked byte while a project file is opened. Measured in Node: reading a
 * 100,000-response .qdpx (104 MB unpacked: texts inside project.qde) needs a heap of more than
 * 400 MB and at most 600 MB, about 6× what it unpacks to. The window then holds the project as
 * read while it is stored (not measured: 2× more is allowed).
 */
export const PROJECT_MEMORY_PER_BYTE = 8;
/**
 * Bytes of project.qde per document where the texts are inside it (a project of more documents
 * than a zip holds files): 884 for a survey answer of 40 words with one coding (qdpx-open bench).
 * Fewer bytes a document means more documents, so the estimate stays on the high side.
 */
export const QDE_BYTES_PER_DOCUMENT = 800;

/** A project file's size from its zip entries: a document per file under sources/, else per QDE_BYTES_PER_DOCUMENT of project.qde. */
export function projectFileSize(name: string, entries: readonly { name: string; size: number }[]): ProjectFileSize {
  let unpacked = 0;
  let sources = 0;
  let qde = 0;
  for (const e of entries) {
    unpacked += e.size;
    if (/(^|\/)sources\//i.test(e.name) && !e.name.endsWith('/')) sources++;
    if (/\.qde$/i.test(e.name)) qde += e.size;
  }
  return { name, unpacked, documents: sources > 0 ? sources : Math.ceil(qde / QDE_BYTES_PER_DOCUMENT) };
}

/** Stored bytes and memory for opening a project file: its texts as an import's transcripts, read whole. */
export function estimateProjectFile(f: ProjectFileSize): CapacityEstimate {
  const bytes = Math.max(0, f.unpacked);
  const documents = Math.max(0, f.documents);
  return {
    storage: Math.ceil(STORED_PER_BYTE.transcript * bytes + STORED_PER_ROW * documents),
    memory: Math.ceil(MEMORY_BASE + PROJECT_MEMORY_PER_BYTE * bytes),
    working: Math.ceil(WORKING_PER_DOCUMENT * documents + WORKING_PER_TEXT_BYTE * bytes),
  };
}

/** Whether a project file fits, before it is read: the import's check (checkCapacity) for a whole project. */
export function checkProjectFile(f: ProjectFileSize, ctx: CapacityContext): CapacityReport {
  return judge(estimateProjectFile(f), ctx, {
    who: `“${f.name}”`,
    them: 'it',
    needs: 'needs',
    doing: 'opening',
    done: 'opened',
    smaller: 'open a smaller project',
    memoryAdvice: 'Open it on a computer with more memory, or ask for the project in parts (its sources split between several files), then try again.',
    splitAdvice: 'Ask for the project in parts (its sources split between several files), or use a computer with more memory, then try again.',
  });
}

function judge(estimate: CapacityEstimate, ctx: CapacityContext, w: Wording): CapacityReport {
  const free = ctx.quota !== undefined && Number.isFinite(ctx.quota) ? Math.max(0, ctx.quota - (ctx.usage ?? 0)) : null;
  const limit = memoryLimit(ctx);
  const { who, them } = w;
  if (free !== null && estimate.storage > free) {
    return {
      verdict: 'will-not-fit',
      estimate,
      free,
      message: `${who} will not fit: ${w.doing} ${them} needs about ${formatSize(estimate.storage)} of storage and only ${formatSize(free)} is free for Chorus on this computer. Nothing has been stored. Free some space (delete projects you no longer need, or files on this disk) or ${w.smaller}, then try again.`,
    };
  }
  if (limit !== null && estimate.memory > limit) {
    return {
      verdict: 'will-not-fit',
      estimate,
      free,
      message: `${who} will not fit in memory: reading ${them} needs about ${formatSize(estimate.memory)} and this window can use about ${formatSize(limit)}. Nothing has been stored. ${w.memoryAdvice}`,
    };
  }
  // once in: the whole project, open and analysed, against the device's memory
  const device = ctx.deviceMemoryGiB !== undefined && ctx.deviceMemoryGiB > 0 ? ctx.deviceMemoryGiB * 2 ** 30 : null;
  const open = openProjectMemory(estimate, ctx.projectDocuments, ctx.projectCodings);
  // (a device at Chromium's cap may have any amount more: it is only warned)
  if (device !== null && ctx.deviceMemoryGiB! < DEVICE_MEMORY_CAP_GIB && open > device) {
    return {
      verdict: 'will-not-fit',
      estimate,
      free,
      message: `${who} will not fit in this computer’s memory once ${w.done}: opening and analysing the project would need about ${formatSize(open)} and this computer has about ${formatSize(device)}. Nothing has been stored. ${w.splitAdvice}`,
    };
  }
  const tightStorage = free !== null && estimate.storage > (1 - TIGHT_HEADROOM) * free;
  const tightMemory = limit !== null && estimate.memory > (1 - TIGHT_HEADROOM) * limit;
  const tightOpen = device !== null && open > device / 2;
  if (tightStorage || tightMemory || tightOpen) {
    const parts: string[] = [];
    if (tightStorage) parts.push(`about ${formatSize(estimate.storage)} of storage with ${formatSize(free!)} free`);
    if (tightMemory) parts.push(`about ${formatSize(estimate.memory)} of memory with about ${formatSize(limit!)} available`);
    if (tightOpen) parts.push(`about ${formatSize(open)} of memory once ${w.done}, to open and analyse the project, on a computer with ${ctx.deviceMemoryGiB! >= DEVICE_MEMORY_CAP_GIB ? 'at least ' : ''}${formatSize(device!)}`);
    return {
      verdict: 'tight',
      estimate,
      free,
      message: `Space is tight: ${who} ${w.needs} ${parts.join(', and ')}. It should fit, but little will be left. ${tightStorage || tightMemory ? 'If it runs out part-way, nothing is stored and you can free some space and try again.' : ''}${tightOpen ? `${tightStorage || tightMemory ? ' ' : ''}The project may be slow to open and analyse, with little memory left for other programs: close what you do not need, or split the file into smaller projects.` : ''}`,
    };
  }
  return { verdict: 'fits', estimate, free, message: '' };
}
