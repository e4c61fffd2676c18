import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { WorkspaceProps } from '../../app/workspaces';
import { useDb } from '../../app/dbContext';
import { useCoder } from '../../app/useCoder';
import { openDocumentAt } from '../../app/openDocument';
import { execute, getDocuments, getDocumentTexts, listSafeguardFlags } from '../../db/api';
import { CATEGORY_LABELS } from '../../../shared/safeguarding/lexicon';
import { FLAG_STATUS_LABELS, type FlagStatus, type SafeguardFlag } from '../../../shared/safeguarding/flags';
import { errorMessage } from '../../../shared/error-message';
import { WellbeingSettings } from './WellbeingSettings';
import './safeguarding.css';

type Show = 'open' | 'reviewed' | 'all';

/** At most this many flags are listed at once (the rest are counted). */
const PAGE = 200;

interface ShownFlag {
  flag: SafeguardFlag;
  title: string;
  passage: string;
}

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The safeguarding review list: passages flagged as possible disclosures of current risk, with the
 * passage (as text), why it was flagged, and a review outcome recorded under the reviewer's name.
 * Flags never change or hide the text; marking one reviewed is one undoable step.
 */
export function SafeguardingWorkspace({ project }: WorkspaceProps) {
  const db = useDb();
  const { coder } = useCoder(db, project.id);
  const [show, setShow] = useState<Show>('open');
  const [status, setStatus] = useState('');
  const data = useLiveQuery(async () => {
    const all = await listSafeguardFlags(db, project.id);
    const open = all.filter((f) => f.status === 'open').length;
    const chosen = all.filter((f) => (show === 'all' ? true : show === 'open' ? f.status === 'open' : f.status !== 'open'));
    const page = chosen.slice(0, PAGE);
    const docIds = [...new Set(page.map((f) => f.documentId))];
    const [docs, texts] = await Promise.all([getDocuments(db, docIds), getDocumentTexts(db, docIds)]);
    const byId = new Map(docIds.map((id, i) => [id, { title: docs[i]?.title ?? 'A document no longer in the project', text: texts[i] ?? '' }]));
    const shown: ShownFlag[] = page.map((flag) => {
      const d = byId.get(flag.documentId)!;
      return { flag, title: d.title, passage: d.text.slice(flag.start, flag.end) };
    });
    return { total: all.length, open, reviewed: all.length - open, chosen: chosen.length, shown };
  }, [db, project.id, show]);

  async function review(flag: SafeguardFlag, outcome: Exclude<FlagStatus, 'open'>) {
    try {
      await execute(db, project.id, { type: 'reviewSafeguardFlag', flagId: flag.id, outcome, reviewedBy: coder?.name ?? 'local user' });
      setStatus(`Marked ${FLAG_STATUS_LABELS[outcome].toLocaleLowerCase('en-GB')}. Undo is in the header.`);
    } catch (e) {
      setStatus(`Could not record the review: ${errorMessage(e)}`);
    }
  }

  return (
    <main className="safeguarding-workspace" id="document-area" aria-labelledby="safeguarding-title">
      <h2 id="safeguarding-title">Safeguarding</h2>
      <p className="safeguarding-intro">
        Passages that may disclose a <strong>current</strong> risk — a threat to life, self-harm or suicidal intent, a child at risk, or abuse that is still happening — found when text is
        imported or read. Each is a prompt for a person to read it, never a judgement: flags do not change or hide any text. Follow your organisation’s safeguarding procedure, then
        record the outcome here.
      </p>
      <fieldset className="safeguarding-filter">
        <legend>Show</legend>
        {(
          [
            ['open', `Open (${data?.open ?? 0})`],
            ['reviewed', `Reviewed (${data?.reviewed ?? 0})`],
            ['all', `All (${data?.total ?? 0})`],
          ] as const
        ).map(([value, label]) => (
          <label key={value}>
            <input type="radio" name="safeguarding-show" value={value} checked={show === value} onChange={() => setShow(value)} /> {label}
          </label>
        ))}
      </fieldset>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {status && <p className="safeguarding-status">{status}</p>}
      {data === undefined ? (
        <p className="empty">Loading the flags…</p>
      ) : data.shown.length === 0 ? (
        <p className="empty">{show === 'open' ? 'No flags are waiting for review.' : 'No flags to show.'}</p>
      ) : (
        <ul className="safeguarding-list" aria-label="Safeguarding flags">
          {data.shown.map(({ flag, title, passage }) => (
            <li key={flag.id} className={`safeguarding-flag safeguarding-flag--${flag.status}`}>
              <article aria-labelledby={`flag-${flag.id}`}>
                <h3 id={`flag-${flag.id}`} className="safeguarding-flag__title">
                  <span className="safeguarding-flag__category">{CATEGORY_LABELS[flag.category]}</span> — <bdi>{title}</bdi>
                </h3>
                <blockquote className="safeguarding-flag__passage">{passage}</blockquote>
                <p className="safeguarding-flag__meta">
                  Flagged {flag.origin === 'import' ? 'on import' : 'while reading'} on {when(flag.createdAt)} · cue: <code>{flag.cue}</code> · characters {flag.start}–{flag.end}
                </p>
                {flag.status === 'open' ? (
                  <div className="safeguarding-flag__actions">
                    <button type="button" onClick={() => void review(flag, 'reviewed-no-action')}>
                      Reviewed – no action
                    </button>
                    <button type="button" onClick={() => void review(flag, 'reviewed-referred')}>
                      Reviewed – referred
                    </button>
                    <button type="button" className="link-button" onClick={() => void openDocumentAt(db, { projectId: project.id, documentId: flag.documentId, start: flag.start, end: flag.end })}>
                      Open in the Code workspace
                    </button>
                  </div>
                ) : (
                  <p className="safeguarding-flag__outcome">
                    {FLAG_STATUS_LABELS[flag.status]} by <bdi>{flag.reviewedBy}</bdi>
                    {flag.reviewedAt && ` on ${when(flag.reviewedAt)}`}
                  </p>
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
      {data && data.chosen > data.shown.length && (
        <p className="empty">
          Showing the first {data.shown.length.toLocaleString('en-GB')} of {data.chosen.toLocaleString('en-GB')}; review these to see more.
        </p>
      )}
      <WellbeingSettings />
    </main>
  );
}
