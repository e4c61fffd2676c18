/** Rows per second and time left for the progress bar, from the first and latest progress reports. */
export interface ProgressSample {
  done: number;
  total: number;
  /** ms, e.g. performance.now(). */
  at: number;
}

export interface ProgressStats {
  fraction: number;
  perSecond: number | null;
  secondsLeft: number | null;
}

export function progressStats(first: ProgressSample, latest: ProgressSample): ProgressStats {
  const fraction = latest.total > 0 ? Math.min(1, latest.done / latest.total) : 0;
  const seconds = (latest.at - first.at) / 1000;
  const rows = latest.done - first.done;
  if (seconds <= 0.2 || rows <= 0) return { fraction, perSecond: null, secondsLeft: null };
  const perSecond = rows / seconds;
  return { fraction, perSecond, secondsLeft: Math.max(0, (latest.total - latest.done) / perSecond) };
}

/**
 * Time left in words: "less than a second left", "about 5 seconds left", "about a minute left",
 * "about 2 minutes left", "about 1 hour 5 minutes left". Rounded to what a person can use:
 * whole seconds under a minute, whole minutes under an hour.
 */
export function timeLeft(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 1) return 'less than a second left';
  const s = Math.round(seconds);
  if (s < 60) return `about ${s === 1 ? 'a second' : `${s} seconds`} left`;
  const m = Math.round(seconds / 60);
  if (m < 60) return `about ${m === 1 ? 'a minute' : `${m} minutes`} left`;
  const h = Math.floor(m / 60);
  const rest = m - h * 60;
  return `about ${h === 1 ? '1 hour' : `${h} hours`}${rest > 0 ? ` ${rest} minute${rest === 1 ? '' : 's'}` : ''} left`;
}

/** Issues as plain text lines, for "Copy errors". */
export function issuesAsText(issues: readonly { file: string; row?: number; column?: string; message: string }[]): string {
  return issues.map((i) => [i.file || '(import)', i.row !== undefined ? `row ${i.row}` : '', i.column !== undefined ? `column "${i.column}"` : '', i.message].filter(Boolean).join('\t')).join('\n');
}
