/**
 * Method: a guided thematic-analysis path (Braun and Clarke's six phases) with a short checklist
 * per phase, the project's own figures, and `methodStatement`, the 2–4 sentence method statement
 * every pack quotes. Pure.
 */
import { SOURCE_KINDS, type ProjectBundle, type SourceKind } from '../model';
import { prepareIndex, type AnalysisIndex } from '../analysis/prepare';
import { saturation } from '../analysis/saturation';
import { computeAgreement } from '../analysis/reliability';
import { kappaWords } from './strength';
import { formatCountOf } from '../privacy/suppress';
import { plural } from '../plural';

export interface MethodCheck {
  /** Stable id, stored in the project's settings when ticked ("phase.item"). */
  id: string;
  text: string;
}

export interface MethodPhase {
  id: 'familiarise' | 'codes' | 'themes' | 'review' | 'define' | 'report';
  name: string;
  /** What the phase is for, in one sentence. */
  purpose: string;
  checks: MethodCheck[];
}

export const METHOD_PHASES: readonly MethodPhase[] = [
  {
    id: 'familiarise',
    name: 'Familiarise yourself with the data',
    purpose: 'Read and re-read the feedback, noting first impressions, before coding anything.',
    checks: [
      { id: 'familiarise.read', text: 'Every source has been read through at least once' },
      { id: 'familiarise.memo', text: 'First impressions are written in memos' },
      { id: 'familiarise.context', text: 'How, when and from whom each source was collected is recorded' },
    ],
  },
  {
    id: 'codes',
    name: 'Generate initial codes',
    purpose: 'Code the data systematically, across the whole data set.',
    checks: [
      { id: 'codes.definitions', text: 'Every code has a definition (and inclusion and exclusion rules where useful)' },
      { id: 'codes.all', text: 'Every document has been coded (or deliberately left out, with a reason)' },
      { id: 'codes.second', text: 'A second coder has coded a sample, and agreement has been checked' },
    ],
  },
  {
    id: 'themes',
    name: 'Search for themes',
    purpose: 'Group codes into candidate themes and subcategories.',
    checks: [
      { id: 'themes.grouped', text: 'Codes are grouped under candidate themes in the codebook' },
      { id: 'themes.sources', text: 'Triangulation shows which themes appear in more than one kind of source' },
    ],
  },
  {
    id: 'review',
    name: 'Review themes',
    purpose: 'Check each theme against its coded segments and against the whole data set.',
    checks: [
      { id: 'review.segments', text: 'Each theme’s coded segments have been read together and still fit it' },
      { id: 'review.disagreements', text: 'Disagreements between coders are resolved and recorded' },
      { id: 'review.saturation', text: 'Saturation has been checked: new codes have stopped appearing' },
    ],
  },
  {
    id: 'define',
    name: 'Define and name themes',
    purpose: 'Say what each theme is about, and write findings as short statements.',
    checks: [
      { id: 'define.names', text: 'Each theme has a clear name and a definition' },
      { id: 'define.findings', text: 'Findings are written as statements and linked to their codes' },
      { id: 'define.quotes', text: 'Illustrative quotes are chosen and checked for personal data' },
    ],
  },
  {
    id: 'report',
    name: 'Produce the report',
    purpose: 'Present the findings for each audience, with recommendations and actions.',
    checks: [
      { id: 'report.strength', text: 'The strength of evidence is stated for every finding' },
      { id: 'report.actions', text: 'Recommendations have owners, due dates and a status' },
      { id: 'report.limitations', text: 'Limitations (who was not heard, small numbers) are stated' },
    ],
  },
];

export const METHOD_CHECK_IDS: ReadonlySet<string> = new Set(METHOD_PHASES.flatMap((p) => p.checks.map((c) => c.id)));

/** The project's own figures that the method path shows and the statement quotes. */
export interface ProjectFigures {
  documents: number;
  /** Participants (a document linked to none counts as a voice of its own). */
  participants: number;
  /** Kinds of source with at least one document, in the usual order. */
  sourceKinds: SourceKind[];
  /** Coders with at least one coding. */
  coders: number;
  codes: number;
  /** Top-level codes. */
  themes: number;
  codings: number;
  /** Documents with at least one coding. */
  codedDocuments: number;
  /** Agreement over all codes, on the documents two or more coders coded; null with fewer than two coders. */
  agreement: { coders: number; documents: number; kappa: number | null; alpha: number | null } | null;
  /** Saturation: documents in coding order, and how many of the last ones added no new code. */
  saturation: { documents: number; sinceLastNewCode: number; reached: boolean };
  /** Earliest and latest collection dates of the sources, if recorded. */
  collected: { from: string; to: string } | null;
}

/** Saturation is "reached" once the last max(5, a tenth of the coded documents) added no new code. */
export const SATURATION_RUN = (documents: number) => Math.max(5, Math.ceil(documents / 10));

/** The project's figures, from its bundle (and its prepared analysis index, when one exists). */
export function projectFigures(bundle: ProjectBundle, index: AnalysisIndex = prepareIndex(bundle)): ProjectFigures {
  const kindOf = new Map(bundle.sources.map((s) => [s.id, s.kind]));
  const kinds = new Set(bundle.documents.map((d) => kindOf.get(d.sourceId)).filter((k) => k !== undefined));
  const voices = new Set(bundle.documents.map((d) => (d.participantId ? `p:${d.participantId}` : `d:${d.id}`)));
  const docsByCoder = new Map<string, Set<string>>();
  for (const c of bundle.codings) (docsByCoder.get(c.coderId) ?? docsByCoder.set(c.coderId, new Set()).get(c.coderId)!).add(c.documentId);
  const coderIds = bundle.coders.map((c) => c.id).filter((id) => docsByCoder.has(id));
  for (const id of docsByCoder.keys()) if (!coderIds.includes(id)) coderIds.push(id);
  let agreement: ProjectFigures['agreement'] = null;
  if (coderIds.length >= 2) {
    const seen = new Map<string, number>();
    for (const id of coderIds) for (const d of docsByCoder.get(id)!) seen.set(d, (seen.get(d) ?? 0) + 1);
    const shared = [...seen].filter(([, n]) => n >= 2).map(([d]) => d);
    if (shared.length) {
      const r = computeAgreement(bundle, { unit: 'character', coderIds, documentIds: shared, absentCoder: 'missing' });
      agreement = { coders: coderIds.length, documents: shared.length, kappa: r.overall.kappa, alpha: r.overall.alpha };
    } else agreement = { coders: coderIds.length, documents: 0, kappa: null, alpha: null };
  }
  const sat = saturation(index).rows;
  let since = 0;
  for (let i = sat.length - 1; i >= 0 && sat[i]!.newCodes === 0; i--) since++;
  const dates = bundle.sources.flatMap((s) => [s.collectedFrom, s.collectedTo].filter((d): d is string => !!d)).map((d) => d.slice(0, 10)).sort();
  return {
    documents: bundle.documents.length,
    participants: voices.size,
    sourceKinds: SOURCE_KINDS.filter((k) => kinds.has(k)),
    coders: coderIds.length,
    codes: bundle.codes.length,
    themes: bundle.codes.filter((c) => c.parentId === null || !bundle.codes.some((p) => p.id === c.parentId)).length,
    codings: bundle.codings.length,
    codedDocuments: sat.length,
    agreement,
    saturation: { documents: sat.length, sinceLastNewCode: since, reached: sat.length > 0 && since >= SATURATION_RUN(sat.length) },
    collected: dates.length ? { from: dates[0]!, to: dates.at(-1)! } : null,
  };
}

const n = (x: number) => x.toLocaleString('en-GB');
const list = (xs: readonly string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);
const WORDS = ['No', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten'];
/** A count that starts a sentence, in words up to ten. */
const capital = (x: number) => WORDS[x] ?? n(x);
const KIND_WORDS: Record<SourceKind, string> = {
  survey: 'survey responses',
  interview: 'interviews',
  'focus group': 'focus groups',
  complaint: 'complaints',
  'case review': 'case reviews',
  partner: 'partner reports',
  other: 'other sources',
};

/**
 * The method statement every pack quotes: 2–4 plain sentences built from the project's figures
 * (what was analysed and how; who coded it and how far they agreed; whether saturation was
 * reached). Deterministic: the same figures give the same words.
 */
export function methodStatement(f: ProjectFigures, opts: { threshold?: number; sentences?: number } = {}): string {
  const T = opts.threshold ?? 0;
  /** Counts of documents and participants as published ("fewer than N" under the threshold); codes and coders are not people. */
  const people = (x: number, one: string, many = `${one}s`) => formatCountOf(x, T, one, many);
  const small = (x: number) => x > 0 && x < T;
  const sentences: string[] = [];
  const from = f.sourceKinds.length ? ` (${list(f.sourceKinds.map((k) => KIND_WORDS[k]))})` : '';
  const when = f.collected ? `, collected between ${f.collected.from} and ${f.collected.to}` : '';
  sentences.push(
    `We analysed ${people(f.documents, 'document')} from ${people(f.participants, 'participant')}${from}${when}, using thematic analysis (Braun and Clarke’s six phases) with a codebook of ${plural(f.codes, 'code')} in ${plural(f.themes, 'theme')}.`,
  );
  if (f.coders <= 1) sentences.push(`${f.coders === 1 ? 'One analyst coded the data' : 'No data has been coded yet'}, so agreement between coders was not measured.`);
  else if (!f.agreement || f.agreement.kappa === null || f.agreement.documents === 0) sentences.push(`${capital(f.coders)} analysts coded the data, but not the same documents, so agreement between them could not be measured.`);
  else {
    const measure = f.coders === 2 ? 'Cohen’s kappa' : 'Fleiss’ kappa';
    const alpha = f.agreement.alpha === null ? '' : `; Krippendorff’s alpha ${f.agreement.alpha.toFixed(2)}`;
    sentences.push(`${capital(f.coders)} analysts coded the data; on the ${small(f.agreement.documents) ? `documents coded by more than one (${people(f.agreement.documents, 'document')})` : `${plural(f.agreement.documents, 'document')} coded by more than one`}, agreement was ${kappaWords(f.agreement.kappa)} (${measure} ${f.agreement.kappa.toFixed(2)}${alpha}).`);
  }
  if (f.saturation.documents > 0) {
    sentences.push(
      f.saturation.reached
        ? `The last ${small(f.saturation.sinceLastNewCode) ? `coded documents (${people(f.saturation.sinceLastNewCode, 'document')})` : plural(f.saturation.sinceLastNewCode, 'coded document')} added no new code, which suggests the codebook had reached saturation.`
        : `New codes were still appearing near the end of coding (${people(f.saturation.sinceLastNewCode, 'document')} since the last new code), so further themes may remain.`,
    );
  }
  if (f.sourceKinds.length >= 2) sentences.push(`Themes were checked across ${plural(f.sourceKinds.length, 'kind')} of source to see which were corroborated.`);
  return sentences.slice(0, Math.min(4, opts.sentences ?? 4)).join(' ');
}
