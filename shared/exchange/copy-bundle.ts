/**
 * A copy of a whole project with fresh identities: every entity id (project, coders, sources,
 * variables, participants, documents, codes, codings, memos, findings, actions and anything added
 * to the bundle later) is replaced by a new GUID, and every reference to it (parentId, codeId,
 * attribute keys, memo targets…) follows. Used to duplicate a project and to open a file whose
 * project is already in the store. Texts are never rewritten.
 */
import { newGuid, type ProjectBundle } from '../model';

/** Fields whose values are user text (or, for `sections`, a pack template's own section list), not references: never remapped. */
const TEXT_FIELDS = new Set(['text', 'name', 'title', 'description', 'summary', 'definition', 'inclusion', 'exclusion', 'example', 'recommendation', 'owner', 'pseudonym', 'outcome', 'notActionedReason', 'note', 'heading', 'intro', 'sections']);

function collectIds(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) collectIds(v, into);
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.id === 'string') into.add(o.id);
    // (a pack template's sections have ids of their own, local to the template: not entity ids)
    for (const [k, v] of Object.entries(o)) if (k !== 'id' && k !== 'sections' && typeof v === 'object') collectIds(v, into);
  }
}

function remap(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return ids.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => remap(v, ids));
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[ids.get(k) ?? k] = TEXT_FIELDS.has(k) ? v : remap(v, ids);
    }
    return out;
  }
  return value;
}

export interface CopyOptions {
  /** The copy's name (defaults to the original's). */
  name?: string;
  /** Id factory (tests pass a deterministic one). */
  makeId?: () => string;
  /** Timestamp for the copy's createdAt/updatedAt. */
  now?: string;
}

export function copyProjectBundle(bundle: ProjectBundle, options: CopyOptions = {}): ProjectBundle {
  const make = options.makeId ?? newGuid;
  const found = new Set<string>();
  collectIds(bundle, found);
  const ids = new Map<string, string>();
  for (const id of found) ids.set(id, make());
  const copy = remap(bundle, ids) as ProjectBundle;
  const now = options.now ?? new Date().toISOString();
  copy.project = { ...copy.project, name: options.name ?? bundle.project.name, isDemo: false, createdAt: now, updatedAt: now };
  return copy;
}

/** "Name (copy)", "Name (copy 2)", … : the first that no project has. */
export function copyName(name: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  const base = name.replace(/ \(copy(?: \d+)?\)$/, '');
  for (let n = 1; ; n++) {
    const candidate = `${base} (copy${n === 1 ? '' : ` ${n}`})`.slice(0, 200);
    if (!names.has(candidate)) return candidate;
  }
}
