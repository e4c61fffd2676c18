/**
 * The audit log as people read it: a plain-English name for each action, filters by action and
 * date, and the CSV export (through shared/export's toCsv, so text a spreadsheet would evaluate
 * is neutralised). Pure: the viewer (renderer/features/audit) and tests share it.
 */
import type { AuditEvent } from '../model';
import type { Column, Row } from '../analysis/types';
import { toCsv } from '../export/csv';

/** What each recorded action means, in the viewer's words. */
const LABELS: Record<string, string> = {
  'import.commit': 'Import (files)',
  'project.import': 'Project opened or imported',
  'project.create': 'Project created',
  'project.rename': 'Project renamed',
  'project.merge': 'Merge',
  'project.delete': 'Project deleted',
  'code.create': 'Code created',
  'code.update': 'Code edited',
  'code.move': 'Code moved',
  'code.delete': 'Code deleted',
  'code.merge': 'Codes merged',
  'code.split': 'Code split',
  'code.in-vivo': 'In-vivo code',
  'codebook.import': 'Codebook imported',
  'coding.add': 'Coding added',
  'coding.add-many': 'Codings added',
  'coding.remove': 'Coding removed',
  'coding.remove-many': 'Codings removed',
  'memo.create': 'Memo created',
  'memo.update': 'Memo edited',
  'coder.create': 'Coder added',
  'coder.update': 'Coder edited',
  'coder.switch': 'Coder changed',
  'consensus.decide': 'Consensus decision',
  'assignment.add': 'Assignment added',
  'assignment.remove': 'Assignment removed',
  'history.undo': 'Undo',
  'history.redo': 'Redo',
  'project.settings': 'Project settings changed',
  'project.passphrase.set': 'Passphrase set',
  'project.passphrase.change': 'Passphrase changed',
  'project.passphrase.remove': 'Passphrase removed',
  'method.check': 'Method check ticked or unticked',
  'safeguard.flag': 'Safeguarding flags raised',
  'safeguard.review': 'Safeguarding flag reviewed',
  'retraction.mark': 'Retraction requested',
  'retraction.confirm': 'Retraction confirmed (data deleted)',
  'retention.delete': 'Deleted at end of retention period',
  'retention.set': 'Retention period set',
  'quote.star': 'Quote starred',
  'quote.unstar': 'Quote unstarred',
  'quote.confirm': 'Quote confirmed for publication',
  'quote.unconfirm': 'Quote confirmation withdrawn',
  'finding.create': 'Finding created',
  'finding.update': 'Finding edited',
  'finding.delete': 'Finding deleted',
  'finding.reorder': 'Findings reordered',
  'finding.link-codes': 'Codes linked to a finding',
  'finding.unlink-codes': 'Codes unlinked from a finding',
  'finding.link-quotes': 'Quotes linked to a finding',
  'finding.unlink-quotes': 'Quotes unlinked from a finding',
  'recommendation.create': 'Recommendation created',
  'recommendation.update': 'Recommendation edited',
  'recommendation.delete': 'Recommendation deleted',
  'recommendation.reorder': 'Recommendations reordered',
  'action.create': 'Action created',
  'action.update': 'Action edited',
  'action.status': 'Action status changed',
  'action.delete': 'Action deleted',
};

/** The actions the viewer has its own words for (a test checks every action a writer can record is among them). */
export const LABELLED_ACTIONS: readonly string[] = Object.keys(LABELS);

/** The viewer's name for an action ("export.table.csv" → "Export: table (CSV)"). */
export function actionLabel(action: string): string {
  const known = LABELS[action];
  if (known) return known;
  const exp = /^export\.([a-z]+)\.([a-z]+)$/.exec(action);
  if (exp) return `Export: ${exp[1]} (${exp[2]!.toUpperCase()})`;
  const retract = /^retraction\.(.+)$/.exec(action);
  if (retract) return `Retraction (${retract[1]})`;
  return action;
}

/** The group an action is filtered under: its first part ("code", "export", "import"…). */
export const actionGroup = (action: string): string => action.split('.')[0]!;

export interface AuditFilter {
  /** Action groups to show (empty or absent: all). */
  groups?: readonly string[];
  /** First and last day shown, as YYYY-MM-DD (inclusive, UTC), or absent. */
  from?: string;
  to?: string;
}

/** The entries the filter keeps, in the order given. */
export function filterAudit(rows: readonly AuditEvent[], f: AuditFilter): AuditEvent[] {
  const groups = f.groups && f.groups.length > 0 ? new Set(f.groups) : null;
  return rows.filter((r) => {
    if (groups && !groups.has(actionGroup(r.action))) return false;
    const day = r.at.slice(0, 10);
    if (f.from && day < f.from) return false;
    if (f.to && day > f.to) return false;
    return true;
  });
}

/** "documents 3; redactions 4" (sorted by name), or "" when there are none. */
export const countsText = (counts: AuditEvent['counts']): string =>
  Object.entries(counts ?? {})
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, n]) => `${k} ${n}`)
    .join('; ');

export const AUDIT_COLUMNS: Column[] = [
  { key: 'at', label: 'Time (UTC)', type: 'text' },
  { key: 'actor', label: 'Who', type: 'text' },
  { key: 'action', label: 'Action', type: 'text' },
  { key: 'code', label: 'Action code', type: 'text' },
  { key: 'counts', label: 'Counts', type: 'text' },
  { key: 'ids', label: 'Ids', type: 'text' },
];

export function auditTableRows(rows: readonly AuditEvent[]): Row[] {
  return rows.map((r) => ({ at: r.at, actor: r.actor, action: actionLabel(r.action), code: r.action, counts: countsText(r.counts), ids: r.ids.join('; ') }));
}

/** The log as CSV (RFC 4180, BOM for spreadsheet programs; formula-neutralised by toCsv). */
export function auditCsv(rows: readonly AuditEvent[]): string {
  return toCsv({ columns: AUDIT_COLUMNS, rows: auditTableRows(rows) }, { bom: true });
}
