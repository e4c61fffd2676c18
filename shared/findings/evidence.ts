/**
 * Everything the Findings workspace shows that is computed from the whole project: the strength
 * of evidence of every finding, the project's figures and the method statement. Run in the
 * analysis worker (it has the project's bundle and prepared index); pure.
 */
import type { ProjectBundle } from '../model';
import type { AnalysisIndex } from '../analysis/prepare';
import { evidenceStrength, type EvidenceStrength } from './strength';
import { methodStatement, projectFigures, type ProjectFigures } from './method';

export interface FindingsEvidence {
  /** By finding id. */
  strengths: Record<string, EvidenceStrength>;
  figures: ProjectFigures;
  statement: string;
}

export function findingsEvidence(bundle: ProjectBundle, index?: AnalysisIndex): FindingsEvidence {
  const figures = projectFigures(bundle, index);
  const strengths: Record<string, EvidenceStrength> = {};
  for (const f of bundle.findings) strengths[f.id] = evidenceStrength(bundle, f);
  return { strengths, figures, statement: methodStatement(figures) };
}
