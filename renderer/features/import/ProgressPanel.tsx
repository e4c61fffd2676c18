import { progressStats, timeLeft, type ProgressSample } from './progress';

/** A progress bar with rows, rows per second, time left and Cancel. */
export function ProgressPanel({ label, first, latest, unit, onCancel }: { label: string; first: ProgressSample | null; latest: ProgressSample | null; unit: string; onCancel: () => void }) {
  const s = first && latest ? progressStats(first, latest) : null;
  return (
    <section className="import-progress" aria-label={label}>
      <h2>{label}</h2>
      <progress max={latest?.total || 1} value={latest?.done ?? 0} aria-label={label} />
      <p role="status" aria-live="polite">
        {latest ? `${latest.done.toLocaleString('en-GB')} of ${latest.total.toLocaleString('en-GB')} ${unit}` : 'Starting…'}
        {s?.perSecond ? ` · ${Math.round(s.perSecond).toLocaleString('en-GB')} ${unit}/s` : ''}
        {s?.secondsLeft !== null && s?.secondsLeft !== undefined ? ` · ${timeLeft(s.secondsLeft)}` : ''}
      </p>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </section>
  );
}
