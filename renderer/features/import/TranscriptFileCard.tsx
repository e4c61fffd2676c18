import type { TranscriptSummary } from '../../workers/import-protocol';

/** Detected speakers with their turn counts; unticking a label folds its turns into the previous speaker's. */
export function TranscriptFileCard({ id, transcript, notSpeakers, onChange }: { id: string; transcript: TranscriptSummary; notSpeakers: string[]; onChange: (notSpeakers: string[]) => void }) {
  return (
    <div className="import-transcript">
      {transcript.speakers.length === 0 ? (
        <p className="import-warning">No speaker labels were found (such as “Interviewer:”); the file will be one block of text.</p>
      ) : (
        <fieldset>
          <legend>Speakers found — untick any label that is not a speaker</legend>
          <ul className="import-speakers">
            {transcript.speakers.map((s) => (
              <li key={s.speaker}>
                <label>
                  <input
                    type="checkbox"
                    checked={!notSpeakers.includes(s.speaker)}
                    onChange={(e) => onChange(e.target.checked ? notSpeakers.filter((x) => x !== s.speaker) : [...notSpeakers, s.speaker])}
                  />
                  <span className="import-speakers__name">{s.speaker}</span> <span className="muted">{s.turns.toLocaleString('en-GB')} turn{s.turns === 1 ? '' : 's'}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <details>
        <summary>Start of the text ({transcript.characters.toLocaleString('en-GB')} characters)</summary>
        <pre id={`${id}-preview`} className="import-transcript__preview">
          {transcript.preview}
        </pre>
      </details>
    </div>
  );
}
