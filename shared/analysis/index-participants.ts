/**
 * The participants an analysis index reads, by position in id order: a list's (participants made
 * one by one), or a survey table's read from its dataset's columns: its id (made once and kept with
 * the dataset), pseudonym and attribute values (one object per combination of values, shared). A
 * survey of 500,000 participants is then no list of 500,000 objects and no map of their ids in the
 * analysis worker. Both forms give the same answers (a property test compares them).
 */
import type { AttributeValue, Participant } from '../model';
import { datasetAttributeSets, datasetParticipantIndex, datasetParticipantsIn, DATASET_ID_LENGTH, participantIdOf, sortedIndexOf, type Dataset } from '../import/dataset';
import { mergeById } from './by-id';

export interface IndexParticipants {
  readonly length: number;
  id(i: number): string;
  sourceId(i: number): string;
  pseudonym(i: number): string;
  attributes(i: number): Readonly<Record<string, AttributeValue>>;
  /** The position of a participant by id, or undefined if it is not one of these. */
  indexOf(id: string): number | undefined;
}

/** A survey table's participants (their indexes in the dataset, ascending, so in id order): what the index reads of a dataset. */
export interface TableParticipants {
  ds: Dataset;
  people: Int32Array;
}

/** A dataset's participants, less those `hidden(p)` says to leave out. */
export function tableParticipants(ds: Dataset, hidden?: (p: number) => boolean): TableParticipants {
  const n = ds.participants.pseudonyms.length;
  const kept: number[] = [];
  for (let p = 0; p < n; p++) if (!hidden?.(p)) kept.push(p);
  return { ds, people: Int32Array.from(kept) };
}

/** The index among a table's participants of the one with this id, or -1. */
export function participantIndexOf(t: TableParticipants, id: string): number {
  const p = datasetParticipantIndex(t.ds, id);
  return p < 0 ? -1 : sortedIndexOf(t.people, p);
}

/** A dataset's participants `people`, made (in the dataset's order). */
function made(t: TableParticipants): Participant[] {
  const all = datasetParticipantsIn(t.ds, 0, t.ds.participants.pseudonyms.length);
  return Array.from(t.people, (p) => all[p]!);
}

/** Participants made one by one and survey tables' participants as one list in id order (see by-id.ts). */
export function indexParticipants(listed: readonly Participant[], tables: readonly TableParticipants[] = []): IndexParticipants {
  const runOf = (t: TableParticipants) => {
    const n = t.people.length;
    return { key: t.ds.id, count: n, first: n ? participantIdOf(t.ds, t.people[0]!) : '', last: n ? participantIdOf(t.ds, t.people[n - 1]!) : '' };
  };
  const all = mergeById(listed, tables, runOf, made, DATASET_ID_LENGTH);
  const sets = new Map<TableParticipants, Readonly<Record<string, AttributeValue>>[]>();
  const setsOf = (t: TableParticipants) => sets.get(t) ?? sets.set(t, datasetAttributeSets(t.ds)).get(t)!;
  return {
    length: all.length,
    id(pos) {
      const p = all.partOf(pos);
      return p.table ? participantIdOf(p.table.ds, p.table.people[pos - p.start]!) : p.list[pos - p.start]!.id;
    },
    sourceId(pos) {
      const p = all.partOf(pos);
      return p.table ? p.table.ds.sourceId : p.list[pos - p.start]!.sourceId;
    },
    pseudonym(pos) {
      const p = all.partOf(pos);
      return p.table ? p.table.ds.participants.pseudonyms[p.table.people[pos - p.start]!]! : p.list[pos - p.start]!.pseudonym;
    },
    attributes(pos) {
      const p = all.partOf(pos);
      return p.table ? setsOf(p.table)[p.table.people[pos - p.start]!]! : p.list[pos - p.start]!.attributes;
    },
    indexOf: (id) => all.indexOf(id, participantIndexOf),
  };
}

/** Participants made one by one, then each table's, made, in the order the store lists them: for the readers that need every participant made (agreement, findings). */
export function listParticipantsOf(listed: readonly Participant[], tables: readonly TableParticipants[]): Participant[] {
  return listed.concat(...tables.map(made));
}
