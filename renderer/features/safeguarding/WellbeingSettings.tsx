import { useEffect, useState } from 'react';
import { useDb } from '../../app/dbContext';
import { BREAK_MINUTES } from '../../../shared/safeguarding/break-reminder';
import { saveBreakSettings, saveContentNotes, useWellbeing } from './wellbeingStore';

/** The analyst's own wellbeing settings (this computer, this user; not part of the project). */
export function WellbeingSettings() {
  const db = useDb();
  const { contentNotes, breaks } = useWellbeing();
  // shown at once, saved in the background (the stored setting then confirms it)
  const [notes, setNotes] = useState(contentNotes);
  const [breaksOn, setBreaksOn] = useState(breaks.enabled);
  useEffect(() => setNotes(contentNotes), [contentNotes]);
  useEffect(() => setBreaksOn(breaks.enabled), [breaks.enabled]);
  const [minutes, setMinutes] = useState(String(breaks.afterMinutes));
  useEffect(() => setMinutes(String(breaks.afterMinutes)), [breaks.afterMinutes]);
  const commitMinutes = () => {
    const n = Number(minutes);
    if (Number.isFinite(n) && n > 0) void saveBreakSettings(db, { ...breaks, afterMinutes: n });
    else setMinutes(String(breaks.afterMinutes));
  };
  return (
    <section className="wellbeing-settings" aria-labelledby="wellbeing-title">
      <h2 id="wellbeing-title">Your wellbeing</h2>
      <p>These settings are yours on this computer; they are not part of the project.</p>
      <label className="wellbeing-settings__row">
        <input
          type="checkbox"
          checked={notes}
          onChange={(e) => {
            setNotes(e.target.checked);
            void saveContentNotes(db, e.target.checked);
          }}
        /> Content notes: fold flagged and possibly distressing passages in documents
        and the survey grid until I choose “Show passage”
      </label>
      <label className="wellbeing-settings__row">
        <input
          type="checkbox"
          checked={breaksOn}
          onChange={(e) => {
            setBreaksOn(e.target.checked);
            void saveBreakSettings(db, { ...breaks, enabled: e.target.checked });
          }}
        /> Remind me to take a break
      </label>
      <label className="wellbeing-settings__row">
        after{' '}
        <input
          type="number"
          min={BREAK_MINUTES.min}
          max={BREAK_MINUTES.max}
          value={minutes}
          disabled={!breaksOn}
          onChange={(e) => setMinutes(e.target.value)}
          onBlur={commitMinutes}
          onKeyDown={(e) => e.key === 'Enter' && commitMinutes()}
        />{' '}
        minutes of continuous coding
      </label>
    </section>
  );
}
