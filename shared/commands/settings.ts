/**
 * Project settings (issue 11): the disclosure threshold every published table, chart and pack
 * uses. One undoable step; the audit keeps the new threshold (a number, no content).
 */
import { ProjectSettings } from '../model';
import { put } from './codebook';
import type { Handler } from './types';

export type SettingsCommand =
  /** Change project settings (only the fields given). The threshold is a whole number from 0 to 1,000; 10 is the default. */
  { type: 'updateProjectSettings'; disclosureThreshold?: number; locale?: string };

const updateProjectSettings: Handler<SettingsCommand, ProjectSettings> = {
  writes: ['projects'],
  reads: () => ({ project: true }),
  plan(state, cmd, ctx) {
    if (!state.project) throw new Error(`No project with id ${ctx.projectId}`);
    const t = cmd.disclosureThreshold;
    if (t !== undefined && (!Number.isInteger(t) || t < 0 || t > 1000))
      throw new Error(`The disclosure threshold must be a whole number from 0 to 1,000 (got ${String(t)})`);
    const settings = ProjectSettings.parse({ ...state.project.settings, ...(t !== undefined ? { disclosureThreshold: t } : {}), ...(cmd.locale !== undefined ? { locale: cmd.locale } : {}) });
    const project = { ...state.project, settings, updatedAt: ctx.now };
    return {
      ops: [put('projects', project)],
      step: { label: t !== undefined ? `Set the disclosure threshold to ${t}` : 'Change project settings' },
      audit: { action: 'project.settings', ids: [project.id], counts: { disclosureThreshold: settings.disclosureThreshold } },
      result: settings,
    };
  },
};

export const settingsHandlers = { updateProjectSettings };
