/** The demo project plus findings, recommendations, actions and quotes (confirmed, unconfirmed, with personal data). */
import { buildDemoProject } from '../../../shared/demo';
import type { Action, Finding, ProjectBundle, Quote, Recommendation } from '../../../shared/model';

const AT = '2026-01-15T10:00:00.000Z';
let n = 0;
const guid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

export interface PackFixture {
  bundle: ProjectBundle;
  quotes: { confirmed: Quote; unconfirmed: Quote; personal: Quote; confirmed2: Quote };
  hostileTitle: string;
}

export function packFixture(): PackFixture {
  n = 0;
  const b = structuredClone(buildDemoProject());
  const pid = b.project.id;
  const coder = b.coders[0]!.id;
  const docs = b.documents.filter((d) => d.participantId && d.text.length > 120);
  const [d1, d2, d3, d4] = docs;
  d3!.text = `${d3!.text} You can email me at jo.bloggs@example.com any time.`;
  d3!.length = d3!.text.length;
  const q = (d: typeof d1, start: number, end: number, confirmed: boolean): Quote => ({
    id: guid(), projectId: pid, documentId: d!.id, start, end, starredBy: coder, at: AT, note: '', ...(confirmed ? { confirmedBy: coder, confirmedAt: AT } : {}),
  });
  const quotes = {
    confirmed: q(d1, 0, 100, true),
    unconfirmed: q(d2, 0, 100, false),
    personal: q(d3, d3!.text.length - 60, d3!.text.length, true),
    confirmed2: q(d4, 0, 90, true),
  };
  const theme = (name: string) => b.codes.find((c) => c.name === name && c.parentId === null)!.id;
  b.codes[0]!.definition = '=SUM(A1:A9)';
  const hostileTitle = 'Updates <img src=x onerror="alert(1)"> & “communication” =HYPERLINK("http://evil.example")';
  const finding = (title: string, codeIds: string[], quoteIds: string[], order: number, audiences: Finding['audiences'] = []): Finding => ({
    id: guid(), projectId: pid, title, summary: 'Victims told us they were not kept informed after reporting.', codeIds, quoteIds, evidenceCodingIds: [], audiences, order, createdAt: AT,
  });
  const f1 = finding('Victims were not told what happened next', [theme('Updates and communication')], [quotes.confirmed.id, quotes.unconfirmed.id, quotes.personal.id], 0);
  const f2 = finding(hostileTitle, [theme('Being believed')], [quotes.confirmed2.id], 1);
  const f3 = finding('Partners-only finding about referral data', [theme('Support and referral')], [], 2, ['partners']);
  const rec = (findingId: string, text: string, order: number): Recommendation => ({ id: guid(), projectId: pid, findingId, text, order, createdAt: AT });
  const r1 = rec(f1.id, 'Train call handlers to give every victim a named contact', 0);
  const r2 = rec(f2.id, 'Review how first accounts are recorded', 0);
  const act = (r: Recommendation, over: Partial<Action>): Action => ({ id: guid(), projectId: pid, findingId: r.findingId, recommendationId: r.id, recommendation: 'Give every victim a named officer', owner: 'Head of Contact', status: 'proposed', outcome: '', createdAt: AT, ...over });
  b.findings = [f1, f2, f3];
  b.recommendations = [r1, r2];
  b.actions = [
    act(r1, { status: 'done', outcome: 'Every victim now gets the name of an officer to call' }),
    act(r1, { recommendation: 'Text updates every week', status: 'not actioned', notActionedReason: 'our text system cannot send them yet' }),
    act(r2, { recommendation: 'Audit 50 first accounts', owner: 'Crime Standards', status: 'proposed', due: '2026-03-31' }),
  ];
  b.quotes = Object.values(quotes);
  return { bundle: b, quotes, hostileTitle };
}
