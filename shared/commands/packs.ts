/**
 * Pack template commands (issue 11): a project keeps its own edited template per audience (table
 * packTemplates, at most one row per audience). `savePackTemplate` stores the whole edited template
 * (checked by shared/packs/templates.ts validateTemplate: sections, unique ids, kinds the audience
 * allows); `resetPackTemplate` deletes it, so the audience's preset applies again. Each is one
 * undoable step; the audit keeps the row id and the number of sections, never the wording.
 */
import type { StoredPackTemplate } from '../model';
import { AUDIENCE_LABELS, PACK_AUDIENCES, type PackAudience } from '../packs/model';
import { validateTemplate, type PackTemplate } from '../packs/templates';
import { del, put } from './codebook';
import type { Handler, Snapshot } from './types';

export type PackTemplateCommand =
  /** Store `template` as the project's template for its audience (replacing any saved one). */
  | { type: 'savePackTemplate'; template: PackTemplate }
  /** Forget the project's template for `audience`: the preset applies again. */
  | { type: 'resetPackTemplate'; audience: PackAudience };

type Of<T extends PackTemplateCommand['type']> = Extract<PackTemplateCommand, { type: T }>;

const storedFor = (state: Snapshot, projectId: string, audience: PackAudience) => (state.packTemplates ?? []).find((t) => t.projectId === projectId && t.audience === audience);

/** The template's content (what an edit changes), for "nothing changed" checks. */
const content = (t: Pick<StoredPackTemplate, 'title' | 'sections'>) => JSON.stringify([t.title, t.sections.map((s) => [s.id, s.kind, s.heading, s.intro])]);

const label = (audience: PackAudience) => AUDIENCE_LABELS[audience].toLowerCase();

const savePackTemplate: Handler<Of<'savePackTemplate'>, StoredPackTemplate> = {
  writes: ['packTemplates'],
  reads: () => ({ packTemplates: true }),
  plan(state, cmd, ctx) {
    const template = validateTemplate(cmd.template);
    const before = storedFor(state, ctx.projectId, template.audience);
    const row: StoredPackTemplate = {
      id: before?.id ?? ctx.newId(),
      projectId: ctx.projectId,
      audience: template.audience,
      title: template.title,
      sections: template.sections.map((s) => ({ id: s.id, kind: s.kind, heading: s.heading, intro: s.intro })),
      updatedAt: ctx.now,
    };
    // saving what is already stored changes nothing (no undo step, no audit entry)
    if (before && content(before) === content(row)) return { ops: [], step: null, audit: { action: 'packTemplate.save', ids: [before.id] }, result: before };
    return {
      ops: [put('packTemplates', row, !before)],
      step: { label: `Edit the ${label(template.audience)} pack template` },
      audit: { action: 'packTemplate.save', ids: [row.id], counts: { sections: row.sections.length } },
      result: row,
    };
  },
};

const resetPackTemplate: Handler<Of<'resetPackTemplate'>, { audience: PackAudience; reset: boolean }> = {
  writes: ['packTemplates'],
  reads: () => ({ packTemplates: true }),
  plan(state, cmd, ctx) {
    if (!(PACK_AUDIENCES as readonly string[]).includes(cmd.audience)) throw new Error(`There is no "${String(cmd.audience)}" pack; expected one of ${PACK_AUDIENCES.join(', ')}`);
    const before = storedFor(state, ctx.projectId, cmd.audience);
    // already the preset: nothing to do
    if (!before) return { ops: [], step: null, audit: { action: 'packTemplate.reset', ids: [] }, result: { audience: cmd.audience, reset: false } };
    return {
      ops: [del('packTemplates', before.id)],
      step: { label: `Reset the ${label(cmd.audience)} pack template` },
      audit: { action: 'packTemplate.reset', ids: [before.id] },
      result: { audience: cmd.audience, reset: true },
    };
  },
};

export const packTemplateHandlers = { savePackTemplate, resetPackTemplate };
