/**
 * Strength of evidence for a finding, from the codes it is linked to (each with its
 * subcategories) and the project: how many participants and documents it rests on, how many kinds
 * of source it appears in (triangulation's corroboration), and, where two or more coders coded it,
 * how far they agreed. Gives a rating with its reasons spelled out in words, so a pack can say
 * why a finding is "strong" and a reader can check it. Pure.
 *
 * Participants: a document linked to a participant counts as that participant; a document linked
 * to none (a partner report, a case review) counts as one voice of its own.
 */
import { SOURCE_KINDS, type Code, type Finding, type ProjectBundle, type SourceKind } from '../model';
import { descendantIds } from '../coding/tree';
import { computeAgreement } from '../analysis/reliability';
import { formatCountOf } from '../privacy/suppress';
import { plural } from '../plural';
import { held } from '../held';

export const STRENGTH_RATINGS = ['strong', 'moderate', 'limited', 'single-source', 'no evidence'] as const;
export type StrengthRating = (typeof STRENGTH_RATINGS)[number];

/** The thresholds behind each rating (stated in every rating's reasons). */
export const STRENGTH_RULES = {
  /** Strong: at least this many participants … */
  strongParticipants: 10,
  /** … in at least this many kinds of source … */
  strongKinds: 2,
  /** … and, where agreement was measured, kappa at least this. */
  strongKappa: 0.6,
  /** Moderate: at least this many participants, and either two kinds of source or the strong number of participants … */
  moderateParticipants: 5,
  /** … and, where agreement was measured, kappa at least this. */
  moderateKappa: 0.4,
} as const;

export interface EvidenceAgreement {
  /** Coders compared (ids). */
  coderIds: string[];
  /** Documents both (or all) coders coded something in: where the comparison was made. */
  documents: number;
  /** Cohen's kappa (two coders) or Fleiss' (more), pooled over the finding's codes; null when undefined. */
  kappa: number | null;
  alpha: number | null;
  percentAgreement: number | null;
}

export interface EvidenceStrength {
  rating: StrengthRating;
  /** Linked codes with their subcategories (those in the codebook). */
  codes: number;
  /** Coded segments of those codes. */
  segments: number;
  participants: number;
  documents: number;
  /** Kinds of source the finding appears in, in the usual order (triangulation's columns). */
  sourceKinds: SourceKind[];
  /** Kinds of source the project has (with at least one document). */
  projectKinds: number;
  /** Triangulation's status for the finding: corroborated (2+ kinds), single-source (1), not found (0). */
  corroboration: 'corroborated' | 'single-source' | 'not found';
  /** Coders who coded it (ids). */
  coderIds: string[];
  /** Agreement where two or more coders coded it; null otherwise (or when it could not be measured). */
  agreement: EvidenceAgreement | null;
  /** The reasons, in words, ending with why the rating is what it is. */
  reasons: string[];
}

const list = (xs: readonly string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);
const two = (x: number) => x.toFixed(2);

/** Landis and Koch's words for a kappa. */
export function kappaWords(k: number): string {
  if (k < 0) return 'poor';
  if (k <= 0.2) return 'slight';
  if (k <= 0.4) return 'fair';
  if (k <= 0.6) return 'moderate';
  if (k <= 0.8) return 'substantial';
  return 'almost perfect';
}

/** The finding's codes with every code below them, limited to the codebook. */
export function findingCodeIds(codes: readonly Code[], codeIds: readonly string[]): Set<string> {
  const known = new Set(codes.map((c) => c.id));
  const out = new Set<string>();
  for (const id of codeIds) if (known.has(id)) for (const d of descendantIds(codes, id)) out.add(d);
  return out;
}

/** Which coders coded which documents (any code): where a comparison between coders can be made. Made once per project view. */
function documentsByCoder(bundle: ProjectBundle): Map<string, Set<string>> {
  const view = projectView(bundle);
  if (!view.docsByCoder) {
    const m = new Map<string, Set<string>>();
    for (const c of bundle.codings) (m.get(c.coderId) ?? m.set(c.coderId, new Set()).get(c.coderId)!).add(c.documentId);
    view.docsByCoder = m;
  }
  return view.docsByCoder;
}

/**
 * What every finding's strength reads from the whole project, made once per bundle (a project's
 * findings were each reading every document and every coding again: 875,000 and 1,000,000 of them
 * in a large survey), and made again if the bundle's lists are replaced.
 */
interface ProjectView {
  lists: readonly [unknown, unknown, unknown];
  docById: Map<string, ProjectBundle['documents'][number]>;
  kindOf: Map<string, SourceKind>;
  /** Kinds of source the project's documents come from. */
  projectKinds: number;
  /** Positions in `bundle.codings` of each code's codings, ascending. */
  codingsOf: Map<string, number[]>;
  /** documentsByCoder, made when first asked for. */
  docsByCoder?: Map<string, Set<string>>;
  /** agreementBase by set of coders, made when first asked for. */
  bases?: Map<string, AgreementBase>;
}

/** Where agreement between some coders is measured: the documents at least two of them coded, and the project cut down to those documents and those coders' codings. */
interface AgreementBase {
  shared: string[];
  bundle: ProjectBundle;
}
const views = held<ProjectBundle, ProjectView>('findings project view');

function projectView(bundle: ProjectBundle): ProjectView {
  const v = views.get(bundle);
  if (v && v.lists[0] === bundle.documents && v.lists[1] === bundle.codings && v.lists[2] === bundle.sources) return v;
  const docById = new Map(bundle.documents.map((d) => [d.id, d]));
  const kindOf = new Map(bundle.sources.map((s) => [s.id, s.kind]));
  const projectKinds = new Set(bundle.documents.map((d) => kindOf.get(d.sourceId)).filter((k) => k !== undefined)).size;
  const codingsOf = new Map<string, number[]>();
  bundle.codings.forEach((c, k) => {
    const list = codingsOf.get(c.codeId);
    if (list) list.push(k);
    else codingsOf.set(c.codeId, [k]);
  });
  return views.set(bundle, { lists: [bundle.documents, bundle.codings, bundle.sources], docById, kindOf, projectKinds, codingsOf });
}

/**
 * The agreement base of a set of coders, made once per project view: every finding coded by the
 * same coders measures agreement over the same documents, so the project is cut down to them once
 * (the documents in the project's order, and the codings on them by those coders, in the project's
 * order: what the agreement reads of the whole project, less what it would pass over), where each
 * finding's measure had read every document and every coding again.
 */
function agreementBase(bundle: ProjectBundle, coderIds: readonly string[]): AgreementBase {
  const view = projectView(bundle);
  const key = coderIds.join(' ');
  const known = (view.bases ??= new Map()).get(key);
  if (known) return known;
  const byCoder = documentsByCoder(bundle);
  // documents at least two of these coders coded something in
  const seen = new Map<string, number>();
  for (const id of coderIds) for (const d of byCoder.get(id) ?? []) seen.set(d, (seen.get(d) ?? 0) + 1);
  const shared = [...seen].filter(([, n]) => n >= 2).map(([d]) => d);
  const inShared = new Set(shared);
  const coders = new Set(coderIds);
  const base: AgreementBase = {
    shared,
    bundle: { ...bundle, documents: bundle.documents.filter((d) => inShared.has(d.id)), codings: bundle.codings.filter((c) => inShared.has(c.documentId) && coders.has(c.coderId)) },
  };
  view.bases.set(key, base);
  return base;
}

function measureAgreement(bundle: ProjectBundle, codeIds: string[], coderIds: string[]): EvidenceAgreement | null {
  const { shared, bundle: cut } = agreementBase(bundle, coderIds);
  if (!shared.length) return { coderIds, documents: 0, kappa: null, alpha: null, percentAgreement: null };
  // (a coder the project does not name is found among all its codings: measured on the whole project)
  const named = coderIds.every((id) => bundle.coders.some((c) => c.id === id));
  const report = computeAgreement(named ? cut : bundle, { unit: 'character', codeIds, coderIds, documentIds: shared, absentCoder: 'missing' });
  return { coderIds, documents: shared.length, kappa: report.overall.kappa, alpha: report.overall.alpha, percentAgreement: report.overall.percentAgreement };
}

/**
 * Strength of evidence for one finding (its `codeIds`). With `threshold` (a pack: the project's
 * disclosure threshold) every count of participants, documents and segments in the reasons from 1
 * to threshold − 1 reads "fewer than N"; the figures and the rating are the same either way.
 */
export function evidenceStrength(bundle: ProjectBundle, finding: Pick<Finding, 'codeIds'>, opts: { threshold?: number } = {}): EvidenceStrength {
  const T = opts.threshold ?? 0;
  const codeSet = findingCodeIds(bundle.codes, finding.codeIds);
  const { docById, kindOf, projectKinds, codingsOf } = projectView(bundle);
  // voices: participants, and documents of no participant (each a voice of its own); two sets, not a string made per coding
  const people = new Set<string>();
  const unplaced = new Set<string>();
  const documents = new Set<string>();
  const kinds = new Set<SourceKind>();
  const coders = new Set<string>();
  let segments = 0;
  // the finding's codings, in the bundle's order
  const positions = [...codeSet].flatMap((id) => codingsOf.get(id) ?? []).sort((a, b) => a - b);
  for (const k of positions) {
    const c = bundle.codings[k]!;
    const doc = docById.get(c.documentId);
    if (!doc) continue;
    segments++;
    documents.add(doc.id);
    if (doc.participantId) people.add(doc.participantId);
    else unplaced.add(doc.id);
    const kind = kindOf.get(doc.sourceId);
    if (kind) kinds.add(kind);
    coders.add(c.coderId);
  }
  const sourceKinds = SOURCE_KINDS.filter((k) => kinds.has(k));
  const coderIds = bundle.coders.map((c) => c.id).filter((id) => coders.has(id));
  for (const id of coders) if (!coderIds.includes(id)) coderIds.push(id);
  const agreement = coderIds.length >= 2 ? measureAgreement(bundle, [...codeSet], coderIds) : null;
  const participants = people.size + unplaced.size;
  const corroboration = sourceKinds.length >= 2 ? 'corroborated' : sourceKinds.length === 1 ? 'single-source' : 'not found';

  const reasons: string[] = [];
  if (segments === 0) {
    reasons.push(codeSet.size === 0 ? 'It is not linked to any code yet.' : 'No text has been coded with its codes yet.');
  } else {
    reasons.push(`${formatCountOf(participants, T, 'participant')} in ${formatCountOf(documents.size, T, 'document')} (${formatCountOf(segments, T, 'coded segment')} under ${plural(codeSet.size, 'code')}, subcategories included).`);
    if (sourceKinds.length >= 2) reasons.push(`It appears in ${sourceKinds.length} kinds of source (${list(sourceKinds)}), so it is corroborated.`);
    else if (projectKinds >= 2) reasons.push(`It appears in one kind of source only (${sourceKinds[0]}) of the project’s ${projectKinds}, so it is not corroborated.`);
    else reasons.push(`The project has one kind of source (${sourceKinds[0]}), so it cannot be corroborated by another.`);
    if (agreement === null) reasons.push(coderIds.length === 1 ? 'Only one coder coded it, so agreement between coders was not measured.' : 'Agreement was not measured.');
    else if (agreement.kappa === null) reasons.push(`${plural(coderIds.length, 'coder')} coded it, but not in the same documents (or with no variation), so agreement could not be measured.`);
    else {
      const measure = coderIds.length === 2 ? 'Cohen’s kappa' : 'Fleiss’ kappa';
      reasons.push(
        `${plural(coderIds.length, 'coder')} coded it; on the ${agreement.documents > 0 && agreement.documents < T ? `documents they both coded (${formatCountOf(agreement.documents, T, 'document')})` : `${plural(agreement.documents, 'document')} they both coded`}, ${measure} was ${two(agreement.kappa)} (${kappaWords(agreement.kappa)} agreement)${agreement.alpha === null ? '' : `, Krippendorff’s alpha ${two(agreement.alpha)}`}.`,
      );
    }
  }
  const kappa = agreement?.kappa ?? null;
  const R = STRENGTH_RULES;
  let rating: StrengthRating;
  if (segments === 0) rating = 'no evidence';
  else if (participants === 1) rating = 'single-source';
  else if (participants >= R.strongParticipants && sourceKinds.length >= R.strongKinds && (kappa === null || kappa >= R.strongKappa)) rating = 'strong';
  else if (participants >= R.moderateParticipants && (sourceKinds.length >= 2 || participants >= R.strongParticipants) && (kappa === null || kappa >= R.moderateKappa)) rating = 'moderate';
  else rating = 'limited';
  reasons.push(ratingReason(rating, participants, sourceKinds.length, kappa, T));
  return { rating, codes: codeSet.size, segments, participants, documents: documents.size, sourceKinds, projectKinds, corroboration, coderIds, agreement, reasons };
}

/**
 * The sentence that states the rating. Published (a threshold above 1), a single-source finding
 * reads as a limited one would ("fewer than 5 participants"): "one participant's account" would
 * publish a count of one.
 */
function ratingReason(rating: StrengthRating, participants: number, kinds: number, kappa: number | null, threshold = 0): string {
  const R = STRENGTH_RULES;
  if (rating === 'single-source' && threshold > 1) return ratingReason('limited', participants, kinds, kappa);
  switch (rating) {
    case 'no evidence':
      return 'No evidence: nothing coded supports it yet.';
    case 'single-source':
      return 'Single source: it rests on one participant’s account.';
    case 'strong':
      return `Strong: at least ${R.strongParticipants} participants, at least ${R.strongKinds} kinds of source${kappa === null ? '' : ` and agreement of at least ${R.strongKappa}`}.`;
    case 'moderate': {
      const short: string[] = [];
      if (participants < R.strongParticipants) short.push(`fewer than ${R.strongParticipants} participants`);
      if (kinds < R.strongKinds) short.push('one kind of source');
      if (kappa !== null && kappa < R.strongKappa) short.push(`agreement below ${R.strongKappa}`);
      return `Moderate: at least ${R.moderateParticipants} participants, but ${list(short)}.`;
    }
    case 'limited': {
      const short: string[] = [];
      if (participants < R.moderateParticipants) short.push(`fewer than ${R.moderateParticipants} participants`);
      else if (kinds < 2 && participants < R.strongParticipants) short.push(`one kind of source and fewer than ${R.strongParticipants} participants`);
      if (kappa !== null && kappa < R.moderateKappa) short.push(`agreement below ${R.moderateKappa}`);
      return `Limited: ${list(short)}.`;
    }
  }
}
