/** The pack the app and the CLI both make for a project (no writers imported: the app loads those on demand). */
import type { ProjectBundle } from '../model/entities';
import { buildPack } from './build';
import { gatherPackInput } from './gather';
import type { PackAudience, PackDocument } from './model';
import { presetTemplate, validateTemplate, type PackTemplate } from './templates';

export const PACK_FORMATS = ['html', 'docx', 'pdf', 'xlsx'] as const;
export type PackFormat = (typeof PACK_FORMATS)[number];

/** The project's own template for the audience (saved in the app, checked again here), else the preset. */
export function templateFor(bundle: ProjectBundle, audience: PackAudience): PackTemplate {
  const saved = bundle.packTemplates?.find((t) => t.audience === audience);
  return saved ? validateTemplate({ audience: saved.audience, title: saved.title, sections: saved.sections }) : presetTemplate(audience);
}

/** The pack the app and the CLI both make for a project. */
export function makePack(bundle: ProjectBundle, audience: PackAudience, opts: { now?: Date; template?: PackTemplate } = {}): PackDocument {
  return buildPack(opts.template ?? templateFor(bundle, audience), gatherPackInput(bundle, { now: opts.now }));
}
