import type { DocumentMeta, Participant, RetractionTarget, Source } from '../../../shared/model';
import { participantLabel } from '../../../shared/governance/target-search';

/**
 * One kind's list for the retraction picker: the items as the store lists them (no object made
 * per item: a survey can make 875,000 documents) and how each is named. Made once per list read,
 * so anything made for the whole list lives as long as the list does.
 */
export interface TargetList<T extends { id: string } = { id: string }> {
  readonly kind: RetractionTarget['kind'];
  readonly items: readonly T[];
  /** The name shown for an item, and put in the input when it is chosen. */
  label(item: T): string;
  /** The name searched: the label of items[index]. */
  searchLabel(item: T, index: number): string;
}

/** The chosen item. */
export interface Target {
  id: string;
  label: string;
}

export function documentTargets(documents: readonly DocumentMeta[]): TargetList<DocumentMeta> {
  return { kind: 'document', items: documents, label: (d) => d.title, searchLabel: (d) => d.title };
}

export function sourceTargets(sources: readonly Source[]): TargetList<Source> {
  return { kind: 'source', items: sources, label: (s) => s.name, searchLabel: (s) => s.name };
}

/**
 * Participants named "pseudonym (source name)". Searching needs every label, so they are made the
 * first time the list is searched (not when it is read, which is on every change to the data), once.
 */
export function participantTargets(participants: readonly Participant[], sources: readonly Source[]): TargetList<Participant> {
  const sourceName = new Map(sources.map((s) => [s.id, s.name]));
  const label = (p: Participant) => participantLabel(p.pseudonym, sourceName.get(p.sourceId));
  let labels: string[] | undefined;
  return {
    kind: 'participant',
    items: participants,
    label,
    searchLabel: (_p, i) => (labels ??= participants.map(label))[i]!,
  };
}
