/**
 * Build an audience pack: a template (sections) + the project's evidence (PackInput) → a pure
 * PackDocument. Rules by audience:
 * - every pack states method, sources and dates, and limitations (added when a template dropped them);
 * - every count honours the disclosure threshold ("fewer than N"), every table and chart is
 *   published through forPublication (primary and secondary suppression);
 * - executive: at most 5 charts and 5 headline findings;
 * - public: no tables, codebook or reliability; only confirmed quotes that pass the personal-data
 *   re-scan and the rare-combination check; no participant ids or attributes; readability scored;
 * - no pack prints participant ids or attribute values: quotes are attributed to a kind of source.
 */
import { forPublication } from '../analysis/disclosure';
import type { AnalysisTable, Cell } from '../analysis/types';
import { suppressionText } from '../analysis/disclosure';
import type { Audience } from '../model/entities';
import { weDidLine } from '../findings/you-said-we-did';
import type { PackFindingInput, PackInput, PackQuoteInput, PackStrength } from './input';
import { AUDIENCE_LABELS, type PackAudience, type PackBlock, type PackDocument, type PackTable } from './model';
import { packChart } from './pack-charts';
import { quoteRefusals } from './quote-safety';
import { fewerThan, formatCount, formatCountOf } from '../privacy/suppress';
import { readability, readabilityStatement } from './readability';
import { FORBIDDEN_KINDS, REQUIRED_KINDS, validateTemplate, type PackSection, type PackTemplate } from './templates';

/** The executive pack is one printed A4 page: its charts sit in a two-by-two grid. */
export const MAX_EXECUTIVE_CHARTS = 4;
export const MAX_EXECUTIVE_FINDINGS = 5;

const MODEL_AUDIENCE: Record<PackAudience, Audience> = {
  executive: 'chief officers',
  practitioners: 'practitioners',
  public: 'victim/survivors and public',
  partners: 'partners',
};

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** Kinds of source in plain words, for the public pack. */
const KIND_WORDS: Record<string, string> = {
  survey: 'surveys',
  interview: 'interviews',
  'focus group': 'focus groups',
  complaint: 'complaints',
  'case review': 'case reviews',
  partner: 'partner agencies',
  other: 'other feedback',
};


/** A count and its noun: singular only for exactly one shown ("1 participant", "fewer than 10 participants"). */
function people(n: number, threshold: number, word: [string, string] = ['participant', 'participants']): string {
  return formatCountOf(n, threshold, word[0], word[1]);
}

/** A sentence's first letter in capitals ("fewer than 10 people…" → "Fewer than 10 people…"). */
const sentence = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Public packs name no source (a source's name is the analyst's and may name a place or person): kinds only, added up. */
function sourcesByKind(sources: PackInput['sources']): Array<{ kind: string; documents: number; participants: number }> {
  const out = new Map<string, { kind: string; documents: number; participants: number }>();
  for (const s of sources) {
    const k = out.get(s.kind) ?? { kind: s.kind, documents: 0, participants: 0 };
    k.documents += s.documents;
    k.participants += s.participants;
    out.set(s.kind, k);
  }
  return [...out.values()];
}

/** A finding's strength of evidence as every pack prints it: evidenceStrength's reasons, in order (the last one states the rating). */
export function strengthText(s: PackStrength): string {
  return s.reasons.join(' ');
}

/** The method in plain words for the public pack (the analysts' statement is in the other packs); it claims a second check only when there was one. */
export function publicMethod(coders: number): string {
  return `We read everything people told us. We sorted what they said into themes. Then we counted how many people spoke about each theme.${coders >= 2 ? ' More than one person did the sorting, and we checked that they agreed.' : ''}`;
}
export const PUBLIC_LIMITATIONS = [
  'Only people who chose to talk to us are in this report.',
  'We sorted what people said into themes. Someone else might sort it a little differently.',
  'The numbers show how many people spoke about a theme. They do not show how strongly people felt.',
];

const SOURCE_WORDS: Record<string, string> = {
  survey: 'someone who answered our survey',
  interview: 'someone we interviewed',
  'focus group': 'someone in a focus group',
  complaint: 'someone who made a complaint',
  'case review': 'a case review',
  partner: 'a partner organisation',
  other: 'someone who gave feedback',
};

/** A published table as text: list (quote) columns dropped, suppressed cells in words. */
export function packTable(pub: AnalysisTable): PackTable {
  const columns = pub.columns.filter((c) => c.type !== 'list');
  const text = (cell: Cell | undefined, type: string): string => {
    if (cell === null || cell === undefined) return '–';
    if (typeof cell === 'number') return type === 'percent' ? `${numberFormat.format(cell)}%` : numberFormat.format(cell);
    if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
    if (typeof cell === 'string') return cell;
    return cell.join('; ');
  };
  return {
    title: pub.title,
    columns: columns.map((c) => c.label),
    numeric: columns.map((c) => c.type === 'count' || c.type === 'percent' || c.type === 'number'),
    rows: pub.rows.map((row, r) => columns.map((c) => suppressionText(pub, r, c.key) ?? text(row[c.key], c.type))),
    notes: [`What this shows: ${pub.notes.shows}`, `Limits: ${pub.notes.limits}`, ...pub.warnings],
  };
}

/** A codes-by-value table cut to its themes (top-level codes: a path with no "›"), before it is published. */
export function themeRowsOnly(t: AnalysisTable): AnalysisTable {
  return { ...t, rows: t.rows.filter((r) => typeof r.path !== 'string' || !r.path.includes(' › ')) };
}

function forAudience(f: PackFindingInput, audience: PackAudience): boolean {
  return f.audiences.length === 0 || f.audiences.includes(MODEL_AUDIENCE[audience]);
}

function dateText(iso: string | null): string {
  if (!iso) return 'an unknown date';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The template with the sections every pack must state appended when missing, and forbidden ones refused. */
function effectiveSections(t: PackTemplate): PackSection[] {
  const sections = [...t.sections];
  const names: Record<string, string> = { method: 'Method', 'sources-dates': 'Sources and dates', limitations: 'Limitations' };
  for (const kind of REQUIRED_KINDS) if (!sections.some((s) => s.kind === kind)) sections.push({ id: `required-${kind}`, kind, heading: names[kind]!, intro: '' });
  return sections.filter((s) => !FORBIDDEN_KINDS[t.audience].includes(s.kind));
}

export function buildPack(templateInput: PackTemplate, input: PackInput): PackDocument {
  const template = validateTemplate(templateInput);
  const audience = template.audience;
  const isPublic = audience === 'public';
  /** The chief officers' pack fits one printed page: one line per finding, the rating sentence only, a two-sentence method. */
  const brief = audience === 'executive';
  const N = input.project.disclosureThreshold;
  const blocks: PackBlock[] = [];
  const refused = new Map<string, { text: string; reasons: string[] }>();
  // a one-page pack's matrices show themes only (a heatmap of every subcategory cannot be read at that size)
  const published = input.analyses.map((a) => ({ a, pub: forPublication(brief && a.chart === 'matrix' ? themeRowsOnly(a.table) : a.table, N) }));

  let findings = input.findings.filter((f) => forAudience(f, audience));
  if (audience === 'executive') findings = findings.slice(0, MAX_EXECUTIVE_FINDINGS);

  const usableQuotes = (f: PackFindingInput): PackQuoteInput[] =>
    f.quotes.filter((q) => {
      const reasons = quoteRefusals(q, { public: isPublic, threshold: N, population: input.population });
      if (reasons.length > 0) refused.set(q.id, { text: q.text, reasons });
      return reasons.length === 0;
    });
  const attribution = (q: PackQuoteInput) => `— ${SOURCE_WORDS[q.sourceKind] ?? 'someone who gave feedback'}`;
  const para = (text: string, emphasis?: 'lead' | 'note') => blocks.push(emphasis ? { kind: 'paragraph', text, emphasis } : { kind: 'paragraph', text });
  const nothing = (what: string) => para(`No ${what} recorded yet.`, 'note');

  blocks.push({ kind: 'heading', level: 1, text: template.title });
  para(isPublic ? `From ${input.project.name}. Written on ${dateText(input.generatedAt)}.` : `${input.project.name} — ${AUDIENCE_LABELS[audience].toLowerCase()}. Produced ${dateText(input.generatedAt)}.`, 'lead');
  if (findings.some((f) => f.draft) && isPublic) para('This is a draft. Our analysts still need to check it.', 'note');
  else if (findings.some((f) => f.draft))
    para('No findings have been recorded in this project yet: the findings below are drafted from the themes most participants raised, and need an analyst’s review.', 'note');

  let charts = 0;
  for (const section of effectiveSections(template)) {
    blocks.push({ kind: 'heading', level: 2, text: section.heading });
    if (section.intro) para(section.intro);
    switch (section.kind) {
      case 'text':
      case 'feedback':
      case 'support':
        if (!section.intro) nothing('wording');
        break;
      case 'headline-findings':
        if (findings.length === 0) nothing('findings');
        else if (brief) blocks.push({ kind: 'list', items: findings.map((f) => `${f.title} — raised by ${formatCount(f.participants, N)} of ${people(input.totalParticipants, N)}.`) });
        else for (const f of findings) {
          blocks.push({ kind: 'heading', level: 3, text: f.title });
          if (f.summary) para(f.summary);
          para(isPublic ? `${sentence(people(f.participants, N, ['person', 'people']))} told us this.` : `Raised by ${formatCount(f.participants, N)} of ${people(input.totalParticipants, N)}.`);
        }
        break;
      case 'charts': {
        const cap = audience === 'executive' ? MAX_EXECUTIVE_CHARTS : isPublic ? 1 : Infinity;
        let here = 0;
        // matrices with the fewest suppressed cells first: a mostly hidden heatmap tells a reader little
        const hiddenShare = (pub: AnalysisTable) => (pub.suppressed ?? []).reduce((n, m) => n + Object.keys(m).length, 0) / Math.max(1, pub.rows.length * pub.columns.length);
        const order = [...published].sort((x, y) => Number(x.a.chart === 'matrix') - Number(y.a.chart === 'matrix') || (x.a.chart === 'matrix' ? hiddenShare(x.pub) - hiddenShare(y.pub) : 0));
        for (const { a, pub } of order) {
          if (charts >= cap || (isPublic && a.chart !== 'frequency')) continue;
          const spec = packChart(a, pub);
          if (!spec) continue;
          blocks.push({ kind: 'chart', spec, alt: `${spec.title}. ${spec.description}` });
          charts++;
          here++;
        }
        if (here === 0) nothing('charts');
        break;
      }
      case 'strength':
        if (findings.length === 0) nothing('findings');
        else blocks.push({ kind: 'list', items: findings.map((f) => `${f.title} — ${brief ? (f.strength.reasons.at(-1) ?? '') : strengthText(f.strength)}`) });
        break;
      case 'decisions': {
        const asks = findings.flatMap((f) => f.recommendations.flatMap((r) => {
          const pending = r.actions.filter((x) => x.status === 'proposed');
          return r.actions.length === 0 || pending.length > 0 ? [`${r.text}${pending.length ? ` (proposed: ${pending.map((x) => `${x.what}${x.owner ? `, owner ${x.owner}` : ''}${x.due ? `, by ${dateText(x.due)}` : ''}`).join('; ')})` : ''}`] : [];
        }));
        if (asks.length === 0) nothing('decisions');
        else blocks.push({ kind: 'list', items: asks, ordered: true });
        break;
      }
      case 'themes':
        if (input.themes.length === 0) nothing('themes');
        for (const t of input.themes) {
          blocks.push({ kind: 'heading', level: 3, text: `${t.name} (${people(t.participants, N)})` });
          if (t.children.length > 0) blocks.push({ kind: 'list', items: t.children.map((c) => `${c.name}: ${people(c.participants, N)}`) });
        }
        break;
      case 'quotes': {
        let shown = 0;
        for (const f of findings) {
          const qs = usableQuotes(f);
          if (qs.length === 0) continue;
          blocks.push({ kind: 'heading', level: 3, text: f.title });
          for (const q of qs) blocks.push({ kind: 'quote', text: q.text, attribution: attribution(q) });
          shown += qs.length;
        }
        if (shown === 0) para(isPublic ? 'There are no quotes here yet: each one is checked and confirmed by a person before it is published.' : 'No quotes chosen yet.', 'note');
        break;
      }
      case 'do-differently': {
        const recs = findings.flatMap((f) => f.recommendations.map((r) => `${r.text} (${f.title})`));
        if (recs.length === 0) nothing('recommendations');
        else blocks.push({ kind: 'list', items: recs });
        break;
      }
      case 'training': {
        const words = /\b(train|training|learn|learning|skills?|brief(ing)?|guidance|CPD)\b/i;
        const items = findings.flatMap((f) => f.recommendations.flatMap((r) => [r.text, ...r.actions.map((x) => x.what)].filter((t) => words.test(t))));
        if (items.length === 0) nothing('training implications');
        else blocks.push({ kind: 'list', items: [...new Set(items)] });
        break;
      }
      case 'you-said-we-did': {
        let any = 0;
        for (const f of findings) {
          if (f.weDid.length === 0) continue;
          any++;
          blocks.push({ kind: 'heading', level: 3, text: `You said: ${f.title}` });
          blocks.push({ kind: 'list', items: f.weDid.map((d) => weDidLine(d, dateText)) });
        }
        if (any === 0) para('We are still deciding what to do. We will tell you here when we have.', 'note');
        break;
      }
      case 'tables':
        if (published.length === 0) nothing('tables');
        for (const { pub } of published) blocks.push({ kind: 'table', table: packTable(pub) });
        break;
      case 'codebook':
        if (input.codebook.length === 0) nothing('codes');
        else blocks.push({ kind: 'table', table: { title: 'Codebook', columns: ['Code', 'What it covers'], numeric: [false, false], rows: input.codebook.map((c) => [c.path, c.description || '–']), notes: [] } });
        break;
      case 'reliability':
        if (!input.reliability) nothing('reliability checks');
        else {
          para(input.reliability.statement);
          if (input.reliability.table) blocks.push({ kind: 'table', table: packTable(forPublication(input.reliability.table, 0)) });
        }
        break;
      case 'method':
        para(isPublic ? publicMethod(input.coders) : brief ? input.methodBrief : input.method);
        break;
      case 'sources-dates': {
        const from = dateText(input.dates.from);
        const to = dateText(input.dates.to);
        if (brief) {
          const named = input.sources.map((s) => `${s.name} (${s.kind})`).join(', ');
          para(`Evidence from ${people(input.totalParticipants, N)}, dated ${from} to ${to}${named ? `: ${named}` : ''}.`);
          break;
        }
        para(isPublic ? `We heard from ${formatCount(input.totalParticipants, N)} people between ${from} and ${to}.` : `Evidence from ${people(input.totalParticipants, N)}, dated ${from} to ${to}.`);
        if (input.sources.length > 0)
          blocks.push({
            kind: 'list',
            items: isPublic
              ? sourcesByKind(input.sources).map((s) => `${sentence(KIND_WORDS[s.kind] ?? s.kind)}: ${people(s.participants, N, ['person', 'people'])}`)
              : input.sources.map((s) => `${s.name} (${s.kind}): ${people(s.documents, N, ['document', 'documents'])}, ${people(s.participants, N)}`),
          });
        para(isPublic ? `If fewer than ${N} people said something, we do not give the exact number. This keeps people safe.` : `Counts from 1 to ${Math.max(0, N - 1)} are shown as “${fewerThan(N)}”, and some other figures as “withheld”, so that no one can be identified.`, 'note');
        break;
      }
      case 'limitations':
        if (isPublic) blocks.push({ kind: 'list', items: [...PUBLIC_LIMITATIONS] });
        else if (brief && input.limitations.length > 0) para(input.limitations.join(' '));
        else if (input.limitations.length === 0) nothing('limitations');
        else blocks.push({ kind: 'list', items: [...input.limitations] });
        break;
    }
  }

  const prose = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.kind === 'list' ? b.items : []));
  const score = readability(prose);
  if (isPublic) para(readabilityStatement(score), 'note');
  return {
    audience,
    title: template.title,
    subtitle: `${input.project.name} — ${AUDIENCE_LABELS[audience]}`,
    generatedAt: input.generatedAt,
    disclosureThreshold: N,
    ...(brief ? { layout: 'one-page' as const } : {}),
    blocks,
    readability: score,
    refusedQuotes: [...refused].map(([quoteId, r]) => ({ quoteId, ...r })),
  };
}
