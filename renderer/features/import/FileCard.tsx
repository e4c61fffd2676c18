import type { SourceSpec } from '../../../shared/import/mapping';
import type { ImportFileKind } from '../../../shared/import/pipeline';
import type { ImportIssue } from '../../../shared/import/types';
import type { FileInfo, TableSettings, TableSummary, TranscriptSummary } from '../../workers/import-protocol';
import type { MappingDraft } from './draft';
import { IssueList } from './IssueList';
import { SourceFields } from './SourceFields';
import { TableFileCard } from './TableFileCard';
import { TranscriptFileCard } from './TranscriptFileCard';

/** One chosen file and everything the user has decided about it. */
export interface Entry {
  id: string;
  name: string;
  kind: ImportFileKind | undefined;
  info?: FileInfo;
  loading: boolean;
  error?: { message: string; issues: ImportIssue[] };
  settings: TableSettings;
  table?: TableSummary;
  draft?: MappingDraft;
  source: SourceSpec;
  transcript?: TranscriptSummary;
  notSpeakers: string[];
  /** The user confirmed importing a file that was imported before. */
  reimportOk: boolean;
  /** A transcript in a source of its own (`source`) rather than the batch's shared transcripts' source. */
  ownSource?: boolean;
  /** For the chosen participant column: per attribute column, participants whose rows differ there. */
  levels?: { participantColumn: string; varying: Record<string, number> };
}

const KIND_NAMES: Record<ImportFileKind, string> = { table: 'table', workbook: 'workbook', transcript: 'transcript' };

export function FileCard({ entry: e, onRemove, onSettings, onPatch }: { entry: Entry; onRemove: () => void; onSettings: (s: TableSettings) => void; onPatch: (p: Partial<Entry>) => void }) {
  const id = `f-${e.id.slice(0, 8)}`;
  const prev = e.info?.previous ?? [];
  return (
    <section className="import-card" aria-labelledby={`${id}-h`} aria-busy={e.loading}>
      <header className="import-card__head">
        <h3 id={`${id}-h`}>
          <bdi>{e.name}</bdi>
        </h3>
        <span className="muted">
          {e.kind ? KIND_NAMES[e.kind] : 'unsupported'}
          {e.info ? ` · ${(e.info.bytes / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1 })} KB` : ''}
          {e.loading ? ' · reading…' : ''}
        </span>
        <button type="button" className="link-button" onClick={onRemove} aria-label={`Remove ${e.name}`}>
          Remove
        </button>
      </header>
      {e.error && (
        <div role="alert" className="import-failure">
          <p>{e.error.message}</p>
          <IssueList title={`Errors in ${e.name}`} issues={e.error.issues} tone="error" />
        </div>
      )}
      {prev.length > 0 && (
        <div className="import-reimport" role="alert">
          <p>
            This file was already imported into this project{' '}
            {prev.map((p) => `on ${new Date(p.at).toLocaleString('en-GB')} by ${p.by}`).join('; ')}. Importing it again adds its documents a second time.
          </p>
          <label>
            <input type="checkbox" checked={e.reimportOk} onChange={(ev) => onPatch({ reimportOk: ev.target.checked })} /> Import it again anyway
          </label>
        </div>
      )}
      {e.table && e.draft && (
        <TableFileCard id={id} table={e.table} settings={e.settings} draft={e.draft} levels={e.levels?.participantColumn === e.draft.participantColumn ? e.levels.varying : undefined} source={e.source} onSettings={onSettings} onDraft={(draft) => onPatch({ draft })} onSource={(source) => onPatch({ source })} />
      )}
      {e.transcript && <TranscriptFileCard id={id} transcript={e.transcript} notSpeakers={e.notSpeakers} onChange={(notSpeakers) => onPatch({ notSpeakers })} />}
      {e.transcript && (
        <div className="import-ownsource">
          <label>
            <input type="checkbox" checked={e.ownSource ?? false} onChange={(ev) => onPatch({ ownSource: ev.target.checked })} /> Put this file in a source of its own (otherwise it joins the transcripts’ source below)
          </label>
          {e.ownSource && <SourceFields idPrefix={`${id}-src`} value={e.source} onChange={(source) => onPatch({ source })} />}
        </div>
      )}
      {e.table && e.table.warnings.length > 0 && <IssueList title={`Warnings for ${e.name}`} issues={e.table.warnings} tone="warning" />}
    </section>
  );
}
