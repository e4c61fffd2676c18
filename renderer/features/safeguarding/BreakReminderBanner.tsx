import { useEffect, useRef, useState } from 'react';
import { BreakReminder } from '../../../shared/safeguarding/break-reminder';
import type { ChorusDb } from '../../db/api';
import { useWellbeingSync } from './wellbeingStore';

/** How often the reminder checks the time (it never interrupts: it is a quiet note in the page). */
const CHECK_MS = 30_000;

/**
 * A gentle, dismissible note after a long stretch of continuous coding (keys and clicks count as
 * activity; a pause of several minutes counts as a break). Never modal, never blocks. Also keeps
 * the wellbeing settings in step for the rest of the app (content notes).
 */
export function BreakReminderBanner({ db, now = Date.now, checkMs = CHECK_MS }: { db: ChorusDb; now?: () => number; checkMs?: number }) {
  const { breaks } = useWellbeingSync(db);
  const reminder = useRef<BreakReminder | null>(null);
  reminder.current ??= new BreakReminder(breaks, now);
  const [due, setDue] = useState(false);
  useEffect(() => reminder.current!.configure(breaks), [breaks]);
  useEffect(() => {
    const r = reminder.current!;
    const onActivity = () => r.activity();
    window.addEventListener('keydown', onActivity, true);
    window.addEventListener('pointerdown', onActivity, true);
    const timer = window.setInterval(() => setDue(r.due()), checkMs);
    return () => {
      window.removeEventListener('keydown', onActivity, true);
      window.removeEventListener('pointerdown', onActivity, true);
      window.clearInterval(timer);
    };
  }, [checkMs]);
  if (!due) return null;
  return (
    <aside className="break-reminder" aria-label="Break reminder">
      <p role="status">
        You have been coding for about {Math.round(reminder.current.activeMinutes())} minutes. Reading accounts like these is demanding — a short break away from the screen may help.
      </p>
      <button
        type="button"
        onClick={() => {
          reminder.current!.dismiss();
          setDue(false);
        }}
      >
        Dismiss
      </button>
    </aside>
  );
}
