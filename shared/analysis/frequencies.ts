/** Code frequencies: codings, documents, participants and % of participants, rolled up into themes. */
import { ANALYSIS_NOTES } from './notes';
import type { AnalysisIndex } from './prepare';
import { countRows, docCodeSets, personCodeSets } from './presence';
import { buildScope, percent, type AnalysisFilter } from './scope';
import type { AnalysisTable } from './types';

/** A code's path from its theme, e.g. "Contact › Kept informed". */
export function codePath(index: AnalysisIndex, c: number): string {
  const chain = index.selfAndAncestors[c]!;
  const names: string[] = [];
  for (let j = chain.length - 1; j >= 0; j--) names.push(index.codes[chain[j]!]!.name);
  return names.join(' › ');
}

export function codeFrequencies(index: AnalysisIndex, filter: AnalysisFilter = {}): AnalysisTable {
  const scope = buildScope(index, filter);
  const nCodes = index.codes.length;
  const codings = new Int32Array(nCodes);
  const { code } = index.codings;
  for (let k = 0; k < index.codings.count; k++) {
    if (!scope.codingIn[k]) continue;
    const chain = index.selfAndAncestors[code[k]!]!;
    for (let j = 0; j < chain.length; j++) codings[chain[j]!]!++;
  }
  const docSets = docCodeSets(index, scope);
  const documents = countRows(docSets, nCodes);
  const participants = countRows(personCodeSets(index, scope, docSets), nCodes);
  const rows = index.codes.map((c, i) => ({
    codeId: c.id,
    code: c.name,
    path: codePath(index, i),
    level: index.depth[i]!,
    codings: codings[i]!,
    documents: documents[i]!,
    participants: participants[i]!,
    participantsPct: percent(participants[i]!, scope.persons),
  }));
  return {
    kind: 'frequencies',
    title: ANALYSIS_NOTES.frequencies.title,
    columns: [
      { key: 'code', label: 'Code', type: 'text' },
      { key: 'path', label: 'Theme › code', type: 'text' },
      { key: 'level', label: 'Level', type: 'number' },
      { key: 'codings', label: 'Codings', type: 'count' },
      { key: 'documents', label: 'Documents', type: 'count' },
      { key: 'participants', label: 'Participants', type: 'count' },
      { key: 'participantsPct', label: '% of participants', type: 'percent', basis: 'participants' },
    ],
    rows,
    notes: ANALYSIS_NOTES.frequencies,
    warnings: index.skippedCodings.length
      ? [`${index.skippedCodings.length} coding(s) refer to a missing document or code and were left out.`]
      : [],
    stats: { participantsInScope: scope.persons, documentsInScope: scope.documents },
  };
}
