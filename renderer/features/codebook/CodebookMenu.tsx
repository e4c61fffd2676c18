import { useRef, useState } from 'react';
import { execute } from '../../db/api';
import { useDb } from '../../app/dbContext';
import { getPlatform, pickedBytes } from '../../platform';
import type { Code } from '../../../shared/model';
import { CODEBOOK_FILE_TYPES, type CodebookFormat } from './codebookFileTypes';

/** The file code, loaded when a codebook is first read or saved (it brings the spreadsheet and REFI-QDA libraries). */
const files = () => import('./codebookFiles');
import { TemplateDialog } from './TemplateDialog';
import { errorMessage } from '../../../shared/error-message';

/** "Import and export": import a codebook (.qdc, CSV, XLSX), export it, or add a starter template. */
export function CodebookMenu({ projectId, projectName, codes, onStatus }: { projectId: string; projectName: string; codes: readonly Code[]; onStatus: (m: string) => void }) {
  const db = useDb();
  const [templates, setTemplates] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  const close = () => details.current?.removeAttribute('open');
  const importFile = async () => {
    close();
    try {
      const [file] = await getPlatform().openFiles({ title: 'Import a codebook', accept: CODEBOOK_FILE_TYPES, multiple: false });
      if (!file) return;
      const incoming = await (await files()).codesFromFile(file.name, await pickedBytes(file), projectId);
      const { result: r } = await execute(db, projectId, { type: 'importCodes', codes: incoming, label: `Import codebook “${file.name}”` });
      onStatus(`Imported “${file.name}”: ${r.added} new ${r.added === 1 ? 'code' : 'codes'}${r.matched ? `, ${r.matched} already in the codebook` : ''}.`);
    } catch (e) {
      onStatus(errorMessage(e));
    }
  };
  const exportAs = async (format: CodebookFormat) => {
    close();
    try {
      const f = (await files()).codebookFile([...codes], projectName, format);
      if (await getPlatform().saveFile(f.name, f.bytes, f.mime)) {
        await execute(db, projectId, { type: 'recordExport', kind: 'codebook', format, counts: { codes: codes.length } });
        onStatus(`Exported the codebook as “${f.name}”.`);
      }
    } catch (e) {
      onStatus(`The codebook was not exported: ${errorMessage(e)}`);
    }
  };
  return (
    <>
      <details className="menu" ref={details}>
        <summary>Import and export</summary>
        <div className="menu__items">
          <button type="button" onClick={() => void importFile()}>
            Import codebook (.qdc, CSV, XLSX)…
          </button>
          <button type="button" disabled={codes.length === 0} onClick={() => void exportAs('qdc')}>
            Export as REFI-QDA (.qdc)
          </button>
          <button type="button" disabled={codes.length === 0} onClick={() => void exportAs('csv')}>
            Export as CSV
          </button>
          <button type="button" disabled={codes.length === 0} onClick={() => void exportAs('xlsx')}>
            Export as Excel (.xlsx)
          </button>
          <button
            type="button"
            onClick={() => {
              close();
              setTemplates(true);
            }}
          >
            Add a starter template…
          </button>
        </div>
      </details>
      {templates && (
        <TemplateDialog
          projectId={projectId}
          onClose={() => setTemplates(false)}
          onDone={(m) => {
            setTemplates(false);
            onStatus(m);
          }}
        />
      )}
    </>
  );
}
