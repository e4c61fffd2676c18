/** Coder commands: add a coder, change a coder's name, initials or colour. */
import { Coder } from '../model';
import { paletteColour } from '../coding/palette';
import { put } from './codebook';
import type { Handler } from './types';

export type CoderPatch = Partial<Pick<Coder, 'name' | 'initials' | 'colour'>>;

export type CoderCommand =
  | { type: 'createCoder'; name: string; initials?: string; colour?: string }
  | { type: 'updateCoder'; coderId: string; patch: CoderPatch };

type Of<T extends CoderCommand['type']> = Extract<CoderCommand, { type: T }>;

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

const sameName = (a: string, b: string) => a.toLocaleLowerCase('en-GB') === b.toLocaleLowerCase('en-GB');

/** Add a coder. Initials default to the name's; the colour to the next palette colour. */
const createCoder: Handler<Of<'createCoder'>, Coder> = {
  writes: ['coders'],
  reads: () => ({ coders: true }),
  plan(state, cmd, ctx) {
    const name = cmd.name.trim();
    const coder = checked({
      id: ctx.newId(),
      projectId: ctx.projectId,
      name,
      initials: (cmd.initials?.trim() || initialsOf(name)).slice(0, 4),
      colour: cmd.colour ?? paletteColour(state.coders.length + 4),
    });
    if (state.coders.some((c) => sameName(c.name, name))) throw new Error(`There is already a coder called “${name}”`);
    return { ops: [put('coders', coder, true)], step: { label: `Add coder “${name}”` }, audit: { action: 'coder.create', ids: [coder.id] }, result: coder };
  },
};

const updateCoder: Handler<Of<'updateCoder'>, Coder> = {
  writes: ['coders'],
  reads: () => ({ coders: true }),
  plan(state, { coderId, patch }) {
    const before = state.coders.find((c) => c.id === coderId);
    if (!before) throw new Error('No such coder');
    const after = checked({ ...before, ...patch, ...(patch.name !== undefined ? { name: patch.name.trim() } : {}), ...(patch.initials !== undefined ? { initials: patch.initials.trim() } : {}) });
    return { ops: [put('coders', after)], step: { label: `Edit coder “${before.name}”` }, audit: { action: 'coder.update', ids: [coderId] }, result: after };
  },
};

export const coderHandlers = { createCoder, updateCoder };
