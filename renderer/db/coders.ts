import { Coder, newGuid } from '../../shared/model';
import { paletteColour } from '../../shared/coding/palette';
import type { ChorusDb } from './schema';
import { recordAudit } from './audit';
import { recorded } from './history';

export type CoderPatch = Partial<Pick<Coder, 'name' | 'initials' | 'colour'>>;

/** Initials from a name: first letters of the first and last words, upper case ("Alex Morgan" → "AM"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((w) => [...w.replace(/[^\p{L}]/gu, '')][0] ?? '').join('').toLocaleUpperCase('en-GB') || '?';
}

function checked(input: unknown): Coder {
  const r = Coder.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue?.path[0];
  if (field === 'name') throw new Error('A coder needs a name of 1 to 120 characters');
  if (field === 'initials') throw new Error('Initials must be 1 to 4 characters');
  if (field === 'colour') throw new Error('A coder colour must look like #0072B2');
  throw new Error(`This coder is not valid (${issue?.message ?? 'invalid'})`);
}

/** Add a coder to a project (undoable). Initials default to the name's; the colour to the next palette colour. */
export async function createCoder(
  db: ChorusDb,
  input: { projectId: string; name: string; initials?: string; colour?: string },
): Promise<Coder> {
  const name = input.name.trim();
  const existing = await db.coders.where('projectId').equals(input.projectId).toArray();
  const coder = checked({
    id: newGuid(),
    projectId: input.projectId,
    name,
    initials: (input.initials?.trim() || initialsOf(name)).slice(0, 4),
    colour: input.colour ?? paletteColour(existing.length + 4),
  });
  if (existing.some((c) => c.name.toLocaleLowerCase('en-GB') === name.toLocaleLowerCase('en-GB'))) {
    throw new Error(`There is already a coder called “${name}”`);
  }
  return recorded(db, input.projectId, `Add coder “${name}”`, [db.coders, db.audit], async (rec) => {
    await rec.put(db.coders, coder);
    await recordAudit(db, input.projectId, 'coder.create', [coder.id]);
    return coder;
  });
}

/** Change a coder's name, initials or colour (undoable). */
export async function updateCoder(db: ChorusDb, id: string, patch: CoderPatch): Promise<Coder> {
  const before = await db.coders.get(id);
  if (!before) throw new Error('No such coder');
  const after = checked({ ...before, ...patch, ...(patch.name !== undefined ? { name: patch.name.trim() } : {}), ...(patch.initials !== undefined ? { initials: patch.initials.trim() } : {}) });
  return recorded(db, before.projectId, `Edit coder “${before.name}”`, [db.coders, db.audit], async (rec) => {
    await rec.put(db.coders, after);
    await recordAudit(db, before.projectId, 'coder.update', [id]);
    return after;
  });
}
