/**
 * Inter-coder agreement over a ProjectBundle: percent agreement, kappa and Krippendorff's alpha
 * per code and overall, at the character level (NVivo's coding comparison) or over units
 * (response, sentence, paragraph, document), for two or more coders, with missing data.
 *
 * Definitions (also in the user guide notes):
 * - Each code is a binary variable: per unit (or character), each coder applied it or not.
 *   A coder "applied code c to unit u" if any of their codings of c overlaps u.
 * - A coder counts as present for a document if they have ≥ 1 coding of any code in it, or it is
 *   assigned to them (`assignedTo`, `assignedDocumentIds`), or `absentCoder` is 'uncoded' (the
 *   default, as NVivo: every document in scope counts, silence = not coded). Otherwise their
 *   values there are missing.
 * - Character level: every character of every document counts, coded or not, over the WHOLE
 *   document length (never over coded characters only, a known error in a peer tool).
 *   Per code the characters of all selected documents are pooled (a 2×2 table summed over
 *   documents, so each document weighs by its length, as NVivo's weighted average does).
 * - Overall: all (unit, code) pairs pooled into one table. Percent agreement overall is then the
 *   mean of the per-code percentages (every code has the same pairable units); kappa and alpha
 *   overall are the pooled statistics, not a mean of per-code values, so a code no one applied
 *   does not count as a perfect 1 (it has no variation and its own kappa/alpha is null).
 * - Percent agreement is on 0–100. Kappa is Cohen's for two coders and Fleiss' for more (over
 *   units every coder was present for). Null means undefined (no pairable units or no variation).
 */
import type { ProjectBundle } from '../../model';
import { addBinaryCounts, binaryStats, emptyBinaryCounts, type BinaryCounts } from './stats';
import { prepare, type AbsentCoder, type AgreementOptions, type AgreementUnit, type Prepared } from './prepare';
import { CharacterSweep, documentUnits, UnitSweep, type DocUnits } from './sweep';

export { ABSENT_CODER, AgreementError, AGREEMENT_UNITS, type AbsentCoder, type AgreementOptions, type AgreementUnit } from './prepare';
export { assignedDocuments } from './assignments';
export { CONSENSUS_CODER, consensusCodings, decisionFor, withConsensus } from './consensus';
export {
  cohenKappa,
  cohenKappaFromTable,
  contingencyTable,
  fleissKappa,
  krippendorffAlphaNominal,
  percentAgreement,
  type Label,
  type Table,
} from './stats';

export interface AgreementStats {
  /** 0–100. */
  percentAgreement: number | null;
  kappa: number | null;
  alpha: number | null;
}

export interface CodeAgreement extends AgreementStats {
  codeId: string;
  code: string;
  /** Pairable units (characters at unit 'character') the statistics rest on. */
  units: number;
}

export interface AgreementReport {
  unit: AgreementUnit;
  /** What silence in a whole (unassigned) document meant. */
  absent: AbsentCoder;
  /** Whether coder assignments decided where silence means "code absent". */
  assigned: boolean;
  /** Documents in scope. */
  documents: number;
  /** Per coder id: documents in scope where that coder has no codings at all. */
  untouched: Record<string, number>;
  coders: { id: string; name: string }[];
  overall: AgreementStats & { units: number };
  codes: CodeAgreement[];
}

export interface Disagreement {
  codeId: string;
  code: string;
  documentId: string;
  start: number;
  end: number;
  /** Coder ids who applied the code here, and present coders who did not. */
  appliedBy: string[];
  notAppliedBy: string[];
}

interface Context {
  p: Prepared;
  units: DocUnits | null;
  sweep: CharacterSweep | UnitSweep;
}

function context(bundle: ProjectBundle, opts: AgreementOptions): Context {
  const p = prepare(bundle, opts);
  const units = opts.unit === 'character' ? null : documentUnits(p, opts.unit);
  return { p, units, sweep: units === null ? new CharacterSweep(p) : new UnitSweep(p, units) };
}

export function computeAgreement(bundle: ProjectBundle, opts: AgreementOptions): AgreementReport {
  const { p, units, sweep } = context(bundle, opts);
  const M = p.M;
  const W = M + 1;
  const H = W * W;
  const C = p.codes.length;

  // Start from "no one applied any code anywhere", then move the weight of each covered
  // segment/unit from k = 0 to its k: linear in the codings, not in documents × codes.
  // Per-code counts live in two flat arrays: hist of code c at [c * H, (c + 1) * H), cells at [c * 4, c * 4 + 4).
  const base = emptyBinaryCounts(M);
  for (let d = 0; d < p.docs.length; d++) {
    const m = p.presentCount[d]!;
    if (m < 2) continue;
    const w = units === null ? p.docLength[d]! : units.offset[d + 1]! - units.offset[d]!;
    base.hist[m * W]! += w;
    if (M === 2) base.cells[0]! += w;
  }
  const hist = new Float64Array(C * H);
  const cells = new Float64Array(C * 4);
  for (let c = 0; c < C; c++) {
    hist.set(base.hist, c * H);
    cells.set(base.cells, c * 4);
  }

  const character = units === null;
  const { groupDoc, groupCode, presentCount } = p;
  const G = groupDoc.length;
  for (let g = 0; g < G; g++) {
    const d = groupDoc[g]!;
    const m = presentCount[d]!;
    if (m < 2) continue;
    const code = groupCode[g]!;
    const ns = sweep.run(g);
    const { segStart, segEnd, segK, segInside } = sweep;
    const h = code * H + m * W;
    for (let i = 0; i < ns; i++) {
      const w = character ? segEnd[i]! - segStart[i]! : 1;
      const k = segK[i]!;
      hist[h]! -= w;
      hist[h + k]! += w;
      if (M === 2) {
        cells[code * 4]! -= w;
        cells[code * 4 + (k === 2 ? 3 : segInside[i * M]! ? 1 : 2)]! += w;
      }
    }
  }

  const total = emptyBinaryCounts(M);
  const codes: CodeAgreement[] = p.codes.map((code, i) => {
    const c: BinaryCounts = { coders: M, hist: hist.subarray(i * H, (i + 1) * H), cells: cells.subarray(i * 4, i * 4 + 4) };
    addBinaryCounts(total, c);
    const s = binaryStats(c);
    return { codeId: code.id, code: code.name, percentAgreement: s.percentAgreement, kappa: s.kappa, alpha: s.alpha, units: s.units };
  });
  const o = binaryStats(total);
  return {
    unit: opts.unit,
    absent: opts.absentCoder ?? 'uncoded',
    assigned: opts.assignedTo !== undefined,
    documents: p.docs.length,
    untouched: Object.fromEntries(p.coders.map((c, j) => [c.id, p.untouched[j]!])),
    coders: p.coders,
    overall: { percentAgreement: o.percentAgreement, kappa: o.kappa, alpha: o.alpha, units: codes[0]?.units ?? 0 },
    codes,
  };
}

/**
 * The units (at 'character': maximal spans with one set of coders) where present coders differ
 * on a code, ordered by code (codebook order), document, then position. `limit` caps the list.
 */
export function listDisagreements(bundle: ProjectBundle, opts: AgreementOptions & { limit?: number }): Disagreement[] {
  const ctx = context(bundle, opts);
  const found: { code: number; doc: number; start: number; end: number; applied: Uint8Array }[] = [];
  const { p, sweep } = ctx;
  const M = p.M;
  for (let g = 0; g < p.groupDoc.length; g++) {
    const d = p.groupDoc[g]!;
    if (p.presentCount[d]! < 2) continue;
    const ns = sweep.run(g);
    for (let i = 0; i < ns; i++) {
      if (sweep.segK[i]! >= p.presentCount[d]!) continue;
      found.push({ code: p.groupCode[g]!, doc: d, start: sweep.segStart[i]!, end: sweep.segEnd[i]!, applied: sweep.segInside.slice(i * M, i * M + M) });
    }
  }
  found.sort((a, b) => a.code - b.code || a.doc - b.doc || a.start - b.start);
  const limit = opts.limit ?? Infinity;
  return found.slice(0, limit).map((f) => {
    const appliedBy: string[] = [];
    const notAppliedBy: string[] = [];
    p.coders.forEach((c, j) => {
      if (f.applied[j]) appliedBy.push(c.id);
      else if (p.present[f.doc * p.M + j]) notAppliedBy.push(c.id);
    });
    return { codeId: p.codes[f.code]!.id, code: p.codes[f.code]!.name, documentId: p.docs[f.doc]!.id, start: f.start, end: f.end, appliedBy, notAppliedBy };
  });
}
