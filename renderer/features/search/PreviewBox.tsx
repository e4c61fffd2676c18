import type { CodingPreview } from '../../workers/search-core';
import { snippet } from '../../../shared/coding/snippet';
import { plural } from '../../../shared/plural';


/** What an apply would code: counts and the first few segments, with the Apply button. */
export function PreviewBox({ preview, codeName, busy, onApply }: { preview: CodingPreview; codeName: string; busy: boolean; onApply: () => void }) {
  if (preview.segments === 0) return <p className="preview-box hint">Nothing new to code: every match is already coded with this code by you, or there are no matches.</p>;
  return (
    <div className="preview-box">
      <p className="preview-box__count">
        Will code <strong>{plural(preview.segments, 'segment')}</strong> in <strong>{plural(preview.documents, 'document')}</strong> as {codeName}.
      </p>
      <ul className="preview-box__samples" aria-label="First segments to be coded">
        {preview.samples.map((s, i) => (
          <li key={i}>
            <span className="preview-box__title">{s.title}</span>: “{snippet(s.text, 140)}”
          </li>
        ))}
      </ul>
      <button type="button" className="primary" disabled={busy} onClick={onApply}>
        Apply as one step
      </button>
    </div>
  );
}

export { plural };
