/**
 * Audience presets as editable templates: an ordered list of sections, each with a heading and an
 * optional introduction the lead can reword. Templates are stored per project (table packTemplates)
 * and edited through commands; these presets are where a new template starts.
 */
import { z } from 'zod';
import { PACK_AUDIENCES, type PackAudience } from './model';

export const SECTION_KINDS = [
  'headline-findings',
  'charts',
  'strength',
  'decisions',
  'themes',
  'quotes',
  'do-differently',
  'training',
  'you-said-we-did',
  'feedback',
  'support',
  'tables',
  'codebook',
  'reliability',
  'method',
  'sources-dates',
  'limitations',
  'text',
] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export const PackSection = z.object({
  id: z.string().min(1).max(60),
  kind: z.enum(SECTION_KINDS),
  heading: z.string().min(1).max(200),
  /** Wording shown under the heading (for 'text', 'feedback', 'support': the whole section). */
  intro: z.string().max(5000).default(''),
});
export type PackSection = z.infer<typeof PackSection>;

export const PackTemplate = z.object({
  audience: z.enum(PACK_AUDIENCES),
  title: z.string().min(1).max(200),
  sections: z.array(PackSection).max(40),
});
export type PackTemplate = z.infer<typeof PackTemplate>;

/** The sections every pack states, added at the end when a template has dropped them. */
export const REQUIRED_KINDS: readonly SectionKind[] = ['method', 'sources-dates', 'limitations'];

const s = (id: string, kind: SectionKind, heading: string, intro = ''): PackSection => ({ id, kind, heading, intro });

export const PRESETS: Record<PackAudience, PackTemplate> = {
  executive: {
    audience: 'executive',
    title: 'Victim feedback: briefing for chief officers',
    sections: [
      s('headlines', 'headline-findings', 'Headline findings'),
      s('charts', 'charts', 'The evidence in charts'),
      s('strength', 'strength', 'How strong the evidence is'),
      s('decisions', 'decisions', 'Decisions asked for', 'We ask the chief officer group to agree the actions below.'),
      s('method', 'method', 'Method'),
      s('sources', 'sources-dates', 'Sources and dates'),
      s('limits', 'limitations', 'Limitations'),
    ],
  },
  practitioners: {
    audience: 'practitioners',
    title: 'What victims told us: notes for practitioners',
    sections: [
      s('themes', 'themes', 'Themes and what sits under them'),
      s('findings', 'headline-findings', 'What we found'),
      s('quotes', 'quotes', 'In their words'),
      s('differently', 'do-differently', 'What to do differently'),
      s('training', 'training', 'Training implications'),
      s('method', 'method', 'How we did this'),
      s('sources', 'sources-dates', 'Sources and dates'),
      s('limits', 'limitations', 'Limitations'),
    ],
  },
  public: {
    audience: 'public',
    title: 'You said, we did',
    sections: [
      s('intro', 'text', 'Thank you', 'Thank you for telling us about your experience. This is what you told us, and what we are doing about it.'),
      s('findings', 'headline-findings', 'What you told us'),
      s('quotes', 'quotes', 'In your words'),
      s('said-did', 'you-said-we-did', 'You said, we did'),
      s('feedback', 'feedback', 'How to tell us what you think', 'You can tell us what you think at any time. Ask any officer for a feedback form, or use the feedback page on our website. You do not have to give your name.'),
      s('support', 'support', 'Where to get support', 'Victim Support can help you. It is free and private. You can get help even if you did not tell the police. Call 0808 16 89 111. You can call at any time, day or night. If you are in danger now, call 999.'),
      s('method', 'method', 'How we did this'),
      s('sources', 'sources-dates', 'Who we heard from, and when'),
      s('limits', 'limitations', 'What this cannot tell us'),
    ],
  },
  partners: {
    audience: 'partners',
    title: 'Victim feedback: analytical report for partners',
    sections: [
      s('findings', 'headline-findings', 'Findings'),
      s('strength', 'strength', 'Strength of evidence'),
      s('tables', 'tables', 'Tables'),
      s('codebook', 'codebook', 'Codebook'),
      s('reliability', 'reliability', 'Reliability'),
      s('method', 'method', 'Method'),
      s('sources', 'sources-dates', 'Sources and dates'),
      s('limits', 'limitations', 'Limitations'),
    ],
  },
};

/** A fresh copy of the preset for `audience`. */
export function presetTemplate(audience: PackAudience): PackTemplate {
  return structuredClone(PRESETS[audience]);
}

/** Section kinds an audience may not carry (the public pack has no tables or codebook). */
export const FORBIDDEN_KINDS: Record<PackAudience, readonly SectionKind[]> = {
  executive: [],
  practitioners: [],
  public: ['tables', 'codebook', 'reliability'],
  partners: [],
};

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** Check a template (from storage or an edit): schema, unique ids, kinds allowed for the audience. */
export function validateTemplate(input: unknown): PackTemplate {
  const parsed = PackTemplate.safeParse(input);
  if (!parsed.success) throw new TemplateError(`pack template is not valid: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
  const t = parsed.data;
  const ids = new Set<string>();
  for (const sec of t.sections) {
    if (ids.has(sec.id)) throw new TemplateError(`pack template has two sections with id "${sec.id}"`);
    ids.add(sec.id);
    if (FORBIDDEN_KINDS[t.audience].includes(sec.kind)) throw new TemplateError(`a ${t.audience} pack cannot have a "${sec.kind}" section`);
  }
  return t;
}

// ── Edits (pure; the commands apply them) ───────────────────────────────────────────────────

export type TemplateEdit =
  | { op: 'add'; section: PackSection; at?: number }
  | { op: 'drop'; id: string }
  | { op: 'move'; id: string; to: number }
  | { op: 'reword'; id: string; heading?: string; intro?: string }
  | { op: 'retitle'; title: string };

export function editTemplate(t: PackTemplate, edit: TemplateEdit): PackTemplate {
  const sections = [...t.sections];
  const find = (id: string) => {
    const i = sections.findIndex((x) => x.id === id);
    if (i < 0) throw new TemplateError(`no section "${id}" in the ${t.audience} template`);
    return i;
  };
  switch (edit.op) {
    case 'add':
      sections.splice(Math.max(0, Math.min(edit.at ?? sections.length, sections.length)), 0, edit.section);
      break;
    case 'drop':
      sections.splice(find(edit.id), 1);
      break;
    case 'move': {
      const [sec] = sections.splice(find(edit.id), 1);
      sections.splice(Math.max(0, Math.min(edit.to, sections.length)), 0, sec!);
      break;
    }
    case 'reword': {
      const i = find(edit.id);
      sections[i] = { ...sections[i]!, ...(edit.heading !== undefined ? { heading: edit.heading } : {}), ...(edit.intro !== undefined ? { intro: edit.intro } : {}) };
      break;
    }
    case 'retitle':
      return validateTemplate({ ...t, title: edit.title });
  }
  return validateTemplate({ ...t, sections });
}
